//! Rates of every trainee in many cohorts at once, for other areas' dashboards (readiness):
//! a fixed number of queries, marks counted in the database.

use std::collections::HashMap;

use super::Window;
use crate::attendance::db;
use crate::attendance::model::rates::{rates_from_counts, Rates};
use crate::attendance::model::{AttendanceStatus, Policy};
use crate::entities::{attendance_counts, enrollments};
use crate::kernel::{wib, AppError};
use crate::platform::state::Env;
use crate::trainees::model::enrollment::EnrollmentStatus;

/// Each attendee's rates in `cohort_ids`, by (trainee, cohort): only sessions inside the
/// enrollment count (marks are only ever written inside it), cancelled ones never; no
/// streaks. The caller has authorised the cohorts.
///
/// # Errors
/// Database failures.
pub async fn rates_by_enrollment(
    env: Env<'_>,
    cohort_ids: &[i64],
) -> Result<HashMap<(i64, i64), Rates>, AppError> {
    if cohort_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let windows: Vec<Window> = crate::trainees::db::attending(env.db, cohort_ids)
        .await?
        .iter()
        .filter_map(Window::of)
        .collect();
    let policies = db::policies_of(env.db, cohort_ids).await?;
    rates_of_windows(env, cohort_ids, &windows, &policies).await
}

/// The rates of `windows` (enrollments in `cohort_ids`, the cohorts' policies given), by
/// (trainee, cohort), from marks counted in the database; no streaks.
pub(crate) async fn rates_of_windows(
    env: Env<'_>,
    cohort_ids: &[i64],
    windows: &[Window],
    policies: &HashMap<i64, Policy>,
) -> Result<HashMap<(i64, i64), Rates>, AppError> {
    let counted = db::mark_counts(env.db, cohort_ids, env.clock.now()).await?;
    rates_of_counted(env, cohort_ids, windows, policies, counted).await
}

/// Each attendee's rates in `cohort_ids` (see [`rates_by_enrollment`]) from what the
/// caller read earlier (held under the readiness stamps of `cohort_ids`): the cohorts'
/// `enrollments` (any status; those that had the trainee in class count) and the counts
/// the database keeps (`kept`). The cohorts' policies, the marks of sessions not ended yet
/// and the cohorts' session spans are read now.
///
/// # Errors
/// Database failures.
pub async fn rates_with_kept<'a>(
    env: Env<'_>,
    cohort_ids: &[i64],
    enrollments: impl IntoIterator<Item = &'a enrollments::Model>,
    kept: impl IntoIterator<Item = &'a attendance_counts::Model>,
) -> Result<HashMap<(i64, i64), Rates>, AppError> {
    if cohort_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let windows: Vec<Window> = enrollments
        .into_iter()
        .filter(|e| EnrollmentStatus::parse(&e.status).is_ok_and(EnrollmentStatus::attends))
        .filter_map(Window::of)
        .collect();
    let windows = &windows;
    let policies = db::policies_of(env.db, cohort_ids).await?;
    let counted = db::held_counts(env.db, kept, cohort_ids, env.clock.now()).await?;
    rates_of_counted(env, cohort_ids, windows, &policies, counted).await
}

/// The rates of `windows` from the marks `counted` per (trainee, cohort, status).
async fn rates_of_counted(
    env: Env<'_>,
    cohort_ids: &[i64],
    windows: &[Window],
    policies: &HashMap<i64, Policy>,
    counted: Vec<(i64, i64, String, i64)>,
) -> Result<HashMap<(i64, i64), Rates>, AppError> {
    let now = env.clock.now();
    let mut counts: HashMap<(i64, i64), Rates> = HashMap::new();
    for (trainee_id, cohort_id, status, n) in counted {
        let entry = counts.entry((trainee_id, cohort_id)).or_default();
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        match AttendanceStatus::parse(&status) {
            Ok(AttendanceStatus::Present) => entry.present += n,
            Ok(AttendanceStatus::Late) => entry.late += n,
            Ok(AttendanceStatus::Permitted) => entry.permitted += n,
            Ok(AttendanceStatus::Sick) => entry.sick += n,
            Ok(AttendanceStatus::Absent) => entry.absent += n,
            Err(_) => {}
        }
    }
    // Each cohort's sessions as (WIB day, held by now), the day worked out once per session.
    let mut by_cohort: HashMap<i64, Vec<(time::Date, bool)>> = HashMap::new();
    for (cohort_id, starts_at, ends_at) in crate::schedule::service::session_spans(env, cohort_ids).await? {
        by_cohort
            .entry(cohort_id)
            .or_default()
            .push((wib::today(starts_at), ends_at <= now));
    }
    let mut result = HashMap::new();
    for window in windows {
        let key = (window.trainee_id, window.cohort_id);
        let mut rates = counts.remove(&key).unwrap_or_default();
        let (mut held, mut coming) = (0u32, 0u32);
        for (day, over) in by_cohort.get(&window.cohort_id).into_iter().flatten() {
            if window.covers(*day) {
                if *over {
                    held += 1;
                } else {
                    coming += 1;
                }
            }
        }
        let marked = rates.counted() + rates.permitted + rates.sick;
        rates.unmarked = held.saturating_sub(marked);
        rates.remaining = coming;
        let policy = policies.get(&window.cohort_id).copied().unwrap_or_default();
        result.insert(key, rates_from_counts(rates, &policy));
    }
    Ok(result)
}
