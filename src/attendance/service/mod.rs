//! Attendance use cases: roll calls and self check-in, excuses, the views of rates, exports,
//! whom to tell when a session moves, and the job that marks trainees left unmarked. Each write runs in one transaction and
//! writes its audit entry inside it.

mod auto;
mod excuses;
mod export;
mod notify;
mod roll_call;
mod standing;
mod summary;
mod views;

pub use auto::{auto_mark, spawn_auto_mark};
pub use excuses::{decide_excuse, excuse_note, my_excuses, request_excuse, review_excuses, withdraw_excuse};
pub use export::export_attendance;
pub use notify::change_notice;
pub use roll_call::{check_in, check_in_display, open_check_in, roll_call, save_roll_call, RollCallEntry};
pub use standing::{cohort_standing, trainee_standing};
pub use summary::{attended_in, rates_by_enrollment, Attended, RateBasis};
pub use views::{cohort_attendance, my_attendance, overview, save_policy};

use std::collections::HashMap;
use time::{Date, OffsetDateTime};

use super::model::rates::{rates, Rates, SessionOutcome};
use super::model::{AttendanceStatus, Policy, SessionTimes};
use crate::entities::{attendance_marks, class_sessions, cohorts, enrollments};
use crate::kernel::{wib, Actor, AppError, CohortId, CohortTies, SessionId};
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::schedule::model::SessionStatus;

/// The days a trainee was in a cohort: from joining to leaving (still there: open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window {
    pub trainee_id: i64,
    pub cohort_id: CohortId,
    pub from: Date,
    pub until: Option<Date>,
}

impl Window {
    pub fn of(enrollment: &enrollments::Model) -> Option<Self> {
        Some(Self {
            trainee_id: enrollment.trainee_id,
            cohort_id: CohortId(enrollment.cohort_id),
            from: enrollment.joined_on?,
            until: enrollment.left_on,
        })
    }

    pub fn covers(&self, date: Date) -> bool {
        date >= self.from && self.until.is_none_or(|until| date <= until)
    }

    /// Whether the trainee was in the class of `session`.
    pub fn attends(&self, session: &class_sessions::Model) -> bool {
        session.cohort_id == self.cohort_id.get() && self.covers(wib::today(session.starts_at))
    }
}

pub(crate) fn is_cancelled(session: &class_sessions::Model) -> bool {
    session.status == SessionStatus::Cancelled
}

pub(crate) fn times(session: &class_sessions::Model) -> SessionTimes {
    SessionTimes {
        starts_at: session.starts_at,
        ends_at: session.ends_at,
        cancelled: is_cancelled(session),
    }
}

/// Marks by (session, trainee).
pub(crate) fn marks_by_key(
    marks: &[attendance_marks::Model],
) -> HashMap<(i64, i64), &attendance_marks::Model> {
    marks.iter().map(|m| ((m.session_id, m.trainee_id), m)).collect()
}

pub(crate) fn status_of(mark: &attendance_marks::Model) -> Option<AttendanceStatus> {
    AttendanceStatus::parse(&mark.status).ok()
}

/// A window's sessions as the rates see them (cancelled ones left out), and its rates.
pub(crate) fn window_rates(
    window: &Window,
    sessions: &[class_sessions::Model],
    marks: &HashMap<(i64, i64), &attendance_marks::Model>,
    policy: &Policy,
    now: OffsetDateTime,
) -> Rates {
    let outcomes: Vec<SessionOutcome> = sessions
        .iter()
        .filter(|s| !is_cancelled(s) && window.attends(s))
        .map(|s| SessionOutcome {
            held: s.ends_at <= now,
            mark: marks.get(&(s.id, window.trainee_id)).and_then(|m| status_of(m)),
        })
        .collect();
    rates(&outcomes, policy)
}

/// The policy of a cohort (the default when none was set).
pub(crate) async fn policy_of(env: Env<'_>, cohort_id: CohortId) -> Result<Policy, AppError> {
    Ok(super::db::policies_of(env.db, &[cohort_id.get()])
        .await?
        .remove(&cohort_id.get())
        .unwrap_or_default())
}

/// A session with its cohort, and how `actor` may edit its attendance: one statement (see
/// [`super::db::session_for_roll_call`]). The members are not read: editors are decided by
/// site and assignment alone. Missing sessions and non-editors are `NotFound`.
pub(crate) async fn session_for_editor(
    env: Env<'_>,
    actor: &Actor,
    session_id: SessionId,
) -> Result<(class_sessions::Model, cohorts::Model, super::model::Editor), AppError> {
    let found = super::db::session_for_roll_call(env.db, session_id, actor.user_id)
        .await?
        .ok_or_else(|| out_of_reach(actor, "session", session_id))?;
    let editor = editor_of(actor, &found).ok_or_else(|| out_of_reach(actor, "session", session_id))?;
    Ok((found.session, found.cohort, editor))
}

/// How `actor` may edit the attendance of the session `found`, if at all.
pub(crate) fn editor_of(
    actor: &Actor,
    found: &super::db::SessionForRollCall,
) -> Option<super::model::Editor> {
    let ties = CohortTies {
        site_id: found.cohort.site_id,
        taught: found.teaches,
        seated: false,
    };
    super::authz::editor_for(actor, &ties)
}

/// The cohort `cohort_id` and how it stands to `actor`, if its attendance is theirs to see.
pub(crate) async fn attendance_cohort(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
) -> Result<(cohorts::Model, CohortTies), AppError> {
    let (cohort, ties) = crate::cohorts::service::visible_cohort(env, actor, cohort_id).await?;
    if super::authz::can_view_cohort_attendance(actor, &ties) {
        Ok((cohort, ties))
    } else {
        Err(out_of_reach(actor, "cohort attendance", cohort_id))
    }
}
