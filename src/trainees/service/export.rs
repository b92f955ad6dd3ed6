//! Exports of trainees and enrollments as CSV (UTF-8 with BOM, so Excel reads it right)
//! and XLSX, for coordinators (their sites) and the operator's command line.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use std::collections::HashMap;

use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::{cohorts, enrollments, trainees};
use crate::kernel::{wib, Actor, AppError, Locale, Role};
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

/// Personal data leaving the system is on the audit trail: who exported what, how much.
async fn audited(env: Env<'_>, actor: Option<&Actor>, what: &str, rows: usize) -> Result<(), AppError> {
    let mut event = AuditEvent::new(AuditAction::TraineeExport, Outcome::Success)
        .detail(json!({ "export": what, "rows": rows }));
    if let Some(actor) = actor {
        event = event.actor(actor.user_id).site(actor.site_ids.first().copied());
    }
    record(env.db, env.clock.now(), event).await?;
    Ok(())
}

/// Where an export may read: all sites for admins and the operator, a coordinator's own.
fn sites_of(actor: Option<&Actor>) -> Result<Option<Vec<i64>>, AppError> {
    match actor {
        None => Ok(None),
        Some(actor) if !authz::can_use_registry(actor) => Err(AppError::Forbidden),
        Some(actor) if actor.role == Role::Admin => Ok(None),
        Some(actor) => Ok(Some(actor.site_ids.clone())),
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
    let rows = db::all_trainees(env.db, filter, sites.as_deref()).await?;
    let site_names: HashMap<i64, String> = crate::cohorts::db::sites(env.db, None)
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
                t.nik.clone(),
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
    audited(env, actor, "trainees", table_rows.len()).await?;
    table(
        format,
        &format!("peserta-{}", wib::iso_date(wib::today(env.clock.now()))),
        &header,
        table_rows,
    )
}

/// Every enrollment (of one cohort, or of all within reach), with the person and dates.
///
/// # Errors
/// `Forbidden`; `NotFound` for a cohort out of reach.
pub async fn export_enrollments(
    env: Env<'_>,
    actor: Option<&Actor>,
    cohort_id: Option<i64>,
    format: ExportFormat,
) -> Result<Exported, AppError> {
    let scope: Option<Vec<i64>> = match (actor, cohort_id) {
        (Some(actor), Some(id)) => {
            let (_, scope) = crate::cohorts::service::visible_cohort(env, actor, id).await?;
            if !authz::can_view_roster(actor, &scope) {
                return Err(AppError::NotFound);
            }
            None
        }
        _ => sites_of(actor)?,
    };
    let mut query = enrollments::Entity::find()
        .order_by_asc(enrollments::Column::CohortId)
        .order_by_asc(enrollments::Column::Id);
    if let Some(id) = cohort_id {
        query = query.filter(enrollments::Column::CohortId.eq(id));
    }
    if let Some(sites) = &scope {
        let at_sites = cohorts::Entity::find()
            .select_only()
            .column(cohorts::Column::Id)
            .filter(cohorts::Column::SiteId.is_in(sites.clone()));
        query = query
            .filter(enrollments::Column::CohortId.in_subquery(sea_orm::QueryTrait::into_query(at_sites)));
    }
    let rows = query.all(env.db).await?;
    let trainee_ids: Vec<i64> = rows.iter().map(|e| e.trainee_id).collect();
    let people = db::trainees_by_ids(env.db, &trainee_ids).await?;
    let cohort_ids: Vec<i64> = rows.iter().map(|e| e.cohort_id).collect();
    let codes = crate::cohorts::db::cohort_codes(env.db, &cohort_ids).await?;
    let l = Locale::Id;
    let header = [
        T::FilterCohort.get(l),
        T::FieldNik.get(l),
        T::FieldFullName.get(l),
        T::FilterStatus.get(l),
        T::Joined.get(l),
        T::Left.get(l),
        T::FieldPhone.get(l),
    ];
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
    audited(env, actor, "enrollments", table_rows.len()).await?;
    let name = match cohort_id.and_then(|id| codes.get(&id)) {
        Some(code) => format!("pendaftaran-{}", code.to_lowercase()),
        None => format!("pendaftaran-{}", wib::iso_date(wib::today(env.clock.now()))),
    };
    table(format, &name, &header, table_rows)
}
