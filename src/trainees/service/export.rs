//! Exports of trainees and enrollments as CSV (UTF-8 with BOM, so Excel reads it right)
//! and XLSX, for coordinators (their sites) and the operator's command line.

use serde_json::json;
use std::collections::{BTreeMap, HashMap};

use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::trainees;
use crate::kernel::{wib, Actor, AppError, CohortId, Locale};
use crate::platform::state::Env;
use crate::trainees::authz;
use crate::trainees::db;
use crate::trainees::dto::TraineeFilter;
use crate::trainees::model::enrollment::EnrollmentStatus;
use crate::trainees::model::{Education, Source};
use crate::trainees::texts::{education_text, sex_text, source_text, status_text, T};

use crate::platform::tables::{export, Sheet};
pub use crate::platform::tables::{ExportFormat, Exported};

/// One sheet named after what it holds.
fn table(
    format: ExportFormat,
    name: &str,
    header: &[&str],
    rows: Vec<Vec<String>>,
) -> Result<Exported, AppError> {
    let sheet = Sheet {
        name: name.split('-').next().unwrap_or(name).to_owned(),
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    };
    export(format, name, &[sheet])
}

/// Personal data leaving the system is on the audit trail: who exported what and how
/// much, against the site the rows belong to (one entry per site of the export), so each
/// site's coordinators see what left of theirs.
async fn audited(
    env: Env<'_>,
    actor: Option<&Actor>,
    what: &str,
    rows_by_site: &BTreeMap<Option<i64>, usize>,
) -> Result<(), AppError> {
    let now = env.clock.now();
    let txn = env.begin().await?;
    for (site, rows) in rows_by_site {
        let mut event = AuditEvent::new(AuditAction::TraineeExport, Outcome::Success)
            .site(*site)
            .detail(json!({ "export": what, "rows": rows }));
        if let Some(actor) = actor {
            event = event.actor(actor.user_id);
        }
        record(&txn, now, event).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Where an export may read: all sites for admins and the operator, a coordinator's own.
fn sites_of(actor: Option<&Actor>) -> Result<Option<&[i64]>, AppError> {
    match actor {
        None => Ok(None),
        Some(actor) if !authz::can_use_registry(actor) => Err(AppError::Forbidden),
        Some(actor) => Ok(actor.sites_run()),
    }
}

/// Every trainee matching `filter` (within the actor's sites), one row each.
///
/// # Errors
/// `Forbidden` outside the registry.
pub async fn export_trainees(
    env: Env<'_>,
    actor: Option<&Actor>,
    filter: &TraineeFilter,
    format: ExportFormat,
) -> Result<Exported, AppError> {
    let sites = sites_of(actor)?;
    let rows = db::all_trainees(env.db, filter, sites).await?;
    let site_names: HashMap<i64, String> = crate::accounts::db::sites(env.db, None)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let programmes: HashMap<i64, String> = crate::cohorts::db::all_programmes(env.db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let l = Locale::Id;
    let header = [
        T::FieldNik.get(l),
        T::FieldFullName.get(l),
        T::FieldBirthPlace.get(l),
        T::FieldBirthDate.get(l),
        T::FieldSex.get(l),
        T::FieldAddress.get(l),
        T::FieldRegency.get(l),
        T::FieldPhone.get(l),
        T::FieldEmail.get(l),
        T::FieldEducation.get(l),
        T::FieldProgramme.get(l),
        T::FieldGuardianName.get(l),
        T::FieldGuardianRelation.get(l),
        T::FieldGuardianPhone.get(l),
        T::FieldSource.get(l),
        T::FieldSite.get(l),
        T::FieldNotes.get(l),
    ];
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|t: &trainees::Model| {
            vec![
                // Each record as its own page shows it to this reader.
                actor.map_or_else(|| t.nik.clone(), |actor| super::shown_nik(actor, t)),
                t.full_name.clone(),
                t.birth_place.clone(),
                wib::date_short(t.birth_date),
                crate::kernel::identity::Sex::parse(&t.sex)
                    .map(|s| sex_text(s).get(l).to_owned())
                    .unwrap_or_default(),
                t.address.clone(),
                t.regency_name.clone(),
                super::national(t.phone.as_deref()).unwrap_or_default(),
                t.email.clone().unwrap_or_default(),
                education_text(Education::parse(&t.education).unwrap_or(Education::Unspecified))
                    .get(l)
                    .to_owned(),
                t.programme_id
                    .and_then(|id| programmes.get(&id).cloned())
                    .unwrap_or_default(),
                t.guardian_name.clone().unwrap_or_default(),
                t.guardian_relation.clone().unwrap_or_default(),
                super::national(t.guardian_phone.as_deref()).unwrap_or_default(),
                source_text(Source::parse(&t.source).unwrap_or(Source::Other))
                    .get(l)
                    .to_owned(),
                site_names.get(&t.site_id).cloned().unwrap_or_default(),
                t.notes.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let mut by_site = BTreeMap::new();
    for t in &rows {
        *by_site.entry(Some(t.site_id)).or_insert(0) += 1;
    }
    if by_site.is_empty() {
        by_site.insert(None, 0);
    }
    audited(env, actor, "trainees", &by_site).await?;
    table(
        format,
        &format!("peserta-{}", wib::iso_date(wib::today(env.clock.now()))),
        &header,
        table_rows,
    )
}

fn roster_header(l: Locale) -> [&'static str; 7] {
    [
        T::FilterCohort.get(l),
        T::FieldNik.get(l),
        T::FieldFullName.get(l),
        T::FilterStatus.get(l),
        T::Joined.get(l),
        T::Left.get(l),
        T::FieldPhone.get(l),
    ]
}

/// A cohort's roster as a file: the roster page's own rows, so the export never shows
/// more than the page (NIKs masked and phones left out exactly as there).
///
/// # Errors
/// `Forbidden`; `NotFound` for a cohort out of reach.
pub async fn export_roster(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
    format: ExportFormat,
) -> Result<Exported, AppError> {
    if !authz::can_view_rosters(actor) {
        return Err(AppError::Forbidden);
    }
    let roster = super::roster(env, actor, cohort_id).await?;
    let l = Locale::Id;
    let table_rows: Vec<Vec<String>> = roster
        .entries
        .iter()
        .map(|e| {
            vec![
                roster.code.clone(),
                e.nik.clone(),
                e.full_name.clone(),
                status_text(e.status).get(l).to_owned(),
                e.joined_on.map(wib::date_short).unwrap_or_default(),
                e.left_on.map(wib::date_short).unwrap_or_default(),
                e.phone.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let by_site = BTreeMap::from([(Some(roster.site_id), table_rows.len())]);
    audited(env, Some(actor), "enrollments", &by_site).await?;
    table(
        format,
        &format!("pendaftaran-{}", roster.code.to_lowercase()),
        &roster_header(l),
        table_rows,
    )
}

/// Every enrollment (of one cohort, or of all), with the person and dates, for the
/// operator's command line (whoever runs the binary on the server is trusted).
///
/// # Errors
/// `NotFound` for an unknown cohort.
pub async fn export_enrollments(
    env: Env<'_>,
    cohort_id: Option<CohortId>,
    format: ExportFormat,
) -> Result<Exported, AppError> {
    let rows = match cohort_id {
        Some(id) => db::enrollments_of_cohort(env.db, id).await?,
        None => db::all_enrollments(env.db).await?,
    };
    let trainee_ids: Vec<i64> = rows.iter().map(|e| e.trainee_id).collect();
    let people = db::trainees_by_ids(env.db, &trainee_ids).await?;
    let cohort_ids: Vec<i64> = rows.iter().map(|e| e.cohort_id).collect();
    let codes = crate::cohorts::db::cohort_codes(env.db, &cohort_ids).await?;
    let l = Locale::Id;
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .filter_map(|e| {
            let person = people.get(&e.trainee_id)?;
            Some(vec![
                codes.get(&e.cohort_id).cloned().unwrap_or_default(),
                person.nik.clone(),
                person.full_name.clone(),
                EnrollmentStatus::parse(&e.status)
                    .map(|s| status_text(s).get(l).to_owned())
                    .unwrap_or_default(),
                e.joined_on.map(wib::date_short).unwrap_or_default(),
                e.left_on.map(wib::date_short).unwrap_or_default(),
                super::national(person.phone.as_deref()).unwrap_or_default(),
            ])
        })
        .collect();
    audited(
        env,
        None,
        "enrollments",
        &BTreeMap::from([(None, table_rows.len())]),
    )
    .await?;
    let name = match cohort_id.and_then(|id| codes.get(&id.get())) {
        Some(code) => format!("pendaftaran-{}", code.to_lowercase()),
        None => format!("pendaftaran-{}", wib::iso_date(wib::today(env.clock.now()))),
    };
    table(format, &name, &roster_header(l), table_rows)
}
