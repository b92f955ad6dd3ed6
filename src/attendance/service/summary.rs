//! Rates of every trainee in many cohorts at once, for other areas' dashboards (readiness):
//! a fixed number of queries, marks counted in the database.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use time::{Date, OffsetDateTime};

use super::Window;
use crate::attendance::db::{self, Unheld};
use crate::attendance::model::rates::{rates_from_counts, Rates};
use crate::attendance::model::Policy;
use crate::entities::{attendance_counts, enrollments};
use crate::kernel::{wib, AppError};
use crate::platform::state::Env;
use crate::schedule::service::{CohortSpans, StampedSpans};
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
    let counts = db::mark_counts(env.db, cohort_ids, env.clock.now()).await?;
    rates_of_counted(env, cohort_ids, windows, policies, counts).await
}

/// Held counts in the column order of the kept counts (see [`db::held_of`]) as rates,
/// before the sessions are.
fn counted([present, late, permitted, sick, absent]: [i64; 5]) -> Rates {
    let n = |count: i64| u32::try_from(count).unwrap_or(u32::MAX);
    Rates {
        present: n(present),
        late: n(late),
        permitted: n(permitted),
        sick: n(sick),
        absent: n(absent),
        ..Rates::default()
    }
}

/// A cohort's sessions as (WIB day, ended by `now`), the day worked out once per session.
fn days_of(spans: &CohortSpans, now: OffsetDateTime) -> Vec<(Date, bool)> {
    spans
        .0
        .iter()
        .map(|(starts_at, ends_at)| (wib::today(*starts_at), *ends_at <= now))
        .collect()
}

/// The rates of `window` from its marks counted (`rates`) and its cohort's sessions
/// (`days`, see [`days_of`]): held sessions without a mark, sessions to come, the rate.
fn in_window(mut rates: Rates, window: &Window, days: &[(Date, bool)], policy: &Policy) -> Rates {
    let (mut held, mut coming) = (0u32, 0u32);
    for (day, over) in days {
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
    rates_from_counts(rates, policy)
}

/// The rates of `windows` from the held `counts` per (trainee, cohort).
async fn rates_of_counted(
    env: Env<'_>,
    cohort_ids: &[i64],
    windows: &[Window],
    policies: &HashMap<i64, Policy>,
    mut counts: HashMap<(i64, i64), [i64; 5]>,
) -> Result<HashMap<(i64, i64), Rates>, AppError> {
    let now = env.clock.now();
    let days: HashMap<i64, Vec<(Date, bool)>> = crate::schedule::service::spans_of(env, cohort_ids)
        .await?
        .into_iter()
        .map(|(cohort, held)| (cohort, days_of(&held.spans, now)))
        .collect();
    Ok(windows
        .iter()
        .map(|window| {
            let key = (window.trainee_id, window.cohort_id.get());
            let policy = policies.get(&window.cohort_id.get()).copied().unwrap_or_default();
            let days = days.get(&window.cohort_id.get()).map_or(&[][..], Vec::as_slice);
            (
                key,
                in_window(
                    counts.remove(&key).map(counted).unwrap_or_default(),
                    window,
                    days,
                    &policy,
                ),
            )
        })
        .collect())
}

/// What the rates in a dashboard's cohorts depend on besides their enrollments and the
/// counts the database keeps (which the caller holds under the cohorts' readiness stamps),
/// read once for all of them: the cohorts' policies, the marks of sessions not ended yet
/// and the cohorts' session spans (from memory). Three statements.
pub struct RateBasis {
    now: OffsetDateTime,
    policies: HashMap<i64, Policy>,
    unheld: Unheld,
    spans: HashMap<i64, StampedSpans>,
}

impl RateBasis {
    /// # Errors
    /// Database failures.
    pub async fn read(env: Env<'_>, cohort_ids: &[i64]) -> Result<Self, AppError> {
        let now = env.clock.now();
        Ok(Self {
            now,
            policies: db::policies_of(env.db, cohort_ids).await?,
            unheld: db::unheld_by_cohort(env.db, cohort_ids, now).await?,
            spans: crate::schedule::service::spans_of(env, cohort_ids).await?,
        })
    }

    /// Feeds `into` with everything the rates in `cohort` depend on besides its enrollments
    /// and kept counts: its schedule stamp, how many of its sessions have ended (the same
    /// spans end in one order, so the number says which), the marks of those not ended and
    /// its policy. `false` when its spans are not stamped (then nothing can be held).
    pub fn fingerprint(&self, cohort: i64, into: &mut impl Hasher) -> bool {
        let Some(held) = self.spans.get(&cohort) else {
            return false;
        };
        held.stamp.hash(into);
        held.spans
            .0
            .iter()
            .filter(|(_, ends_at)| *ends_at <= self.now)
            .count()
            .hash(into);
        self.unheld.get(&cohort).hash(into);
        self.policies.get(&cohort).hash(into);
        true
    }

    /// Each attendee's rates in `cohort` (see [`rates_by_enrollment`]), by (trainee,
    /// cohort), from the cohort's `enrollments` (any status; those that had the trainee in
    /// class count) and the counts the database keeps for it (`kept`).
    pub fn rates_in<'a>(
        &self,
        cohort: i64,
        enrollments: impl IntoIterator<Item = &'a enrollments::Model>,
        kept: impl IntoIterator<Item = &'a attendance_counts::Model>,
    ) -> HashMap<(i64, i64), Rates> {
        let mut counts: HashMap<i64, Rates> = kept
            .into_iter()
            .filter(|row| row.cohort_id == cohort)
            .map(|row| (row.trainee_id, counted(db::held_of(row, &self.unheld))))
            .collect();
        let days = self
            .spans
            .get(&cohort)
            .map(|held| days_of(&held.spans, self.now))
            .unwrap_or_default();
        let policy = self.policies.get(&cohort).copied().unwrap_or_default();
        enrollments
            .into_iter()
            .filter(|e| e.cohort_id == cohort)
            .filter(|e| EnrollmentStatus::parse(&e.status).is_ok_and(EnrollmentStatus::attends))
            .filter_map(Window::of)
            .map(|window| {
                let rates = counts.remove(&window.trainee_id).unwrap_or_default();
                (
                    (window.trainee_id, cohort),
                    in_window(rates, &window, &days, &policy),
                )
            })
            .collect()
    }
}

/// What one enrollment attended, as certificates and letters print it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attended {
    /// Whole lesson hours (JP of 45 minutes) of the sessions marked present or late.
    pub lesson_hours: u32,
    /// The rate in tenths of a percent (see [`Rates::rate`]).
    pub rate: Option<u32>,
}

/// What each enrollment of `cohort_ids` attended, by (trainee, cohort): three reads and the
/// rates' own. The caller has authorised the cohorts.
///
/// # Errors
/// Database failures.
pub async fn attended_in(
    env: Env<'_>,
    cohort_ids: &[i64],
) -> Result<HashMap<(i64, i64), Attended>, AppError> {
    let rates = rates_by_enrollment(env, cohort_ids).await?;
    let minutes_of = crate::schedule::db::session_minutes(env.db, cohort_ids).await?;
    let mut minutes: HashMap<(i64, i64), i64> = HashMap::new();
    for (trainee, cohort, session) in db::attended_sessions(env.db, cohort_ids).await? {
        *minutes.entry((trainee, cohort)).or_default() += minutes_of.get(&session).copied().unwrap_or(0);
    }
    let mut attended: HashMap<(i64, i64), Attended> = rates
        .into_iter()
        .map(|(key, rates)| {
            (
                key,
                Attended {
                    lesson_hours: 0,
                    rate: rates.rate,
                },
            )
        })
        .collect();
    for (key, total) in minutes {
        let hours = u32::try_from(total / crate::cohorts::model::LESSON_HOUR_MINUTES).unwrap_or(u32::MAX);
        attended.entry(key).or_default().lesson_hours = hours;
    }
    Ok(attended)
}
