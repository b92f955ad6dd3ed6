//! Queries that start from one class session: what a roll call needs to know about it,
//! found by the session's id so that they can run at the same time. The session and its
//! cohort are read through their owners (schedule, cohorts), joined in one statement.

use crate::kernel::{AccountId, SessionId};
use sea_orm::sea_query::{Alias, Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, IdenStatic, Iterable, JoinType,
    QueryFilter, QuerySelect, QueryTrait,
};

use super::policy_of_model;
use crate::attendance::model::Policy;
use crate::entities::{attendance_policies, class_sessions, cohorts, roll_calls};

/// Who is enrolled in a session's cohort in a status that attends, with the days they
/// are in it (trainee, joined, left), found by the session's id so that it can be read at
/// the same time as the session itself. `Window::covers` decides who is in class on the
/// session's date.
pub async fn attendance_windows_of_session(
    conn: &impl ConnectionTrait,
    session_id: SessionId,
) -> Result<Vec<(i64, Option<time::Date>, Option<time::Date>)>, DbErr> {
    crate::trainees::db::attendance_windows(conn, crate::schedule::db::cohort_of_session(session_id)).await
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

/// The prefixes of the session's, the cohort's and the policy's columns.
const SESSION: &str = "A_";
const COHORT: &str = "B_";
const POLICY: &str = "C_";

/// A session with its cohort, the cohort's policy, whether its roll call was taken and
/// whether `user_id` teaches the cohort, in one statement (the session joined to its
/// cohort and, when set, the policy; the roll call and the assignment as `EXISTS`).
///
/// # Errors
/// Database errors.
pub async fn session_for_roll_call(
    conn: &impl ConnectionTrait,
    session_id: SessionId,
    user_id: AccountId,
) -> Result<Option<SessionForRollCall>, DbErr> {
    let (mut query, cohort) = crate::schedule::db::session_row(session_id, SESSION);
    crate::cohorts::db::join_cohort(&mut query, cohort.clone(), COHORT);
    query.join(
        JoinType::LeftJoin,
        attendance_policies::Entity,
        Expr::col((attendance_policies::Entity, attendance_policies::Column::CohortId)).eq(cohort.clone()),
    );
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
    query.expr_as(
        crate::cohorts::db::teaches(user_id, cohort),
        Alias::new("teaches"),
    );
    let Some(row) = conn.query_one(&query).await? else {
        return Ok(None);
    };
    Ok(Some(SessionForRollCall {
        session: class_sessions::Model::from_query_result(&row, SESSION)?,
        cohort: cohorts::Model::from_query_result(&row, COHORT)?,
        policy: attendance_policies::Model::from_query_result_optional(&row, POLICY)?
            .as_ref()
            .map(policy_of_model)
            .unwrap_or_default(),
        taken: row.try_get("", "taken")?,
        teaches: row.try_get("", "teaches")?,
    }))
}
