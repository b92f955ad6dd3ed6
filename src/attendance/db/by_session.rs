//! Queries that start from one class session: what a roll call needs to know about it,
//! found by the session's id so that they can run at the same time.

use sea_orm::sea_query::{Alias, Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, IdenStatic, Iterable, JoinType,
    QueryFilter, QuerySelect, QueryTrait,
};

use super::{policy_of_model, ATTENDING};
use crate::attendance::model::Policy;
use crate::entities::{
    attendance_policies, class_sessions, cohort_instructors, cohorts, enrollments, roll_calls,
};
use crate::platform::query::join_on;

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

/// What saving a session's roll call (or opening its check-in) starts from, read in one
/// statement.
#[derive(Debug, Clone)]
pub struct SessionForRollCall {
    pub session: class_sessions::Model,
    pub cohort: cohorts::Model,
    /// The cohort's attendance policy (the defaults when it set none).
    pub policy: Policy,
    /// Whether a roll call was taken before.
    pub taken: bool,
    /// Whether the account that asks is one of the cohort's instructors.
    pub teaches: bool,
}

/// A session with its cohort, the cohort's policy, whether its roll call was taken and
/// whether `user_id` teaches the cohort, in one statement (the session joined to its
/// cohort and, when set, the policy; the roll call and the assignment as `EXISTS`).
///
/// # Errors
/// Database errors.
pub async fn session_for_roll_call(
    conn: &impl ConnectionTrait,
    session_id: i64,
    user_id: i64,
) -> Result<Option<SessionForRollCall>, DbErr> {
    let mut query = class_sessions::Entity::find_by_id(session_id)
        .join(
            JoinType::InnerJoin,
            join_on(class_sessions::Column::CohortId, cohorts::Column::Id),
        )
        .join(
            JoinType::LeftJoin,
            join_on(
                class_sessions::Column::CohortId,
                attendance_policies::Column::CohortId,
            ),
        )
        .select_also(cohorts::Entity)
        .into_query();
    for column in attendance_policies::Column::iter() {
        query.expr_as(
            Expr::col((attendance_policies::Entity, column)),
            Alias::new(format!("{POLICY}{}", column.as_str())),
        );
    }
    let taken = roll_calls::Entity::find()
        .select_only()
        .column(roll_calls::Column::SessionId)
        .filter(roll_calls::Column::SessionId.eq(session_id))
        .into_query();
    query.expr_as(Expr::exists(taken), Alias::new("taken"));
    let teaches = cohort_instructors::Entity::find()
        .select_only()
        .column(cohort_instructors::Column::UserId)
        .filter(
            Expr::col((cohort_instructors::Entity, cohort_instructors::Column::CohortId))
                .equals((class_sessions::Entity, class_sessions::Column::CohortId)),
        )
        .filter(cohort_instructors::Column::UserId.eq(user_id))
        .into_query();
    query.expr_as(Expr::exists(teaches), Alias::new("teaches"));
    let Some(row) = conn.query_one(&query).await? else {
        return Ok(None);
    };
    Ok(Some(SessionForRollCall {
        session: class_sessions::Model::from_query_result(&row, "A_")?,
        cohort: cohorts::Model::from_query_result(&row, "B_")?,
        policy: attendance_policies::Model::from_query_result_optional(&row, POLICY)?
            .as_ref()
            .map(policy_of_model)
            .unwrap_or_default(),
        taken: row.try_get("", "taken")?,
        teaches: row.try_get("", "teaches")?,
    }))
}

/// The prefix of the policy's columns in [`session_for_roll_call`] (the session's and the
/// cohort's are `A_` and `B_`, as SeaORM names them).
const POLICY: &str = "C_";

fn cohort_of_session(session_id: i64) -> sea_orm::sea_query::SelectStatement {
    class_sessions::Entity::find()
        .select_only()
        .column(class_sessions::Column::CohortId)
        .filter(class_sessions::Column::Id.eq(session_id))
        .into_query()
}
