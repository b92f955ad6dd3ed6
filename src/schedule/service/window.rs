//! A cohort's schedule from memory (see [`crate::platform::memo`]), read from the database
//! again only when its stamp has moved on (any change its schedule shows, on any instance):
//! - the coming weeks: its sessions in the window "my schedule" shows on one day, with the
//!   names they are shown with, held once for all of its trainees and instructors (read
//!   again when the day has turned, too);
//! - its spans: when each of its sessions not cancelled starts and ends, which attendance
//!   rates count (every trainee's on a dashboard).

use std::collections::HashMap;
use std::sync::Arc;

use time::{Date, OffsetDateTime};

use super::{with_labels, Labelled};
use crate::kernel::AppError;
use crate::platform::state::Env;
use crate::schedule::db;

/// At most this many sessions read in one fill (far more than the weeks of any cohorts a
/// person has hold).
const FILL_LIMIT: u64 = 20_000;

/// When each session of one cohort that is not cancelled starts and ends.
#[derive(Debug, Default)]
pub struct CohortSpans(pub Vec<(OffsetDateTime, OffsetDateTime)>);

/// A cohort's spans with the schedule stamp they were held under.
#[derive(Debug, Clone)]
pub struct StampedSpans {
    /// The cohort's schedule stamp: the spans are the same as long as it is.
    pub stamp: i64,
    pub spans: Arc<CohortSpans>,
}

/// The spans of every session not cancelled of the cohorts `ids` (none for a cohort with
/// no stamp; every cohort gets one when it is made): one statement (their stamps) when all
/// are held in memory, one more for those that are not.
///
/// # Errors
/// Database failures.
pub async fn spans_of(env: Env<'_>, ids: &[i64]) -> Result<HashMap<i64, StampedSpans>, AppError> {
    let mut spans = HashMap::with_capacity(ids.len());
    if ids.is_empty() {
        return Ok(spans);
    }
    let mut missing = Vec::new();
    for (cohort, stamp) in db::stamps_of(env.db, ids).await? {
        match env.memo.get::<CohortSpans>(cohort, stamp) {
            Some(held) => {
                spans.insert(cohort, StampedSpans { stamp, spans: held });
            }
            None => missing.push((cohort, stamp)),
        }
    }
    if missing.is_empty() {
        return Ok(spans);
    }
    let ids: Vec<i64> = missing.iter().map(|(cohort, _)| *cohort).collect();
    let mut read: HashMap<i64, Vec<(OffsetDateTime, OffsetDateTime)>> = HashMap::new();
    for (cohort, from, to) in db::session_spans(env.db, &ids).await? {
        read.entry(cohort).or_default().push((from, to));
    }
    for (cohort, stamp) in missing {
        let held = Arc::new(CohortSpans(read.remove(&cohort).unwrap_or_default()));
        env.memo.put(cohort, stamp, Arc::clone(&held));
        spans.insert(cohort, StampedSpans { stamp, spans: held });
    }
    Ok(spans)
}

/// One cohort's sessions in the window of one day, by start.
pub struct CohortWindow {
    day: Date,
    pub sessions: Vec<Labelled>,
}

/// The windows (sessions from `from` until `until`, the window of `day`) of the cohorts
/// with `stamps` (read by the caller with [`db::stamps_and_feed`]): none more when every
/// cohort is held in memory, two for those that are not.
///
/// # Errors
/// Database failures.
pub async fn windows_of(
    env: Env<'_>,
    stamps: Vec<(i64, i64)>,
    day: Date,
    (from, until): (OffsetDateTime, OffsetDateTime),
) -> Result<Vec<Arc<CohortWindow>>, AppError> {
    let mut windows = Vec::with_capacity(stamps.len());
    let mut missing = Vec::new();
    for (cohort, stamp) in stamps {
        match env.memo.get::<CohortWindow>(cohort, stamp) {
            Some(window) if window.day == day => windows.push(window),
            _ => missing.push((cohort, stamp)),
        }
    }
    if missing.is_empty() {
        return Ok(windows);
    }
    let ids: Vec<i64> = missing.iter().map(|(cohort, _)| *cohort).collect();
    let sessions = db::sessions_in(
        env.db,
        db::of_cohorts(&ids),
        sea_orm::Condition::all(),
        from,
        until,
        FILL_LIMIT,
    )
    .await?;
    let mut by_cohort: HashMap<i64, Vec<Labelled>> = HashMap::new();
    for labelled in with_labels(env.db, sessions).await? {
        by_cohort.entry(labelled.0.cohort_id).or_default().push(labelled);
    }
    for (cohort, stamp) in missing {
        let window = Arc::new(CohortWindow {
            day,
            sessions: by_cohort.remove(&cohort).unwrap_or_default(),
        });
        env.memo.put(cohort, stamp, Arc::clone(&window));
        windows.push(window);
    }
    Ok(windows)
}
