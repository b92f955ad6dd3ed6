//! Queries that start from one class session: what a roll call needs to know about it,
//! found by the session's id so that they can run at the same time.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, QueryTrait};

use super::{policy_of_model, ATTENDING};
use crate::attendance::model::Policy;
use crate::entities::{attendance_policies, class_sessions, cohort_instructors, cohorts, enrollments};
use crate::platform::query::join_on;

/// A session with its cohort, in one query.
pub async fn session_and_cohort(
    conn: &impl ConnectionTrait,
    session_id: i64,
) -> Result<Option<(class_sessions::Model, cohorts::Model)>, DbErr> {
    let cohort = join_on(class_sessions::Column::CohortId, cohorts::Column::Id);
    Ok(class_sessions::Entity::find_by_id(session_id)
        .join(sea_orm::JoinType::InnerJoin, cohort)
        .select_also(cohorts::Entity)
        .one(conn)
        .await?
        .and_then(|(session, cohort)| Some((session, cohort?))))
}

/// Who is enrolled in a session's cohort in a status that attends, with the days they
/// are in it (trainee, joined, left), found by the session's id so that it can be read at
/// the same time as the session itself. `Window::covers` decides who is in class on the
/// session's date.
pub async fn attendance_windows_of_session(
    conn: &impl ConnectionTrait,
    session_id: i64,
) -> Result<Vec<(i64, Option<time::Date>, Option<time::Date>)>, DbErr> {
    enrollments::Entity::find()
        .select_only()
        .columns([
            enrollments::Column::TraineeId,
            enrollments::Column::JoinedOn,
            enrollments::Column::LeftOn,
        ])
        .filter(enrollments::Column::CohortId.in_subquery(cohort_of_session(session_id)))
        .filter(enrollments::Column::Status.is_in(ATTENDING))
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
