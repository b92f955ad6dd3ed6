//! What the pages and files read: a cohort's documents, a trainee's own, a document's PDF
//! (for its site's staff and the trainee), the cohort's print file, and the public
//! verification of a code.

use std::collections::HashMap;

use super::papers::missing;
use super::{cohort_run_by, file_name, paper_of, rows_view};
use crate::certificates::db;
use crate::certificates::dto::{CohortDocuments, MemberDocuments, MyDocuments, Verification};
use crate::certificates::model::{DocumentKind, VerificationCode};
use crate::certificates::paper::Paper;
use crate::entities::issued_documents;
use crate::kernel::{wib, Actor, AppError, Locale, PersonTies, Role};
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::trainees::model::enrollment::EnrollmentStatus;

/// A cohort's members with their documents, for those who run it.
///
/// # Errors
/// `NotFound` out of reach; database failures.
pub async fn cohort_documents(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: i64,
) -> Result<CohortDocuments, AppError> {
    let cohort = cohort_run_by(env, actor, cohort_id).await?;
    let settings = db::settings_of(env.db, cohort.site_id).await?;
    let site = crate::accounts::db::sites_by_ids(env.db, &[cohort.site_id])
        .await?
        .into_iter()
        .next()
        .map(|s| s.name)
        .unwrap_or_default();
    let members =
        crate::trainees::db::enrollments_of_cohort(env.db, crate::kernel::CohortId(cohort.id)).await?;
    let trainee_ids: Vec<i64> = members.iter().map(|e| e.trainee_id).collect();
    let people = crate::trainees::db::trainees_by_ids(env.db, &trainee_ids).await?;
    let documents = db::documents_of_cohort(env.db, cohort.id).await?;
    let rows = rows_view(&documents)?;
    let mut by_enrollment: HashMap<i64, Vec<crate::certificates::dto::DocumentRow>> = HashMap::new();
    for (row, stored) in rows.into_iter().zip(&documents) {
        by_enrollment.entry(stored.enrollment_id).or_default().push(row);
    }
    let holding: std::collections::HashSet<i64> = by_enrollment.keys().copied().collect();
    let mut members: Vec<MemberDocuments> = members
        .into_iter()
        .filter(|e| {
            // Those in class or done, and anyone who left holding a document.
            matches!(
                EnrollmentStatus::parse(&e.status),
                Ok(EnrollmentStatus::Active | EnrollmentStatus::Completed)
            ) || holding.contains(&e.id)
        })
        .filter_map(|e| {
            let person = people.get(&e.trainee_id)?;
            let documents = by_enrollment.remove(&e.id).unwrap_or_default();
            let certified = documents
                .iter()
                .any(|d| d.kind == DocumentKind::Certificate && d.revoked.is_none());
            Some(MemberDocuments {
                enrollment_id: e.id,
                name: person.full_name.clone(),
                may_certify: e.status == EnrollmentStatus::Completed && !certified,
                may_letter: e.status == EnrollmentStatus::Active,
                status: e.status,
                documents,
            })
        })
        .collect();
    members.sort_by_cached_key(|m| m.name.to_lowercase());
    let to_certify = u32::try_from(members.iter().filter(|m| m.may_certify).count()).unwrap_or(u32::MAX);
    let certified = u32::try_from(
        documents
            .iter()
            .filter(|d| d.kind == DocumentKind::Certificate && d.revoked_at.is_none())
            .count(),
    )
    .unwrap_or(u32::MAX);
    let missing_certificate = missing(settings.as_ref(), DocumentKind::Certificate);
    let missing_letter = missing(settings.as_ref(), DocumentKind::Letter);
    Ok(CohortDocuments {
        cohort_id: cohort.id,
        cohort: cohort.code,
        site,
        missing_certificate,
        missing_letter,
        members,
        to_certify,
        certified,
    })
}

/// The signed-in trainee's own documents.
///
/// # Errors
/// `Forbidden` for anyone but a trainee; database failures.
pub async fn my_documents(env: Env<'_>, actor: &Actor) -> Result<MyDocuments, AppError> {
    if actor.role != Role::Trainee {
        return Err(AppError::Forbidden);
    }
    let Some(trainee) = crate::trainees::db::trainee_of_user(env.db, actor.user_id).await? else {
        return Ok(MyDocuments {
            documents: Vec::new(),
        });
    };
    let documents = db::documents_of_trainee(env.db, trainee.id).await?;
    Ok(MyDocuments {
        documents: rows_view(&documents)?,
    })
}

/// A document's PDF in `locale`, as (file name, bytes): for the staff who run its cohort's
/// site and for the trainee it was issued to. A revoked one is still given (it says what
/// it said), its verification says it was revoked.
///
/// # Errors
/// `NotFound` for an unknown id or one out of reach; `Internal` when it cannot be drawn.
pub async fn document_pdf(
    env: Env<'_>,
    actor: &Actor,
    id: i64,
    locale: Locale,
) -> Result<(String, Vec<u8>), AppError> {
    let document = db::document(env.db, id)
        .await?
        .ok_or_else(|| out_of_reach(actor, "document", id))?;
    if !may_read(env, actor, &document).await? {
        return Err(out_of_reach(actor, "document", id));
    }
    let paper = paper_of(&document)?;
    let name = file_name(paper.kind, &document.number, locale);
    let bytes = draw(env, document.site_id, vec![paper], locale).await?;
    Ok((name, bytes))
}

/// The print file of a cohort: every current certificate, one per page, in name order.
///
/// # Errors
/// `NotFound` out of reach or when none is current; `Internal` when it cannot be drawn.
pub async fn cohort_pdf(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: i64,
    locale: Locale,
) -> Result<(String, Vec<u8>), AppError> {
    let cohort = cohort_run_by(env, actor, cohort_id).await?;
    let mut papers: Vec<Paper> = db::documents_of_cohort(env.db, cohort.id)
        .await?
        .iter()
        .filter(|d| d.kind == DocumentKind::Certificate && d.revoked_at.is_none())
        .map(paper_of)
        .collect::<Result<_, _>>()?;
    if papers.is_empty() {
        return Err(AppError::NotFound);
    }
    papers.sort_by_cached_key(|p| p.full_name.to_lowercase());
    let name = format!(
        "{}-{}",
        match locale {
            Locale::Id => "sertifikat",
            Locale::En => "certificates",
        },
        cohort.code
    );
    let bytes = draw(env, cohort.site_id, papers, locale).await?;
    Ok((name, bytes))
}

/// Staff of the document's site, or the trainee it was issued to.
async fn may_read(env: Env<'_>, actor: &Actor, document: &issued_documents::Model) -> Result<bool, AppError> {
    if actor.runs_site(document.site_id) {
        return Ok(true);
    }
    if actor.role != Role::Trainee {
        return Ok(false);
    }
    let Some(trainee) =
        crate::trainees::db::trainee(env.db, crate::kernel::TraineeId(document.trainee_id)).await?
    else {
        return Ok(false);
    };
    Ok(actor.is_person(&PersonTies {
        site_id: trainee.site_id,
        user_id: trainee.user_id.map(crate::kernel::AccountId),
    }))
}

/// One drawing at a time: each takes a core for a moment (a cohort's print file, seconds),
/// and repeated downloads must not starve the pages. The rest wait their turn (at most
/// until the request times out).
static DRAWING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// `papers` drawn as one PDF with the site's logo, off the async workers.
async fn draw(env: Env<'_>, site_id: i64, papers: Vec<Paper>, locale: Locale) -> Result<Vec<u8>, AppError> {
    let logo = db::settings_of(env.db, site_id)
        .await?
        .and_then(|s| Some((s.logo?, s.logo_type?)));
    let _turn = DRAWING
        .acquire()
        .await
        .map_err(|error| crate::platform::errors::internal("pdf turn", &error))?;
    tokio::task::spawn_blocking(move || {
        use crate::certificates::pdf::{render, Logo, LogoFormat};
        let logo = logo.as_ref().and_then(|(bytes, kind)| {
            LogoFormat::from_mime(kind).map(|format| Logo {
                bytes: bytes.as_slice(),
                format,
            })
        });
        render(&papers, logo, locale)
    })
    .await
    .map_err(|error| crate::platform::errors::internal("pdf task", &error))?
    .map_err(|error| crate::platform::errors::internal("pdf", &error))
}

/// What the public page says of `code`: only what the paper shows. A code that is not
/// one, or that no document has, is not found, alike.
///
/// # Errors
/// `NotFound`; database failures.
pub async fn verify(env: Env<'_>, code: &str) -> Result<Verification, AppError> {
    let code = VerificationCode::parse(code).ok_or(AppError::NotFound)?;
    let document = db::by_code(env.db, code.as_str())
        .await?
        .ok_or(AppError::NotFound)?;
    let paper = paper_of(&document)?;
    Ok(Verification {
        kind: paper.kind,
        number: document.number,
        name: paper.full_name,
        programme: format!("{} ({})", paper.programme, paper.track),
        cohort: paper.cohort,
        site: paper.site_name,
        starts_on: paper.starts_on,
        ends_on: paper.ends_on,
        hours_attended: paper.hours_attended,
        hours_total: paper.hours_total,
        issued_on: paper.issued_on,
        revoked_on: document.revoked_at.map(wib::today),
    })
}

/// The verification of `code` in a few lines, for the command line.
///
/// # Errors
/// As [`verify`].
pub async fn verify_report(env: Env<'_>, code: &str) -> Result<String, AppError> {
    let found = verify(env, code).await?;
    let state = match found.revoked_on {
        Some(on) => format!("REVOKED on {}", wib::iso_date(on)),
        None => "VALID".to_owned(),
    };
    Ok(format!(
        "{state}\nnumber:   {}\nname:     {}\nprogramme: {}\ncohort:   {}\nsite:     {}\nperiod:   {} – {}\nhours:    {} of {} JP\nissued:   {}",
        found.number,
        found.name,
        found.programme,
        found.cohort,
        found.site,
        wib::iso_date(found.starts_on),
        wib::iso_date(found.ends_on),
        found.hours_attended,
        found.hours_total,
        wib::iso_date(found.issued_on),
    ))
}
