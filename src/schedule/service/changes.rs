//! Changing one session: moving it (checked against the cohort's dates, holidays and
//! conflicts) or cancelling it, always with a reason trainees can read.

use sea_orm::{ActiveValue::Unchanged, Set};
use serde_json::json;
use time::OffsetDateTime;

use super::generate::stored_slots;
use super::session_choices;
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::cohorts::authz as cohort_authz;
use crate::cohorts::model::CohortStatus;
use crate::entities::{class_sessions, cohorts};
use crate::kernel::input::parse_date;
use crate::kernel::wib::rfc3339;
use crate::kernel::{wib, Actor, AppError, CohortId, FieldError, Problem, SessionId};
use crate::platform::context::Client;
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::schedule::db;
use crate::schedule::dto::MoveInput;
use crate::schedule::model::conflicts::{find_conflicts, Slot};
use crate::schedule::model::generation::Window;
use crate::schedule::model::{parse_reason, SessionStatus};

/// The session and its cohort, if the actor may change it.
async fn changeable(
    env: Env<'_>,
    actor: &Actor,
    session_id: SessionId,
) -> Result<(class_sessions::Model, cohorts::Model, Vec<i64>), AppError> {
    let session = super::views::visible_session(env, actor, session_id).await?;
    let (cohort, ties) = crate::cohorts::service::visible_cohort(env, actor, CohortId(session.cohort_id))
        .await
        .map_err(|_| out_of_reach(actor, "session", session_id))?;
    if !cohort_authz::can_manage_cohort(actor, &ties) {
        return Err(AppError::Forbidden);
    }
    let open = CohortStatus::parse(&cohort.status).is_ok_and(CohortStatus::is_schedulable);
    if !open || session.status == SessionStatus::Cancelled {
        return Err(AppError::invalid("reason", Problem::InvalidTransition));
    }
    let instructor_ids = crate::cohorts::service::instructors_of(env, CohortId(cohort.id)).await?;
    Ok((session, cohort, instructor_ids))
}

fn time_of(input: &str) -> Result<time::Time, Problem> {
    if input.trim().is_empty() {
        return Err(Problem::Required);
    }
    wib::parse_time(input).ok_or(Problem::InvalidTime)
}

/// Moves a session to another date, time, room or instructor.
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` (outside the cohort's dates, on a holiday, a
/// conflict, a missing reason…); nothing is changed then.
pub async fn move_session(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    session_id: SessionId,
    input: &MoveInput,
) -> Result<(OffsetDateTime, OffsetDateTime), AppError> {
    let (session, cohort, instructor_ids) = changeable(env, actor, session_id).await?;
    let window = Window {
        first: cohort.starts_on,
        last: cohort.ends_on,
    };
    let mut errors = Vec::new();
    let mut field = |name: &str, problem: Problem| errors.push(FieldError::new(name, problem));
    let date = parse_date(&input.date).map_err(|p| field("date", p)).ok();
    let start = time_of(&input.start_time)
        .map_err(|p| field("start_time", p))
        .ok();
    let end = time_of(&input.end_time).map_err(|p| field("end_time", p)).ok();
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            field("end_time", Problem::EndBeforeStart);
        }
    }
    let reason = parse_reason(&input.reason).map_err(|p| field("reason", p)).ok();
    let (instructor_id, room_id) = session_choices(
        env.db,
        &cohort,
        &instructor_ids,
        &input.instructor_id,
        &input.room_id,
        &mut errors,
    )
    .await?;
    if let Some(date) = date {
        if !window.contains(date) {
            errors.push(FieldError::new(
                "date",
                Problem::OutsideCohortDates {
                    from: window.first,
                    to: window.last,
                },
            ));
        } else if let Some(holiday) = db::holiday_on(env.db, date).await? {
            errors.push(FieldError::new("date", Problem::OnHoliday { name: holiday.name }));
        } else if let Some(closure) = db::closure_on(env.db, cohort.site_id, date).await? {
            errors.push(FieldError::new("date", Problem::OnHoliday { name: closure.name }));
        }
    }
    let (Some(date), Some(start), Some(end), Some(reason)) = (date, start, end, reason) else {
        return Err(AppError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let moved = Slot {
        session_id: Some(SessionId(session.id)),
        cohort_id: CohortId(cohort.id),
        cohort_code: cohort.code.clone(),
        instructor_id,
        room_id,
        starts_at: wib::at(date, start),
        ends_at: wib::at(date, end),
    };
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::lock_for_scheduling(&txn, CohortId(cohort.id)).await?;
    let stored = stored_slots(&txn, CohortId(cohort.id), std::slice::from_ref(&moved)).await?;
    if let Some(conflict) = find_conflicts(std::slice::from_ref(&moved), &stored).first() {
        return Err(AppError::invalid("date", conflict.problem()));
    }
    let first_change = session.status == SessionStatus::Scheduled;
    db::update_session(
        &txn,
        class_sessions::ActiveModel {
            id: Unchanged(session.id),
            starts_at: Set(db::utc(moved.starts_at)),
            ends_at: Set(db::utc(moved.ends_at)),
            room_id: Set(room_id),
            instructor_id: Set(instructor_id),
            status: Set(SessionStatus::Moved.as_str().to_owned()),
            change_reason: Set(Some(reason.clone())),
            original_starts_at: Set(if first_change {
                Some(session.starts_at)
            } else {
                session.original_starts_at
            }),
            original_ends_at: Set(if first_change {
                Some(session.ends_at)
            } else {
                session.original_ends_at
            }),
            changed_at: Set(Some(now)),
            changed_by: Set(Some(actor.user_id.get())),
            ..Default::default()
        },
    )
    .await?;
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::SessionMove, Outcome::Success)
            .actor(actor.user_id)
            .site(Some(cohort.site_id))
            .ip(client.ip.clone())
            .detail(json!({
                "cohort": cohort.code,
                "session": session.id,
                "from": rfc3339(session.starts_at),
                "to": rfc3339(moved.starts_at),
                "reason": reason,
            })),
    )
    .await?;
    txn.commit().await?;
    Ok((moved.starts_at, moved.ends_at))
}

/// Cancels a session with a reason; it stays in everyone's schedule as cancelled.
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` (no reason, already cancelled).
pub async fn cancel_session(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    session_id: SessionId,
    reason: &str,
) -> Result<i64, AppError> {
    let (session, cohort, _) = changeable(env, actor, session_id).await?;
    let reason = parse_reason(reason).map_err(|p| AppError::invalid("reason", p))?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::update_session(
        &txn,
        class_sessions::ActiveModel {
            id: Unchanged(session.id),
            status: Set(SessionStatus::Cancelled.as_str().to_owned()),
            change_reason: Set(Some(reason.clone())),
            changed_at: Set(Some(now)),
            changed_by: Set(Some(actor.user_id.get())),
            ..Default::default()
        },
    )
    .await?;
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::SessionCancel, Outcome::Success)
            .actor(actor.user_id)
            .site(Some(cohort.site_id))
            .ip(client.ip.clone())
            .detail(json!({
                "cohort": cohort.code,
                "session": session.id,
                "starts_at": rfc3339(session.starts_at),
                "reason": reason,
            })),
    )
    .await?;
    txn.commit().await?;
    Ok(cohort.id)
}
