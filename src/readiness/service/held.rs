//! What the dashboard reads of a cohort, from memory (see [`crate::platform::memo`]): its
//! enrollments, the people holding a seat in it with their results and documents, and the
//! attendance counts kept for them, held under the cohort's readiness stamp (moved on by
//! database triggers with every change of any of it, on any instance) and read again only
//! when it has moved on. What depends on the day or the hour (the marks of sessions still
//! going on, which sessions have ended) is read or worked out on every view; the verdicts
//! worked out from all of it are held per cohort under a fingerprint of all of it (see
//! [`subjects_in`]).
//!
//! A person is held with their name and their NIK masked, never the whole NIK.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use time::Date;

use super::{by_name, chosen, cohorts_of, judge, people_of, PersonFacts, Subject, Tracks};
use crate::attendance::service::RateBasis;
use crate::entities::{attendance_counts, cohorts, enrollments};
use crate::kernel::AppError;
use crate::platform::state::Env;
use crate::readiness::db::{self, Who};
use crate::readiness::dto::Funnel;
use crate::readiness::model::verdict::Stage;
use crate::readiness::model::Verdict;
use crate::trainees::model::enrollment::EnrollmentStatus;

/// One cohort as the dashboard reads it (see the module's documentation).
struct HeldCohort {
    id: i64,
    /// The readiness stamp it was read under (`None`: read, not held).
    stamp: Option<i64>,
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
            stamp,
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

/// The trainees judged by their enrollment in one cohort (see [`subjects_in`]), by name,
/// with their tally.
pub(crate) struct JudgedCohort {
    subjects: Vec<Subject>,
    tally: Tally,
}

/// How many of some subjects have each verdict and each blocker, and how far they got.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tally {
    /// Ready, in progress, not ready.
    pub verdicts: [u32; 3],
    /// By blocker's key: how many it stops (each once, however often it is found).
    pub blockers: HashMap<String, u32>,
    pub funnel: Funnel,
}

impl Tally {
    fn add(mut self, subject: &Subject) -> Self {
        let a = &subject.assessment;
        self.verdicts[match a.verdict {
            Verdict::Ready => 0,
            Verdict::InProgress => 1,
            Verdict::NotReady => 2,
        }] += 1;
        let mut keys: Vec<String> = a.blockers().map(|f| f.blocker.key()).collect();
        keys.dedup();
        for key in keys {
            *self.blockers.entry(key).or_default() += 1;
        }
        let funnel = &mut self.funnel;
        funnel.enrolled += 1;
        let language = a.stage_met(Stage::Language);
        let skills = language && a.stage_met(Stage::Skills);
        let documents = skills && a.stage_met(Stage::Documents);
        funnel.language += u32::from(language);
        funnel.skills += u32::from(skills);
        funnel.documents += u32::from(documents);
        funnel.ready += u32::from(documents && a.verdict == Verdict::Ready);
        self
    }

    fn merge(mut self, other: &Self) -> Self {
        for (mine, theirs) in self.verdicts.iter_mut().zip(other.verdicts) {
            *mine += theirs;
        }
        for (key, n) in &other.blockers {
            *self.blockers.entry(key.clone()).or_default() += n;
        }
        let (f, o) = (&mut self.funnel, other.funnel);
        f.enrolled += o.enrolled;
        f.language += o.language;
        f.skills += o.skills;
        f.documents += o.documents;
        f.ready += o.ready;
        self
    }
}

/// The subjects of a view's cohorts (see [`subjects_in`]), each cohort's apart.
pub(crate) struct Judged(Vec<Arc<JudgedCohort>>);

impl Judged {
    /// Every subject, by name.
    pub fn in_order(&self) -> Vec<&Subject> {
        // Each cohort's are in order already: the sort merges their runs.
        let mut all: Vec<&Subject> = self.0.iter().flat_map(|c| c.subjects.iter()).collect();
        all.sort_by(|a, b| by_name(a, b));
        all
    }

    /// The tally of every subject.
    pub fn tally(&self) -> Tally {
        self.0.iter().fold(Tally::default(), |all, c| all.merge(&c.tally))
    }
}

/// Everyone holding a seat in `cohorts` (which the caller has authorised), with their facts
/// and verdict on `today`, judged by their enrollment that counts among these cohorts' (as
/// [`super::subjects`] of `Who::InCohorts`, which reads the same from the database).
///
/// What is judged in one cohort is held in memory under a fingerprint of everything it was
/// worked out from: the cohort's readiness stamp (its people, their enrollments, results,
/// documents and kept counts), its schedule stamp and how many of its sessions have ended,
/// the marks of those still going on, its policy, its own row, its programme and
/// requirements, who is judged by their enrollment in it, and the day. So a view works out
/// again only the cohorts where any of it changed, and a roll call moves one cohort's.
///
/// # Errors
/// Database failures.
pub(crate) async fn subjects_in(
    env: Env<'_>,
    cohorts: Vec<cohorts::Model>,
    today: Date,
) -> Result<Judged, AppError> {
    let ids: Vec<i64> = cohorts.iter().map(|c| c.id).collect();
    let held = held_cohorts(env, &ids).await?;
    let chosen = chosen(
        held.iter()
            .flat_map(|c| c.enrollments.iter())
            .filter(|e| holds_seat(e)),
    );
    let basis = RateBasis::read(env, &cohorts_of(&chosen)).await?;
    let tracks = Tracks::read(env).await?;
    let mut judged_in: HashMap<i64, Vec<(i64, i64)>> = HashMap::new();
    for enrollment in chosen.values() {
        judged_in
            .entry(enrollment.cohort_id)
            .or_default()
            .push((enrollment.trainee_id, enrollment.id));
    }
    // Each subject shares its cohort and programme with the others of the same.
    let cohorts: HashMap<i64, Arc<cohorts::Model>> =
        cohorts.into_iter().map(|c| (c.id, Arc::new(c))).collect();
    let mut judged = Vec::with_capacity(held.len());
    for held in &held {
        let (Some(mut here), Some(cohort)) = (judged_in.remove(&held.id), cohorts.get(&held.id)) else {
            continue;
        };
        here.sort_unstable();
        let mut inputs = DefaultHasher::new();
        let stamped = held.stamp.is_some() && basis.fingerprint(held.id, &mut inputs);
        (held.stamp, today, &here, cohort).hash(&mut inputs);
        tracks.fingerprint(cohort.programme_id, &mut inputs);
        let fingerprint = i64::from_ne_bytes(inputs.finish().to_ne_bytes());
        if stamped {
            if let Some(cohort) = env.memo.get::<JudgedCohort>(held.id, fingerprint) {
                judged.push(cohort);
                continue;
            }
        }
        let rates = basis.rates_in(held.id, &held.enrollments, &held.counts);
        let people = held
            .people
            .iter()
            .filter(|p| chosen.get(&p.person.id).is_some_and(|e| e.cohort_id == held.id));
        let subjects = judge(&chosen, &cohorts, &tracks, people, &rates, today);
        let tally = subjects.iter().fold(Tally::default(), Tally::add);
        let cohort = Arc::new(JudgedCohort { subjects, tally });
        if stamped {
            env.memo.put(held.id, fingerprint, Arc::clone(&cohort));
        }
        judged.push(cohort);
    }
    Ok(Judged(judged))
}
