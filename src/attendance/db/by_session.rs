//! Queries that start from one class session: what a roll call needs to know about it,
//! found by the session's id so that they can run at the same time.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, QueryTrait};

use super::{policy_of_model, ATTENDING};
use crate::attendance::model::Policy;
use crate::entities::{attendance_policies, class_sessions, cohort_instructors, cohorts, enrollments};

/// A session with its cohort, in one query.
pub async fn session_and_cohort(
    conn: &impl ConnectionTrait,
    session_id: i64,
) -> Result<Option<(class_sessions::Model, cohorts::Model)>, DbErr> {
    let cohort = sea_orm::RelationDef::from(
        class_sessions::Entity::belongs_to(cohorts::Entity)
            .from(class_sessions::Column::CohortId)
            .to(cohorts::Column::Id),
    );
    Ok(class_sessions::Entity::find_by_id(session_id)
        .join(sea_orm::JoinType::InnerJoin, cohort)
        .select_also(cohorts::Entity)
        .one(conn)
        .await?
        .and_then(|(session, cohort)| Some((session, cohort?))))
}

/// The trainees of `cohort_id` in class on `date`: enrolled in a status that attends,
/// joined on or before it and not left before it (what `Window::covers` decides for one
/// enrollment, asked of the database so that only the ids come back).
pub async fn attendee_ids_on(
    conn: &impl ConnectionTrait,
    cohort_id: i64,
    date: time::Date,
) -> Result<Vec<i64>, DbErr> {
    enrollments::Entity::find()
        .select_only()
        .column(enrollments::Column::TraineeId)
        .filter(enrollments::Column::CohortId.eq(cohort_id))
        .filter(enrollments::Column::Status.is_in(ATTENDING))
        .filter(enrollments::Column::JoinedOn.lte(date))
        .filter(
            sea_orm::Condition::any()
                .add(enrollments::Column::LeftOn.is_null())
                .add(enrollments::Column::LeftOn.gte(date)),
        )
        .into_tuple()
        .all(conn)
        .await
}

/// The attendance policy of a session's cohort, found by the session's id (so that it can
/// be read at the same time as the session itself); `None` when the cohort keeps the
/// defaults.
pub async fn policy_of_session(
    conn: &impl ConnectionTrait,
    session_id: i64,
) -> Result<Option<Policy>, DbErr> {
    Ok(attendance_policies::Entity::find()
        .filter(attendance_policies::Column::CohortId.in_subquery(cohort_of_session(session_id)))
        .one(conn)
        .await?
        .as_ref()
        .map(policy_of_model))
}

/// The instructors (account ids) of a session's cohort, found by the session's id.
pub async fn instructors_of_session(conn: &impl ConnectionTrait, session_id: i64) -> Result<Vec<i64>, DbErr> {
    cohort_instructors::Entity::find()
        .select_only()
        .column(cohort_instructors::Column::UserId)
        .filter(cohort_instructors::Column::CohortId.in_subquery(cohort_of_session(session_id)))
        .into_tuple()
        .all(conn)
        .await
}

fn cohort_of_session(session_id: i64) -> sea_orm::sea_query::SelectStatement {
    class_sessions::Entity::find()
        .select_only()
        .column(class_sessions::Column::CohortId)
        .filter(class_sessions::Column::Id.eq(session_id))
        .into_query()
}
