//! Excuse requests: asked by a trainee for a coming session of theirs (with an optional
//! photo of a note), withdrawn while pending, decided by a coordinator of their site.

use sea_orm::Set;
use serde_json::json;
use std::collections::HashMap;
use time::Duration;

use super::{is_cancelled, Window};
use crate::attendance::authz;
use crate::attendance::db;
use crate::attendance::dto::{ExcuseChoice, ExcuseReview, ExcuseView, MyExcuses};
use crate::attendance::model::excuse::{
    note_type, validate_excuse, DecisionInput, ExcuseInput, ExcuseKind, ExcuseStatus, NOTE_MAX_KIB,
};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::{class_sessions, excuses, trainees};
use crate::kernel::{wib, AccountId, Actor, AppError, CohortTies, Locale, Problem, TraineeId};
use crate::platform::context::Client;
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;

async fn own_record(env: Env<'_>, actor: &Actor) -> Result<trainees::Model, AppError> {
    if !authz::is_trainee(actor) {
        return Err(AppError::Forbidden);
    }
    crate::trainees::db::trainee_of_user(env.db, actor.user_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Requests as pages show them, with their sessions and people (a fixed number of queries).
async fn views(env: Env<'_>, requests: &[excuses::Model]) -> Result<Vec<ExcuseView>, AppError> {
    let session_ids: Vec<i64> = requests.iter().map(|r| r.session_id).collect();
    let sessions = crate::schedule::db::sessions_by_ids(env.db, &session_ids).await?;
    let facts: HashMap<i64, _> = crate::schedule::service::session_views(env.db, &sessions, env.clock.now())
        .await?
        .into_iter()
        .map(|v| (v.id.get(), v))
        .collect();
    let people = crate::trainees::db::trainees_by_ids(
        env.db,
        &requests.iter().map(|r| r.trainee_id).collect::<Vec<_>>(),
    )
    .await?;
    let deciders = crate::accounts::db::names_of(
        env.db,
        &requests.iter().filter_map(|r| r.decided_by).collect::<Vec<_>>(),
    )
    .await?;
    Ok(requests
        .iter()
        .filter_map(|r| {
            Some(ExcuseView {
                id: r.id,
                session: facts.get(&r.session_id)?.clone(),
                trainee: people
                    .get(&r.trainee_id)
                    .map(|p| p.full_name.clone())
                    .unwrap_or_default(),
                kind: ExcuseKind::parse(&r.kind).ok()?,
                reason: r.reason.clone(),
                status: ExcuseStatus::parse(&r.status).ok()?,
                has_note: r.has_note,
                requested_at: r.requested_at,
                decided_by: r.decided_by.and_then(|id| deciders.get(&id).cloned()),
                decision_note: r.decision_note.clone(),
            })
        })
        .collect())
}

/// A trainee's coming sessions (next 60 days) they may still ask an excuse for, and
/// their requests.
///
/// # Errors
/// `Forbidden` for staff, `NotFound` without a trainee record.
pub async fn my_excuses(env: Env<'_>, actor: &Actor, locale: Locale) -> Result<MyExcuses, AppError> {
    let trainee = own_record(env, actor).await?;
    let now = env.clock.now();
    let windows: Vec<Window> = crate::trainees::db::attending_of_trainee(env.db, TraineeId(trainee.id))
        .await?
        .iter()
        .filter_map(Window::of)
        .filter(|w| w.until.is_none())
        .collect();
    let cohort_ids: Vec<i64> = windows.iter().map(|w| w.cohort_id.get()).collect();
    let requests = db::excuses_of_trainee(env.db, TraineeId(trainee.id)).await?;
    let asked: Vec<i64> = requests
        .iter()
        .filter(|r| r.status != ExcuseStatus::Withdrawn)
        .map(|r| r.session_id)
        .collect();
    let coming: Vec<_> =
        crate::schedule::db::sessions_between(env.db, &cohort_ids, now, now + Duration::days(60))
            .await?
            .into_iter()
            .filter(|s| !asked.contains(&s.id) && windows.iter().any(|w| w.attends(s)))
            .take(60)
            .collect();
    let sessions = crate::schedule::service::session_views(env.db, &coming, now)
        .await?
        .into_iter()
        .map(|v| {
            let when = wib::span_long(v.starts_at, v.ends_at, locale);
            ExcuseChoice {
                session_id: v.id,
                label: format!("{} · {when}", v.cohort),
            }
        })
        .collect();
    Ok(MyExcuses {
        sessions,
        requests: views(env, &requests).await?,
        note_max_kib: NOTE_MAX_KIB,
    })
}

/// A trainee asks for izin or sakit for a coming session of theirs.
///
/// # Errors
/// `Forbidden` for staff; `Invalid`: fields, a session not theirs or already started, a
/// request already made, a note that is not a picture or too large.
pub async fn request_excuse(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &ExcuseInput,
    note: Option<&[u8]>,
) -> Result<(), AppError> {
    let trainee = own_record(env, actor).await.map_err(|e| match e {
        AppError::NotFound => AppError::invalid("session_id", Problem::NotEnrolledOnDate),
        other => other,
    })?;
    let mut errors = Vec::new();
    let valid = validate_excuse(input).map_err(|mut e| {
        errors.append(&mut e);
    });
    let note_type = match note.filter(|n| !n.is_empty()) {
        None => None,
        Some(bytes) => match note_type(bytes) {
            Ok(kind) => Some((kind, bytes)),
            Err(problem) => {
                errors.push(crate::kernel::FieldError::new("note", problem));
                None
            }
        },
    };
    let Ok(valid) = valid else {
        return Err(AppError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let now = env.clock.now();
    // A session that does not exist is answered as one the trainee is not in.
    let session = crate::schedule::db::session(env.db, valid.session_id.get())
        .await?
        .ok_or_else(|| AppError::invalid("session_id", Problem::NotEnrolledOnDate))?;
    let cohort_site = cohort_site(env, &session).await?;
    let attends = crate::trainees::db::attending_of_trainee(env.db, TraineeId(trainee.id))
        .await?
        .iter()
        .filter_map(Window::of)
        .any(|w| w.attends(&session));
    if !attends {
        return Err(AppError::invalid("session_id", Problem::NotEnrolledOnDate));
    }
    if is_cancelled(&session) {
        return Err(AppError::invalid("session_id", Problem::SessionCancelled));
    }
    if session.starts_at <= now {
        return Err(AppError::invalid("session_id", Problem::SessionPast));
    }
    let previous = db::excuses_of_sessions(env.db, &[session.id])
        .await?
        .into_iter()
        .find(|e| e.trainee_id == trainee.id);
    let txn = env.begin().await?;
    let id = match previous {
        Some(request) if request.status != ExcuseStatus::Withdrawn => {
            return Err(AppError::invalid("session_id", Problem::AlreadyRequested))
        }
        // Asked again after withdrawing: the same request, reopened.
        Some(request) => {
            use sea_orm::{ActiveModelTrait, IntoActiveModel};
            let mut reopened = request.into_active_model();
            reopened.kind = Set(valid.kind.as_str().to_owned());
            reopened.reason = Set(valid.reason.clone());
            reopened.status = Set(ExcuseStatus::Pending.as_str().to_owned());
            reopened.has_note = Set(note_type.is_some());
            reopened.requested_at = Set(now);
            reopened.decided_by = Set(None);
            reopened.decided_at = Set(None);
            reopened.decision_note = Set(None);
            let saved = reopened.update(&txn).await?;
            db::delete_note(&txn, saved.id).await?;
            saved.id
        }
        None => {
            db::insert_excuse(
                &txn,
                excuses::ActiveModel {
                    session_id: Set(session.id),
                    trainee_id: Set(trainee.id),
                    kind: Set(valid.kind.as_str().to_owned()),
                    reason: Set(valid.reason.clone()),
                    status: Set(ExcuseStatus::Pending.as_str().to_owned()),
                    has_note: Set(note_type.is_some()),
                    requested_at: Set(now),
                    ..Default::default()
                },
            )
            .await?
            .id
        }
    };
    if let Some((content_type, bytes)) = note_type {
        db::insert_note(&txn, id, content_type, bytes.to_vec()).await?;
    }
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::ExcuseRequest, Outcome::Success)
            .actor(actor.user_id)
            .site(Some(cohort_site))
            .ip(client.ip.clone())
            .detail(
                json!({ "session": session.id, "kind": valid.kind.as_str(), "note": note_type.is_some() }),
            ),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A trainee takes back a request that is still pending.
///
/// # Errors
/// `Forbidden` for staff, `NotFound` for someone else's request, `Invalid` once decided.
pub async fn withdraw_excuse(env: Env<'_>, client: &Client, actor: &Actor, id: i64) -> Result<(), AppError> {
    let trainee = own_record(env, actor).await?;
    let request = db::excuse(env.db, id)
        .await?
        .filter(|r| r.trainee_id == trainee.id)
        .ok_or_else(|| out_of_reach(actor, "excuse", id))?;
    let site = match crate::schedule::db::session(env.db, request.session_id).await? {
        Some(session) => Some(cohort_site(env, &session).await?),
        None => None,
    };
    let now = env.clock.now();
    let txn = env.begin().await?;
    if !db::settle_excuse(&txn, request.id, ExcuseStatus::Withdrawn, None, None, now).await? {
        return Err(AppError::invalid("excuse", Problem::InvalidTransition));
    }
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::ExcuseRequest, Outcome::Success)
            .actor(actor.user_id)
            .site(site)
            .ip(client.ip.clone())
            .detail(json!({ "session": request.session_id, "withdrawn": true })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The site of the cohort a session belongs to: it owns the session's excuse requests.
async fn cohort_site(env: Env<'_>, session: &class_sessions::Model) -> Result<i64, AppError> {
    Ok(crate::cohorts::db::cohort(env.db, session.cohort_id)
        .await?
        .ok_or(AppError::NotFound)?
        .site_id)
}

/// The pending requests for sessions of the cohorts at the sites the actor runs.
pub(crate) async fn pending_of(env: Env<'_>, actor: &Actor) -> Result<Vec<excuses::Model>, AppError> {
    Ok(db::excuses_for_sessions(env.db, sessions_run(actor), true).await?)
}

/// The sessions of the sites the actor runs (`None`: every session, for admins).
fn sessions_run(actor: &Actor) -> Option<sea_orm::sea_query::SelectStatement> {
    actor.sites_run().map(crate::schedule::db::session_ids_at_sites)
}

/// Requests waiting for a coordinator's decision (for the cohorts of their sites: the
/// cohort's site decides, whatever the trainee's home site), and the latest decided.
///
/// # Errors
/// `Forbidden` but for coordinators and admins.
pub async fn review_excuses(env: Env<'_>, actor: &Actor) -> Result<ExcuseReview, AppError> {
    if !authz::can_review_excuses(actor) {
        return Err(AppError::Forbidden);
    }
    let pending = pending_of(env, actor).await?;
    let decided = db::excuses_for_sessions(env.db, sessions_run(actor), false).await?;
    Ok(ExcuseReview {
        pending: views(env, &pending).await?,
        decided: views(env, &decided).await?,
    })
}

/// The request `id`, its trainee, and the ties of the cohort its session belongs to.
async fn request_with_ties(
    env: Env<'_>,
    id: i64,
) -> Result<Option<(excuses::Model, trainees::Model, CohortTies)>, AppError> {
    let Some(request) = db::excuse(env.db, id).await? else {
        return Ok(None);
    };
    let Some(trainee) = crate::trainees::db::trainee(env.db, TraineeId(request.trainee_id)).await? else {
        return Ok(None);
    };
    let Some(session) = crate::schedule::db::session(env.db, request.session_id).await? else {
        return Ok(None);
    };
    let site_id = cohort_site(env, &session).await?;
    let ties = CohortTies {
        site_id,
        taught: false,
        seated: false,
    };
    Ok(Some((request, trainee, ties)))
}

/// The request if the actor decides it: a coordinator of the site of the session's cohort.
async fn decidable(
    env: Env<'_>,
    actor: &Actor,
    id: i64,
) -> Result<(excuses::Model, trainees::Model, CohortTies), AppError> {
    match request_with_ties(env, id).await? {
        Some((request, trainee, ties)) if authz::can_decide_excuse(actor, &ties) => {
            Ok((request, trainee, ties))
        }
        _ => Err(out_of_reach(actor, "excuse", id)),
    }
}

/// A coordinator approves or declines a pending request; an approved one pre-fills the
/// session's roll call.
///
/// # Errors
/// `Forbidden` but for coordinators and admins, `Invalid` for a decision that is neither,
/// `NotFound` out of their sites, `Invalid` once decided or for a note too long.
pub async fn decide_excuse(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    id: i64,
    input: &DecisionInput,
) -> Result<String, AppError> {
    if !authz::can_review_excuses(actor) {
        return Err(AppError::Forbidden);
    }
    let approve = input.approves().map_err(|p| AppError::invalid("decision", p))?;
    let (request, trainee, ties) = decidable(env, actor, id).await?;
    let note =
        crate::kernel::input::parse_text(&input.note, 300, true).map_err(|p| AppError::invalid("note", p))?;
    let status = if approve {
        ExcuseStatus::Approved
    } else {
        ExcuseStatus::Declined
    };
    let now = env.clock.now();
    let txn = env.begin().await?;
    if !db::settle_excuse(&txn, request.id, status, Some(actor.user_id), note, now).await? {
        return Err(AppError::invalid("excuse", Problem::InvalidTransition));
    }
    let mut event = AuditEvent::new(AuditAction::ExcuseDecide, Outcome::Success)
        .actor(actor.user_id)
        .site(Some(ties.site_id))
        .ip(client.ip.clone())
        .detail(json!({ "session": request.session_id, "decision": status.as_str() }));
    if let Some(user) = trainee.user_id {
        event = event.subject(AccountId(user));
    }
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok(trainee.full_name)
}

/// The photo attached to a request: for the trainee who sent it, their coordinators, and
/// the coordinators who decide it (the site of the session's cohort).
///
/// # Errors
/// `NotFound` for anyone else, or without a photo.
pub async fn excuse_note(env: Env<'_>, actor: &Actor, id: i64) -> Result<(String, Vec<u8>), AppError> {
    let refused = || out_of_reach(actor, "excuse note", id);
    let (request, trainee, ties) = request_with_ties(env, id).await?.ok_or_else(refused)?;
    if !actor.sees_scan(&crate::trainees::service::ties_of(&trainee), Some(&ties)) {
        return Err(refused());
    }
    let note = db::note(env.db, request.id).await?.ok_or_else(refused)?;
    Ok((note.content_type, note.content))
}
