//! `siap-jepang backup FILE` and `siap-jepang restore FILE`: a consistent copy of a running
//! database, and that copy brought back into an empty one.

use migration::{Migrator, MigratorTrait};
use sea_orm::{sqlx, ConnectionTrait, DatabaseConnection, Statement};
use std::collections::BTreeSet;
use std::path::Path;

use crate::platform::config::Config;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; choose a new file name")]
    Exists(String),
    #[error("SQLite backup failed: {0}")]
    Sqlite(sea_orm::DbErr),
    #[error("pg_dump is not installed. Run: pg_dump --format=custom --file={file} \"{url}\"")]
    PgDumpMissing { file: String, url: String },
    #[error("pg_dump failed with {0}")]
    PgDumpFailed(String),
    #[error("the backup was written but its permissions could not be set to owner-only: {0}")]
    Permissions(std::io::Error),
}

/// A backup holds every trainee's NIK and documents: readable by its owner only.
fn owner_only(file: &Path) -> Result<(), BackupError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))
            .map_err(BackupError::Permissions)?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Why a restore was refused or failed; nothing was written in any of these cases, except
/// [`RestoreError::Migrate`], which leaves the restored data at the backup's schema version.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("{0} does not exist or cannot be read")]
    Missing(String),
    #[error("{0} is not a Siap Jepang backup ({1})")]
    NotABackup(String, String),
    #[error("{0} failed its integrity check: {1}")]
    Damaged(String, String),
    #[error(
        "{0} was made by a newer Siap Jepang (migration {1} is unknown to this version); restore it with that version"
    )]
    Newer(String, String),
    #[error(
        "the database {0} already holds tables; restore only into an empty database (a new SQLite file, or a new PostgreSQL database), then point DATABASE_URL at it"
    )]
    NotEmpty(String),
    #[error("pg_restore is not installed. Run: pg_restore --no-owner --no-privileges --single-transaction --exit-on-error --dbname=\"{url}\" {file}")]
    PgRestoreMissing { file: String, url: String },
    #[error("pg_restore failed: {0}")]
    PgRestoreFailed(String),
    #[error("restore failed, nothing was written: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("restore failed, nothing was written: {0}")]
    Sqlx(#[from] sqlx::Error),
}

/// What a restore brought back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub tables: usize,
    pub rows: u64,
}

/// SQLite: `VACUUM INTO` writes a consistent snapshot while the app keeps serving.
/// PostgreSQL: runs `pg_dump --format=custom`, or says exactly what to run. The file is
/// made readable by its owner only.
///
/// # Errors
/// See [`BackupError`].
pub async fn backup(db: &DatabaseConnection, config: &Config, file: &Path) -> Result<(), BackupError> {
    let display = file.display().to_string();
    if file.exists() {
        return Err(BackupError::Exists(display));
    }
    if config.is_sqlite() {
        let escaped = display.replace('\'', "''");
        db.execute_unprepared(&format!("VACUUM INTO '{escaped}'"))
            .await
            .map_err(BackupError::Sqlite)?;
        return owner_only(file);
    }
    let status = tokio::process::Command::new("pg_dump")
        .arg("--format=custom")
        .arg(format!("--file={display}"))
        .arg(&config.database_url)
        .status()
        .await;
    match status {
        Ok(status) if status.success() => owner_only(file),
        Ok(status) => Err(BackupError::PgDumpFailed(status.to_string())),
        Err(_) => Err(BackupError::PgDumpMissing {
            file: display,
            url: config.masked_database_url(),
        }),
    }
}

/// Brings a backup made by [`backup`] into the empty database of `config`, whole or not
/// at all, after checking that it is a backup of this app that this version can read.
/// The caller then applies the migrations that are newer than the backup.
///
/// SQLite: the backup file is attached and every table copied in one transaction, with
/// its sequences, indexes and triggers. PostgreSQL: `pg_restore` in one transaction.
///
/// # Errors
/// See [`RestoreError`].
pub async fn restore(
    db: &DatabaseConnection,
    config: &Config,
    file: &Path,
) -> Result<Restored, RestoreError> {
    let display = file.display().to_string();
    if !file.is_file() || std::fs::File::open(file).is_err() {
        return Err(RestoreError::Missing(display));
    }
    if config.is_sqlite() {
        restore_sqlite(db, config, file).await
    } else {
        restore_postgres(db, config, file).await
    }
}

fn known_migrations() -> BTreeSet<String> {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect()
}

fn check_versions(display: &str, versions: &[String]) -> Result<(), RestoreError> {
    if versions.is_empty() {
        return Err(RestoreError::NotABackup(
            display.to_owned(),
            "it has no schema versions".into(),
        ));
    }
    let known = known_migrations();
    match versions.iter().find(|v| !known.contains(*v)) {
        Some(unknown) => Err(RestoreError::Newer(display.to_owned(), unknown.clone())),
        None => Ok(()),
    }
}

async fn restore_sqlite(
    db: &DatabaseConnection,
    config: &Config,
    file: &Path,
) -> Result<Restored, RestoreError> {
    let display = file.display().to_string();
    // One connection of the pool for the whole restore: ATTACH belongs to a connection.
    let mut conn = db.get_sqlite_connection_pool().acquire().await?;
    let tables_in_main: i64 =
        sqlx::query_scalar("SELECT count(*) FROM main.sqlite_master WHERE type = 'table'")
            .fetch_one(&mut *conn)
            .await?;
    if tables_in_main > 0 {
        return Err(RestoreError::NotEmpty(config.masked_database_url()));
    }
    sqlx::query("ATTACH DATABASE ? AS backup")
        .bind(&display)
        .execute(&mut *conn)
        .await
        .map_err(|e| RestoreError::NotABackup(display.clone(), e.to_string()))?;
    let copied = copy_attached(&mut conn, &display).await;
    let _ = sqlx::query("DETACH DATABASE backup").execute(&mut *conn).await;
    copied
}

async fn copy_attached(conn: &mut sqlx::SqliteConnection, display: &str) -> Result<Restored, RestoreError> {
    let not_a_backup = |e: sqlx::Error| RestoreError::NotABackup(display.to_owned(), e.to_string());
    let check: String = sqlx::query_scalar("PRAGMA backup.quick_check")
        .fetch_one(&mut *conn)
        .await
        .map_err(not_a_backup)?;
    if check != "ok" {
        return Err(RestoreError::Damaged(display.to_owned(), check));
    }
    let has_versions: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM backup.sqlite_master WHERE type = 'table' AND name = 'seaql_migrations'",
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(not_a_backup)?;
    let versions: Vec<String> = if has_versions == 0 {
        Vec::new()
    } else {
        sqlx::query_scalar("SELECT version FROM backup.seaql_migrations ORDER BY version")
            .fetch_all(&mut *conn)
            .await?
    };
    check_versions(display, &versions)?;

    // Tables first (their rows copied before any index or trigger exists), then the rest.
    let objects: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT type, name, sql FROM backup.sqlite_master \
         WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' \
         ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid",
    )
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
    let copied = copy_objects(conn, &objects).await;
    match copied {
        Ok(restored) => {
            sqlx::query("COMMIT").execute(&mut *conn).await?;
            Ok(restored)
        }
        Err(e) => {
            let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            Err(e)
        }
    }
}

async fn copy_objects(
    conn: &mut sqlx::SqliteConnection,
    objects: &[(String, String, String)],
) -> Result<Restored, RestoreError> {
    // Rows arrive in table order, not in reference order: check references at commit.
    sqlx::query("PRAGMA defer_foreign_keys = ON")
        .execute(&mut *conn)
        .await?;
    let mut restored = Restored { tables: 0, rows: 0 };
    for (kind, name, sql) in objects {
        // The backup's own schema statements, as SQLite stored them.
        sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
            .execute(&mut *conn)
            .await?;
        if kind == "table" {
            let quoted = name.replace('"', "\"\"");
            let done = sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO main.\"{quoted}\" SELECT * FROM backup.\"{quoted}\""
            )))
            .execute(&mut *conn)
            .await?;
            restored.tables += 1;
            restored.rows += done.rows_affected();
        }
    }
    let sequences: i64 =
        sqlx::query_scalar("SELECT count(*) FROM backup.sqlite_master WHERE name = 'sqlite_sequence'")
            .fetch_one(&mut *conn)
            .await?;
    if sequences > 0 {
        // The copied rows advanced the counters to their highest ids; the backup's may be
        // higher still (rows made and deleted), and ids are never reused.
        sqlx::query("DELETE FROM main.sqlite_sequence")
            .execute(&mut *conn)
            .await?;
        sqlx::query("INSERT INTO main.sqlite_sequence SELECT * FROM backup.sqlite_sequence")
            .execute(&mut *conn)
            .await?;
    }
    Ok(restored)
}

async fn restore_postgres(
    db: &DatabaseConnection,
    config: &Config,
    file: &Path,
) -> Result<Restored, RestoreError> {
    let display = file.display().to_string();
    let tables = count(
        db,
        "SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    )
    .await?;
    if tables > 0 {
        return Err(RestoreError::NotEmpty(config.masked_database_url()));
    }
    let missing = || RestoreError::PgRestoreMissing {
        file: display.clone(),
        url: config.masked_database_url(),
    };
    // The schema versions inside the dump, read without touching the database.
    let listing = tokio::process::Command::new("pg_restore")
        .args(["--data-only", "--table=seaql_migrations", "--file=-"])
        .arg(file)
        .output()
        .await
        .map_err(|_| missing())?;
    if !listing.status.success() {
        let reason = String::from_utf8_lossy(&listing.stderr).trim().to_owned();
        return Err(RestoreError::NotABackup(display, reason));
    }
    check_versions(
        &display,
        &dump_versions(&String::from_utf8_lossy(&listing.stdout)),
    )?;

    let output = tokio::process::Command::new("pg_restore")
        .args([
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
        ])
        .arg(format!("--dbname={}", config.database_url))
        .arg(file)
        .output()
        .await
        .map_err(|_| missing())?;
    if !output.status.success() {
        let reason = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        return Err(RestoreError::PgRestoreFailed(reason));
    }
    let names: Vec<String> = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
        ))
        .await?
        .iter()
        .filter_map(|row| row.try_get_by_index::<String>(0).ok())
        .collect();
    let mut restored = Restored {
        tables: names.len(),
        rows: 0,
    };
    for name in &names {
        let quoted = name.replace('"', "\"\"");
        let rows = count(db, &format!("SELECT count(*) AS n FROM \"{quoted}\"")).await?;
        restored.rows += u64::try_from(rows).unwrap_or(0);
    }
    Ok(restored)
}

async fn count(db: &DatabaseConnection, sql: &str) -> Result<i64, sea_orm::DbErr> {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    Ok(row.and_then(|r| r.try_get_by_index::<i64>(0).ok()).unwrap_or(0))
}

/// The versions in the `COPY public.seaql_migrations … FROM stdin;` block of a plain-text
/// dump.
fn dump_versions(sql: &str) -> Vec<String> {
    let mut lines = sql.lines();
    let mut versions = Vec::new();
    if lines.any(|l| l.starts_with("COPY ") && l.contains("seaql_migrations")) {
        for line in lines.by_ref() {
            if line == "\\." {
                break;
            }
            if let Some(version) = line.split('\t').next() {
                versions.push(version.to_owned());
            }
        }
    }
    versions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_versions_come_from_the_copy_block_of_the_dump() {
        let dump = "--\n-- Data for Name: seaql_migrations\n--\n\n\
                    COPY public.seaql_migrations (version, applied_at) FROM stdin;\n\
                    m20261128_000001_create_sites\t1764400000\n\
                    m20261128_000002_create_users\t1764400001\n\\.\n\n";
        assert_eq!(
            dump_versions(dump),
            vec!["m20261128_000001_create_sites", "m20261128_000002_create_users"]
        );
        assert!(dump_versions("-- nothing here\n").is_empty());
    }

    #[test]
    fn a_backup_with_a_version_this_build_does_not_know_is_refused_by_name() {
        let known: Vec<String> = known_migrations().into_iter().collect();
        assert!(check_versions("b.db", &known).is_ok());
        let mut newer = known.clone();
        newer.push("m20991231_000001_future".into());
        assert!(matches!(
            check_versions("b.db", &newer),
            Err(RestoreError::Newer(_, v)) if v == "m20991231_000001_future"
        ));
        assert!(matches!(
            check_versions("b.db", &[]),
            Err(RestoreError::NotABackup(..))
        ));
    }
}
