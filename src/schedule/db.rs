//! SeaORM queries for holidays, class sessions and calendar feeds. No business rules here;
//! lists are fetched with a fixed number of queries, whatever their length.

use sea_orm::{
    sea_query::OnConflict, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Set,
};
use std::collections::HashMap;
use time::{Date, OffsetDateTime, UtcOffset};

use super::authz::ScheduleScope;
use super::model::SessionStatus;
use crate::entities::{
    calendar_feeds, class_sessions, cohort_instructors, cohorts, course_units, holidays, rooms,
};
use crate::platform::query::join_on;

/// Instants are stored in UTC so their text form sorts like time on SQLite.
pub fn utc(instant: OffsetDateTime) -> OffsetDateTime {
    instant.to_offset(UtcOffset::UTC)
}

pub async fn holidays_between(
    conn: &impl ConnectionTrait,
    from: Date,
    to: Date,
) -> Result<Vec<holidays::Model>, DbErr> {
    holidays::Entity::find()
        .filter(holidays::Column::Date.gte(from))
        .filter(holidays::Column::Date.lte(to))
        .order_by_asc(holidays::Column::Date)
        .all(conn)
        .await
}

pub async fn holiday(conn: &impl ConnectionTrait, id: i64) -> Result<Option<holidays::Model>, DbErr> {
    holidays::Entity::find_by_id(id).one(conn).await
}

pub async fn holiday_on(conn: &impl ConnectionTrait, date: Date) -> Result<Option<holidays::Model>, DbErr> {
    holidays::Entity::find()
        .filter(holidays::Column::Date.eq(date))
        .one(conn)
        .await
}

/// The years that have holidays, ascending.
pub async fn holiday_dates(conn: &impl ConnectionTrait) -> Result<Vec<Date>, DbErr> {
    holidays::Entity::find()
        .select_only()
        .column(holidays::Column::Date)
        .order_by_asc(holidays::Column::Date)
        .into_tuple()
        .all(conn)
        .await
}

pub async fn insert_holiday(
    conn: &impl ConnectionTrait,
    model: holidays::ActiveModel,
) -> Result<holidays::Model, DbErr> {
    holidays::Entity::insert(model).exec_with_returning(conn).await
}

pub async fn update_holiday(conn: &impl ConnectionTrait, model: holidays::ActiveModel) -> Result<(), DbErr> {
    holidays::Entity::update(model).exec(conn).await?;
    Ok(())
}

pub async fn delete_holiday(conn: &impl ConnectionTrait, id: i64) -> Result<u64, DbErr> {
    Ok(holidays::Entity::delete_by_id(id).exec(conn).await?.rows_affected)
}

pub async fn sessions_of_cohort(
    conn: &impl ConnectionTrait,
    cohort_id: i64,
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

/// The condition limiting sessions to what a schedule scope covers.
fn scope_condition(scope: &ScheduleScope) -> Condition {
    match scope {
        ScheduleScope::Everything => Condition::all(),
        ScheduleScope::Member(user_id) => Condition::all().add(
            class_sessions::Column::CohortId
                .in_subquery(crate::cohorts::db::cohorts_of_member_query(*user_id)),
        ),
        ScheduleScope::Teaching(user_id) => Condition::any()
            .add(class_sessions::Column::InstructorId.eq(*user_id))
            .add(
                Condition::all()
                    .add(class_sessions::Column::InstructorId.is_null())
                    .add(
                        class_sessions::Column::CohortId.in_subquery(
                            cohort_instructors::Entity::find()
                                .select_only()
                                .column(cohort_instructors::Column::CohortId)
                                .filter(cohort_instructors::Column::UserId.eq(*user_id))
                                .into_query(),
                        ),
                    ),
            ),
        ScheduleScope::Sites(site_ids) => Condition::all().add(
            class_sessions::Column::CohortId.in_subquery(
                cohorts::Entity::find()
                    .select_only()
                    .column(cohorts::Column::Id)
                    .filter(cohorts::Column::SiteId.is_in(site_ids.clone()))
                    .into_query(),
            ),
        ),
    }
}

/// No session lasts this long: every one is a start and an end time on one date.
const LONGEST_SESSION: time::Duration = time::Duration::days(1);

/// Sessions in `scope` that end after `from` and start before `until`, by start; at most
/// `limit` of them.
pub async fn sessions_in(
    conn: &impl ConnectionTrait,
    scope: &ScheduleScope,
    extra: Condition,
    from: OffsetDateTime,
    until: OffsetDateTime,
    limit: u64,
) -> Result<Vec<class_sessions::Model>, DbErr> {
    class_sessions::Entity::find()
        .filter(scope_condition(scope))
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
    cohort_id: i64,
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
        .filter(class_sessions::Column::Status.ne(SessionStatus::Cancelled.as_str()))
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
#[derive(Debug, sea_orm::FromQueryResult)]
pub struct SessionLabels {
    pub id: i64,
    pub cohort: String,
    pub room: Option<String>,
    pub instructor: Option<String>,
    pub unit: Option<String>,
}

/// The labels of the sessions `ids`, in one statement however many there are.
pub async fn session_labels(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, SessionLabels>, DbErr> {
    use crate::entities::users;
    use sea_orm::JoinType;
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let cohort = join_on(class_sessions::Column::CohortId, cohorts::Column::Id);
    let room = join_on(class_sessions::Column::RoomId, rooms::Column::Id);
    let instructor = join_on(class_sessions::Column::InstructorId, users::Column::Id);
    let unit = join_on(class_sessions::Column::UnitId, course_units::Column::Id);
    let mut labels = HashMap::with_capacity(ids.len());
    // In parts well within both databases' limits on bound values (a calendar feed holds
    // at most 5,000 sessions: one statement).
    for part in ids.chunks(5_000) {
        let rows = class_sessions::Entity::find()
            .select_only()
            .column(class_sessions::Column::Id)
            .column_as(cohorts::Column::Code, "cohort")
            .column_as(rooms::Column::Name, "room")
            .column_as(users::Column::DisplayName, "instructor")
            .column_as(course_units::Column::Title, "unit")
            .join(JoinType::InnerJoin, cohort.clone())
            .join(JoinType::LeftJoin, room.clone())
            .join(JoinType::LeftJoin, instructor.clone())
            .join(JoinType::LeftJoin, unit.clone())
            .filter(class_sessions::Column::Id.is_in(part.to_vec()))
            .into_model::<SessionLabels>()
            .all(conn)
            .await?;
        labels.extend(rows.into_iter().map(|row| (row.id, row)));
    }
    Ok(labels)
}

pub async fn unit_ids_of_course(conn: &impl ConnectionTrait, course_id: i64) -> Result<Vec<i64>, DbErr> {
    course_units::Entity::find()
        .select_only()
        .column(course_units::Column::Id)
        .filter(course_units::Column::CourseId.eq(course_id))
        .order_by_asc(course_units::Column::Position)
        .into_tuple()
        .all(conn)
        .await
}

pub async fn feed_of(
    conn: &impl ConnectionTrait,
    user_id: i64,
) -> Result<Option<calendar_feeds::Model>, DbErr> {
    calendar_feeds::Entity::find_by_id(user_id).one(conn).await
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
    user_id: i64,
    token: &str,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    calendar_feeds::Entity::insert(calendar_feeds::ActiveModel {
        user_id: Set(user_id),
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

pub async fn delete_feed(conn: &impl ConnectionTrait, user_id: i64) -> Result<u64, DbErr> {
    Ok(calendar_feeds::Entity::delete_by_id(user_id)
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
pub async fn lock_for_scheduling(conn: &impl ConnectionTrait, cohort_id: i64) -> Result<(), DbErr> {
    use sea_orm::{DatabaseBackend, Statement};
    let statement = match conn.get_database_backend() {
        DatabaseBackend::Postgres => Statement::from_string(
            DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock(72460001)".to_owned(),
        ),
        backend => Statement::from_sql_and_values(
            backend,
            "UPDATE cohorts SET updated_at = updated_at WHERE id = ?",
            [cohort_id.into()],
        ),
    };
    conn.execute_raw(statement).await?;
    Ok(())
}
