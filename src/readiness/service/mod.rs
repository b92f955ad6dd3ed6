//! Readiness use cases: the verdicts of many trainees at once (dashboard, export), one
//! trainee's record (their coordinators, themself), recording results and documents,
//! a cohort's lessons and scores, and the tracks' requirements. Writes run in one
//! transaction each with their audit entry.

mod dashboard;
mod held;
mod progress;
mod records;
mod rules;

pub use crate::readiness::dto::{DocumentInput, NewAssessment, ResultInput, RulesInput};
pub use dashboard::{dashboard, export_readiness};
pub use progress::{cohort_progress, create_assessment, save_scores, save_taught};
pub use records::{
    delete_result, my_readiness, record_result, review_document, scan, submit_document, trainee_readiness,
    upload_scan,
};
pub use rules::{parse_rules, rules, save_rules};

use std::collections::HashMap;
use std::sync::Arc;
use time::Date;

use super::db::{self, Who};
use super::model::verdict::{
    assess, default_requirements, Assessment, AttendanceFacts, Requirement, TraineeFacts,
};
use super::model::{DocumentFacts, OfficialResult};
use crate::attendance::model::rates::Rates;
use crate::cohorts::model::CohortStatus;
use crate::entities::{cohorts, enrollments, programmes};
use crate::kernel::identity::mask_nik;
use crate::kernel::{wib, AppError};
use crate::platform::state::Env;
use crate::trainees::model::enrollment::EnrollmentStatus;

/// Every programme's requirements: the stored ones, or the defaults where none are stored.
pub(crate) async fn requirements_by_programme(
    env: Env<'_>,
    programmes: &[programmes::Model],
) -> Result<HashMap<i64, (Vec<Requirement>, bool)>, AppError> {
    let mut stored: HashMap<i64, Vec<Requirement>> = HashMap::new();
    for row in db::stored_requirements(env.db).await? {
        if let Some(requirement) = db::requirement_of(&row) {
            stored.entry(row.programme_id).or_default().push(requirement);
        }
    }
    Ok(programmes
        .iter()
        .map(|p| {
            let set = stored.remove(&p.id);
            let defaults = set.is_none();
            (
                p.id,
                (
                    set.unwrap_or_else(|| default_requirements(&p.code, &p.track)),
                    defaults,
                ),
            )
        })
        .collect())
}

/// What the dashboard shows of a person: the NIK only masked (see SECURITY.md).
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub id: i64,
    pub full_name: String,
    pub name_key: String,
    pub masked_nik: String,
}

impl Person {
    fn of_row((id, full_name, name_key, nik): (i64, String, String, String)) -> Self {
        Self {
            id,
            full_name,
            name_key,
            masked_nik: mask_nik(&nik),
        }
    }
}

/// A person with the facts about them a verdict is worked out from (but attendance, which
/// depends on the hour).
#[derive(Debug, Clone)]
pub(crate) struct PersonFacts {
    pub person: Person,
    pub results: Vec<OfficialResult>,
    pub documents: Vec<DocumentFacts>,
}

/// The people `who` selects with their results and documents: three statements.
async fn people_of(env: Env<'_>, who: &Who) -> Result<Vec<PersonFacts>, AppError> {
    let mut results: HashMap<i64, Vec<_>> = HashMap::new();
    for row in db::results_of(env.db, who).await? {
        if let Some(result) = db::result_facts(&row) {
            results.entry(row.trainee_id).or_default().push(result);
        }
    }
    let mut documents: HashMap<i64, Vec<DocumentFacts>> = HashMap::new();
    for (trainee_id, facts) in db::document_facts_of(env.db, who).await? {
        documents.entry(trainee_id).or_default().push(facts);
    }
    Ok(db::names_of(env.db, who)
        .await?
        .into_iter()
        .map(|row| {
            let person = Person::of_row(row);
            PersonFacts {
                results: results.remove(&person.id).unwrap_or_default(),
                documents: documents.remove(&person.id).unwrap_or_default(),
                person,
            }
        })
        .collect())
}

/// A trainee with the enrollment readiness is judged by, and its cohort and programme.
#[derive(Debug, Clone)]
pub(crate) struct Subject {
    pub trainee: Person,
    pub cohort: Arc<cohorts::Model>,
    pub programme: Arc<programmes::Model>,
    pub facts: TraineeFacts,
    pub assessment: Assessment,
}

/// Which enrollment counts: an active one, else the latest completed, else the latest
/// accepted (the greatest of this key).
fn precedence(enrollment: &enrollments::Model) -> (u8, i64) {
    let rank = match EnrollmentStatus::parse(&enrollment.status) {
        Ok(EnrollmentStatus::Active) => 3,
        Ok(EnrollmentStatus::Completed) => 2,
        _ => 1,
    };
    (rank, enrollment.id)
}

/// Each trainee's enrollment that counts among the seat-holding `enrollments`.
fn chosen<'a>(
    enrollments: impl Iterator<Item = &'a enrollments::Model>,
) -> HashMap<i64, &'a enrollments::Model> {
    let mut chosen: HashMap<i64, &enrollments::Model> = HashMap::new();
    for enrollment in enrollments {
        let counted = chosen.entry(enrollment.trainee_id).or_insert(enrollment);
        if precedence(enrollment) > precedence(counted) {
            *counted = enrollment;
        }
    }
    chosen
}

/// The cohorts of the `chosen` enrollments, sorted.
fn cohorts_of(chosen: &HashMap<i64, &enrollments::Model>) -> Vec<i64> {
    let mut ids: Vec<i64> = chosen.values().map(|e| e.cohort_id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Everyone `who` selects, with their facts and verdict on `today`, read from the
/// database: a fixed number of queries whatever their number. (A dashboard's cohorts are
/// read with [`held::subjects_in`], from memory.)
pub(crate) async fn subjects(env: Env<'_>, who: &Who, today: Date) -> Result<Vec<Subject>, AppError> {
    let enrollments = db::enrollments_of(env.db, who).await?;
    let chosen = chosen(enrollments.iter());
    let cohort_ids = cohorts_of(&chosen);
    let cohorts = crate::cohorts::db::cohorts_by_ids(env.db, &cohort_ids).await?;
    let people = people_of(env, who).await?;
    let rates = crate::attendance::service::rates_by_enrollment(env, &cohort_ids).await?;
    assemble(env, &chosen, cohorts, people.iter(), &rates, today).await
}

/// The tracks verdicts are judged against: every programme with its requirements (the
/// stored ones, or the defaults). Two statements.
pub(crate) struct Tracks {
    programmes: HashMap<i64, Arc<programmes::Model>>,
    requirements: HashMap<i64, (Vec<Requirement>, bool)>,
}

impl Tracks {
    async fn read(env: Env<'_>) -> Result<Self, AppError> {
        let programmes = crate::cohorts::db::all_programmes(env.db).await?;
        let requirements = requirements_by_programme(env, &programmes).await?;
        Ok(Self {
            programmes: programmes.into_iter().map(|p| (p.id, Arc::new(p))).collect(),
            requirements,
        })
    }

    /// Feeds `into` with everything about `programme` that its trainees' subjects show or
    /// are judged by.
    fn fingerprint(&self, programme: i64, into: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        (self.programmes.get(&programme), self.requirements.get(&programme)).hash(into);
    }
}

/// The subjects of `people` (their enrollments that count `chosen`, in `cohorts`, with
/// their attendance `rates`), sorted by name; the programmes' requirements are read.
async fn assemble<'a>(
    env: Env<'_>,
    chosen: &HashMap<i64, &enrollments::Model>,
    cohorts: Vec<cohorts::Model>,
    people: impl Iterator<Item = &'a PersonFacts>,
    rates: &HashMap<(i64, i64), Rates>,
    today: Date,
) -> Result<Vec<Subject>, AppError> {
    // Each subject shares its cohort and programme with the others of the same.
    let cohorts: HashMap<i64, Arc<cohorts::Model>> =
        cohorts.into_iter().map(|c| (c.id, Arc::new(c))).collect();
    let tracks = Tracks::read(env).await?;
    Ok(judge(chosen, &cohorts, &tracks, people, rates, today))
}

/// The subjects of `people` (see [`assemble`]) against `tracks`, sorted by name.
fn judge<'a>(
    chosen: &HashMap<i64, &enrollments::Model>,
    cohorts: &HashMap<i64, Arc<cohorts::Model>>,
    tracks: &Tracks,
    people: impl Iterator<Item = &'a PersonFacts>,
    rates: &HashMap<(i64, i64), Rates>,
    today: Date,
) -> Vec<Subject> {
    let mut subjects = Vec::with_capacity(chosen.len());
    for held in people {
        let Some(enrollment) = chosen.get(&held.person.id) else {
            continue;
        };
        let Some(cohort) = cohorts.get(&enrollment.cohort_id) else {
            continue;
        };
        let Some(programme) = tracks.programmes.get(&cohort.programme_id) else {
            continue;
        };
        let facts = TraineeFacts {
            in_training: enrollment.status != EnrollmentStatus::Completed
                && cohort.status != CohortStatus::Completed,
            results: held.results.clone(),
            attendance: rates.get(&(held.person.id, cohort.id)).map(|r| AttendanceFacts {
                rate: r.rate,
                best: r.best,
                threshold: u8::try_from(cohort.attendance_threshold).unwrap_or(100),
            }),
            documents: held.documents.clone(),
        };
        let set = tracks
            .requirements
            .get(&programme.id)
            .map(|(set, _)| set.as_slice())
            .unwrap_or_default();
        let assessment = assess(set, &facts, today);
        subjects.push(Subject {
            trainee: held.person.clone(),
            cohort: Arc::clone(cohort),
            programme: Arc::clone(programme),
            facts,
            assessment,
        });
    }
    subjects.sort_by(by_name);
    subjects
}

/// The order subjects are listed in: by name, then by record.
fn by_name(a: &Subject, b: &Subject) -> std::cmp::Ordering {
    a.trainee
        .name_key
        .cmp(&b.trainee.name_key)
        .then(a.trainee.id.cmp(&b.trainee.id))
}

pub(crate) fn today(env: Env<'_>) -> Date {
    wib::today(env.clock.now())
}
