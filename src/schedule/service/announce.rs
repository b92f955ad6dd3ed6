//! Telling people about moved and cancelled classes: a trainee's notice of the changes
//! since they last dismissed it, dismissing it, and the change as whoever made it tells
//! the session's trainees (the attendance area adds whom, with the phones the reader may
//! see).

use super::views::visible_session;
use crate::entities::class_sessions;
use crate::kernel::{wib, Actor, AppError, CohortId, CohortTies, SessionId};
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::schedule::authz;
use crate::schedule::db::{self, SessionLabels};
use crate::schedule::dto::ScheduleChanges;
use crate::schedule::model::announce::{seen_mark, unseen, SessionChange};
use crate::schedule::model::{change_is_news, SessionStatus};

/// At most this many changed sessions read for one notice (far more than the coming weeks
/// of a trainee's cohorts hold).
const NOTICE_LIMIT: u64 = 1000;

/// A moved or cancelled session as told; `None` for one as planned.
fn change_of(session: &class_sessions::Model, labels: Option<&SessionLabels>) -> Option<SessionChange> {
    let status = SessionStatus::parse(&session.status)
        .ok()
        .filter(|status| *status != SessionStatus::Scheduled)?;
    let (was_starts_at, was_ends_at) = match (status, session.original_starts_at, session.original_ends_at) {
        (SessionStatus::Moved, Some(start), Some(end)) => (start, end),
        _ => (session.starts_at, session.ends_at),
    };
    Some(SessionChange {
        session_id: SessionId(session.id),
        cohort: labels.map(|l| l.cohort.clone()).unwrap_or_default(),
        status,
        was_starts_at,
        was_ends_at,
        starts_at: session.starts_at,
        ends_at: session.ends_at,
        room: labels.and_then(|l| l.room.clone()),
        reason: session.change_reason.clone(),
        changed_at: session.changed_at?,
    })
}

/// The classes of the trainee's cohorts moved or cancelled since they last dismissed the
/// notice, and not over yet, by start.
///
/// # Errors
/// `Forbidden` for staff; database failures.
pub async fn schedule_changes(env: Env<'_>, actor: &Actor) -> Result<ScheduleChanges, AppError> {
    if !authz::can_follow_changes(actor) {
        return Err(AppError::Forbidden);
    }
    let now = env.clock.now();
    let seen = db::seen_up_to(env.db, actor.user_id).await?;
    let mut sessions = db::changed_sessions(
        env.db,
        db::within_reach(&actor.reach(), env.ports),
        seen,
        now,
        NOTICE_LIMIT,
    )
    .await?;
    sessions.sort_by_key(|s| (s.starts_at, s.id));
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let labels = db::session_labels(env.db, &ids).await?;
    let changes = sessions
        .iter()
        .filter_map(|session| change_of(session, labels.get(&session.id)))
        .filter(|change| change_is_news(change.status, change.ends_at, now))
        .collect();
    let (changes, latest) = unseen(changes, seen);
    Ok(ScheduleChanges { changes, latest })
}

/// Marks the changes up to `seen_up_to` (an RFC 3339 instant: the latest change the
/// notice showed) as read. The mark only moves forward and never past now, so dismissing
/// twice, or with an instant in the future, hides nothing that comes later.
///
/// # Errors
/// `Forbidden` for staff, `BadRequest` for anything but an instant; database failures.
pub async fn dismiss_changes(env: Env<'_>, actor: &Actor, seen_up_to: &str) -> Result<(), AppError> {
    if !authz::can_follow_changes(actor) {
        return Err(AppError::Forbidden);
    }
    let given = wib::parse_rfc3339(seen_up_to.trim()).ok_or(AppError::BadRequest)?;
    let txn = env.begin().await?;
    let existing = db::seen_up_to(&txn, actor.user_id).await?;
    db::mark_seen(&txn, actor.user_id, seen_mark(existing, given, env.clock.now())).await?;
    txn.commit().await?;
    Ok(())
}

/// A change to tell a session's trainees about, for someone who may make it.
#[derive(Debug, Clone)]
pub struct Announcement {
    pub cohort_id: CohortId,
    /// How the cohort stands to the reader: whose phones they may see.
    pub ties: CohortTies,
    pub change: SessionChange,
}

/// The change to tell the trainees of session `session_id` about, for whoever may change
/// the session; `None` while it is as planned.
///
/// # Errors
/// `NotFound` when missing or out of reach, `Forbidden` for those who may not change it.
pub async fn change_announcement(
    env: Env<'_>,
    actor: &Actor,
    session_id: SessionId,
) -> Result<Option<Announcement>, AppError> {
    let session = visible_session(env, actor, session_id).await?;
    let (cohort, ties) = crate::cohorts::service::visible_cohort(env, actor, CohortId(session.cohort_id))
        .await
        .map_err(|_| out_of_reach(actor, "session", session_id))?;
    if !authz::can_announce_changes(actor, &ties) {
        return Err(AppError::Forbidden);
    }
    if session.status == SessionStatus::Scheduled {
        return Ok(None);
    }
    let labels = db::session_labels(env.db, &[session.id]).await?;
    Ok(
        change_of(&session, labels.get(&session.id)).map(|change| Announcement {
            cohort_id: CohortId(cohort.id),
            ties,
            change,
        }),
    )
}
