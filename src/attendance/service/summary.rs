//! Rates of every trainee in many cohorts at once, for other areas' dashboards (readiness):
//! a fixed number of queries, marks counted in the database.

use std::collections::HashMap;

use super::Window;
use crate::attendance::db;
use crate::attendance::model::rates::{rates_from_counts, Rates};
use crate::attendance::model::{AttendanceStatus, Policy};
use crate::kernel::{wib, AppError};
use crate::platform::state::Env;

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
    let now = env.clock.now();
    let mut counts: HashMap<(i64, i64), Rates> = HashMap::new();
    for (trainee_id, cohort_id, status, n) in db::mark_counts(env.db, cohort_ids, now).await? {
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
