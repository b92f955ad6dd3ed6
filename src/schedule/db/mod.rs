//! SeaORM queries for class sessions and calendar feeds (the days without class are in
//! `days_off`, the changes as news in `seen`), and the fragments other areas read sessions
//! through. No business rules here; lists are fetched with a fixed number of queries,
//! whatever their length.

use sea_orm::{
    sea_query::OnConflict, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Set,
};
use std::collections::HashMap;
use time::{OffsetDateTime, UtcOffset};

use super::model::SessionStatus;
use crate::entities::{calendar_feeds, class_sessions};
use crate::kernel::{AccountId, CohortId, Reach, SessionId};
use crate::platform::state::{Ports, Release};

mod days_off;
mod seen;
mod stamps;
pub use days_off::*;
pub use seen::*;
pub use stamps::*;

/// Instants are stored in UTC so their text form sorts like time on SQLite.
pub fn utc(instant: OffsetDateTime) -> OffsetDateTime {
    instant.to_offset(UtcOffset::UTC)
}

pub async fn sessions_of_cohort(
    conn: &impl ConnectionTrait,
    cohort_id: CohortId,
) -> Result<Vec<class_sessions::Model>, DbErr> {
    class_sessions::Entity::find()
        .filter(class_sessions::Column::CohortId.eq(cohort_id))
        .order_by_asc(class_sessions::Column::StartsAt)
        .order_by_asc(class_sessions::Column::Id)
        .all(conn)
        .await
}

pub async fn session(conn: &impl ConnectionTrait, id: i64) -> Result<Option<class_sessions::Model>, DbErr> {
    class_sessions::Entity::find_by_id(id).one(conn).await
}

/// The sessions within `reach`: those of the cohorts within it (the cohorts area decides
/// which).
pub fn within_reach(reach: &Reach, ports: Ports) -> Condition {
    crate::cohorts::db::in_reach(class_sessions::Column::CohortId, reach, ports)
}

/// The sessions of one cohort.
pub fn of_cohort(cohort_id: CohortId) -> Condition {
    Condition::all().add(class_sessions::Column::CohortId.eq(cohort_id))
}

/// The sessions of the cohorts at `site_id`.
pub fn at_site(site_id: i64) -> Condition {
    crate::cohorts::db::at_sites(class_sessions::Column::CohortId, &[site_id])
}

/// A person's own schedule within `reach`: the sessions of the cohorts within it, and of an
/// instructor's cohorts only the ones they teach or that nobody was given yet.
pub fn mine(reach: &Reach, ports: Ports) -> Condition {
    let of_cohorts = within_reach(reach, ports);
    match reach {
        Reach::Teaching(user_id) => of_cohorts.add(
            Condition::any()
                .add(class_sessions::Column::InstructorId.eq(*user_id))
                .add(class_sessions::Column::InstructorId.is_null()),
        ),
        Reach::Everything | Reach::Sites(_) | Reach::Own(_) => of_cohorts,
    }
}

/// The sessions of the cohorts `ids`.
pub fn of_cohorts(ids: &[i64]) -> Condition {
    Condition::all().add(class_sessions::Column::CohortId.is_in(ids.to_vec()))
}

/// The session `id` if it is within `reach`.
pub async fn session_within_reach(
    conn: &impl ConnectionTrait,
    id: i64,
    (reach, ports): (&Reach, Ports),
) -> Result<Option<class_sessions::Model>, DbErr> {
    class_sessions::Entity::find_by_id(id)
        .filter(within_reach(reach, ports))
        .one(conn)
        .await
}

/// No session lasts this long: every one is a start and an end time on one date.
pub const LONGEST_SESSION: time::Duration = time::Duration::days(1);

/// Sessions meeting `scope` (see [`within_reach`], [`mine`]) and `extra` that end after
/// `from` and start before `until`, by start; at most `limit` of them.
pub async fn sessions_in(
    conn: &impl ConnectionTrait,
    scope: Condition,
    extra: Condition,
    from: OffsetDateTime,
    until: OffsetDateTime,
    limit: u64,
) -> Result<Vec<class_sessions::Model>, DbErr> {
    class_sessions::Entity::find()
        .filter(scope)
        .filter(extra)
        .filter(class_sessions::Column::EndsAt.gt(utc(from)))
        // Implied by the line above (a session is a start and an end time on one date), and
        // what lets the start-time index be read for the window alone: without a lower
        // bound SQLite walked every session that ever started before `until`.
        .filter(class_sessions::Column::StartsAt.gt(utc(from - LONGEST_SESSION)))
        .filter(class_sessions::Column::StartsAt.lt(utc(until)))
        .order_by_asc(class_sessions::Column::StartsAt)
        .order_by_asc(class_sessions::Column::Id)
        .limit(limit)
        .all(conn)
        .await
}

/// Sessions not cancelled between `from` and `until` that share the cohort, one of the
/// instructors or one of the rooms: everything a proposed session could clash with.
pub async fn possible_clashes(
    conn: &impl ConnectionTrait,
    cohort_id: CohortId,
    instructor_ids: &[i64],
    room_ids: &[i64],
    from: OffsetDateTime,
    until: OffsetDateTime,
) -> Result<Vec<class_sessions::Model>, DbErr> {
    let mut shared = Condition::any().add(class_sessions::Column::CohortId.eq(cohort_id));
    if !instructor_ids.is_empty() {
        shared = shared.add(class_sessions::Column::InstructorId.is_in(instructor_ids.to_vec()));
    }
    if !room_ids.is_empty() {
        shared = shared.add(class_sessions::Column::RoomId.is_in(room_ids.to_vec()));
    }
    class_sessions::Entity::find()
        .filter(shared)
        .filter(class_sessions::Column::Status.ne(SessionStatus::Cancelled))
        .filter(class_sessions::Column::EndsAt.gt(utc(from)))
        .filter(class_sessions::Column::StartsAt.lt(utc(until)))
        .order_by_asc(class_sessions::Column::StartsAt)
        .all(conn)
        .await
}

pub async fn insert_sessions(
    conn: &impl ConnectionTrait,
    rows: Vec<class_sessions::ActiveModel>,
) -> Result<(), DbErr> {
    if rows.is_empty() {
        return Ok(());
    }
    // Chunks keep every statement under SQLite's bound-parameter limit.
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows.by_ref().take(200).collect();
        class_sessions::Entity::insert_many(chunk)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

pub async fn update_session(
    conn: &impl ConnectionTrait,
    model: class_sessions::ActiveModel,
) -> Result<(), DbErr> {
    class_sessions::Entity::update(model).exec(conn).await?;
    Ok(())
}

/// The names a session is shown with: its cohort's code, room, instructor and unit.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct SessionLabels {
    pub id: i64,
    pub cohort: String,
    pub room: Option<String>,
    pub instructor: Option<String>,
    pub unit: Option<String>,
}

/// The labels of the sessions `ids`, in one statement however many there are; each name
/// is asked of the area that keeps it.
pub async fn session_labels(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, SessionLabels>, DbErr> {
    use sea_orm::sea_query::Expr;
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let column = |c: class_sessions::Column| Expr::col((class_sessions::Entity, c));
    let mut labels = HashMap::with_capacity(ids.len());
    // In parts well within both databases' limits on bound values (a calendar feed holds
    // at most 5,000 sessions: one statement).
    for part in ids.chunks(5_000) {
        let rows = class_sessions::Entity::find()
            .select_only()
            .column(class_sessions::Column::Id)
            .expr_as(
                crate::cohorts::db::code_of(column(class_sessions::Column::CohortId)),
                "cohort",
            )
            .expr_as(
                crate::cohorts::db::room_name_of(column(class_sessions::Column::RoomId)),
                "room",
            )
            .expr_as(
                crate::accounts::db::user_name(column(class_sessions::Column::InstructorId)),
                "instructor",
            )
            .expr_as(
                crate::cohorts::db::unit_title_of(column(class_sessions::Column::UnitId)),
                "unit",
            )
            .filter(class_sessions::Column::Id.is_in(part.to_vec()))
            .into_model::<SessionLabels>()
            .all(conn)
            .await?;
        labels.extend(rows.into_iter().map(|row| (row.id, row)));
    }
    Ok(labels)
}

/// Every session, by start (the operator's calendar export).
pub async fn all_sessions(conn: &impl ConnectionTrait) -> Result<Vec<class_sessions::Model>, DbErr> {
    class_sessions::Entity::find()
        .order_by_asc(class_sessions::Column::StartsAt)
        .order_by_asc(class_sessions::Column::Id)
        .all(conn)
        .await
}

/// The first and last start of a cohort's sessions not cancelled, as a query of one row
/// (`Ports::planned_span`).
pub fn planned_span(cohort_id: CohortId) -> sea_orm::sea_query::SelectStatement {
    class_sessions::Entity::find()
        .select_only()
        .column_as(class_sessions::Column::StartsAt.min(), "first")
        .column_as(class_sessions::Column::StartsAt.max(), "last")
        .filter(class_sessions::Column::CohortId.eq(cohort_id))
        .filter(class_sessions::Column::Status.ne(SessionStatus::Cancelled))
        .into_query()
}

/// Takes the sessions not yet started (and not cancelled) of instructors taken off a cohort
/// off them, recording who changed them and when (`Ports::release_sessions`). Nobody is
/// chosen in their place: that would book someone without checking their other classes.
pub fn release_sessions(release: &Release) -> sea_orm::sea_query::UpdateStatement {
    use sea_orm::sea_query::Expr;
    class_sessions::Entity::update_many()
        .col_expr(
            class_sessions::Column::InstructorId,
            Expr::value(Option::<i64>::None),
        )
        .col_expr(
            class_sessions::Column::ChangedAt,
            Expr::value(Some(utc(release.now))),
        )
        .col_expr(class_sessions::Column::ChangedBy, Expr::value(Some(release.by)))
        .filter(class_sessions::Column::CohortId.eq(release.cohort_id))
        .filter(class_sessions::Column::InstructorId.is_in(release.from.clone()))
        .filter(class_sessions::Column::StartsAt.gt(utc(release.now)))
        .filter(class_sessions::Column::Status.ne(SessionStatus::Cancelled))
        .into_query()
}

pub async fn feed_of(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
) -> Result<Option<calendar_feeds::Model>, DbErr> {
    calendar_feeds::Entity::find_by_id(user_id.get()).one(conn).await
}

pub async fn feed_by_token(
    conn: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<calendar_feeds::Model>, DbErr> {
    calendar_feeds::Entity::find()
        .filter(calendar_feeds::Column::Token.eq(token))
        .one(conn)
        .await
}

/// Sets the user's feed token, replacing any earlier one (which stops working).
pub async fn set_feed(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
    token: &str,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    calendar_feeds::Entity::insert(calendar_feeds::ActiveModel {
        user_id: Set(user_id.get()),
        token: Set(token.to_owned()),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(calendar_feeds::Column::UserId)
            .update_columns([calendar_feeds::Column::Token, calendar_feeds::Column::CreatedAt])
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

pub async fn delete_feed(conn: &impl ConnectionTrait, user_id: AccountId) -> Result<u64, DbErr> {
    Ok(calendar_feeds::Entity::delete_by_id(user_id.get())
        .exec(conn)
        .await?
        .rows_affected)
}

/// Serialises schedule writes: conflicts are checked and sessions written by one writer at
/// a time, so two coordinators cannot book the same room or instructor at once. On
/// PostgreSQL a transaction-scoped advisory lock; on SQLite taking the write lock first
/// (a no-op update), before the conflict check reads anything.
///
/// # Errors
/// Database errors.
pub async fn lock_for_scheduling(conn: &impl ConnectionTrait, cohort_id: CohortId) -> Result<(), DbErr> {
    use sea_orm::{DatabaseBackend, Statement};
    match conn.get_database_backend() {
        DatabaseBackend::Postgres => {
            conn.execute_raw(Statement::from_string(
                DatabaseBackend::Postgres,
                "SELECT pg_advisory_xact_lock(72460001)".to_owned(),
            ))
            .await?;
        }
        _ => crate::cohorts::db::touch(conn, cohort_id).await?,
    }
    Ok(())
}

/// Every session of `cohort_ids`, by start.
pub async fn sessions_of_cohorts(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<Vec<class_sessions::Model>, DbErr> {
    class_sessions::Entity::find()
        .filter(class_sessions::Column::CohortId.is_in(cohort_ids.to_vec()))
        .order_by_asc(class_sessions::Column::StartsAt)
        .order_by_asc(class_sessions::Column::Id)
        .all(conn)
        .await
}

/// Sessions (not cancelled) of `cohort_ids` that start in `from..until`.
pub async fn sessions_between(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
    from: OffsetDateTime,
    until: OffsetDateTime,
) -> Result<Vec<class_sessions::Model>, DbErr> {
    class_sessions::Entity::find()
        .filter(class_sessions::Column::StartsAt.gte(utc(from)))
        .filter(class_sessions::Column::StartsAt.lt(utc(until)))
        .filter(class_sessions::Column::Status.ne(SessionStatus::Cancelled))
        .filter(class_sessions::Column::CohortId.is_in(cohort_ids.to_vec()))
        .order_by_asc(class_sessions::Column::StartsAt)
        .order_by_asc(class_sessions::Column::Id)
        .all(conn)
        .await
}

/// Held sessions of `cohort_ids` (ended after `since`, before `before`, not cancelled)
/// that meet `also`, a condition another area puts on the session's id (attendance: no roll
/// call taken), newest first; at most 200.
pub async fn held_sessions_where(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
    (since, before): (OffsetDateTime, OffsetDateTime),
    also: fn(sea_orm::sea_query::SimpleExpr) -> sea_orm::sea_query::SimpleExpr,
) -> Result<Vec<class_sessions::Model>, DbErr> {
    use sea_orm::sea_query::Expr;
    class_sessions::Entity::find()
        .filter(class_sessions::Column::EndsAt.gte(utc(since)))
        .filter(class_sessions::Column::EndsAt.lt(utc(before)))
        .filter(class_sessions::Column::Status.ne(SessionStatus::Cancelled))
        .filter(also(Expr::col((
            class_sessions::Entity,
            class_sessions::Column::Id,
        ))))
        .filter(class_sessions::Column::CohortId.is_in(cohort_ids.to_vec()))
        .order_by_desc(class_sessions::Column::StartsAt)
        .limit(200)
        .all(conn)
        .await
}

/// Takes the session's row for this transaction: changes that must follow one another
/// (saves of one roll call) do, so the last one wins whole, never a mix of two. On
/// PostgreSQL a row lock; on SQLite nothing to do, as a write transaction (`begin_write`,
/// `BEGIN IMMEDIATE`) holds the database's write lock from its first statement.
pub async fn lock_session(conn: &impl ConnectionTrait, session_id: SessionId) -> Result<(), DbErr> {
    use sea_orm::sea_query::Expr;
    if conn.get_database_backend() == sea_orm::DbBackend::Sqlite {
        return Ok(());
    }
    class_sessions::Entity::update_many()
        .col_expr(
            class_sessions::Column::Status,
            Expr::col(class_sessions::Column::Status),
        )
        .filter(class_sessions::Column::Id.eq(session_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// The sessions `ids`, by start.
pub async fn sessions_by_ids(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<class_sessions::Model>, DbErr> {
    class_sessions::Entity::find()
        .filter(class_sessions::Column::Id.is_in(ids.to_vec()))
        .order_by_asc(class_sessions::Column::StartsAt)
        .all(conn)
        .await
}

/// The cohort of the session `session_id`, as a subquery (for reads that start from a
/// session and run beside it).
pub fn cohort_of_session(session_id: SessionId) -> sea_orm::sea_query::SelectStatement {
    class_sessions::Entity::find()
        .select_only()
        .column(class_sessions::Column::CohortId)
        .filter(class_sessions::Column::Id.eq(session_id))
        .into_query()
}

/// The sessions of the cohorts at `site_ids`, as a subquery of session ids: what happens
/// in a cohort belongs to the cohort's site.
pub fn session_ids_at_sites(site_ids: &[i64]) -> sea_orm::sea_query::SelectStatement {
    class_sessions::Entity::find()
        .select_only()
        .column(class_sessions::Column::Id)
        .filter(crate::cohorts::db::at_sites(
            class_sessions::Column::CohortId,
            site_ids,
        ))
        .into_query()
}

/// The cohort of the session whose id is the expression `session`, as a scalar subquery.
pub fn cohort_of(session: sea_orm::sea_query::SimpleExpr) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Expr, ExprTrait};
    class_sessions::Entity::find()
        .select_only()
        .column(class_sessions::Column::CohortId)
        .filter(Expr::col((class_sessions::Entity, class_sessions::Column::Id)).eq(session))
        .into_query()
        .into()
}

/// The length in minutes of every session of `cohort_ids` that is not cancelled, by id:
/// what the lesson hours a trainee attended are counted from.
///
/// # Errors
/// Database errors.
pub async fn session_minutes(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<HashMap<i64, i64>, DbErr> {
    let rows: Vec<(i64, OffsetDateTime, OffsetDateTime)> = class_sessions::Entity::find()
        .select_only()
        .columns([
            class_sessions::Column::Id,
            class_sessions::Column::StartsAt,
            class_sessions::Column::EndsAt,
        ])
        .filter(class_sessions::Column::CohortId.is_in(cohort_ids.to_vec()))
        .filter(class_sessions::Column::Status.ne(SessionStatus::Cancelled))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, starts_at, ends_at)| (id, (ends_at - starts_at).whole_minutes().max(0)))
        .collect())
}

/// The sessions of `cohort_ids` that are not cancelled, as (cohort, start, end): what
/// counting held and coming sessions per enrollment needs, without the whole rows.
pub async fn session_spans(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<Vec<(i64, OffsetDateTime, OffsetDateTime)>, DbErr> {
    class_sessions::Entity::find()
        .select_only()
        .columns([
            class_sessions::Column::CohortId,
            class_sessions::Column::StartsAt,
            class_sessions::Column::EndsAt,
        ])
        .filter(class_sessions::Column::CohortId.is_in(cohort_ids.to_vec()))
        .filter(class_sessions::Column::Status.ne(SessionStatus::Cancelled))
        .into_tuple()
        .all(conn)
        .await
}

/// `cohort_id IN (…)`, or a condition nothing meets for no cohort (an empty `IN ()` is not
/// SQL on PostgreSQL).
fn of_cohorts_sql(cohort_ids: &[i64]) -> String {
    let ids: Vec<String> = cohort_ids.iter().map(i64::to_string).collect();
    if ids.is_empty() {
        "1 = 0".to_owned()
    } else {
        format!("cohort_id IN ({})", ids.join(", "))
    }
}

/// Every session not cancelled as SQL for a `WITH` clause: `id, cohort_id` (what
/// attendance's kept counts count over).
pub fn sessions_not_cancelled_sql() -> String {
    format!(
        "SELECT id, cohort_id FROM class_sessions WHERE status <> '{}'",
        SessionStatus::Cancelled.as_str()
    )
}

/// The sessions of `cohort_ids` not cancelled and not yet ended (by the bound value `now`)
/// as SQL for a `WITH` clause: `id, cohort_id`. `now` and `day_before` are placeholders the
/// caller binds, `day_before` to `now` less a day: no session lasts longer, so the
/// start-time index bounds the range.
pub fn unheld_sessions_sql(cohort_ids: &[i64], now: &str, day_before: &str) -> String {
    format!(
        "SELECT id, cohort_id FROM class_sessions \
         WHERE {} AND status <> '{}' AND ends_at > {now} AND starts_at > {day_before}",
        of_cohorts_sql(cohort_ids),
        SessionStatus::Cancelled.as_str(),
    )
}

/// The held sessions of `cohort_ids` (ended by the bound value `now`, not cancelled) as
/// SQL for a `WITH` clause: `id, cohort_id, starts_at` (attendance counts its marks over
/// it). `now` is the placeholder the caller binds.
pub fn held_sessions_sql(cohort_ids: &[i64], now: &str) -> String {
    let of_cohorts = of_cohorts_sql(cohort_ids);
    format!(
        "SELECT id, cohort_id, starts_at FROM class_sessions \
         WHERE {of_cohorts} AND status <> '{}' AND ends_at <= {now}",
        SessionStatus::Cancelled.as_str(),
    )
}

/// The session `session_id` as the start of another area's joined read: its columns under
/// `prefix`, and the expression of its cohort's id to join on.
pub fn session_row(
    session_id: SessionId,
    prefix: &str,
) -> (
    sea_orm::sea_query::SelectStatement,
    sea_orm::sea_query::SimpleExpr,
) {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let mut query = Query::select()
        .from(class_sessions::Entity)
        .and_where(Expr::col((class_sessions::Entity, class_sessions::Column::Id)).eq(session_id))
        .to_owned();
    crate::platform::query::select_all_as::<class_sessions::Entity>(&mut query, prefix);
    (
        query,
        Expr::col((class_sessions::Entity, class_sessions::Column::CohortId)),
    )
}
