//! The application state every request shares, and the part of it use cases need.

use crate::kernel::{AccountId, CohortId};
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::sea_query::{SelectStatement, SimpleExpr, UpdateStatement};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult, QueryResult,
    Statement,
};
use std::sync::Arc;

use super::{clock::Clock, config::Config, limits::Limits, memo::Memo};

/// What every request shares, behind one pointer: each middleware layer and route takes
/// its own copy of the state for every request, and copying one `Arc` is one atomic
/// increment where copying the fields was a dozen (Leptos' options alone hold eight
/// `Arc<str>`); see BENCHMARKS.md, "The floor: the state behind one pointer". Fields read
/// through it as if it were the struct (`state.db`).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    #[must_use]
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The fields of [`AppState`].
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub clock: Clock,
    pub writes: WriteTurns,
    pub ports: Ports,
    /// Values read from the database, held under their stamps (see [`Memo`]).
    pub memo: Memo,
    /// Requests counted per address (public pages' rate limits).
    pub limits: Limits,
}

/// Reads a lower area needs of a higher area's tables, written by the table's owner and
/// wired in by the composition (`server::ports`). Every table has one owning area and
/// only its `db` touches it; an area that must not depend on the owner (the owner depends
/// on it) states here what it needs, and the owner answers with a query it builds. Each
/// port is a plain query builder, so the reads stay single statements.
#[derive(Clone, Copy)]
pub struct Ports {
    /// The cohorts whose seat the trainee record of account `user_id` holds (accepted,
    /// active or completed), as a subquery of cohort ids. Owner: trainees (enrollments);
    /// needed by the cohorts area for a trainee's reach.
    pub seat_cohorts: fn(user_id: AccountId) -> SelectStatement,
    /// The first and last start of the cohort's sessions that are not cancelled, as a
    /// query of one row `(first, last)`. Owner: schedule; needed by the cohort form, whose
    /// dates may not leave planned sessions outside.
    pub planned_span: fn(cohort_id: CohortId) -> SelectStatement,
    /// The display name of the account whose id is the expression `id`, as a scalar
    /// subquery. Owner: accounts; needed by the audit log.
    pub user_name: fn(id: SimpleExpr) -> SimpleExpr,
    /// The name of the site whose id is the expression `id`, as a scalar subquery. Owner:
    /// accounts; needed by the audit log.
    pub site_name: fn(id: SimpleExpr) -> SimpleExpr,
    /// The accounts whose name or e-mail contain `text`, or whose phone or NIK do among the
    /// people of `sites` (every site when `None`), as a subquery of ids. Owner: accounts;
    /// needed by the audit log's person search.
    pub people_matching: fn(text: &str, sites: Option<&[i64]>) -> SelectStatement,
    /// Takes the sessions not yet started (and not cancelled) of instructors removed from a
    /// cohort off them, recording who changed them and when, as one update: they wait for
    /// the coordinator to choose someone, shown to every instructor of the cohort meanwhile.
    /// Owner: schedule; needed when a cohort's instructors change, in the same transaction.
    pub release_sessions: fn(&Release) -> UpdateStatement,
}

/// The sessions of `cohort_id` that `from` teach, released from `now` on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub cohort_id: CohortId,
    pub from: Vec<i64>,
    /// Who changed the cohort (recorded on the sessions).
    pub by: i64,
    pub now: time::OffsetDateTime,
}

impl AppState {
    pub fn env(&self) -> Env<'_> {
        Env {
            db: &self.db,
            clock: &self.clock,
            config: &self.config,
            writes: &self.writes,
            ports: self.ports,
            memo: &self.memo,
            limits: &self.limits,
        }
    }
}

/// The queue in which this process's write transactions on SQLite take their turn.
///
/// SQLite lets one writer in at a time and makes the others poll for the lock with
/// growing sleeps; under a steady stream of writes a waiting one can lose the race again
/// and again until its busy timeout runs out, and the person sees an error. Queued here
/// first-come first-served, a write waits only for the ones before it (at most until the
/// request times out, 408), and it holds no pooled connection while it waits, so reads
/// go on. PostgreSQL locks rows, not the database: its writes do not queue.
#[derive(Clone, Default)]
pub struct WriteTurns(Arc<tokio::sync::Mutex<()>>);

/// A write transaction begun by [`Env::begin`]: the transaction and, on SQLite, this
/// process's write turn, given back when the transaction ends (commit, rollback or drop).
pub struct Write {
    txn: DatabaseTransaction,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Write {
    /// # Errors
    /// Database failures.
    pub async fn commit(self) -> Result<(), DbErr> {
        self.txn.commit().await
    }

    /// # Errors
    /// Database failures.
    pub async fn rollback(self) -> Result<(), DbErr> {
        self.txn.rollback().await
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for Write {
    fn get_database_backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all_raw(stmt).await
    }
}

/// What every use case needs from the running application.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    pub db: &'a DatabaseConnection,
    pub clock: &'a Clock,
    pub config: &'a Config,
    pub writes: &'a WriteTurns,
    pub ports: Ports,
    pub memo: &'a Memo,
    pub limits: &'a Limits,
}

/// Begins a write transaction. On SQLite it takes the write lock at once (`BEGIN
/// IMMEDIATE`): a transaction that read first and wrote later could otherwise fail with
/// "database is locked" the moment another write is in progress, instead of waiting its
/// turn (the busy timeout only helps a transaction that holds no read lock yet).
/// PostgreSQL ignores the mode.
///
/// # Errors
/// Database failures (including a lock not obtained within the busy timeout).
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

impl Env<'_> {
    /// A write transaction for one use case (see [`begin_write`]), on SQLite after the
    /// writes queued before it (see [`WriteTurns`]).
    ///
    /// # Errors
    /// Database failures.
    pub async fn begin(&self) -> Result<Write, DbErr> {
        let turn = if self.db.get_database_backend() == DbBackend::Sqlite {
            Some(self.writes.0.clone().lock_owned().await)
        } else {
            None
        };
        Ok(Write {
            txn: begin_write(self.db).await?,
            _turn: turn,
        })
    }
}
