//! Connecting to SQLite or PostgreSQL and bringing the schema up to date.

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection,
};
use std::time::Duration;

use crate::platform::config::Config;

/// Why the database could not be used; the message names the (masked) URL.
#[derive(Debug, thiserror::Error)]
pub enum DatabaseError {
    #[error("cannot create the folder for the SQLite database {path}: {source}")]
    Folder { path: String, source: std::io::Error },
    #[error("cannot connect to the database {url}: {source}")]
    Connect { url: String, source: sea_orm::DbErr },
    #[error("database migration failed on {url}: {source}")]
    Migrate { url: String, source: sea_orm::DbErr },
}

/// Connects eagerly, so a wrong URL or a stopped server fails the start, not the first
/// request. SQLite runs in WAL mode with foreign keys on, a busy timeout,
/// synchronous=NORMAL and a small page cache per connection.
///
/// # Errors
/// [`DatabaseError::Folder`] or [`DatabaseError::Connect`].
pub async fn connect(config: &Config) -> Result<DatabaseConnection, DatabaseError> {
    let url = config.database_url.clone();
    if config.is_sqlite() {
        create_sqlite_folder(&url)?;
    }
    let busy_timeout = config.request_timeout;
    let mut options = ConnectOptions::new(url);
    options
        .connect_timeout(Duration::from_secs(5))
        // Under a burst, a request waits for a connection as long as it may run at all
        // (then 408), rather than failing early with a 5xx.
        .acquire_timeout(config.request_timeout)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |opts| {
            opts.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                // Writes outside a use case's transaction (session activity, audit
                // entries) wait behind it for as long as their request may run.
                .busy_timeout(busy_timeout)
                .create_if_missing(true)
                // 512 KiB of page cache per connection instead of SQLite's 2 MB: eight
                // connections each kept their own copy of the pages the dashboards read,
                // which alone broke the memory target under the site load, for no gain
                // in throughput (the operating system's file cache still holds the whole
                // database; BENCHMARKS.md, "Memory again").
                .pragma("cache_size", "-512")
        });
    // A pooled connection is pinged before it is handed out only when it sat idle for a
    // minute (a server, proxy or firewall may have dropped it), not on every checkout: the
    // ping was one more round trip for every statement outside a transaction.
    options.test_before_acquire_if_idle_for(Duration::from_secs(60));
    if config.is_sqlite() {
        options.max_connections(8).min_connections(1);
    } else {
        options.max_connections(20).min_connections(1);
    }
    let db = Database::connect(options)
        .await
        .map_err(|source| DatabaseError::Connect {
            url: config.masked_database_url(),
            source,
        })?;
    // `Database::connect` may succeed lazily on some drivers; a ping proves the server answers.
    db.ping().await.map_err(|source| DatabaseError::Connect {
        url: config.masked_database_url(),
        source,
    })?;
    Ok(db)
}

/// Applies every pending migration.
///
/// # Errors
/// [`DatabaseError::Migrate`] naming the database.
pub async fn migrate_up(db: &DatabaseConnection, config: &Config) -> Result<(), DatabaseError> {
    let failed = |source| DatabaseError::Migrate {
        url: config.masked_database_url(),
        source,
    };
    if !config.is_sqlite() {
        return Migrator::up(db, None).await.map_err(failed);
    }
    // On SQLite, one transaction on one connection: the migrator otherwise sends each
    // statement to whichever pooled connection is free, and one still holding an older
    // read snapshot once refused an insert because it could not see the table just made
    // ("ON CONFLICT clause does not match"). Atomic as a bonus: all pending or none.
    let txn = crate::platform::state::begin_write(db).await.map_err(failed)?;
    Migrator::up(&txn, None).await.map_err(failed)?;
    txn.commit().await.map_err(failed)
}

/// Whether the database answers a trivial query (for `/healthz`).
pub async fn is_healthy(db: &DatabaseConnection) -> bool {
    db.execute_unprepared("SELECT 1").await.is_ok()
}

fn create_sqlite_folder(url: &str) -> Result<(), DatabaseError> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(|source| DatabaseError::Folder {
                path: path.to_owned(),
                source,
            })?;
        }
    }
    Ok(())
}
