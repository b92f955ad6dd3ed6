//! Issuing, reissuing and revoking documents. Each use case is one transaction: the
//! sequence numbers are taken in it (never reused, no gap when it rolls back), the
//! documents and their audit events are written in it.

use rand::Rng;
use serde_json::json;
use time::OffsetDateTime;

use super::papers::{issuer, papers, Issuer};
use super::{cohort_run_by, paper_of, verify_path};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::certificates::db::{self, NewDocument};
use crate::certificates::dto::{IssueInput, Issued, IssuedOne, RevokeInput};
use crate::certificates::model::{may_issue, revoke_reason, DocumentKind, VerificationCode};
use crate::certificates::paper::Paper;
use crate::entities::{cohorts, enrollments, issued_documents};
use crate::kernel::{wib, Actor, AppError, Problem};
use crate::platform::context::Client;
use crate::platform::errors::out_of_reach;
use crate::platform::state::{Env, Write};
use crate::trainees::model::enrollment::EnrollmentStatus;

/// Issues one document of the kind asked for one enrollment of a cohort the actor runs.
/// `base` is the site's public address (`https://…`), for the QR code.
///
/// # Errors
/// `NotFound` out of reach; `Invalid` when the enrollment may not have it (not completed,
/// not active), a current certificate exists, or the site lacks a signatory or pattern.
pub async fn issue(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &IssueInput,
    base: &str,
) -> Result<Issued, AppError> {
    let enrollment_id: i64 = input
        .enrollment_id
        .trim()
        .parse()
        .map_err(|_| AppError::NotFound)?;
    let enrollment = crate::trainees::db::enrollment(env.db, enrollment_id)
        .await?
        .ok_or_else(|| out_of_reach(actor, "enrollment", enrollment_id))?;
    let cohort = cohort_run_by(env, actor, enrollment.cohort_id).await?;
    let kind = DocumentKind::parse(&input.kind).map_err(|p| AppError::invalid("kind", p))?;
    let issuer = issuer(env, cohort.site_id, kind).await?;
    check_may_issue(kind, &enrollment)?;
    if kind == DocumentKind::Certificate && has_current_certificate(env, &cohort, enrollment.id).await? {
        return Err(AppError::invalid("kind", Problem::AlreadyIssued));
    }
    let now = env.clock.now();
    let mut papers = papers(
        env,
        &cohort,
        std::slice::from_ref(&enrollment),
        kind,
        &issuer,
        wib::today(now),
    )
    .await?;
    let paper = papers.remove(&enrollment.id).ok_or(AppError::NotFound)?;
    let txn = env.begin().await?;
    let one = write_document(
        &txn,
        Writing {
            actor,
            client,
            issuer: &issuer,
            cohort: &cohort,
            base,
            now,
        },
        &enrollment,
        paper,
    )
    .await?;
    txn.commit().await?;
    Ok(Issued {
        cohort_id: cohort.id,
        documents: vec![one],
    })
}

/// Issues a certificate to every member of the cohort whose enrollment is completed and who
/// has no current one, in one transaction: all are numbered, or none.
///
/// # Errors
/// `NotFound` out of reach; `Invalid` when the site lacks a signatory or pattern, or nobody
/// is left to certify.
pub async fn issue_cohort(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    cohort_id: i64,
    base: &str,
) -> Result<Issued, AppError> {
    let cohort = cohort_run_by(env, actor, cohort_id).await?;
    let issuer = issuer(env, cohort.site_id, DocumentKind::Certificate).await?;
    let members =
        crate::trainees::db::enrollments_of_cohort(env.db, crate::kernel::CohortId(cohort.id)).await?;
    let completed: Vec<enrollments::Model> = members
        .into_iter()
        .filter(|e| e.status == EnrollmentStatus::Completed)
        .collect();
    if completed.is_empty() {
        return Err(AppError::invalid("cohort_id", Problem::NotCompleted));
    }
    let current: Vec<i64> = db::documents_of_cohort(env.db, cohort.id)
        .await?
        .into_iter()
        .filter(|d| d.kind == DocumentKind::Certificate && d.revoked_at.is_none())
        .map(|d| d.enrollment_id)
        .collect();
    let mut to_certify: Vec<enrollments::Model> = completed
        .into_iter()
        .filter(|e| !current.contains(&e.id))
        .collect();
    if to_certify.is_empty() {
        return Err(AppError::invalid("cohort_id", Problem::AlreadyIssued));
    }
    let now = env.clock.now();
    let mut papers = papers(
        env,
        &cohort,
        &to_certify,
        DocumentKind::Certificate,
        &issuer,
        wib::today(now),
    )
    .await?;
    // Numbered in the order of the names, as the printed stack is sorted.
    to_certify.sort_by_cached_key(|e| papers.get(&e.id).map(|p| p.full_name.to_lowercase()));
    let writing = Writing {
        actor,
        client,
        issuer: &issuer,
        cohort: &cohort,
        base,
        now,
    };
    let txn = env.begin().await?;
    let mut documents = Vec::with_capacity(to_certify.len());
    for enrollment in &to_certify {
        let Some(paper) = papers.remove(&enrollment.id) else {
            continue;
        };
        documents.push(write_document(&txn, writing, enrollment, paper).await?);
    }
    txn.commit().await?;
    Ok(Issued {
        cohort_id: cohort.id,
        documents,
    })
}

/// Reissues a document (a corrected name, say): the old one is revoked with the reason and
/// a new one, with a new number and code, says what is on record now. Both stay in the
/// history.
///
/// # Errors
/// `NotFound` out of reach; `Invalid` for a missing reason, a document revoked already, an
/// enrollment that may no longer have it, or missing settings.
pub async fn reissue(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &RevokeInput,
    base: &str,
) -> Result<Issued, AppError> {
    let (old, cohort) = document_run_by(env, actor, &input.document_id).await?;
    let reason = revoke_reason(&input.reason).map_err(|p| AppError::invalid("reason", p))?;
    if old.revoked_at.is_some() {
        return Err(AppError::invalid("reason", Problem::AlreadyRevoked));
    }
    let kind = DocumentKind::parse(&old.kind).map_err(|p| AppError::invalid("kind", p))?;
    let enrollment = crate::trainees::db::enrollment(env.db, old.enrollment_id)
        .await?
        .ok_or(AppError::NotFound)?;
    check_may_issue(kind, &enrollment)?;
    let issuer = issuer(env, cohort.site_id, kind).await?;
    let now = env.clock.now();
    let mut papers = papers(
        env,
        &cohort,
        std::slice::from_ref(&enrollment),
        kind,
        &issuer,
        wib::today(now),
    )
    .await?;
    let paper = papers.remove(&enrollment.id).ok_or(AppError::NotFound)?;
    let txn = env.begin().await?;
    revoke_in(&txn, actor, client, &old, &reason, now).await?;
    let one = write_document(
        &txn,
        Writing {
            actor,
            client,
            issuer: &issuer,
            cohort: &cohort,
            base,
            now,
        },
        &enrollment,
        paper,
    )
    .await?;
    db::set_replaced_by(&txn, old.id, one.id).await?;
    txn.commit().await?;
    Ok(Issued {
        cohort_id: cohort.id,
        documents: vec![one],
    })
}

/// Revokes a document with the reason; returns its cohort's id.
///
/// # Errors
/// `NotFound` out of reach; `Invalid` for a missing reason or a document revoked already.
pub async fn revoke(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &RevokeInput,
) -> Result<i64, AppError> {
    let (document, cohort) = document_run_by(env, actor, &input.document_id).await?;
    let reason = revoke_reason(&input.reason).map_err(|p| AppError::invalid("reason", p))?;
    let txn = env.begin().await?;
    revoke_in(&txn, actor, client, &document, &reason, env.clock.now()).await?;
    txn.commit().await?;
    Ok(cohort.id)
}

/// Revokes the document numbered `number` (the command line's way in).
///
/// # Errors
/// `NotFound` for an unknown number or one out of reach; as [`revoke`].
pub async fn revoke_by_number(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    number: &str,
    reason: &str,
) -> Result<issued_documents::Model, AppError> {
    let document = db::by_number(env.db, number.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    revoke(
        env,
        client,
        actor,
        &RevokeInput {
            document_id: document.id.to_string(),
            reason: reason.to_owned(),
        },
    )
    .await?;
    db::document(env.db, document.id).await?.ok_or(AppError::NotFound)
}

/// A document of a cohort the actor runs, with the cohort.
async fn document_run_by(
    env: Env<'_>,
    actor: &Actor,
    id: &str,
) -> Result<(issued_documents::Model, cohorts::Model), AppError> {
    let id: i64 = id.trim().parse().map_err(|_| AppError::NotFound)?;
    let document = db::document(env.db, id)
        .await?
        .ok_or_else(|| out_of_reach(actor, "document", id))?;
    let cohort = cohort_run_by(env, actor, document.cohort_id).await?;
    Ok((document, cohort))
}

fn check_may_issue(kind: DocumentKind, enrollment: &enrollments::Model) -> Result<(), AppError> {
    let status = EnrollmentStatus::parse(&enrollment.status).map_err(|p| AppError::invalid("kind", p))?;
    may_issue(kind, status).map_err(|p| AppError::invalid("kind", p))
}

async fn has_current_certificate(
    env: Env<'_>,
    cohort: &cohorts::Model,
    enrollment_id: i64,
) -> Result<bool, AppError> {
    Ok(db::documents_of_cohort(env.db, cohort.id).await?.iter().any(|d| {
        d.enrollment_id == enrollment_id && d.kind == DocumentKind::Certificate && d.revoked_at.is_none()
    }))
}

/// What every document written in one use case shares.
#[derive(Clone, Copy)]
struct Writing<'a> {
    actor: &'a Actor,
    client: &'a Client,
    issuer: &'a Issuer,
    cohort: &'a cohorts::Model,
    base: &'a str,
    now: OffsetDateTime,
}

/// Numbers `paper` (the site's next sequence number of the year), gives it a fresh
/// verification code, writes it and its audit event.
async fn write_document(
    txn: &Write,
    writing: Writing<'_>,
    enrollment: &enrollments::Model,
    mut paper: Paper,
) -> Result<IssuedOne, AppError> {
    let Writing {
        actor,
        client,
        issuer,
        cohort,
        base,
        now,
    } = writing;
    let issued_on = paper.issued_on;
    let year = issued_on.year();
    let seq = db::take_seq(txn, cohort.site_id, paper.kind, year).await?;
    let number = issuer
        .pattern
        .number(u32::try_from(seq).unwrap_or(0), &issuer.site_code, issued_on);
    let code = VerificationCode::from_bits(rand::thread_rng().gen::<u128>());
    let url = format!("{}{}", base.trim_end_matches('/'), verify_path(&code));
    paper.number.clone_from(&number);
    paper.code = code.printed();
    paper.verify_url.clone_from(&url);
    let stored = serde_json::to_string(&paper).map_err(|e| crate::platform::errors::internal("paper", &e))?;
    let row = db::insert_document(
        txn,
        NewDocument {
            kind: paper.kind,
            site_id: cohort.site_id,
            year,
            seq,
            number: &number,
            code: code.as_str(),
            trainee_id: enrollment.trainee_id,
            enrollment_id: enrollment.id,
            cohort_id: cohort.id,
            paper: stored,
            issued_at: now,
            issued_by: actor.account().map(crate::kernel::AccountId::get),
        },
    )
    .await
    .map_err(|error| match crate::cohorts::db::is_unique_violation(&error) {
        // Issued a moment ago by someone else (the index of the current certificate).
        true if error
            .to_string()
            .contains("ux_issued_documents_current_certificate")
            || error.to_string().contains("enrollment_id") =>
        {
            AppError::invalid("kind", Problem::AlreadyIssued)
        }
        // The pattern wrote a number given before (patterns changed since): said so, the
        // admin changes the pattern; the rollback gives the sequence number back.
        true => AppError::invalid("kind", Problem::NumberTaken),
        false => error.into(),
    })?;
    let event = AuditEvent::new(AuditAction::PaperIssue, Outcome::Success)
        .by(actor)
        .site(Some(cohort.site_id))
        .ip(client.ip.clone())
        .detail(json!({
            "number": number, "kind": paper.kind.as_str(), "enrollment": enrollment.id,
            "cohort": cohort.code,
        }));
    record(txn, now, event).await?;
    Ok(IssuedOne {
        id: row.id,
        number,
        name: paper.full_name,
        verify_url: url,
    })
}

/// Revokes `document` inside `txn`, with its audit event.
async fn revoke_in(
    txn: &Write,
    actor: &Actor,
    client: &Client,
    document: &issued_documents::Model,
    reason: &str,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    if !db::revoke(
        txn,
        document.id,
        reason,
        actor.account().map(crate::kernel::AccountId::get),
        now,
    )
    .await?
    {
        return Err(AppError::invalid("reason", Problem::AlreadyRevoked));
    }
    let name = paper_of(document).map(|p| p.full_name).unwrap_or_default();
    let event = AuditEvent::new(AuditAction::PaperRevoke, Outcome::Success)
        .by(actor)
        .site(Some(document.site_id))
        .ip(client.ip.clone())
        .detail(json!({ "number": document.number, "reason": reason, "name": name }));
    record(txn, now, event).await?;
    Ok(())
}
