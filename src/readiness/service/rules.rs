//! The requirements of each programme: readable by staff, changed by admins.

use serde_json::json;
use std::collections::HashMap;

use super::requirements_by_programme;
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::kernel::{Actor, AppError, FieldError, Problem, Role};
use crate::platform::context::Client;
use crate::platform::state::Env;
use crate::readiness::authz;
use crate::readiness::db;
use crate::readiness::dto::{ProgrammeRules, Rules, RulesInput};
use crate::readiness::model::verdict::Requirement;
use crate::readiness::model::{DocumentKind, JlptLevel, ResultKind, JFT_MAX, JFT_MIN};

/// Every programme's requirements.
///
/// # Errors
/// `Forbidden` for trainees.
pub async fn rules(env: Env<'_>, actor: &Actor) -> Result<Rules, AppError> {
    if actor.role == Role::Trainee {
        return Err(AppError::Forbidden);
    }
    let programmes = crate::cohorts::db::all_programmes(env.db).await?;
    let mut sets = requirements_by_programme(env, &programmes).await?;
    Ok(Rules {
        programmes: programmes
            .into_iter()
            .map(|p| {
                let (requirements, defaults) = sets.remove(&p.id).unwrap_or_default();
                ProgrammeRules {
                    programme_id: p.id,
                    code: p.code,
                    name: p.name,
                    requirements,
                    defaults,
                }
            })
            .collect(),
        may_edit: authz::can_edit_rules(actor),
    })
}

/// The requirements the form describes, in the checklist's order.
///
/// # Errors
/// Every field problem at once.
pub fn parse_rules(input: &RulesInput) -> Result<Vec<Requirement>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let jlpt = match input.jlpt.trim() {
        "" => None,
        level => JlptLevel::parse(level)
            .map_err(|p| errors.push(FieldError::new("jlpt", p)))
            .ok(),
    };
    let jft_min = match input.jft.trim() {
        "" => None,
        score => crate::kernel::input::parse_number(score, i64::from(JFT_MIN), i64::from(JFT_MAX))
            .map_err(|p| errors.push(FieldError::new("jft", p)))
            .ok()
            .and_then(|s| u16::try_from(s).ok()),
    };
    let mut set = Vec::new();
    if jlpt.is_some() || jft_min.is_some() {
        set.push(Requirement::Language { jlpt, jft_min });
    }
    for key in input.passed.keys() {
        if ResultKind::parse(key).is_err() {
            errors.push(FieldError::new("passed", Problem::InvalidChoice));
        }
    }
    for kind in [
        ResultKind::SswSkills,
        ResultKind::CareJapanese,
        ResultKind::CareSkills,
    ] {
        if input.passed.contains_key(kind.as_str()) {
            set.push(Requirement::Passed(kind));
        }
    }
    if input.attendance.is_some() {
        set.push(Requirement::Attendance);
    }
    for key in input
        .documents
        .keys()
        .chain(input.max_age.keys())
        .chain(input.min_valid.keys())
    {
        if DocumentKind::parse(key).is_err() {
            errors.push(FieldError::new("doc", Problem::InvalidChoice));
        }
    }
    for kind in DocumentKind::ALL {
        let days =
            |map: &HashMap<String, String>, field: &str, min: i64, errors: &mut Vec<FieldError>| match map
                .get(kind.as_str())
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
            {
                None => None,
                Some(value) => crate::kernel::input::parse_number(value, min, 3650)
                    .map_err(|p| errors.push(FieldError::new(&format!("{field}[{}]", kind.as_str()), p)))
                    .ok()
                    .and_then(|d| u16::try_from(d).ok()),
            };
        let max_age_days = days(&input.max_age, "max_age", 1, &mut errors);
        let min_valid_days = days(&input.min_valid, "min_valid", 0, &mut errors);
        if input.documents.contains_key(kind.as_str()) {
            set.push(Requirement::Document {
                kind: *kind,
                max_age_days,
                min_valid_days,
            });
        }
    }
    errors.dedup();
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(errors)
    }
}

/// An admin replaces a programme's requirements; returns the programme's name.
///
/// # Errors
/// `Forbidden` but for admins; `NotFound` for an unknown programme; `Invalid` with every
/// field problem.
pub async fn save_rules(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    programme_id: i64,
    input: &RulesInput,
) -> Result<String, AppError> {
    if !authz::can_edit_rules(actor) {
        return Err(AppError::Forbidden);
    }
    let programme = crate::cohorts::db::all_programmes(env.db)
        .await?
        .into_iter()
        .find(|p| p.id == programme_id)
        .ok_or(AppError::NotFound)?;
    let set = parse_rules(input).map_err(AppError::Invalid)?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::replace_requirements(&txn, programme.id, &set, actor.user_id, now).await?;
    let event = AuditEvent::new(AuditAction::RequirementsSave, Outcome::Success)
        .actor(actor.user_id)
        .ip(client.ip.clone())
        .detail(json!({ "programme": programme.code, "requirements": set.len() }));
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok(programme.name)
}
