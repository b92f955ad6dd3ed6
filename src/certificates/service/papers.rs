//! What documents say, gathered from the areas that own it: the person (trainees), the
//! cohort, programme and course (cohorts), the lesson hours and rate (attendance), the
//! final assessment and official results (readiness), the site (accounts) and its
//! settings. A fixed number of reads for a whole cohort.

use std::collections::HashMap;
use time::Date;

use crate::certificates::db;
use crate::certificates::model::{DocumentKind, NumberPattern};
use crate::certificates::paper::{FinalResult, OfficialLine, Paper};
use crate::entities::{cohorts, document_settings, enrollments};
use crate::kernel::{AppError, Problem};
use crate::platform::state::Env;
use crate::readiness::model::{AssessmentKind, ResultKind};

/// A site's settings, checked for issuing `kind`: the signatory and the pattern.
pub(super) struct Issuer {
    pub settings: document_settings::Model,
    pub pattern: NumberPattern,
    pub site_code: String,
    pub site_name: String,
    pub site_city: String,
}

/// What the site still lacks before a document of `kind` can be issued (none: ready).
pub(super) fn missing(settings: Option<&document_settings::Model>, kind: DocumentKind) -> Vec<Problem> {
    let Some(settings) = settings else {
        return vec![Problem::NoSignatory, Problem::NoNumberPattern];
    };
    let mut missing = Vec::new();
    if settings.signatory_name.trim().is_empty() || settings.signatory_position.trim().is_empty() {
        missing.push(Problem::NoSignatory);
    }
    let pattern = match kind {
        DocumentKind::Certificate => settings.certificate_pattern.as_deref(),
        DocumentKind::Letter => settings.letter_pattern.as_deref(),
    };
    if pattern.and_then(|p| NumberPattern::parse(p).ok()).is_none() {
        missing.push(Problem::NoNumberPattern);
    }
    missing
}

/// The issuer of `kind` at `site_id`, or what is missing, named before anything is issued.
///
/// # Errors
/// `Invalid` with `NoSignatory` / `NoNumberPattern`; database failures.
pub(super) async fn issuer(env: Env<'_>, site_id: i64, kind: DocumentKind) -> Result<Issuer, AppError> {
    let settings = db::settings_of(env.db, site_id).await?;
    if let Some(problem) = missing(settings.as_ref(), kind).into_iter().next() {
        return Err(AppError::invalid("kind", problem));
    }
    let Some(settings) = settings else {
        return Err(AppError::invalid("kind", Problem::NoSignatory));
    };
    let pattern = match kind {
        DocumentKind::Certificate => settings.certificate_pattern.as_deref(),
        DocumentKind::Letter => settings.letter_pattern.as_deref(),
    }
    .and_then(|p| NumberPattern::parse(p).ok())
    .ok_or_else(|| AppError::invalid("kind", Problem::NoNumberPattern))?;
    let site = crate::accounts::db::sites_by_ids(env.db, &[site_id])
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    Ok(Issuer {
        settings,
        pattern,
        site_code: site.code,
        site_name: site.name,
        site_city: site.city,
    })
}

/// The papers of `members` (enrollments of `cohort`) for `kind`, issued on `issued_on`,
/// by enrollment id; number, code and address are filled in when each is numbered.
pub(super) async fn papers(
    env: Env<'_>,
    cohort: &cohorts::Model,
    members: &[enrollments::Model],
    kind: DocumentKind,
    issuer: &Issuer,
    issued_on: Date,
) -> Result<HashMap<i64, Paper>, AppError> {
    let trainee_ids: Vec<i64> = members.iter().map(|e| e.trainee_id).collect();
    let people = crate::trainees::db::trainees_by_ids(env.db, &trainee_ids).await?;
    let programme = crate::cohorts::db::all_programmes(env.db)
        .await?
        .into_iter()
        .find(|p| p.id == cohort.programme_id);
    let course = crate::cohorts::db::all_courses(env.db)
        .await?
        .into_iter()
        .find(|c| c.id == cohort.course_id);
    let attended = crate::attendance::service::attended_in(env, &[cohort.id]).await?;
    let finals = final_results(env, cohort.id).await?;
    let official = official_results(env, cohort.id).await?;
    let mut papers = HashMap::new();
    for member in members {
        let Some(person) = people.get(&member.trainee_id) else {
            continue;
        };
        let seen = attended
            .get(&(member.trainee_id, cohort.id))
            .copied()
            .unwrap_or_default();
        let ends_on = match kind {
            DocumentKind::Certificate => member.left_on.unwrap_or(cohort.ends_on),
            DocumentKind::Letter => cohort.ends_on,
        };
        papers.insert(
            member.id,
            Paper {
                kind,
                number: String::new(),
                code: String::new(),
                verify_url: String::new(),
                full_name: person.full_name.clone(),
                birth_place: person.birth_place.clone(),
                birth_date: person.birth_date,
                programme: programme.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
                track: programme
                    .as_ref()
                    .map(|p| p.track.to_uppercase())
                    .unwrap_or_default(),
                cohort: cohort.code.clone(),
                course: course
                    .as_ref()
                    .map(|c| format!("{} ({})", c.name, c.level))
                    .unwrap_or_default(),
                starts_on: member.joined_on.unwrap_or(cohort.starts_on),
                ends_on,
                hours_attended: seen.lesson_hours,
                hours_total: course
                    .as_ref()
                    .map_or(0, |c| u32::try_from(c.total_hours).unwrap_or(0)),
                attendance_rate: seen.rate.map(|tenths| (tenths + 5) / 10),
                final_result: finals.get(&member.trainee_id).cloned(),
                official_results: official.get(&member.trainee_id).cloned().unwrap_or_default(),
                site_name: issuer.site_name.clone(),
                site_city: issuer.site_city.clone(),
                signatory_name: issuer.settings.signatory_name.clone(),
                signatory_position: issuer.settings.signatory_position.clone(),
                issued_on,
            },
        );
    }
    Ok(papers)
}

/// Each trainee's score in the cohort's last final assessment.
async fn final_results(env: Env<'_>, cohort_id: i64) -> Result<HashMap<i64, FinalResult>, AppError> {
    let Some(last) = crate::readiness::db::assessments_of(env.db, &[cohort_id])
        .await?
        .into_iter()
        .rfind(|a| a.kind == AssessmentKind::Final)
    else {
        return Ok(HashMap::new());
    };
    Ok(crate::readiness::db::scores_of(env.db, &[cohort_id])
        .await?
        .into_iter()
        .filter(|score| score.assessment_id == last.id)
        .map(|score| {
            (
                score.trainee_id,
                FinalResult {
                    title: last.title.clone(),
                    score: score.score,
                    max_score: last.max_score,
                    passed: score.score >= last.pass_score,
                },
            )
        })
        .collect())
}

/// The language results on record of the cohort's members: the latest JFT-Basic score and
/// JLPT level of each (a paper has room for two lines, not every attempt).
async fn official_results(env: Env<'_>, cohort_id: i64) -> Result<HashMap<i64, Vec<OfficialLine>>, AppError> {
    let who = crate::trainees::db::Who::InCohorts(vec![cohort_id]);
    let mut by_trainee: HashMap<i64, Vec<OfficialLine>> = HashMap::new();
    for row in crate::readiness::db::results_of(env.db, &who)
        .await?
        .into_iter()
        .rev()
    {
        let line = match ResultKind::parse(&row.kind) {
            Ok(ResultKind::JftBasic) => row.score.map(|score| ("JFT-Basic", format!("{score} / 250"))),
            Ok(ResultKind::Jlpt) => row.level.clone().map(|level| ("JLPT", level)),
            _ => None,
        };
        if let Some((test, result)) = line {
            // The latest of each test (oldest first, so a later one replaces it).
            let lines = by_trainee.entry(row.trainee_id).or_default();
            lines.retain(|line| line.test != test);
            lines.push(OfficialLine {
                test: test.to_owned(),
                result,
                passed: row.passed,
                taken_on: row.taken_on,
            });
        }
    }
    Ok(by_trainee)
}
