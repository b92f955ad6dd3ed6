//! The application state every request shares, and the part of it use cases need.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

use super::{clock::Clock, config::Config};

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub clock: Clock,
}

impl AppState {
    pub fn env(&self) -> Env<'_> {
        Env {
            db: &self.db,
            clock: &self.clock,
            config: &self.config,
        }
    }
}

/// What every use case needs from the running application.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    pub db: &'a DatabaseConnection,
    pub clock: &'a Clock,
    pub config: &'a Config,
}

/// Begins a write transaction. On SQLite it takes the write lock at once (`BEGIN
/// IMMEDIATE`): a transaction that read first and wrote later could otherwise fail with
/// "database is locked" the moment another write is in progress, instead of waiting its
/// turn (the busy timeout only helps a transaction that holds no read lock yet).
/// PostgreSQL ignores the mode.
///
/// # Errors
/// Database failures (including a lock not obtained within the busy timeout).
pub async fn begin_write(db: &DatabaseConnection) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

impl Env<'_> {
    /// A write transaction for one use case (see [`begin_write`]).
    ///
    /// # Errors
    /// Database failures.
    pub async fn begin(&self) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
        begin_write(self.db).await
    }
}
