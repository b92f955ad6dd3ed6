//! SeaORM queries for programmes, courses, rooms and cohorts (the cohorts within an
//! actor's reach in `reach`). No business rules here; every list is fetched with a fixed
//! number of queries, whatever its length.

use sea_orm::{
    sea_query::{Expr, Func},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;
use time::OffsetDateTime;

use super::model::{CohortStatus, ValidCohort};
use crate::entities::{cohort_instructors, cohorts, course_units, courses, programmes, rooms};
use crate::kernel::{AccountId, CohortId, Reach};
use crate::platform::query::contains_pattern;
use crate::platform::state::Ports;

mod feed;
mod reach;
pub use feed::*;
pub use reach::*;

pub async fn all_programmes(conn: &impl ConnectionTrait) -> Result<Vec<programmes::Model>, DbErr> {
    programmes::Entity::find()
        .order_by_asc(programmes::Column::Name)
        .all(conn)
        .await
}

pub async fn all_courses(conn: &impl ConnectionTrait) -> Result<Vec<courses::Model>, DbErr> {
    courses::Entity::find()
        .order_by_asc(courses::Column::Name)
        .all(conn)
        .await
}

/// Unit titles of `course_ids`, in order, per course.
pub async fn units_of(
    conn: &impl ConnectionTrait,
    course_ids: &[i64],
) -> Result<HashMap<i64, Vec<course_units::Model>>, DbErr> {
    if course_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = course_units::Entity::find()
        .filter(course_units::Column::CourseId.is_in(course_ids.to_vec()))
        .order_by_asc(course_units::Column::CourseId)
        .order_by_asc(course_units::Column::Position)
        .all(conn)
        .await?;
    let mut by_course: HashMap<i64, Vec<course_units::Model>> = HashMap::new();
    for unit in rows {
        by_course.entry(unit.course_id).or_default().push(unit);
    }
    Ok(by_course)
}

/// Rooms at `site_ids` (all sites when `None`), by site then name.
pub async fn rooms(
    conn: &impl ConnectionTrait,
    site_ids: Option<&[i64]>,
) -> Result<Vec<rooms::Model>, DbErr> {
    let mut query = rooms::Entity::find()
        .order_by_asc(rooms::Column::SiteId)
        .order_by_asc(rooms::Column::Name);
    if let Some(ids) = site_ids {
        query = query.filter(rooms::Column::SiteId.is_in(ids.to_vec()));
    }
    query.all(conn).await
}

pub async fn room(conn: &impl ConnectionTrait, id: i64) -> Result<Option<rooms::Model>, DbErr> {
    rooms::Entity::find_by_id(id).one(conn).await
}

pub async fn cohort(conn: &impl ConnectionTrait, id: i64) -> Result<Option<cohorts::Model>, DbErr> {
    cohorts::Entity::find_by_id(id).one(conn).await
}

pub async fn cohort_by_code(
    conn: &impl ConnectionTrait,
    code: &str,
) -> Result<Option<cohorts::Model>, DbErr> {
    cohorts::Entity::find()
        .filter(cohorts::Column::Code.eq(code.trim().to_uppercase()))
        .one(conn)
        .await
}

/// Instructors of each of `cohort_ids`.
pub async fn instructors_of(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<HashMap<i64, Vec<i64>>, DbErr> {
    if cohort_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = cohort_instructors::Entity::find()
        .filter(cohort_instructors::Column::CohortId.is_in(cohort_ids.to_vec()))
        .all(conn)
        .await?;
    let mut by_cohort: HashMap<i64, Vec<i64>> = HashMap::new();
    for row in rows {
        by_cohort.entry(row.cohort_id).or_default().push(row.user_id);
    }
    Ok(by_cohort)
}

/// The cohorts at `site_ids` in one of `statuses`, by code.
pub async fn cohorts_at_sites(
    conn: &impl ConnectionTrait,
    site_ids: &[i64],
    statuses: &[CohortStatus],
) -> Result<Vec<cohorts::Model>, DbErr> {
    cohorts::Entity::find()
        .filter(cohorts::Column::SiteId.is_in(site_ids.to_vec()))
        .filter(cohorts::Column::Status.is_in(statuses.to_vec()))
        .order_by_asc(cohorts::Column::Code)
        .all(conn)
        .await
}

pub async fn cohorts_by_ids(conn: &impl ConnectionTrait, ids: &[i64]) -> Result<Vec<cohorts::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    cohorts::Entity::find()
        .filter(cohorts::Column::Id.is_in(ids.to_vec()))
        .order_by_asc(cohorts::Column::Code)
        .all(conn)
        .await
}

pub struct CohortQuery<'a> {
    pub reach: &'a Reach,
    pub ports: Ports,
    pub search: Option<&'a str>,
    pub site_id: Option<i64>,
    pub status: Option<CohortStatus>,
    pub programme_id: Option<i64>,
    pub offset: u64,
    pub limit: u64,
}

/// One page of cohorts, newest start first, and how many match in all.
pub async fn list_cohorts(
    conn: &impl ConnectionTrait,
    query: &CohortQuery<'_>,
) -> Result<(Vec<cohorts::Model>, u64), DbErr> {
    let mut condition = within_reach(query.reach, query.ports);
    if let Some(site) = query.site_id {
        condition = condition.add(cohorts::Column::SiteId.eq(site));
    }
    if let Some(status) = query.status {
        condition = condition.add(cohorts::Column::Status.eq(status));
    }
    if let Some(programme) = query.programme_id {
        condition = condition.add(cohorts::Column::ProgrammeId.eq(programme));
    }
    if let Some(search) = query.search.map(str::trim).filter(|s| !s.is_empty()) {
        condition = condition
            .add(Expr::expr(Func::lower(Expr::col(cohorts::Column::Code))).like(contains_pattern(search)));
    }
    let total = cohorts::Entity::find()
        .filter(condition.clone())
        .count(conn)
        .await?;
    let rows = cohorts::Entity::find()
        .filter(condition)
        .order_by_desc(cohorts::Column::StartsOn)
        .order_by_asc(cohorts::Column::Code)
        .offset(query.offset)
        .limit(query.limit)
        .all(conn)
        .await?;
    Ok((rows, total))
}

pub async fn code_taken(conn: &impl ConnectionTrait, code: &str, except: Option<i64>) -> Result<bool, DbErr> {
    let mut query = cohorts::Entity::find().filter(cohorts::Column::Code.eq(code));
    if let Some(id) = except {
        query = query.filter(cohorts::Column::Id.ne(id));
    }
    Ok(query.count(conn).await? > 0)
}

fn active_model(valid: &ValidCohort, now: OffsetDateTime) -> cohorts::ActiveModel {
    cohorts::ActiveModel {
        code: Set(valid.code.as_str().to_owned()),
        course_id: Set(valid.course_id),
        programme_id: Set(valid.programme_id),
        site_id: Set(valid.site_id),
        room_id: Set(valid.room_id),
        capacity: Set(valid.capacity as i32),
        starts_on: Set(valid.starts_on),
        ends_on: Set(valid.ends_on),
        status: Set(valid.status.as_str().to_owned()),
        attendance_threshold: Set(i32::from(valid.attendance_threshold)),
        updated_at: Set(now),
        ..Default::default()
    }
}

pub async fn insert_cohort(
    conn: &impl ConnectionTrait,
    valid: &ValidCohort,
    now: OffsetDateTime,
    created_by: AccountId,
) -> Result<cohorts::Model, DbErr> {
    let mut model = active_model(valid, now);
    model.created_at = Set(now);
    model.created_by = Set(Some(created_by.get()));
    let cohort = cohorts::Entity::insert(model).exec_with_returning(conn).await?;
    replace_instructors(conn, CohortId(cohort.id), &valid.instructor_ids).await?;
    Ok(cohort)
}

/// Changes a cohort; answers the instructors it no longer has.
pub async fn update_cohort(
    conn: &impl ConnectionTrait,
    id: i64,
    valid: &ValidCohort,
    now: OffsetDateTime,
) -> Result<Vec<i64>, DbErr> {
    let mut model = active_model(valid, now);
    model.id = Set(id);
    cohorts::Entity::update(model).exec(conn).await?;
    let before = instructors_of(conn, &[id]).await?.remove(&id).unwrap_or_default();
    replace_instructors(conn, CohortId(id), &valid.instructor_ids).await?;
    Ok(before
        .into_iter()
        .filter(|user| !valid.instructor_ids.contains(user))
        .collect())
}

async fn replace_instructors(
    conn: &impl ConnectionTrait,
    cohort_id: CohortId,
    user_ids: &[i64],
) -> Result<(), DbErr> {
    cohort_instructors::Entity::delete_many()
        .filter(cohort_instructors::Column::CohortId.eq(cohort_id))
        .exec(conn)
        .await?;
    if user_ids.is_empty() {
        return Ok(());
    }
    cohort_instructors::Entity::insert_many(user_ids.iter().map(|user_id| cohort_instructors::ActiveModel {
        cohort_id: Set(cohort_id.get()),
        user_id: Set(*user_id),
    }))
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// First and last start of the cohort's sessions that are not cancelled (the schedule
/// keeps sessions and answers through `ports`).
pub async fn planned_span(
    conn: &impl ConnectionTrait,
    ports: Ports,
    cohort_id: CohortId,
) -> Result<Option<(OffsetDateTime, OffsetDateTime)>, DbErr> {
    let statement = conn
        .get_database_backend()
        .build(&(ports.planned_span)(cohort_id));
    let Some(row) = conn.query_one_raw(statement).await? else {
        return Ok(None);
    };
    let first: Option<OffsetDateTime> = row.try_get_by_index(0)?;
    let last: Option<OffsetDateTime> = row.try_get_by_index(1)?;
    Ok(first.zip(last))
}

pub async fn insert_room(
    conn: &impl ConnectionTrait,
    site_id: i64,
    name: &str,
    capacity: u32,
    now: OffsetDateTime,
) -> Result<rooms::Model, DbErr> {
    rooms::Entity::insert(rooms::ActiveModel {
        site_id: Set(site_id),
        name: Set(name.to_owned()),
        capacity: Set(capacity as i32),
        created_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await
}

pub async fn insert_programme(
    conn: &impl ConnectionTrait,
    model: programmes::ActiveModel,
) -> Result<programmes::Model, DbErr> {
    programmes::Entity::insert(model).exec_with_returning(conn).await
}

pub async fn insert_course(
    conn: &impl ConnectionTrait,
    model: courses::ActiveModel,
    units: &[String],
) -> Result<courses::Model, DbErr> {
    let course = courses::Entity::insert(model).exec_with_returning(conn).await?;
    course_units::Entity::insert_many(units.iter().enumerate().map(|(index, title)| {
        course_units::ActiveModel {
            course_id: Set(course.id),
            position: Set(index as i32 + 1),
            title: Set(title.clone()),
            ..Default::default()
        }
    }))
    .exec_without_returning(conn)
    .await?;
    Ok(course)
}

/// Whether a unique index refused the write (a lost race with a concurrent insert).
pub fn is_unique_violation(error: &DbErr) -> bool {
    matches!(
        error.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

/// The codes of `ids`.
pub async fn cohort_codes(conn: &impl ConnectionTrait, ids: &[i64]) -> Result<HashMap<i64, String>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, String)> = cohorts::Entity::find()
        .select_only()
        .column(cohorts::Column::Id)
        .column(cohorts::Column::Code)
        .filter(cohorts::Column::Id.is_in(ids.to_vec()))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Takes one seat of a cohort, if one is free: a single conditional update, so two
/// coordinators accepting at the same moment can never overfill it (and the database's
/// check on `seats_taken <= capacity` stands behind it).
pub async fn take_seat(conn: &impl ConnectionTrait, cohort_id: CohortId) -> Result<bool, DbErr> {
    let result = cohorts::Entity::update_many()
        .col_expr(
            cohorts::Column::SeatsTaken,
            Expr::col(cohorts::Column::SeatsTaken).add(1),
        )
        .filter(cohorts::Column::Id.eq(cohort_id))
        .filter(Expr::col(cohorts::Column::SeatsTaken).lt(Expr::col(cohorts::Column::Capacity)))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Gives back one seat of a cohort.
pub async fn free_seat(conn: &impl ConnectionTrait, cohort_id: CohortId) -> Result<(), DbErr> {
    cohorts::Entity::update_many()
        .col_expr(
            cohorts::Column::SeatsTaken,
            Expr::col(cohorts::Column::SeatsTaken).sub(1),
        )
        .filter(cohorts::Column::Id.eq(cohort_id))
        .filter(cohorts::Column::SeatsTaken.gt(0))
        .exec(conn)
        .await?;
    Ok(())
}

/// The codes of the cohorts among `ids` (a subquery of cohort ids, other than `except`)
/// whose dates overlap `dates`.
pub async fn codes_overlapping(
    conn: &impl ConnectionTrait,
    ids: sea_orm::sea_query::SelectStatement,
    except: &[i64],
    dates: (time::Date, time::Date),
) -> Result<Vec<String>, DbErr> {
    cohorts::Entity::find()
        .select_only()
        .column(cohorts::Column::Code)
        .filter(cohorts::Column::Id.in_subquery(ids))
        .filter(cohorts::Column::Id.is_not_in(except.to_vec()))
        .filter(cohorts::Column::StartsOn.lte(dates.1))
        .filter(cohorts::Column::EndsOn.gte(dates.0))
        .into_tuple()
        .all(conn)
        .await
}

/// A scalar subquery: the value of `column` of the row of `E` whose id is the expression
/// `id` (a name another area's read shows next to its own rows).
fn value_of<E: EntityTrait>(
    column: E::Column,
    id_column: E::Column,
    id: sea_orm::sea_query::SimpleExpr,
) -> sea_orm::sea_query::SimpleExpr {
    sea_orm::sea_query::Query::select()
        .column((E::default(), column))
        .from(E::default())
        .and_where(Expr::col((E::default(), id_column)).eq(id))
        .to_owned()
        .into()
}

/// The code of the cohort whose id is `id`, as a scalar subquery.
pub fn code_of(id: sea_orm::sea_query::SimpleExpr) -> sea_orm::sea_query::SimpleExpr {
    value_of::<cohorts::Entity>(cohorts::Column::Code, cohorts::Column::Id, id)
}

/// The name of the room whose id is `id`, as a scalar subquery.
pub fn room_name_of(id: sea_orm::sea_query::SimpleExpr) -> sea_orm::sea_query::SimpleExpr {
    value_of::<rooms::Entity>(rooms::Column::Name, rooms::Column::Id, id)
}

/// The title of the course unit whose id is `id`, as a scalar subquery.
pub fn unit_title_of(id: sea_orm::sea_query::SimpleExpr) -> sea_orm::sea_query::SimpleExpr {
    value_of::<course_units::Entity>(course_units::Column::Title, course_units::Column::Id, id)
}

/// The units of a course, in order.
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

/// Writes the cohort's row without changing it: on SQLite, takes the write lock before
/// anything is read (the schedule's writes are serialised this way).
pub async fn touch(conn: &impl ConnectionTrait, cohort_id: CohortId) -> Result<(), DbErr> {
    cohorts::Entity::update_many()
        .col_expr(cohorts::Column::UpdatedAt, Expr::col(cohorts::Column::UpdatedAt))
        .filter(cohorts::Column::Id.eq(cohort_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Joins the cohort whose id is `cohort` to another area's read, its columns under
/// `prefix`.
pub fn join_cohort(
    query: &mut sea_orm::sea_query::SelectStatement,
    cohort: sea_orm::sea_query::SimpleExpr,
    prefix: &str,
) {
    query.join(
        sea_orm::JoinType::InnerJoin,
        cohorts::Entity,
        Expr::col((cohorts::Entity, cohorts::Column::Id)).eq(cohort),
    );
    crate::platform::query::select_all_as::<cohorts::Entity>(query, prefix);
}
