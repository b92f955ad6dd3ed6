//! Readiness use cases: the verdicts of many trainees at once (dashboard, export), one
//! trainee's record (their coordinators, themself), recording results and documents,
//! a cohort's lessons and scores, and the tracks' requirements. Writes run in one
//! transaction each with their audit entry.

mod dashboard;
mod progress;
mod records;
mod rules;

pub use dashboard::{dashboard, export_readiness};
pub use progress::{cohort_progress, create_assessment, save_scores, save_taught, NewAssessment};
pub use records::{
    delete_result, my_readiness, record_result, review_document, scan, submit_document, trainee_readiness,
    upload_scan, DocumentInput, ResultInput,
};
pub use rules::{parse_rules, rules, save_rules, RulesInput};

use std::collections::HashMap;
use time::Date;

use super::db::{self, Who};
use super::model::verdict::{
    assess, default_requirements, Assessment, AttendanceFacts, Requirement, TraineeFacts,
};
use super::model::DocumentFacts;
use crate::entities::{cohorts, enrollments, programmes, trainees};
use crate::kernel::{wib, AppError};
use crate::platform::state::Env;

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

/// A trainee with the enrollment readiness is judged by, and its cohort and programme.
#[derive(Debug, Clone)]
pub(crate) struct Subject {
    pub trainee: trainees::Model,
    pub cohort: cohorts::Model,
    pub programme: programmes::Model,
    pub facts: TraineeFacts,
    pub assessment: Assessment,
}

/// The enrollment that counts: an active one, else the latest completed, else the latest
/// accepted.
fn current<'a>(enrollments: impl Iterator<Item = &'a enrollments::Model>) -> Option<&'a enrollments::Model> {
    let rank = |e: &enrollments::Model| match e.status.as_str() {
        "active" => 3,
        "completed" => 2,
        _ => 1,
    };
    enrollments.max_by_key(|e| (rank(e), e.id))
}

/// Everyone `who` selects, with their facts and verdict on `today`: a fixed number of
/// queries whatever their number.
pub(crate) async fn subjects(env: Env<'_>, who: &Who, today: Date) -> Result<Vec<Subject>, AppError> {
    let enrollments = db::enrollments_of(env.db, who).await?;
    let mut by_trainee: HashMap<i64, Vec<&enrollments::Model>> = HashMap::new();
    for enrollment in &enrollments {
        by_trainee
            .entry(enrollment.trainee_id)
            .or_default()
            .push(enrollment);
    }
    let chosen: HashMap<i64, enrollments::Model> = by_trainee
        .iter()
        .filter_map(|(trainee, list)| current(list.iter().copied()).map(|e| (*trainee, e.clone())))
        .collect();
    let mut cohort_ids: Vec<i64> = chosen.values().map(|e| e.cohort_id).collect();
    cohort_ids.sort_unstable();
    cohort_ids.dedup();
    let cohorts: HashMap<i64, cohorts::Model> = crate::cohorts::db::cohorts_by_ids(env.db, &cohort_ids)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let programmes = crate::cohorts::db::all_programmes(env.db).await?;
    let requirements = requirements_by_programme(env, &programmes).await?;
    let programmes: HashMap<i64, programmes::Model> = programmes.into_iter().map(|p| (p.id, p)).collect();
    let people = db::trainees_of(env.db, who).await?;
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
    let rates = crate::attendance::service::rates_by_enrollment(env, &cohort_ids).await?;
    let mut subjects = Vec::with_capacity(people.len());
    for trainee in people {
        let Some(enrollment) = chosen.get(&trainee.id) else {
            continue;
        };
        let Some(cohort) = cohorts.get(&enrollment.cohort_id) else {
            continue;
        };
        let Some(programme) = programmes.get(&cohort.programme_id) else {
            continue;
        };
        let facts = TraineeFacts {
            in_training: enrollment.status != "completed" && cohort.status != "completed",
            results: results.remove(&trainee.id).unwrap_or_default(),
            attendance: rates.get(&(trainee.id, cohort.id)).map(|r| AttendanceFacts {
                rate: r.rate,
                best: r.best,
                threshold: u8::try_from(cohort.attendance_threshold).unwrap_or(100),
            }),
            documents: documents.remove(&trainee.id).unwrap_or_default(),
        };
        let set = requirements
            .get(&programme.id)
            .map(|(set, _)| set.as_slice())
            .unwrap_or_default();
        let assessment = assess(set, &facts, today);
        subjects.push(Subject {
            trainee,
            cohort: cohort.clone(),
            programme: programme.clone(),
            facts,
            assessment,
        });
    }
    subjects.sort_by(|a, b| {
        a.trainee
            .name_key
            .cmp(&b.trainee.name_key)
            .then(a.trainee.id.cmp(&b.trainee.id))
    });
    Ok(subjects)
}

pub(crate) fn today(env: Env<'_>) -> Date {
    wib::today(env.clock.now())
}

pub(crate) fn iso(date: Option<Date>) -> Option<String> {
    date.map(wib::iso_date)
}
