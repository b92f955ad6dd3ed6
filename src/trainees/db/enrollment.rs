//! SeaORM queries for enrollments, their history and the seats they hold.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, Set,
};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};

use crate::entities::{cohorts, enrollment_events, enrollments, trainees};
use crate::trainees::model::enrollment::EnrollmentStatus;

/// Enrollments of `trainee_ids`, oldest first.
pub async fn enrollments_of(
    conn: &impl ConnectionTrait,
    trainee_ids: &[i64],
) -> Result<Vec<enrollments::Model>, DbErr> {
    let mut all = Vec::new();
    for chunk in trainee_ids.chunks(500) {
        all.extend(
            enrollments::Entity::find()
                .filter(enrollments::Column::TraineeId.is_in(chunk.to_vec()))
                .order_by_asc(enrollments::Column::CreatedAt)
                .order_by_asc(enrollments::Column::Id)
                .all(conn)
                .await?,
        );
    }
    Ok(all)
}

pub async fn enrollments_of_cohort(
    conn: &impl ConnectionTrait,
    cohort_id: i64,
) -> Result<Vec<enrollments::Model>, DbErr> {
    enrollments::Entity::find()
        .filter(enrollments::Column::CohortId.eq(cohort_id))
        .order_by_asc(enrollments::Column::CreatedAt)
        .order_by_asc(enrollments::Column::Id)
        .all(conn)
        .await
}

pub async fn trainees_by_ids(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, trainees::Model>, DbErr> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(500) {
        for trainee in trainees::Entity::find()
            .filter(trainees::Column::Id.is_in(chunk.to_vec()))
            .all(conn)
            .await?
        {
            found.insert(trainee.id, trainee);
        }
    }
    Ok(found)
}

pub async fn events_of(
    conn: &impl ConnectionTrait,
    enrollment_ids: &[i64],
) -> Result<Vec<enrollment_events::Model>, DbErr> {
    if enrollment_ids.is_empty() {
        return Ok(Vec::new());
    }
    enrollment_events::Entity::find()
        .filter(enrollment_events::Column::EnrollmentId.is_in(enrollment_ids.to_vec()))
        .order_by_asc(enrollment_events::Column::OccurredAt)
        .order_by_asc(enrollment_events::Column::Id)
        .all(conn)
        .await
}

pub async fn enrollment(conn: &impl ConnectionTrait, id: i64) -> Result<Option<enrollments::Model>, DbErr> {
    enrollments::Entity::find_by_id(id).one(conn).await
}

pub async fn enrollment_of(
    conn: &impl ConnectionTrait,
    trainee_id: i64,
    cohort_id: i64,
) -> Result<Option<enrollments::Model>, DbErr> {
    enrollments::Entity::find()
        .filter(enrollments::Column::TraineeId.eq(trainee_id))
        .filter(enrollments::Column::CohortId.eq(cohort_id))
        .one(conn)
        .await
}

pub async fn insert_enrollment(
    conn: &impl ConnectionTrait,
    model: enrollments::ActiveModel,
) -> Result<enrollments::Model, DbErr> {
    enrollments::Entity::insert(model).exec_with_returning(conn).await
}

pub async fn update_enrollment(
    conn: &impl ConnectionTrait,
    model: enrollments::ActiveModel,
) -> Result<(), DbErr> {
    enrollments::Entity::update(model).exec(conn).await?;
    Ok(())
}

pub async fn insert_event(
    conn: &impl ConnectionTrait,
    enrollment_id: i64,
    from: Option<EnrollmentStatus>,
    to: EnrollmentStatus,
    reason: Option<&str>,
    actor: Option<i64>,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    enrollment_events::Entity::insert(event(enrollment_id, from, to, reason, actor, now))
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

pub fn event(
    enrollment_id: i64,
    from: Option<EnrollmentStatus>,
    to: EnrollmentStatus,
    reason: Option<&str>,
    actor: Option<i64>,
    now: OffsetDateTime,
) -> enrollment_events::ActiveModel {
    enrollment_events::ActiveModel {
        enrollment_id: Set(enrollment_id),
        from_status: Set(from.map(|s| s.as_str().to_owned())),
        to_status: Set(to.as_str().to_owned()),
        reason: Set(reason.map(str::to_owned)),
        actor_id: Set(actor),
        occurred_at: Set(now),
        ..Default::default()
    }
}

/// Takes one seat of a cohort, if one is free: a single conditional update, so two
/// coordinators accepting at the same moment can never overfill it (and the database's
/// check on `seats_taken <= capacity` stands behind it).
pub async fn take_seat(conn: &impl ConnectionTrait, cohort_id: i64) -> Result<bool, DbErr> {
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

pub async fn free_seat(conn: &impl ConnectionTrait, cohort_id: i64) -> Result<(), DbErr> {
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

/// The codes of the cohorts (other than `except`) whose dates overlap `dates` and to which
/// the trainee is committed (accepted or active).
pub async fn committed_overlaps(
    conn: &impl ConnectionTrait,
    trainee_id: i64,
    except: &[i64],
    dates: (Date, Date),
) -> Result<Vec<String>, DbErr> {
    let committed = enrollments::Entity::find()
        .select_only()
        .column(enrollments::Column::CohortId)
        .filter(enrollments::Column::TraineeId.eq(trainee_id))
        .filter(enrollments::Column::Status.is_in([
            EnrollmentStatus::Accepted.as_str(),
            EnrollmentStatus::Active.as_str(),
        ]))
        .into_query();
    cohorts::Entity::find()
        .select_only()
        .column(cohorts::Column::Code)
        .filter(cohorts::Column::Id.in_subquery(committed))
        .filter(cohorts::Column::Id.is_not_in(except.to_vec()))
        .filter(cohorts::Column::StartsOn.lte(dates.1))
        .filter(cohorts::Column::EndsOn.gte(dates.0))
        .into_tuple()
        .all(conn)
        .await
}

/// A cohort's waitlist in the order people joined it.
pub async fn waitlist(conn: &impl ConnectionTrait, cohort_id: i64) -> Result<Vec<enrollments::Model>, DbErr> {
    enrollments::Entity::find()
        .filter(enrollments::Column::CohortId.eq(cohort_id))
        .filter(enrollments::Column::Status.eq(EnrollmentStatus::Waitlisted.as_str()))
        .order_by_asc(enrollments::Column::WaitlistedAt)
        .order_by_asc(enrollments::Column::Id)
        .all(conn)
        .await
}

/// Inserts many enrollments in one cohort; returns their ids by trainee.
pub async fn insert_enrollments(
    conn: &impl ConnectionTrait,
    cohort_id: i64,
    rows: Vec<enrollments::ActiveModel>,
    trainee_ids: &[i64],
) -> Result<HashMap<i64, i64>, DbErr> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows.by_ref().take(500).collect();
        enrollments::Entity::insert_many(chunk)
            .exec_without_returning(conn)
            .await?;
    }
    let mut ids = HashMap::new();
    for chunk in trainee_ids.chunks(500) {
        let found: Vec<(i64, i64)> = enrollments::Entity::find()
            .select_only()
            .column(enrollments::Column::TraineeId)
            .column(enrollments::Column::Id)
            .filter(enrollments::Column::CohortId.eq(cohort_id))
            .filter(enrollments::Column::TraineeId.is_in(chunk.to_vec()))
            .into_tuple()
            .all(conn)
            .await?;
        ids.extend(found);
    }
    Ok(ids)
}

pub async fn insert_events(
    conn: &impl ConnectionTrait,
    rows: Vec<enrollment_events::ActiveModel>,
) -> Result<(), DbErr> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows.by_ref().take(500).collect();
        enrollment_events::Entity::insert_many(chunk)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}
