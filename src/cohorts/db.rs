//! SeaORM queries for programmes, courses, rooms and cohorts. No business rules here;
//! every list is fetched with a fixed number of queries, whatever its length.

use sea_orm::{
    sea_query::{Expr, Func},
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Set,
};
use std::collections::HashMap;
use time::OffsetDateTime;

use super::authz::{CohortListScope, CohortScope};
use super::model::ValidCohort;
use crate::entities::{
    class_sessions, cohort_instructors, cohorts, course_units, courses, enrollments, programmes, rooms,
    sites, trainees, user_sites, users,
};
use crate::kernel::Role;
use crate::platform::query::contains_pattern;

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

pub async fn sites(conn: &impl ConnectionTrait, ids: Option<&[i64]>) -> Result<Vec<sites::Model>, DbErr> {
    let mut query = sites::Entity::find().order_by_asc(sites::Column::Name);
    if let Some(ids) = ids {
        query = query.filter(sites::Column::Id.is_in(ids.to_vec()));
    }
    query.all(conn).await
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

/// Active instructors at `site_ids` (anywhere when `None`) with all their sites.
pub async fn instructors(
    conn: &impl ConnectionTrait,
    site_ids: Option<&[i64]>,
) -> Result<Vec<(users::Model, Vec<i64>)>, DbErr> {
    let mut condition = Condition::all()
        .add(users::Column::Role.eq(Role::Instructor.as_str()))
        .add(users::Column::IsActive.eq(true));
    if let Some(ids) = site_ids {
        let at_sites = user_sites::Entity::find()
            .select_only()
            .column(user_sites::Column::UserId)
            .filter(user_sites::Column::SiteId.is_in(ids.to_vec()))
            .into_query();
        condition = condition.add(users::Column::Id.in_subquery(at_sites));
    }
    let people = users::Entity::find()
        .filter(condition)
        .order_by_asc(users::Column::DisplayName)
        .all(conn)
        .await?;
    let ids: Vec<i64> = people.iter().map(|u| u.id).collect();
    let links = if ids.is_empty() {
        Vec::new()
    } else {
        user_sites::Entity::find()
            .filter(user_sites::Column::UserId.is_in(ids))
            .all(conn)
            .await?
    };
    let mut sites_of: HashMap<i64, Vec<i64>> = HashMap::new();
    for link in links {
        sites_of.entry(link.user_id).or_default().push(link.site_id);
    }
    Ok(people
        .into_iter()
        .map(|user| {
            let sites = sites_of.remove(&user.id).unwrap_or_default();
            (user, sites)
        })
        .collect())
}

pub async fn names_of(conn: &impl ConnectionTrait, user_ids: &[i64]) -> Result<HashMap<i64, String>, DbErr> {
    if user_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, String)> = users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .column(users::Column::DisplayName)
        .filter(users::Column::Id.is_in(user_ids.to_vec()))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
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

/// Enrollment statuses that hold a seat and make a trainee a member of the cohort (the
/// trainees area keeps the lifecycle; its tests check this list against it).
pub const SEAT_STATUSES: [&str; 3] = ["accepted", "active", "completed"];

/// The account ids of a cohort's members (trainees without an account have none).
pub async fn member_ids(conn: &impl ConnectionTrait, cohort_id: i64) -> Result<Vec<i64>, DbErr> {
    let enrolled = enrollments::Entity::find()
        .select_only()
        .column(enrollments::Column::TraineeId)
        .filter(enrollments::Column::CohortId.eq(cohort_id))
        .filter(enrollments::Column::Status.is_in(SEAT_STATUSES))
        .into_query();
    trainees::Entity::find()
        .select_only()
        .column(trainees::Column::UserId)
        .filter(trainees::Column::Id.in_subquery(enrolled))
        .filter(trainees::Column::UserId.is_not_null())
        .into_tuple::<Option<i64>>()
        .all(conn)
        .await
        .map(|ids| ids.into_iter().flatten().collect())
}

/// The cohorts whose member the account `user_id` is, as a subquery.
pub fn cohorts_of_member_query(user_id: i64) -> sea_orm::sea_query::SelectStatement {
    let trainee = trainees::Entity::find()
        .select_only()
        .column(trainees::Column::Id)
        .filter(trainees::Column::UserId.eq(user_id))
        .into_query();
    enrollments::Entity::find()
        .select_only()
        .column(enrollments::Column::CohortId)
        .filter(enrollments::Column::TraineeId.in_subquery(trainee))
        .filter(enrollments::Column::Status.is_in(SEAT_STATUSES))
        .into_query()
}

/// What authorization needs to know about a cohort.
pub async fn scope_of(conn: &impl ConnectionTrait, cohort: &cohorts::Model) -> Result<CohortScope, DbErr> {
    Ok(CohortScope {
        site_id: cohort.site_id,
        instructor_ids: instructors_of(conn, &[cohort.id])
            .await?
            .remove(&cohort.id)
            .unwrap_or_default(),
        member_ids: member_ids(conn, cohort.id).await?,
    })
}

/// The cohorts the account `user_id` is a member of.
pub async fn cohorts_of_member(conn: &impl ConnectionTrait, user_id: i64) -> Result<Vec<i64>, DbErr> {
    cohorts::Entity::find()
        .select_only()
        .column(cohorts::Column::Id)
        .filter(cohorts::Column::Id.in_subquery(cohorts_of_member_query(user_id)))
        .into_tuple()
        .all(conn)
        .await
}

/// The cohorts `user_id` teaches.
pub async fn cohorts_taught_by(conn: &impl ConnectionTrait, user_id: i64) -> Result<Vec<i64>, DbErr> {
    cohort_instructors::Entity::find()
        .select_only()
        .column(cohort_instructors::Column::CohortId)
        .filter(cohort_instructors::Column::UserId.eq(user_id))
        .into_tuple()
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

/// The condition limiting cohorts to a list scope.
pub fn scope_condition(scope: &CohortListScope) -> Condition {
    match scope {
        CohortListScope::Everything => Condition::all(),
        CohortListScope::Sites(ids) => Condition::all().add(cohorts::Column::SiteId.is_in(ids.clone())),
        CohortListScope::Teaching(user_id) => Condition::all().add(
            cohorts::Column::Id.in_subquery(
                cohort_instructors::Entity::find()
                    .select_only()
                    .column(cohort_instructors::Column::CohortId)
                    .filter(cohort_instructors::Column::UserId.eq(*user_id))
                    .into_query(),
            ),
        ),
    }
}

pub struct CohortQuery<'a> {
    pub scope: &'a CohortListScope,
    pub search: Option<&'a str>,
    pub site_id: Option<i64>,
    pub status: Option<&'a str>,
    pub programme_id: Option<i64>,
    pub offset: u64,
    pub limit: u64,
}

/// One page of cohorts, newest start first, and how many match in all.
pub async fn list_cohorts(
    conn: &impl ConnectionTrait,
    query: &CohortQuery<'_>,
) -> Result<(Vec<cohorts::Model>, u64), DbErr> {
    let mut condition = scope_condition(query.scope);
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
    created_by: i64,
) -> Result<cohorts::Model, DbErr> {
    let mut model = active_model(valid, now);
    model.created_at = Set(now);
    model.created_by = Set(Some(created_by));
    let cohort = cohorts::Entity::insert(model).exec_with_returning(conn).await?;
    replace_instructors(conn, cohort.id, &valid.instructor_ids).await?;
    Ok(cohort)
}

pub async fn update_cohort(
    conn: &impl ConnectionTrait,
    id: i64,
    valid: &ValidCohort,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    let mut model = active_model(valid, now);
    model.id = Set(id);
    cohorts::Entity::update(model).exec(conn).await?;
    replace_instructors(conn, id, &valid.instructor_ids).await
}

async fn replace_instructors(
    conn: &impl ConnectionTrait,
    cohort_id: i64,
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
        cohort_id: Set(cohort_id),
        user_id: Set(*user_id),
    }))
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// First and last start of the cohort's sessions that are not cancelled.
pub async fn planned_span(
    conn: &impl ConnectionTrait,
    cohort_id: i64,
) -> Result<Option<(OffsetDateTime, OffsetDateTime)>, DbErr> {
    let row: Option<(Option<OffsetDateTime>, Option<OffsetDateTime>)> = class_sessions::Entity::find()
        .select_only()
        .column_as(class_sessions::Column::StartsAt.min(), "first")
        .column_as(class_sessions::Column::StartsAt.max(), "last")
        .filter(class_sessions::Column::CohortId.eq(cohort_id))
        .filter(class_sessions::Column::Status.ne("cancelled"))
        .into_tuple()
        .one(conn)
        .await?;
    Ok(match row {
        Some((Some(first), Some(last))) => Some((first, last)),
        _ => None,
    })
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
