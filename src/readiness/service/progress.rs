//! A cohort's learning progress, for its instructors and coordinators: the unit taught in
//! each session held, the cohort's assessments and every trainee's scores (entered for
//! the whole cohort at once).

use serde_json::json;
use std::collections::HashMap;

use super::today;
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::{assessments, cohorts};
use crate::kernel::{wib, Actor, AppError, CohortId, FieldError, Problem, SessionId, TraineeId};
use crate::platform::context::Client;
use crate::platform::state::Env;
use crate::readiness::authz;
use crate::readiness::db::{self, Who};
use crate::readiness::dto::{AssessmentView, CohortProgress, LessonLine, NewAssessment, ProgressRow};
use crate::readiness::model::{parse_score, AssessmentKind, JFT_MAX, JFT_PASS};
use crate::schedule::model::SessionStatus;

async fn cohort_taught_by(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
) -> Result<cohorts::Model, AppError> {
    let (cohort, ties) = crate::cohorts::service::visible_cohort(env, actor, cohort_id).await?;
    if authz::can_teach(actor, &ties) {
        Ok(cohort)
    } else {
        Err(crate::platform::errors::out_of_reach(actor, "cohort", cohort_id))
    }
}

/// The lessons and scores of a cohort.
///
/// # Errors
/// `NotFound` out of reach.
pub async fn cohort_progress(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
) -> Result<CohortProgress, AppError> {
    let cohort = cohort_taught_by(env, actor, cohort_id).await?;
    let now = env.clock.now();
    let units = crate::cohorts::db::units_of(env.db, &[cohort.course_id])
        .await?
        .remove(&cohort.course_id)
        .unwrap_or_default();
    let unit_titles: HashMap<i64, String> = units.iter().map(|u| (u.id, u.title.clone())).collect();
    let held: Vec<_> = crate::schedule::db::sessions_of_cohorts(env.db, &[cohort.id])
        .await?
        .into_iter()
        .filter(|s| s.status != SessionStatus::Cancelled && s.starts_at <= now)
        .collect();
    let taught: HashMap<i64, i64> = db::taught_of(env.db, &held.iter().map(|s| s.id).collect::<Vec<_>>())
        .await?
        .into_iter()
        .map(|t| (t.session_id, t.unit_id))
        .collect();
    let mut distinct: Vec<i64> = taught.values().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    // The latest 30 sessions held: what an instructor still fills in.
    let lessons = held
        .iter()
        .rev()
        .take(30)
        .map(|s| LessonLine {
            session_id: SessionId(s.id),
            when: s.starts_at,
            planned: s.unit_id.and_then(|u| unit_titles.get(&u).cloned()),
            taught_unit_id: taught.get(&s.id).copied(),
        })
        .collect();
    let assessments = db::assessments_of(env.db, &[cohort.id]).await?;
    let scores = db::scores_of(env.db, &[cohort.id]).await?;
    let by_key: HashMap<(i64, i64), u16> = scores
        .iter()
        .map(|s| {
            (
                (s.assessment_id, s.trainee_id),
                u16::try_from(s.score).unwrap_or_default(),
            )
        })
        .collect();
    let mut people = db::trainees_of(env.db, &Who::InCohorts(vec![cohort.id])).await?;
    people.sort_by(|a, b| a.name_key.cmp(&b.name_key).then(a.id.cmp(&b.id)));
    let views = assessments
        .iter()
        .map(|a| {
            let values: Vec<u32> = scores
                .iter()
                .filter(|s| s.assessment_id == a.id)
                .map(|s| u32::try_from(s.score).unwrap_or_default())
                .collect();
            let count = u32::try_from(values.len()).unwrap_or(u32::MAX);
            AssessmentView {
                id: a.id,
                kind: a.kind.clone(),
                title: a.title.clone(),
                held_on: a.held_on,
                max_score: u16::try_from(a.max_score).unwrap_or_default(),
                pass_score: u16::try_from(a.pass_score).unwrap_or_default(),
                scored: count,
                average: (count > 0).then(|| values.iter().sum::<u32>() / count),
            }
        })
        .collect();
    let rows = people
        .iter()
        .map(|p| ProgressRow {
            trainee_id: TraineeId(p.id),
            name: p.full_name.clone(),
            scores: assessments
                .iter()
                .map(|a| by_key.get(&(a.id, p.id)).copied())
                .collect(),
        })
        .collect();
    Ok(CohortProgress {
        cohort_id: CohortId(cohort.id),
        cohort: cohort.code.clone(),
        today: today(env),
        units: units.iter().map(|u| (u.id, u.title.clone())).collect(),
        units_taught: u32::try_from(distinct.len()).unwrap_or(u32::MAX),
        lessons,
        assessments: views,
        rows,
    })
}

/// An instructor (or coordinator) of the cohort creates an assessment. A mock JFT-Basic
/// always has the real scale (250, pass 200). Returns its id and title.
///
/// # Errors
/// `NotFound` out of reach; `Invalid` with every field problem.
pub async fn create_assessment(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    cohort_id: CohortId,
    input: &NewAssessment,
) -> Result<(i64, String), AppError> {
    let cohort = cohort_taught_by(env, actor, cohort_id).await?;
    let mut errors = Vec::new();
    let kind = AssessmentKind::parse(&input.kind)
        .map_err(|p| errors.push(FieldError::new("kind", p)))
        .ok();
    let title = crate::kernel::input::parse_text(&input.title, 120, false)
        .map_err(|p| errors.push(FieldError::new("title", p)))
        .ok()
        .flatten();
    let held_on = wib::parse_iso_date(input.held_on.trim());
    if held_on.is_none() {
        errors.push(FieldError::new("held_on", Problem::InvalidDate));
    }
    let (max, pass) = if kind == Some(AssessmentKind::MockJft) {
        (Some(i64::from(JFT_MAX)), Some(i64::from(JFT_PASS)))
    } else {
        let max = crate::kernel::input::parse_number(&input.max_score, 1, 1000)
            .map_err(|p| errors.push(FieldError::new("max_score", p)))
            .ok();
        let pass = crate::kernel::input::parse_number(&input.pass_score, 0, max.unwrap_or(1000))
            .map_err(|p| errors.push(FieldError::new("pass_score", p)))
            .ok();
        (max, pass)
    };
    let (Some(kind), Some(title), Some(held_on), Some(max), Some(pass)) = (kind, title, held_on, max, pass)
    else {
        return Err(AppError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    let id = db::insert_assessment(
        &txn,
        assessments::ActiveModel {
            cohort_id: sea_orm::Set(cohort.id),
            kind: sea_orm::Set(kind.as_str().to_owned()),
            title: sea_orm::Set(title.clone()),
            held_on: sea_orm::Set(held_on),
            max_score: sea_orm::Set(i32::try_from(max).unwrap_or(1000)),
            pass_score: sea_orm::Set(i32::try_from(pass).unwrap_or(0)),
            created_by: sea_orm::Set(Some(actor.user_id.get())),
            created_at: sea_orm::Set(now),
            ..Default::default()
        },
    )
    .await?;
    let event = AuditEvent::new(AuditAction::AssessmentCreate, Outcome::Success)
        .actor(actor.user_id)
        .site(Some(cohort.site_id))
        .ip(client.ip.clone())
        .detail(json!({ "cohort": cohort.id, "assessment": id, "kind": kind.as_str() }));
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok((id, title))
}

/// Saves the scores of one assessment for the whole cohort at once (`(trainee, typed
/// score)`; an empty score clears it). All or nothing: any bad score refuses the lot.
/// Returns the cohort's id and how many scores it now has from this form.
///
/// # Errors
/// `NotFound` out of reach; `Invalid` naming each bad score (`score[TRAINEE]`), or a
/// trainee who is not in the cohort.
pub async fn save_scores(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    assessment_id: i64,
    entries: &[(i64, String)],
) -> Result<(i64, u32), AppError> {
    let assessment = db::assessment(env.db, assessment_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let cohort = cohort_taught_by(env, actor, CohortId(assessment.cohort_id)).await?;
    let kind = AssessmentKind::parse(&assessment.kind).map_err(|p| AppError::invalid("kind", p))?;
    let max = u16::try_from(assessment.max_score).unwrap_or(1000);
    let members: std::collections::HashSet<i64> = db::trainees_of(env.db, &Who::InCohorts(vec![cohort.id]))
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect();
    let mut errors = Vec::new();
    let mut scores = Vec::new();
    for (trainee, typed) in entries {
        let field = format!("score[{trainee}]");
        if !members.contains(trainee) {
            errors.push(FieldError::new(&field, Problem::NotEnrolledOnDate));
            continue;
        }
        if typed.trim().is_empty() {
            scores.push((*trainee, None));
            continue;
        }
        match parse_score(typed, kind, max) {
            Ok(score) => scores.push((*trainee, Some(score))),
            Err(problem) => errors.push(FieldError::new(&field, problem)),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::save_scores(&txn, assessment.id, &scores, actor.user_id, now).await?;
    let saved = u32::try_from(scores.iter().filter(|(_, s)| s.is_some()).count()).unwrap_or(u32::MAX);
    let event = AuditEvent::new(AuditAction::ScoresSave, Outcome::Success)
        .actor(actor.user_id)
        .site(Some(cohort.site_id))
        .ip(client.ip.clone())
        .detail(json!({ "assessment": assessment.id, "scores": saved }));
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok((cohort.id, saved))
}

/// Records the unit taught in sessions of one cohort (`(session, unit id or empty)`);
/// only sessions of the cohort that have started, only units of its course.
///
/// # Errors
/// `NotFound` out of reach; `Invalid` for another cohort's session or a foreign unit.
pub async fn save_taught(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    cohort_id: CohortId,
    entries: &[(i64, String)],
) -> Result<(), AppError> {
    let cohort = cohort_taught_by(env, actor, cohort_id).await?;
    let now = env.clock.now();
    let units: Vec<i64> = crate::cohorts::db::units_of(env.db, &[cohort.course_id])
        .await?
        .remove(&cohort.course_id)
        .unwrap_or_default()
        .iter()
        .map(|u| u.id)
        .collect();
    let held: std::collections::HashSet<i64> = crate::schedule::db::sessions_of_cohorts(env.db, &[cohort.id])
        .await?
        .into_iter()
        .filter(|s| s.status != SessionStatus::Cancelled && s.starts_at <= now)
        .map(|s| s.id)
        .collect();
    let mut errors = Vec::new();
    let mut taught = Vec::new();
    for (session, typed) in entries {
        let field = format!("unit[{session}]");
        if !held.contains(session) {
            errors.push(FieldError::new(&field, Problem::InvalidChoice));
            continue;
        }
        match typed.trim() {
            "" => taught.push((*session, None)),
            value => match value.parse::<i64>().ok().filter(|u| units.contains(u)) {
                Some(unit) => taught.push((*session, Some(unit))),
                None => errors.push(FieldError::new(&field, Problem::InvalidChoice)),
            },
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = env.begin().await?;
    db::save_taught(&txn, &taught, actor.user_id, now).await?;
    let event = AuditEvent::new(AuditAction::UnitsTaught, Outcome::Success)
        .actor(actor.user_id)
        .site(Some(cohort.site_id))
        .ip(client.ip.clone())
        .detail(json!({ "cohort": cohort.id, "sessions": taught.len() }));
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok(())
}
