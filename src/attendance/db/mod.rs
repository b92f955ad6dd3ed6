//! SeaORM queries for marks, their history, roll calls, check-in keys, policies and
//! excuses. No business rules; lists take a fixed number of queries.

use crate::kernel::{AccountId, CohortId, SessionId, TraineeId};
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use time::OffsetDateTime;

use super::model::excuse::ExcuseStatus;
use super::model::Policy;
use crate::entities::{
    attendance_changes, attendance_marks, attendance_policies, check_in_keys, excuse_notes, excuses,
    roll_calls,
};
use crate::platform::query::none_refer_to_expr;

mod by_session;
mod counts;
mod hours;
mod writes;
pub use by_session::{attendance_windows_of_session, session_for_roll_call, SessionForRollCall};
pub use counts::{
    absence_streaks, counter_drift, held_of, kept_counts, mark_counts, unheld_by_cohort, Unheld,
};
pub use hours::attended_sessions;
pub use writes::{mark_states_of_session, write_mark, write_marks, MarkState, MarkWrite};

/// That no roll call was taken for the session whose id is `session` (for the schedule's
/// list of held sessions).
pub fn no_roll_call(session: sea_orm::sea_query::SimpleExpr) -> sea_orm::sea_query::SimpleExpr {
    none_refer_to_expr(roll_calls::Column::SessionId, session)
}

pub async fn marks_of_sessions(
    conn: &impl ConnectionTrait,
    session_ids: &[i64],
) -> Result<Vec<attendance_marks::Model>, DbErr> {
    let mut all = Vec::new();
    for chunk in session_ids.chunks(500) {
        all.extend(
            attendance_marks::Entity::find()
                .filter(attendance_marks::Column::SessionId.is_in(chunk.to_vec()))
                .all(conn)
                .await?,
        );
    }
    Ok(all)
}

pub async fn marks_of_trainee(
    conn: &impl ConnectionTrait,
    trainee_id: TraineeId,
) -> Result<Vec<attendance_marks::Model>, DbErr> {
    attendance_marks::Entity::find()
        .filter(attendance_marks::Column::TraineeId.eq(trainee_id))
        .all(conn)
        .await
}

pub async fn mark_of(
    conn: &impl ConnectionTrait,
    session_id: SessionId,
    trainee_id: TraineeId,
) -> Result<Option<attendance_marks::Model>, DbErr> {
    attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SessionId.eq(session_id))
        .filter(attendance_marks::Column::TraineeId.eq(trainee_id))
        .one(conn)
        .await
}

pub async fn changes_of(
    conn: &impl ConnectionTrait,
    mark_ids: &[i64],
) -> Result<Vec<attendance_changes::Model>, DbErr> {
    attendance_changes::Entity::find()
        .filter(attendance_changes::Column::MarkId.is_in(mark_ids.to_vec()))
        .order_by_asc(attendance_changes::Column::ChangedAt)
        .order_by_asc(attendance_changes::Column::Id)
        .all(conn)
        .await
}

pub async fn roll_calls_of(
    conn: &impl ConnectionTrait,
    session_ids: &[i64],
) -> Result<HashMap<i64, roll_calls::Model>, DbErr> {
    let mut found = HashMap::new();
    for chunk in session_ids.chunks(500) {
        for call in roll_calls::Entity::find()
            .filter(roll_calls::Column::SessionId.is_in(chunk.to_vec()))
            .all(conn)
            .await?
        {
            found.insert(call.session_id, call);
        }
    }
    Ok(found)
}

/// Records that a roll call was taken (again): by whom and when.
pub async fn record_roll_call(
    conn: &impl ConnectionTrait,
    session_id: SessionId,
    by: Option<AccountId>,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    roll_calls::Entity::insert(roll_calls::ActiveModel {
        session_id: Set(session_id.get()),
        taken_by: Set(by.map(AccountId::get)),
        automatic: Set(false),
        taken_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(roll_calls::Column::SessionId)
            .update_columns([
                roll_calls::Column::TakenBy,
                roll_calls::Column::Automatic,
                roll_calls::Column::TakenAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// Claims an unmarked session for the automatic roll call: `false` when another run (or
/// instance) or a person got there first.
pub async fn claim_automatic(
    conn: &impl ConnectionTrait,
    session_id: SessionId,
    now: OffsetDateTime,
) -> Result<bool, DbErr> {
    let inserted = roll_calls::Entity::insert(roll_calls::ActiveModel {
        session_id: Set(session_id.get()),
        taken_by: Set(None),
        automatic: Set(true),
        taken_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(roll_calls::Column::SessionId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(inserted == 1)
}

/// The policies of `cohort_ids` that have one (the others use the default).
pub async fn policies_of(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<HashMap<i64, Policy>, DbErr> {
    Ok(attendance_policies::Entity::find()
        .filter(attendance_policies::Column::CohortId.is_in(cohort_ids.to_vec()))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.cohort_id, policy_of_model(&p)))
        .collect())
}

fn policy_of_model(p: &attendance_policies::Model) -> Policy {
    let small = |n: i32| u16::try_from(n).unwrap_or(0);
    Policy {
        late_weight: u8::try_from(p.late_weight).unwrap_or(50),
        late_after_minutes: small(p.late_after_minutes),
        auto_absent_hours: p.auto_absent_hours.map(small),
        edit_days: small(p.edit_days),
        absence_streak: small(p.absence_streak).max(1),
    }
}

/// Cohorts whose policy marks unmarked trainees absent, with that policy.
pub async fn auto_absent_policies(conn: &impl ConnectionTrait) -> Result<Vec<(i64, Policy)>, DbErr> {
    Ok(attendance_policies::Entity::find()
        .filter(attendance_policies::Column::AutoAbsentHours.is_not_null())
        .all(conn)
        .await?
        .iter()
        .map(|p| (p.cohort_id, policy_of_model(p)))
        .collect())
}

pub async fn save_policy(
    conn: &impl ConnectionTrait,
    cohort_id: CohortId,
    policy: &Policy,
    by: AccountId,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    attendance_policies::Entity::insert(attendance_policies::ActiveModel {
        cohort_id: Set(cohort_id.get()),
        late_weight: Set(i32::from(policy.late_weight)),
        late_after_minutes: Set(i32::from(policy.late_after_minutes)),
        auto_absent_hours: Set(policy.auto_absent_hours.map(i32::from)),
        edit_days: Set(i32::from(policy.edit_days)),
        absence_streak: Set(i32::from(policy.absence_streak)),
        updated_by: Set(Some(by.get())),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(attendance_policies::Column::CohortId)
            .update_columns([
                attendance_policies::Column::LateWeight,
                attendance_policies::Column::LateAfterMinutes,
                attendance_policies::Column::AutoAbsentHours,
                attendance_policies::Column::EditDays,
                attendance_policies::Column::AbsenceStreak,
                attendance_policies::Column::UpdatedBy,
                attendance_policies::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

pub async fn check_in_keys_of(
    conn: &impl ConnectionTrait,
    session_ids: &[i64],
) -> Result<HashMap<i64, check_in_keys::Model>, DbErr> {
    Ok(check_in_keys::Entity::find()
        .filter(check_in_keys::Column::SessionId.is_in(session_ids.to_vec()))
        .all(conn)
        .await?
        .into_iter()
        .map(|k| (k.session_id, k))
        .collect())
}

/// Opens self check-in for a session (once: an open session keeps its secret).
pub async fn open_check_in(
    conn: &impl ConnectionTrait,
    session_id: SessionId,
    secret: &str,
    by: AccountId,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    check_in_keys::Entity::insert(check_in_keys::ActiveModel {
        session_id: Set(session_id.get()),
        secret: Set(secret.to_owned()),
        opened_by: Set(Some(by.get())),
        opened_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(check_in_keys::Column::SessionId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

pub async fn excuses_of_sessions(
    conn: &impl ConnectionTrait,
    session_ids: &[i64],
) -> Result<Vec<excuses::Model>, DbErr> {
    excuses::Entity::find()
        .filter(excuses::Column::SessionId.is_in(session_ids.to_vec()))
        .all(conn)
        .await
}

pub async fn excuses_of_trainee(
    conn: &impl ConnectionTrait,
    trainee_id: TraineeId,
) -> Result<Vec<excuses::Model>, DbErr> {
    excuses::Entity::find()
        .filter(excuses::Column::TraineeId.eq(trainee_id))
        .order_by_desc(excuses::Column::RequestedAt)
        .limit(100)
        .all(conn)
        .await
}

pub async fn excuse(conn: &impl ConnectionTrait, id: i64) -> Result<Option<excuses::Model>, DbErr> {
    excuses::Entity::find_by_id(id).one(conn).await
}

/// Requests for sessions among `sessions` (a subquery of session ids: the schedule's of
/// a coordinator's sites; every session when `None`): pending ones, or the latest decided.
pub async fn excuses_for_sessions(
    conn: &impl ConnectionTrait,
    sessions: Option<sea_orm::sea_query::SelectStatement>,
    pending: bool,
) -> Result<Vec<excuses::Model>, DbErr> {
    let mut query = excuses::Entity::find();
    if let Some(sessions) = sessions {
        query = query.filter(excuses::Column::SessionId.in_subquery(sessions));
    }
    if pending {
        query
            .filter(excuses::Column::Status.eq(ExcuseStatus::Pending))
            .order_by_asc(excuses::Column::RequestedAt)
            .limit(200)
            .all(conn)
            .await
    } else {
        query
            .filter(excuses::Column::Status.is_in([ExcuseStatus::Approved, ExcuseStatus::Declined]))
            .order_by_desc(excuses::Column::DecidedAt)
            .limit(30)
            .all(conn)
            .await
    }
}

pub async fn insert_excuse(
    conn: &impl ConnectionTrait,
    model: excuses::ActiveModel,
) -> Result<excuses::Model, DbErr> {
    use sea_orm::ActiveModelTrait;
    model.insert(conn).await
}

/// Moves a request out of `pending`, once: `false` when it was not pending any more.
pub async fn settle_excuse(
    conn: &impl ConnectionTrait,
    id: i64,
    status: ExcuseStatus,
    by: Option<AccountId>,
    note: Option<String>,
    now: OffsetDateTime,
) -> Result<bool, DbErr> {
    let result = excuses::Entity::update_many()
        .col_expr(excuses::Column::Status, Expr::value(status))
        .col_expr(excuses::Column::DecidedBy, Expr::value(by))
        .col_expr(excuses::Column::DecidedAt, Expr::value(Some(now)))
        .col_expr(excuses::Column::DecisionNote, Expr::value(note))
        .filter(excuses::Column::Id.eq(id))
        .filter(excuses::Column::Status.eq(ExcuseStatus::Pending))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn insert_note(
    conn: &impl ConnectionTrait,
    excuse_id: i64,
    content_type: &str,
    bytes: Vec<u8>,
) -> Result<(), DbErr> {
    excuse_notes::Entity::insert(excuse_notes::ActiveModel {
        excuse_id: Set(excuse_id),
        content_type: Set(content_type.to_owned()),
        content: Set(bytes),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

pub async fn note(conn: &impl ConnectionTrait, excuse_id: i64) -> Result<Option<excuse_notes::Model>, DbErr> {
    excuse_notes::Entity::find_by_id(excuse_id).one(conn).await
}

pub async fn delete_note(conn: &impl ConnectionTrait, excuse_id: i64) -> Result<(), DbErr> {
    excuse_notes::Entity::delete_by_id(excuse_id).exec(conn).await?;
    Ok(())
}
