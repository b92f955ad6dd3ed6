//! `siap-jepang backup <file>`: a consistent copy of a running database.

use sea_orm::{ConnectionTrait, DatabaseConnection};
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
}

/// SQLite: `VACUUM INTO` writes a consistent snapshot while the app keeps serving.
/// PostgreSQL: runs `pg_dump --format=custom`, or says exactly what to run.
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
        return Ok(());
    }
    let status = tokio::process::Command::new("pg_dump")
        .arg("--format=custom")
        .arg(format!("--file={display}"))
        .arg(&config.database_url)
        .status()
        .await;
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(BackupError::PgDumpFailed(status.to_string())),
        Err(_) => Err(BackupError::PgDumpMissing {
            file: display,
            url: config.masked_database_url(),
        }),
    }
}
