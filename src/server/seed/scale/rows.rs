//! Rows waiting to be written, in bulk: multi-row inserts in chunks that stay under
//! SQLite's bound-parameter limit, parents before children. Ids are handed out here (from
//! the largest id already in each table), so children can name their parents without a
//! read back; PostgreSQL's sequences are moved past them at the end.

use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, Statement};

use crate::entities::{
    attendance_marks, class_sessions, cohort_instructors, cohorts, enrollment_events, enrollments,
    official_results, roll_calls, rooms, sites, trainee_documents, trainees, user_sites, users,
};

/// Bound parameters per statement (SQLite allows 32,766).
const PARAMETERS: usize = 30_000;

/// Tables whose ids the seed hands out.
pub const ID_TABLES: &[&str] = &[
    "sites",
    "users",
    "rooms",
    "cohorts",
    "class_sessions",
    "trainees",
    "enrollments",
    "enrollment_events",
    "attendance_marks",
    "trainee_documents",
    "official_results",
];

/// The next free id per table.
#[derive(Debug, Default, Clone)]
pub struct Ids {
    pub site: i64,
    pub user: i64,
    pub room: i64,
    pub cohort: i64,
    pub session: i64,
    pub trainee: i64,
    pub enrollment: i64,
    pub event: i64,
    pub mark: i64,
    pub document: i64,
    pub result: i64,
}

fn take(next: &mut i64) -> i64 {
    let id = *next;
    *next += 1;
    id
}

impl Ids {
    /// Reads the largest id of every table.
    ///
    /// # Errors
    /// Database errors.
    pub async fn after_existing(conn: &impl ConnectionTrait) -> Result<Self, DbErr> {
        let mut next = Vec::new();
        for table in ID_TABLES {
            let backend = conn.get_database_backend();
            let row = conn
                .query_one_raw(Statement::from_string(
                    backend,
                    format!("SELECT COALESCE(MAX(id), 0) AS top FROM {table}"),
                ))
                .await?;
            let top: i64 = row.map(|r| r.try_get("", "top")).transpose()?.unwrap_or(0);
            next.push(top + 1);
        }
        Ok(Self {
            site: next[0],
            user: next[1],
            room: next[2],
            cohort: next[3],
            session: next[4],
            trainee: next[5],
            enrollment: next[6],
            event: next[7],
            mark: next[8],
            document: next[9],
            result: next[10],
        })
    }

    pub fn site(&mut self) -> i64 {
        take(&mut self.site)
    }
    pub fn user(&mut self) -> i64 {
        take(&mut self.user)
    }
    pub fn room(&mut self) -> i64 {
        take(&mut self.room)
    }
    pub fn cohort(&mut self) -> i64 {
        take(&mut self.cohort)
    }
    pub fn session(&mut self) -> i64 {
        take(&mut self.session)
    }
    pub fn trainee(&mut self) -> i64 {
        take(&mut self.trainee)
    }
    pub fn enrollment(&mut self) -> i64 {
        take(&mut self.enrollment)
    }
    pub fn event(&mut self) -> i64 {
        take(&mut self.event)
    }
    pub fn mark(&mut self) -> i64 {
        take(&mut self.mark)
    }
    pub fn document(&mut self) -> i64 {
        take(&mut self.document)
    }
    pub fn result(&mut self) -> i64 {
        take(&mut self.result)
    }
}

/// Refreshes the planner's statistics, and moves PostgreSQL's id sequences past the ids
/// written explicitly (SQLite follows explicit ids by itself).
///
/// # Errors
/// Database errors.
pub async fn advance_sequences(conn: &impl ConnectionTrait) -> Result<(), DbErr> {
    // Fresh statistics for the planner after a bulk load (without them PostgreSQL scans
    // 9 million marks where an index answers in milliseconds).
    conn.execute_unprepared("ANALYZE").await?;
    if conn.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    for table in ID_TABLES {
        conn.execute_unprepared(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
             GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), 1))"
        ))
        .await?;
    }
    Ok(())
}

/// Rows written so far, per kind.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    pub sites: usize,
    pub users: usize,
    pub cohorts: usize,
    pub sessions: usize,
    pub trainees: usize,
    pub enrollments: usize,
    pub marks: usize,
    pub documents: usize,
    pub results: usize,
}

#[derive(Default)]
pub struct Rows {
    pub sites: Vec<sites::ActiveModel>,
    pub users: Vec<users::ActiveModel>,
    pub user_sites: Vec<user_sites::ActiveModel>,
    pub rooms: Vec<rooms::ActiveModel>,
    pub cohorts: Vec<cohorts::ActiveModel>,
    pub instructors: Vec<cohort_instructors::ActiveModel>,
    pub sessions: Vec<class_sessions::ActiveModel>,
    pub trainees: Vec<trainees::ActiveModel>,
    pub enrollments: Vec<enrollments::ActiveModel>,
    pub events: Vec<enrollment_events::ActiveModel>,
    pub marks: Vec<attendance_marks::ActiveModel>,
    pub roll_calls: Vec<roll_calls::ActiveModel>,
    pub documents: Vec<trainee_documents::ActiveModel>,
    pub results: Vec<official_results::ActiveModel>,
    pub written: Written,
}

/// Inserts `rows` (emptying it) in chunks of `columns`-wide statements; returns how many.
macro_rules! put {
    ($conn:expr, $rows:expr, $entity:ty, $columns:expr) => {{
        let rows = std::mem::take(&mut $rows);
        let count = rows.len();
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let chunk: Vec<_> = rows.by_ref().take(PARAMETERS / $columns).collect();
            <$entity>::insert_many(chunk)
                .exec_without_returning($conn)
                .await?;
        }
        count
    }};
}

impl Rows {
    /// How many rows wait.
    pub fn pending(&self) -> usize {
        self.users.len()
            + self.sessions.len()
            + self.trainees.len()
            + self.enrollments.len()
            + self.events.len()
            + self.marks.len()
            + self.documents.len()
    }

    /// Writes everything waiting, parents first.
    ///
    /// # Errors
    /// Database errors.
    pub async fn flush(&mut self, conn: &impl ConnectionTrait) -> Result<(), DbErr> {
        self.written.sites += put!(conn, self.sites, sites::Entity, 7);
        self.written.users += put!(conn, self.users, users::Entity, 14);
        put!(conn, self.user_sites, user_sites::Entity, 2);
        put!(conn, self.rooms, rooms::Entity, 5);
        self.written.cohorts += put!(conn, self.cohorts, cohorts::Entity, 15);
        put!(conn, self.instructors, cohort_instructors::Entity, 2);
        self.written.sessions += put!(conn, self.sessions, class_sessions::Entity, 14);
        self.written.trainees += put!(conn, self.trainees, trainees::Entity, 24);
        self.written.enrollments += put!(conn, self.enrollments, enrollments::Entity, 10);
        put!(conn, self.events, enrollment_events::Entity, 7);
        self.written.marks += put!(conn, self.marks, attendance_marks::Entity, 11);
        put!(conn, self.roll_calls, roll_calls::Entity, 4);
        self.written.documents += put!(conn, self.documents, trainee_documents::Entity, 13);
        self.written.results += put!(conn, self.results, official_results::Entity, 11);
        Ok(())
    }
}
