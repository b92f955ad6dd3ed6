//! Importing a roster: the file is read and every row checked before anything is written;
//! on the page nothing is written until the coordinator confirms, then all accepted rows
//! go in one transaction. The command line uses the same checks and writing.

use sea_orm::{ConnectionTrait, Set};
use serde_json::json;
use time::OffsetDateTime;

use super::{choices, registry_sites};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::cohorts::dto::Choice;
use crate::cohorts::model::CohortStatus;
use crate::entities::{cohorts, enrollments, trainee_imports};
use crate::kernel::identity::mask_nik;
use crate::kernel::input::parse_choice;
use crate::kernel::{wib, AccountId, Actor, AppError, CohortId, EnrollmentId, FieldError, Problem};
use crate::platform::context::Client;
use crate::platform::state::Env;
use crate::trainees::authz;
use crate::trainees::db;
use crate::trainees::dto::{ImportForm, ImportReview, RowProblem};
use crate::trainees::model::enrollment::EnrollmentStatus;
use crate::trainees::model::import::{
    check_rows, niks_of, read_csv, ImportContext, ImportStatus, RowResult, Sheet,
};
use crate::trainees::model::ValidTrainee;

/// Files the command line imports may be this large.
pub const CLI_MAX_BYTES: usize = 64 * 1024 * 1024;
/// At most this many refused rows are listed on the page.
const LISTED_PROBLEMS: usize = 500;

/// Uploads may use the request body limit, less room for the form around the file.
fn web_max_bytes(env: Env<'_>) -> usize {
    env.config.max_body_bytes.saturating_sub(16 * 1024).max(64 * 1024)
}

async fn open_cohorts(env: Env<'_>, site_ids: &[i64]) -> Result<Vec<cohorts::Model>, AppError> {
    Ok(crate::cohorts::db::cohorts_at_sites(
        env.db,
        site_ids,
        &[CohortStatus::Planned, CohortStatus::Open, CohortStatus::Running],
    )
    .await?)
}

/// The upload form: the actor's sites, their open cohorts, the size limit.
///
/// # Errors
/// `Forbidden` outside the registry.
pub async fn import_form(env: Env<'_>, actor: &Actor) -> Result<ImportForm, AppError> {
    if !authz::can_use_registry(actor) {
        return Err(AppError::Forbidden);
    }
    let sites = registry_sites(env, actor).await?;
    let site_ids: Vec<i64> = sites.iter().map(|s| s.id).collect();
    Ok(ImportForm {
        sites: choices(&sites),
        cohorts: open_cohorts(env, &site_ids)
            .await?
            .into_iter()
            .map(|c| Choice {
                id: c.id,
                label: c.code,
            })
            .collect(),
        max_kib: u32::try_from(web_max_bytes(env) / 1024).unwrap_or(u32::MAX),
    })
}

/// Checks the rows of a sheet against the records that exist now.
async fn checked(
    conn: &impl ConnectionTrait,
    sheet: &Sheet,
    site_id: i64,
    today: time::Date,
) -> Result<Vec<RowResult>, AppError> {
    let registered = db::registered_niks(conn, &niks_of(sheet)).await?;
    let programmes: Vec<(i64, String, String)> = crate::cohorts::db::all_programmes(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.code, p.name))
        .collect();
    Ok(check_rows(
        sheet,
        &ImportContext {
            site_id,
            programmes: &programmes,
            registered: &registered,
            today,
        },
    ))
}

/// Stores an uploaded file for review after checking that it is a roster at all.
///
/// # Errors
/// `Forbidden`; `Invalid` on `file` (empty, not CSV, too large, no header), `site_id` or
/// `cohort_id`.
pub async fn stage_import(
    env: Env<'_>,
    actor: &Actor,
    site_id: &str,
    cohort_id: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<i64, AppError> {
    if !authz::can_use_registry(actor) {
        return Err(AppError::Forbidden);
    }
    let mut errors = Vec::new();
    let site_id = match parse_choice(site_id) {
        Ok(Some(id)) if authz::can_register_at(actor, id) => Some(id),
        Ok(None) => {
            errors.push(FieldError::new("site_id", Problem::Required));
            None
        }
        _ => {
            errors.push(FieldError::new("site_id", Problem::InvalidChoice));
            None
        }
    };
    let cohort_id = match parse_choice(cohort_id) {
        Ok(None) => None,
        Ok(Some(id)) => {
            let open = open_cohorts(env, &site_id.into_iter().collect::<Vec<_>>()).await?;
            if open.iter().any(|c| c.id == id) {
                Some(id)
            } else {
                errors.push(FieldError::new("cohort_id", Problem::InvalidChoice));
                None
            }
        }
        Err(problem) => {
            errors.push(FieldError::new("cohort_id", problem));
            None
        }
    };
    if let Err(problem) = read_csv(bytes, web_max_bytes(env)) {
        errors.push(FieldError::new("file", problem));
    }
    let Some(site_id) = site_id.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    // read_csv accepted it: it is UTF-8.
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).into_owned();
    let name: String = file_name.chars().filter(|c| !c.is_control()).take(200).collect();
    let now = env.clock.now();
    // Uploads left unconfirmed for a day are dropped: they hold personal data.
    db::purge_imports(env.db, now - time::Duration::days(1)).await?;
    let staged = db::insert_import(
        env.db,
        trainee_imports::ActiveModel {
            created_by: Set(actor.user_id.get()),
            site_id: Set(site_id),
            cohort_id: Set(cohort_id),
            file_name: Set(if name.is_empty() {
                "roster.csv".to_owned()
            } else {
                name
            }),
            content: Set(text),
            status: Set(ImportStatus::Staged.as_str().to_owned()),
            created_at: Set(now),
            ..Default::default()
        },
    )
    .await?;
    Ok(staged.id)
}

async fn own_import(env: Env<'_>, actor: &Actor, id: i64) -> Result<trainee_imports::Model, AppError> {
    // An upload is its uploader's own business, and only while they still reach the site.
    match db::import(env.db, id).await? {
        Some(staged)
            if staged.created_by == actor.user_id.get() && authz::can_register_at(actor, staged.site_id) =>
        {
            Ok(staged)
        }
        _ => Err(crate::platform::errors::out_of_reach(actor, "import", id)),
    }
}

fn problems_of(results: &[RowResult]) -> Vec<RowProblem> {
    results
        .iter()
        .filter_map(|r| {
            r.outcome.as_ref().err().map(|problems| RowProblem {
                row: r.row,
                name: r.name.clone(),
                nik: if r.nik.len() == 16 {
                    mask_nik(&r.nik)
                } else {
                    r.nik.chars().take(20).collect()
                },
                problems: problems.clone(),
            })
        })
        .collect()
}

/// What a staged import would write, and every refused row with its reasons.
///
/// # Errors
/// `NotFound` unless it is the actor's own upload.
pub async fn review_import(env: Env<'_>, actor: &Actor, id: i64) -> Result<ImportReview, AppError> {
    let staged = own_import(env, actor, id).await?;
    let site = crate::accounts::db::sites(env.db, Some(&[staged.site_id]))
        .await?
        .first()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let cohort = match staged.cohort_id {
        Some(cohort) => crate::cohorts::db::cohort_codes(env.db, &[cohort])
            .await?
            .remove(&cohort),
        None => None,
    };
    let mut review = ImportReview {
        id,
        file_name: staged.file_name.clone(),
        site,
        cohort,
        rows: 0,
        accepted: 0,
        refused: Vec::new(),
        sample: Vec::new(),
        imported: staged.imported.map(|n| u32::try_from(n).unwrap_or(0)),
    };
    if staged.status != ImportStatus::Staged {
        return Ok(review);
    }
    let sheet = read_csv(staged.content.as_bytes(), usize::MAX).map_err(|p| AppError::invalid("file", p))?;
    let results = checked(env.db, &sheet, staged.site_id, wib::today(env.clock.now())).await?;
    review.rows = results.len() as u32;
    review.accepted = results.iter().filter(|r| r.outcome.is_ok()).count() as u32;
    review.refused = problems_of(&results).into_iter().take(LISTED_PROBLEMS).collect();
    review.sample = results
        .iter()
        .filter_map(|r| {
            r.outcome
                .as_ref()
                .ok()
                .map(|valid| (r.row, valid.full_name.clone()))
        })
        .take(10)
        .collect();
    Ok(review)
}

/// Writes accepted rows: the records, and with a cohort their applications, with history.
async fn write_rows(
    conn: &impl ConnectionTrait,
    rows: &[&ValidTrainee],
    cohort_id: Option<CohortId>,
    actor_id: Option<AccountId>,
    now: OffsetDateTime,
) -> Result<u32, AppError> {
    let niks: Vec<String> = rows.iter().map(|v| v.nik.as_str().to_owned()).collect();
    let records = rows
        .iter()
        .map(|v| db::new_record(v, None, now, actor_id))
        .collect();
    let ids = db::insert_many(conn, records, &niks).await?;
    if let Some(cohort) = cohort_id {
        let trainee_ids: Vec<i64> = niks.iter().filter_map(|nik| ids.get(nik).copied()).collect();
        let applications = trainee_ids
            .iter()
            .map(|trainee| enrollments::ActiveModel {
                trainee_id: Set(*trainee),
                cohort_id: Set(cohort.get()),
                status: Set(EnrollmentStatus::Applied.as_str().to_owned()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            })
            .collect();
        let enrolled = db::insert_enrollments(conn, cohort, applications, &trainee_ids).await?;
        let events = enrolled
            .values()
            .map(|id| {
                db::event(
                    EnrollmentId(*id),
                    None,
                    EnrollmentStatus::Applied,
                    Some("impor / import"),
                    actor_id.map(AccountId::get),
                    now,
                )
            })
            .collect();
        db::insert_events(conn, events).await?;
    }
    Ok(ids.len() as u32)
}

/// Imports the accepted rows of a staged upload, once, in one transaction.
///
/// # Errors
/// `NotFound`; `Invalid` when no row can be imported or it was imported already.
pub async fn confirm_import(env: Env<'_>, client: &Client, actor: &Actor, id: i64) -> Result<u32, AppError> {
    let staged = own_import(env, actor, id).await?;
    if staged.status != ImportStatus::Staged {
        return Err(AppError::invalid("file", Problem::InvalidTransition));
    }
    let sheet = read_csv(staged.content.as_bytes(), usize::MAX).map_err(|p| AppError::invalid("file", p))?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    // Checked again inside the transaction: records may have been added since the review.
    let results = checked(&txn, &sheet, staged.site_id, wib::today(now)).await?;
    let accepted: Vec<&ValidTrainee> = results.iter().filter_map(|r| r.outcome.as_ref().ok()).collect();
    if accepted.is_empty() {
        return Err(AppError::invalid("file", Problem::EmptyFile));
    }
    let written = write_rows(
        &txn,
        &accepted,
        staged.cohort_id.map(CohortId),
        Some(actor.user_id),
        now,
    )
    .await?;
    if !db::finish_import(&txn, id, written, now).await? {
        return Err(AppError::invalid("file", Problem::InvalidTransition));
    }
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::TraineeImport, Outcome::Success)
            .actor(actor.user_id)
            .site(Some(staged.site_id))
            .ip(client.ip.clone())
            .detail(json!({ "file": staged.file_name, "rows": results.len(), "imported": written, "refused": results.len() - accepted.len() })),
    )
    .await?;
    txn.commit().await?;
    Ok(written)
}

/// How the command line imports.
#[derive(Debug, Clone, Default)]
pub struct CliImport {
    /// Site code (needed when no cohort is given).
    pub site: Option<String>,
    /// Cohort code: the records are also applied to it.
    pub cohort: Option<String>,
    pub dry_run: bool,
    pub skip_invalid: bool,
}

/// The report of a command-line import.
#[derive(Debug, Clone, Default)]
pub struct CliReport {
    /// One line per row: `row 5: refused — NIK: …`.
    pub lines: Vec<String>,
    pub accepted: u32,
    pub refused: u32,
    pub written: u32,
}

/// Checks (and unless told otherwise writes) a roster file from the command line. Without
/// `skip_invalid`, any refused row means nothing is written.
///
/// # Errors
/// A message for the operator: unknown site or cohort, a file that is not a roster.
pub async fn import_file(env: Env<'_>, bytes: &[u8], options: &CliImport) -> Result<CliReport, String> {
    use crate::kernel::i18n::problem_text;
    use crate::kernel::Locale;
    let fail = |e: AppError| e.to_string();
    let cohort = match &options.cohort {
        Some(code) => Some(
            crate::cohorts::db::cohort_by_code(env.db, code)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("unknown cohort code {code:?}"))?,
        ),
        None => None,
    };
    let sites = crate::accounts::db::sites(env.db, None)
        .await
        .map_err(|e| e.to_string())?;
    let site_id = match (&options.site, &cohort) {
        (Some(code), _) => sites
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(code))
            .map(|s| s.id)
            .ok_or_else(|| format!("unknown site {code:?}"))?,
        (None, Some(cohort)) => cohort.site_id,
        (None, None) => return Err("give --cohort CODE or --site CODE: records belong to a site".into()),
    };
    if let (Some(cohort), true) = (&cohort, options.site.is_some()) {
        if cohort.site_id != site_id {
            return Err(format!("cohort {} is not at that site", cohort.code));
        }
    }
    let sheet = read_csv(bytes, CLI_MAX_BYTES).map_err(|p| problem_text(&p, Locale::En))?;
    let now = env.clock.now();
    let txn = env.begin().await.map_err(|e| e.to_string())?;
    let results = checked(&txn, &sheet, site_id, wib::today(now))
        .await
        .map_err(fail)?;
    let mut report = CliReport::default();
    for result in &results {
        match &result.outcome {
            Ok(valid) => {
                report.accepted += 1;
                report
                    .lines
                    .push(format!("row {}: accepted — {}", result.row, valid.full_name));
            }
            Err(problems) => {
                report.refused += 1;
                let reasons: Vec<String> = problems
                    .iter()
                    .map(|p| format!("{}: {}", p.field, problem_text(&p.problem, Locale::En)))
                    .collect();
                report
                    .lines
                    .push(format!("row {}: refused — {}", result.row, reasons.join("; ")));
            }
        }
    }
    let write = !options.dry_run && (report.refused == 0 || options.skip_invalid) && report.accepted > 0;
    if write {
        let accepted: Vec<&ValidTrainee> = results.iter().filter_map(|r| r.outcome.as_ref().ok()).collect();
        report.written = write_rows(
            &txn,
            &accepted,
            cohort.as_ref().map(|c| CohortId(c.id)),
            None,
            now,
        )
        .await
        .map_err(fail)?;
        record(
            &txn,
            now,
            AuditEvent::new(AuditAction::TraineeImport, Outcome::Success)
                .site(Some(site_id))
                .detail(
                    json!({ "source": "command line", "rows": results.len(), "imported": report.written }),
                ),
        )
        .await
        .map_err(|e| e.to_string())?;
        txn.commit().await.map_err(|e| e.to_string())?;
    }
    Ok(report)
}
