//! SeaORM queries for enrollments, their history and the seats they hold.

use crate::kernel::{AccountId, CohortId, EnrollmentId, TraineeId};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Set,
};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};

use crate::entities::{enrollment_events, enrollments, trainees};
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

/// Every enrollment, by cohort (the operator's export).
pub async fn all_enrollments(conn: &impl ConnectionTrait) -> Result<Vec<enrollments::Model>, DbErr> {
    enrollments::Entity::find()
        .order_by_asc(enrollments::Column::CohortId)
        .order_by_asc(enrollments::Column::Id)
        .all(conn)
        .await
}

pub async fn enrollments_of_cohort(
    conn: &impl ConnectionTrait,
    cohort_id: CohortId,
) -> Result<Vec<enrollments::Model>, DbErr> {
    enrollments::Entity::find()
        .filter(enrollments::Column::CohortId.eq(cohort_id))
        .order_by_asc(enrollments::Column::CreatedAt)
        .order_by_asc(enrollments::Column::Id)
        .all(conn)
        .await
}

/// Every enrollment of `cohort_ids`, whatever its status.
pub async fn enrollments_of_cohorts(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<Vec<enrollments::Model>, DbErr> {
    enrollments::Entity::find()
        .filter(enrollments::Column::CohortId.is_in(cohort_ids.to_vec()))
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
    trainee_id: TraineeId,
    cohort_id: CohortId,
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
    enrollment_id: EnrollmentId,
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
    enrollment_id: EnrollmentId,
    from: Option<EnrollmentStatus>,
    to: EnrollmentStatus,
    reason: Option<&str>,
    actor: Option<i64>,
    now: OffsetDateTime,
) -> enrollment_events::ActiveModel {
    enrollment_events::ActiveModel {
        enrollment_id: Set(enrollment_id.get()),
        from_status: Set(from.map(|s| s.as_str().to_owned())),
        to_status: Set(to.as_str().to_owned()),
        reason: Set(reason.map(str::to_owned)),
        actor_id: Set(actor),
        occurred_at: Set(now),
        ..Default::default()
    }
}

/// The cohorts whose seat the record of account `user_id` holds, as a subquery of cohort
/// ids: what a trainee reaches (`Ports::seat_cohorts`).
pub fn seat_cohorts(user_id: AccountId) -> sea_orm::sea_query::SelectStatement {
    let record = trainees::Entity::find()
        .select_only()
        .column(trainees::Column::Id)
        .filter(trainees::Column::UserId.eq(user_id))
        .into_query();
    enrollments::Entity::find()
        .select_only()
        .column(enrollments::Column::CohortId)
        .filter(enrollments::Column::TraineeId.in_subquery(record))
        .filter(enrollments::Column::Status.is_in(EnrollmentStatus::seat_holding()))
        .into_query()
}

/// The codes of the cohorts (other than `except`) whose dates overlap `dates` and to which
/// the trainee is committed (accepted or active).
pub async fn committed_overlaps(
    conn: &impl ConnectionTrait,
    trainee_id: TraineeId,
    except: &[i64],
    dates: (Date, Date),
) -> Result<Vec<String>, DbErr> {
    let committed = enrollments::Entity::find()
        .select_only()
        .column(enrollments::Column::CohortId)
        .filter(enrollments::Column::TraineeId.eq(trainee_id))
        .filter(enrollments::Column::Status.is_in([EnrollmentStatus::Accepted, EnrollmentStatus::Active]))
        .into_query();
    crate::cohorts::db::codes_overlapping(conn, committed, except, dates).await
}

/// A cohort's waitlist in the order people joined it.
pub async fn waitlist(
    conn: &impl ConnectionTrait,
    cohort_id: CohortId,
) -> Result<Vec<enrollments::Model>, DbErr> {
    enrollments::Entity::find()
        .filter(enrollments::Column::CohortId.eq(cohort_id))
        .filter(enrollments::Column::Status.eq(EnrollmentStatus::Waitlisted))
        .order_by_asc(enrollments::Column::WaitlistedAt)
        .order_by_asc(enrollments::Column::Id)
        .all(conn)
        .await
}

/// Inserts many enrollments in one cohort; returns their ids by trainee.
pub async fn insert_enrollments(
    conn: &impl ConnectionTrait,
    cohort_id: CohortId,
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

/// Enrollment statuses of people who were (or are) in class: they have a joined date.
fn attending_statuses() -> Vec<EnrollmentStatus> {
    EnrollmentStatus::ALL
        .iter()
        .copied()
        .filter(|s| s.attends())
        .collect()
}

/// The enrollments of `cohort_ids` that had people in class, with their dates.
pub async fn attending(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<Vec<enrollments::Model>, DbErr> {
    enrollments::Entity::find()
        .filter(enrollments::Column::CohortId.is_in(cohort_ids.to_vec()))
        .filter(enrollments::Column::Status.is_in(attending_statuses()))
        .filter(enrollments::Column::JoinedOn.is_not_null())
        .all(conn)
        .await
}

/// A trainee's enrollments that had them in class.
pub async fn attending_of_trainee(
    conn: &impl ConnectionTrait,
    trainee_id: TraineeId,
) -> Result<Vec<enrollments::Model>, DbErr> {
    enrollments::Entity::find()
        .filter(enrollments::Column::TraineeId.eq(trainee_id))
        .filter(enrollments::Column::Status.is_in(attending_statuses()))
        .filter(enrollments::Column::JoinedOn.is_not_null())
        .all(conn)
        .await
}

/// Who is enrolled in the cohort `cohort` (a subquery of one cohort id) in a status that
/// attends, with the days they are in it (trainee, joined, left).
pub async fn attendance_windows(
    conn: &impl ConnectionTrait,
    cohort: sea_orm::sea_query::SelectStatement,
) -> Result<Vec<(i64, Option<Date>, Option<Date>)>, DbErr> {
    enrollments::Entity::find()
        .select_only()
        .columns([
            enrollments::Column::TraineeId,
            enrollments::Column::JoinedOn,
            enrollments::Column::LeftOn,
        ])
        .filter(enrollments::Column::CohortId.in_subquery(cohort))
        .filter(enrollments::Column::Status.is_in(attending_statuses()))
        .into_tuple()
        .all(conn)
        .await
}

/// Name and phone of everyone actively enrolled in `cohort_ids`, by trainee: one query
/// however many (the trainees are chosen by sub-query, not by a list of ids).
pub async fn active_contacts(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<HashMap<i64, trainees::Model>, DbErr> {
    let active = enrollments::Entity::find()
        .select_only()
        .column(enrollments::Column::TraineeId)
        .filter(enrollments::Column::CohortId.is_in(cohort_ids.to_vec()))
        .filter(enrollments::Column::Status.eq(EnrollmentStatus::Active))
        .into_query();
    Ok(trainees::Entity::find()
        .filter(trainees::Column::Id.in_subquery(active))
        .all(conn)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect())
}

/// The records of everyone committed to `cohort_id`'s dates (accepted or active in it), by
/// name: the people a change to its schedule concerns.
pub async fn committed_members(
    conn: &impl ConnectionTrait,
    cohort_id: CohortId,
) -> Result<Vec<trainees::Model>, DbErr> {
    let committed: Vec<EnrollmentStatus> = EnrollmentStatus::ALL
        .iter()
        .copied()
        .filter(|s| s.is_committed())
        .collect();
    let members = enrollments::Entity::find()
        .select_only()
        .column(enrollments::Column::TraineeId)
        .filter(enrollments::Column::CohortId.eq(cohort_id))
        .filter(enrollments::Column::Status.is_in(committed))
        .into_query();
    trainees::Entity::find()
        .filter(trainees::Column::Id.in_subquery(members))
        .order_by_asc(trainees::Column::FullName)
        .order_by_asc(trainees::Column::Id)
        .all(conn)
        .await
}

/// Which trainees a read is about: one record, or everyone holding a seat (accepted,
/// active, completed) in some cohorts.
#[derive(Debug, Clone)]
pub enum Who {
    One(i64),
    InCohorts(Vec<i64>),
}

fn seat_holding(who: &Who) -> sea_orm::Select<enrollments::Entity> {
    let query = enrollments::Entity::find()
        .filter(enrollments::Column::Status.is_in(EnrollmentStatus::seat_holding()));
    match who {
        Who::One(id) => query.filter(enrollments::Column::TraineeId.eq(*id)),
        Who::InCohorts(ids) => query.filter(enrollments::Column::CohortId.is_in(ids.clone())),
    }
}

/// The records `who` selects, as a subquery of record ids (another area selects its own
/// rows about them by it, never by a list of ids).
pub fn member_ids(who: &Who) -> sea_orm::sea_query::SelectStatement {
    seat_holding(who)
        .select_only()
        .column(enrollments::Column::TraineeId)
        .into_query()
}

/// The seat-holding enrollments of the trainees `who` selects.
pub async fn seat_enrollments(
    conn: &impl ConnectionTrait,
    who: &Who,
) -> Result<Vec<enrollments::Model>, DbErr> {
    seat_holding(who)
        .order_by_asc(enrollments::Column::Id)
        .all(conn)
        .await
}

/// The records of the trainees `who` selects.
pub async fn members(conn: &impl ConnectionTrait, who: &Who) -> Result<Vec<trainees::Model>, DbErr> {
    trainees::Entity::find()
        .filter(trainees::Column::Id.in_subquery(member_ids(who)))
        .all(conn)
        .await
}

/// The name, the key it sorts by and the NIK of each record `who` selects:
/// `(id, full_name, name_key, nik)`.
pub async fn member_names(
    conn: &impl ConnectionTrait,
    who: &Who,
) -> Result<Vec<(i64, String, String, String)>, DbErr> {
    trainees::Entity::find()
        .select_only()
        .columns([
            trainees::Column::Id,
            trainees::Column::FullName,
            trainees::Column::NameKey,
            trainees::Column::Nik,
        ])
        .filter(trainees::Column::Id.in_subquery(member_ids(who)))
        .into_tuple()
        .all(conn)
        .await
}
