//! What the dashboard reads of a cohort, from memory (see [`crate::platform::memo`]): its
//! enrollments, the people holding a seat in it with their results and documents, and the
//! attendance counts kept for them, held under the cohort's readiness stamp (moved on by
//! database triggers with every change of any of it, on any instance) and read again only
//! when it has moved on. Nothing that depends on the day or the hour is held: verdicts,
//! rates (sessions end as time passes) and the marks of sessions still going on are worked
//! out or read on every view.
//!
//! A person is held with their name and their NIK masked, never the whole NIK.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use time::Date;

use super::{assemble, chosen, cohorts_of, people_of, PersonFacts, Subject};
use crate::entities::{attendance_counts, cohorts, enrollments};
use crate::kernel::AppError;
use crate::platform::state::Env;
use crate::readiness::db::{self, Who};
use crate::trainees::model::enrollment::EnrollmentStatus;

/// One cohort as the dashboard reads it (see the module's documentation).
struct HeldCohort {
    id: i64,
    /// Every enrollment in the cohort, whatever its status.
    enrollments: Vec<enrollments::Model>,
    /// The people holding a seat in the cohort.
    people: Vec<PersonFacts>,
    /// The attendance counts kept for its trainees.
    counts: Vec<attendance_counts::Model>,
}

/// The cohorts `ids` as the dashboard reads them: one statement (their stamps) when all
/// are held, five more for those that are not.
async fn held_cohorts(env: Env<'_>, ids: &[i64]) -> Result<Vec<Arc<HeldCohort>>, AppError> {
    let mut held = Vec::with_capacity(ids.len());
    let mut missing: Vec<(i64, Option<i64>)> = Vec::new();
    let stamps: HashMap<i64, i64> = db::stamps_of(env.db, ids).await?.into_iter().collect();
    for id in ids {
        match stamps.get(id) {
            Some(stamp) => match env.memo.get::<HeldCohort>(*id, *stamp) {
                Some(cohort) => held.push(cohort),
                None => missing.push((*id, Some(*stamp))),
            },
            // Every cohort gets a stamp when it is made; one without is read, not held.
            None => missing.push((*id, None)),
        }
    }
    if missing.is_empty() {
        return Ok(held);
    }
    let ids: Vec<i64> = missing.iter().map(|(id, _)| *id).collect();
    let mut enrollments: HashMap<i64, Vec<enrollments::Model>> = HashMap::new();
    for enrollment in crate::trainees::db::enrollments_of_cohorts(env.db, &ids).await? {
        enrollments
            .entry(enrollment.cohort_id)
            .or_default()
            .push(enrollment);
    }
    let mut counts: HashMap<i64, Vec<attendance_counts::Model>> = HashMap::new();
    for count in crate::attendance::db::kept_counts(env.db, &ids).await? {
        counts.entry(count.cohort_id).or_default().push(count);
    }
    let people: HashMap<i64, PersonFacts> = people_of(env, &Who::InCohorts(ids))
        .await?
        .into_iter()
        .map(|p| (p.person.id, p))
        .collect();
    for (id, stamp) in missing {
        let enrollments = enrollments.remove(&id).unwrap_or_default();
        let seated: HashSet<i64> = enrollments
            .iter()
            .filter(|e| holds_seat(e))
            .map(|e| e.trainee_id)
            .collect();
        let cohort = Arc::new(HeldCohort {
            id,
            people: seated.iter().filter_map(|t| people.get(t).cloned()).collect(),
            counts: counts.remove(&id).unwrap_or_default(),
            enrollments,
        });
        if let Some(stamp) = stamp {
            env.memo.put(id, stamp, Arc::clone(&cohort));
        }
        held.push(cohort);
    }
    Ok(held)
}

fn holds_seat(enrollment: &enrollments::Model) -> bool {
    EnrollmentStatus::parse(&enrollment.status).is_ok_and(EnrollmentStatus::holds_seat)
}

/// Everyone holding a seat in `cohorts` (which the caller has authorised), with their facts
/// and verdict on `today`, judged by their enrollment that counts among these cohorts' (as
/// [`super::subjects`] of `Who::InCohorts`, which reads the same from the database).
///
/// # Errors
/// Database failures.
pub(crate) async fn subjects_in(
    env: Env<'_>,
    cohorts: Vec<cohorts::Model>,
    today: Date,
) -> Result<Vec<Subject>, AppError> {
    let ids: Vec<i64> = cohorts.iter().map(|c| c.id).collect();
    let held = held_cohorts(env, &ids).await?;
    let chosen = chosen(
        held.iter()
            .flat_map(|c| c.enrollments.iter())
            .filter(|e| holds_seat(e)),
    );
    let counted = cohorts_of(&chosen);
    let of_counted = |c: &&Arc<HeldCohort>| counted.binary_search(&c.id).is_ok();
    let rates = crate::attendance::service::rates_with_kept(
        env,
        &counted,
        held.iter().filter(of_counted).flat_map(|c| c.enrollments.iter()),
        held.iter().filter(of_counted).flat_map(|c| c.counts.iter()),
    )
    .await?;
    // A person with seats in two of the cohorts is held with each; they count once.
    let mut seen = HashSet::new();
    let people = held
        .iter()
        .flat_map(|c| c.people.iter())
        .filter(|p| seen.insert(p.person.id));
    assemble(env, &chosen, cohorts, people, &rates, today).await
}
