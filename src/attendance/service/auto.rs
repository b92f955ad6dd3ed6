//! The job that marks trainees left unmarked as alpa, for cohorts whose policy asks for it,
//! a set number of hours after a session ends.
//!
//! Safe to run again and from several instances at once: a session is claimed by
//! inserting its roll call (unique per session); only the run whose insert succeeded
//! writes marks, in the same transaction, and only for trainees without one.

use serde_json::json;
use std::time::Duration as StdDuration;
use time::Duration;

use super::Window;
use crate::attendance::db::{self, MarkWrite};
use crate::attendance::model::{AttendanceStatus, MarkSource};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::kernel::{AppError, SessionId};
use crate::platform::state::{AppState, Env};

/// Sessions older than this are left alone (a policy switched on later does not rewrite
/// the past).
const LOOK_BACK: Duration = Duration::days(14);

/// One pass: returns how many sessions were marked and how many marks were written.
///
/// # Errors
/// Database failures.
pub async fn auto_mark(env: Env<'_>) -> Result<(u32, u32), AppError> {
    let now = env.clock.now();
    let mut sessions_marked = 0;
    let mut marks_written = 0;
    for (cohort_id, policy) in db::auto_absent_policies(env.db).await? {
        let Some(hours) = policy.auto_absent_hours else {
            continue;
        };
        let due = now - Duration::hours(i64::from(hours));
        let sessions = crate::schedule::db::held_sessions_where(
            env.db,
            &[cohort_id],
            (due - LOOK_BACK, due),
            db::no_roll_call,
        )
        .await?;
        if sessions.is_empty() {
            continue;
        }
        let windows: Vec<Window> = crate::trainees::db::attending(env.db, &[cohort_id])
            .await?
            .iter()
            .filter_map(Window::of)
            .collect();
        for session in sessions {
            let txn = env.begin().await?;
            crate::schedule::db::lock_session(&txn, SessionId(session.id)).await?;
            if !db::claim_automatic(&txn, SessionId(session.id), now).await? {
                // Someone took the roll call, or another run claimed it.
                continue;
            }
            let marked = db::marks_of_sessions(&txn, &[session.id]).await?;
            let writes: Vec<MarkWrite<'_>> = windows
                .iter()
                .filter(|w| w.attends(&session))
                .filter(|w| !marked.iter().any(|m| m.trainee_id == w.trainee_id))
                .map(|w| MarkWrite {
                    session_id: SessionId(session.id),
                    trainee_id: w.trainee_id,
                    status: AttendanceStatus::Absent,
                    remark: None,
                    source: MarkSource::Automatic,
                    by: None,
                    reason: None,
                    checked_in_at: None,
                    device: None,
                })
                .collect();
            let written = db::write_marks(&txn, &std::collections::HashMap::new(), &writes, now).await?;
            record(
                &txn,
                now,
                AuditEvent::new(AuditAction::AttendanceAuto, Outcome::Success)
                    .detail(json!({ "session": session.id, "cohort": cohort_id, "absent": written })),
            )
            .await?;
            txn.commit().await?;
            tracing::info!(
                session = session.id,
                cohort = cohort_id,
                absent = written,
                "unmarked trainees marked absent"
            );
            sessions_marked += 1;
            marks_written += written;
        }
    }
    Ok((sessions_marked, marks_written))
}

/// Runs [`auto_mark`] every `every` in the background of a serving instance.
pub fn spawn_auto_mark(state: AppState, every: StdDuration) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if let Err(error) = auto_mark(state.env()).await {
                tracing::warn!(%error, "automatic absences: this pass failed; the next one retries");
            }
        }
    });
}
