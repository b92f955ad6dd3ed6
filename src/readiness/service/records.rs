//! One trainee's readiness record: the view (their coordinators, themself), official
//! results recorded by coordinators, documents handed in by the trainee and verified or
//! rejected by a coordinator, and document scans.

use serde_json::json;
use std::collections::HashMap;

use super::{subjects, today, Subject};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::trainees;
use crate::kernel::{AccountId, Actor, AppError, FieldError, Problem, TraineeId};
use crate::platform::context::Client;
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::readiness::authz;
use crate::readiness::db::{self, DocumentDetails, NewResult, Who};
use crate::readiness::dto::{
    DocumentInput, DocumentView, ResultInput, ResultView, ScoreView, TraineeReadiness,
};
use crate::readiness::model::verdict::{assess, Requirement};
use crate::readiness::model::{
    parse_document_details, parse_result, scan_type, DocumentKind, DocumentStatus, ResultKind, Verdict,
};
use crate::trainees::service::ties_of;

async fn trainee_in_reach(
    env: Env<'_>,
    actor: &Actor,
    trainee_id: TraineeId,
) -> Result<trainees::Model, AppError> {
    crate::trainees::service::visible_trainee(env, actor, trainee_id).await
}

/// The record `trainee_id` if the actor keeps its readiness (its site's coordinators).
async fn trainee_managed(
    env: Env<'_>,
    actor: &Actor,
    trainee_id: TraineeId,
) -> Result<trainees::Model, AppError> {
    let trainee = trainee_in_reach(env, actor, trainee_id).await?;
    if authz::can_manage_trainee(actor, &ties_of(&trainee)) {
        Ok(trainee)
    } else {
        Err(out_of_reach(actor, "trainee", trainee_id))
    }
}

async fn own_record(env: Env<'_>, actor: &Actor) -> Result<trainees::Model, AppError> {
    if !authz::is_trainee(actor) {
        return Err(AppError::Forbidden);
    }
    crate::trainees::db::trainee_of_user(env.db, actor.user_id)
        .await?
        .ok_or(AppError::NotFound)
}

fn audit(action: AuditAction, actor: &Actor, client: &Client, trainee: &trainees::Model) -> AuditEvent {
    let mut event = AuditEvent::new(action, Outcome::Success)
        .by(actor)
        .site(Some(trainee.site_id))
        .ip(client.ip.clone());
    if let Some(user) = trainee.user_id {
        event = event.subject(AccountId(user));
    }
    event
}

async fn scores_of(env: Env<'_>, subject: &Subject) -> Result<Vec<ScoreView>, AppError> {
    let assessments: HashMap<i64, _> = db::assessments_of(env.db, &[subject.cohort.id])
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let mut scores: Vec<ScoreView> = db::scores_of(env.db, &[subject.cohort.id])
        .await?
        .into_iter()
        .filter(|s| s.trainee_id == subject.trainee.id)
        .filter_map(|s| {
            let a = assessments.get(&s.assessment_id)?;
            Some(ScoreView {
                assessment: a.title.clone(),
                kind: a.kind.clone(),
                held_on: a.held_on,
                score: u16::try_from(s.score).unwrap_or_default(),
                max_score: u16::try_from(a.max_score).unwrap_or_default(),
                pass_score: u16::try_from(a.pass_score).unwrap_or_default(),
            })
        })
        .collect();
    scores.sort_by_key(|s| s.held_on);
    Ok(scores)
}

async fn view(env: Env<'_>, actor: &Actor, trainee: trainees::Model) -> Result<TraineeReadiness, AppError> {
    let today = today(env);
    let subject = subjects(env, &Who::One(trainee.id), today).await?.pop();
    let rows = db::documents_of_trainee(env.db, TraineeId(trainee.id)).await?;
    let results = db::results_of_trainee(env.db, TraineeId(trainee.id)).await?;
    let deciders = crate::accounts::db::names_of(
        env.db,
        &rows.iter().filter_map(|d| d.verified_by).collect::<Vec<_>>(),
    )
    .await?;
    let required: Vec<DocumentKind> = subject
        .as_ref()
        .map(|s| {
            s.assessment
                .checks
                .iter()
                .filter_map(|c| match c.requirement {
                    Requirement::Document { kind, .. } => Some(kind),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let documents = DocumentKind::ALL
        .iter()
        .map(|kind| {
            let row = rows.iter().find(|d| d.kind == kind.as_str());
            DocumentView {
                kind: *kind,
                id: row.map(|d| d.id),
                status: row
                    .and_then(|d| DocumentStatus::parse(&d.status).ok())
                    .unwrap_or(DocumentStatus::Missing),
                number: row.and_then(|d| d.number.clone()),
                issued_on: row.and_then(|d| d.issued_on),
                expires_on: row.and_then(|d| d.expires_on),
                reason: row.and_then(|d| d.reason.clone()),
                has_scan: row.is_some_and(|d| d.has_scan),
                decided_by: row
                    .and_then(|d| d.verified_by)
                    .and_then(|id| deciders.get(&id).cloned()),
                decided_at: row.and_then(|d| d.verified_at),
                required: required.contains(kind),
            }
        })
        .collect();
    let results = results
        .iter()
        .filter_map(|r| {
            Some(ResultView {
                id: r.id,
                kind: ResultKind::parse(&r.kind).ok()?,
                level: r.level.clone(),
                score: r.score.and_then(|s| u16::try_from(s).ok()),
                passed: r.passed,
                taken_on: r.taken_on,
                certificate_no: r.certificate_no.clone(),
                field: r.field.clone(),
            })
        })
        .collect();
    let scores = match &subject {
        Some(s) => scores_of(env, s).await?,
        None => Vec::new(),
    };
    let empty = assess(&[], &Default::default(), today);
    Ok(TraineeReadiness {
        trainee_id: TraineeId(trainee.id),
        name: trainee.full_name.clone(),
        cohort: subject.as_ref().map(|s| s.cohort.code.clone()),
        programme: subject.as_ref().map(|s| s.programme.name.clone()),
        in_training: subject.as_ref().is_some_and(|s| s.facts.in_training),
        today,
        verdict: subject
            .as_ref()
            .map_or(Verdict::NotReady, |s| s.assessment.verdict),
        checks: subject
            .as_ref()
            .map_or(empty.checks, |s| s.assessment.checks.clone()),
        attendance: subject.as_ref().and_then(|s| s.facts.attendance),
        documents,
        results,
        scores,
        may_manage: authz::can_manage_trainee(actor, &ties_of(&trainee)),
        phone: trainee.phone.clone(),
    })
}

/// A trainee's readiness for their site's coordinators (and the trainee themself).
///
/// # Errors
/// `NotFound` for anyone else.
pub async fn trainee_readiness(
    env: Env<'_>,
    actor: &Actor,
    trainee_id: TraineeId,
) -> Result<TraineeReadiness, AppError> {
    let trainee = trainee_in_reach(env, actor, trainee_id).await?;
    view(env, actor, trainee).await
}

/// "Kesiapan saya".
///
/// # Errors
/// `Forbidden` but for trainees; `NotFound` without a trainee record.
pub async fn my_readiness(env: Env<'_>, actor: &Actor) -> Result<TraineeReadiness, AppError> {
    let trainee = own_record(env, actor).await?;
    view(env, actor, trainee).await
}

/// A result just recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub id: i64,
    /// Whether it counts as passed.
    pub passed: bool,
    /// The trainee's name, for the confirmation.
    pub name: String,
}

/// A coordinator (or a test centre's key, through the API) records an official result of
/// a trainee at their site.
///
/// # Errors
/// `NotFound` out of their sites; `Invalid` with every field problem (nothing stored).
pub async fn record_result(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    trainee_id: TraineeId,
    input: &ResultInput,
) -> Result<Recorded, AppError> {
    let trainee = trainee_managed(env, actor, trainee_id).await?;
    let today = today(env);
    let mut errors = Vec::new();
    let result = parse_result(
        &input.kind,
        &input.level,
        &input.score,
        crate::kernel::input::ticked(&input.passed),
        &input.taken_on,
        today,
    )
    .map_err(|e| errors.extend(e))
    .ok();
    let mut text = |field: &str, value: &str, max: u32| {
        crate::kernel::input::parse_text(value, max, true)
            .map_err(|p| errors.push(FieldError::new(field, p)))
            .ok()
            .flatten()
    };
    let certificate_no = text("certificate_no", &input.certificate_no, 60);
    let field = text("field", &input.field, 80);
    let Some(result) = result.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let now = env.clock.now();
    let txn = env.begin().await?;
    let id = db::insert_result(
        &txn,
        NewResult {
            trainee_id,
            result: &result,
            certificate_no,
            field,
            by: actor.account(),
            at: now,
        },
    )
    .await?;
    let event = audit(AuditAction::ResultRecord, actor, client, &trainee).detail(json!({
        "trainee": trainee_id, "kind": result.kind.as_str(), "passed": result.passed,
    }));
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok(Recorded {
        id,
        passed: result.passed,
        name: trainee.full_name,
    })
}

/// A coordinator deletes a result recorded by mistake; returns the trainee's id.
///
/// # Errors
/// `NotFound` out of their sites.
pub async fn delete_result(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    result_id: i64,
) -> Result<i64, AppError> {
    let row = db::result(env.db, result_id)
        .await?
        .ok_or_else(|| out_of_reach(actor, "result", result_id))?;
    let trainee = trainee_managed(env, actor, TraineeId(row.trainee_id)).await?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::delete_result(&txn, result_id).await?;
    let event = audit(AuditAction::ResultDelete, actor, client, &trainee)
        .detail(json!({ "trainee": trainee.id, "kind": row.kind }));
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok(trainee.id)
}

fn parse_input(
    input: &DocumentInput,
    today: time::Date,
) -> Result<(DocumentKind, crate::readiness::model::TypedDetails), AppError> {
    let mut errors = Vec::new();
    let kind = DocumentKind::parse(&input.kind)
        .map_err(|p| errors.push(FieldError::new("kind", p)))
        .ok();
    let details = parse_document_details(&input.number, &input.issued_on, &input.expires_on, today)
        .map_err(|e| errors.extend(e))
        .ok();
    match (kind, details) {
        (Some(kind), Some(details)) if errors.is_empty() => Ok((kind, details)),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// A trainee hands in (or corrects) one of their documents: it waits for a coordinator.
///
/// # Errors
/// `Forbidden` but for trainees; `Invalid` with every field problem.
pub async fn submit_document(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &DocumentInput,
) -> Result<DocumentKind, AppError> {
    let trainee = own_record(env, actor).await?;
    let (kind, (number, issued_on, expires_on)) = parse_input(input, today(env))?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    let details = DocumentDetails {
        number,
        issued_on,
        expires_on,
        status: DocumentStatus::Submitted,
        reason: None,
        decided_by: None,
    };
    db::save_document(&txn, TraineeId(trainee.id), kind, details, actor.user_id, now).await?;
    let event = audit(AuditAction::DocumentUpdate, actor, client, &trainee)
        .detail(json!({ "kind": kind.as_str(), "status": DocumentStatus::Submitted.as_str() }));
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok(kind)
}

/// A coordinator records a document's details and verifies or rejects it (a reason is
/// required to reject).
///
/// # Errors
/// `NotFound` out of their sites; `Invalid` with every field problem.
pub async fn review_document(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    trainee_id: TraineeId,
    input: &DocumentInput,
) -> Result<DocumentKind, AppError> {
    let trainee = trainee_managed(env, actor, trainee_id).await?;
    let parsed = parse_input(input, today(env));
    let status = match input.decision.trim() {
        "" => Ok(DocumentStatus::Submitted),
        decision => match DocumentStatus::parse(decision) {
            Ok(DocumentStatus::Missing) | Err(_) => Err(FieldError::new("decision", Problem::InvalidChoice)),
            Ok(status) => Ok(status),
        },
    };
    let reason = crate::kernel::input::parse_text(&input.reason, 300, status != Ok(DocumentStatus::Rejected))
        .map_err(|p| FieldError::new("reason", p));
    let (kind, number, issued_on, expires_on, status, reason) = match (parsed, status, reason) {
        (Ok((kind, (number, issued, expires))), Ok(status), Ok(reason)) => {
            (kind, number, issued, expires, status, reason)
        }
        (parsed, status, reason) => {
            let mut errors = match parsed {
                Err(AppError::Invalid(errors)) => errors,
                _ => Vec::new(),
            };
            errors.extend(status.err());
            errors.extend(reason.err());
            return Err(AppError::Invalid(errors));
        }
    };
    let now = env.clock.now();
    let decided = matches!(status, DocumentStatus::Verified | DocumentStatus::Rejected);
    let txn = env.begin().await?;
    let details = DocumentDetails {
        number,
        issued_on,
        expires_on,
        status,
        reason: if status == DocumentStatus::Rejected {
            reason
        } else {
            None
        },
        decided_by: decided.then_some(actor.user_id),
    };
    db::save_document(&txn, TraineeId(trainee.id), kind, details, actor.user_id, now).await?;
    let event = audit(AuditAction::DocumentReview, actor, client, &trainee)
        .detail(json!({ "kind": kind.as_str(), "status": status.as_str() }));
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok(kind)
}

/// Stores a scan of a document: a trainee for themself (the document then waits for
/// review again), a coordinator for a trainee at their site. Returns the document kind
/// and the trainee's id.
///
/// # Errors
/// `NotFound` out of reach; `Invalid` for an unknown kind, a file too big or not a
/// photo or PDF.
pub async fn upload_scan(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    trainee_id: Option<TraineeId>,
    kind: &str,
    bytes: Vec<u8>,
) -> Result<(DocumentKind, i64), AppError> {
    let trainee = match trainee_id {
        Some(id) if !authz::is_trainee(actor) => {
            let trainee = trainee_managed(env, actor, id).await?;
            trainee
        }
        _ => own_record(env, actor).await?,
    };
    let kind = DocumentKind::parse(kind).map_err(|p| AppError::invalid("kind", p))?;
    if bytes.is_empty() {
        return Err(AppError::invalid("scan", Problem::Required));
    }
    let content_type = scan_type(&bytes).map_err(|p| AppError::invalid("scan", p))?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    let existing = db::document_of_kind(&txn, TraineeId(trainee.id), kind).await?;
    let document_id = match existing {
        Some(row) if !authz::is_trainee(actor) => row.id,
        row => {
            let details = DocumentDetails {
                number: row.as_ref().and_then(|r| r.number.clone()),
                issued_on: row.as_ref().and_then(|r| r.issued_on),
                expires_on: row.as_ref().and_then(|r| r.expires_on),
                status: DocumentStatus::Submitted,
                reason: None,
                decided_by: None,
            };
            db::save_document(&txn, TraineeId(trainee.id), kind, details, actor.user_id, now).await?
        }
    };
    db::save_scan(&txn, document_id, content_type, bytes, actor.user_id, now).await?;
    let event = audit(AuditAction::DocumentUpdate, actor, client, &trainee)
        .detail(json!({ "kind": kind.as_str(), "scan": content_type }));
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok((kind, trainee.id))
}

/// A document's scan: for the trainee and their site's coordinators only.
///
/// # Errors
/// `NotFound` for anyone else, or without a scan.
pub async fn scan(env: Env<'_>, actor: &Actor, document_id: i64) -> Result<(String, Vec<u8>), AppError> {
    let refused = || out_of_reach(actor, "scan", document_id);
    let document = db::document(env.db, document_id).await?.ok_or_else(refused)?;
    let trainee = trainee_in_reach(env, actor, TraineeId(document.trainee_id))
        .await
        .map_err(|_| refused())?;
    if !actor.sees_scan(&ties_of(&trainee), None) {
        return Err(refused());
    }
    let scan = db::scan(env.db, document_id).await?.ok_or_else(refused)?;
    Ok((scan.content_type, scan.content))
}
