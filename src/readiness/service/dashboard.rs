//! The coordinators' dashboard and the readiness export: every trainee in reach with the
//! verdict and blockers, the funnel, filters by verdict, blocker or a document running
//! out. A fixed number of queries whatever the number of trainees.

use serde_json::json;
use time::Duration;

use super::{held::subjects_in, today, Subject};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::kernel::{Actor, AppError, Locale, Problem, Reach, TraineeId};
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::platform::tables::{export, ExportFormat, Exported, Sheet};
use crate::readiness::authz;
use crate::readiness::dto::{Dashboard, DashboardFilter, ReadinessRow};
use crate::readiness::model::verdict::{valid_until, Requirement};
use crate::readiness::model::{DocumentKind, DocumentStatus, Verdict};
use crate::readiness::texts::{blocker_text, verdict_text};

const PAGE_SIZE: u64 = 50;

/// The cohorts in reach (coordinators: their sites'; admins: all), narrowed by the
/// filter's site and cohort. A site or cohort out of reach is `NotFound`.
async fn cohorts_in_scope(
    env: Env<'_>,
    actor: Option<&Actor>,
    filter: &DashboardFilter,
) -> Result<Vec<crate::entities::cohorts::Model>, AppError> {
    let reach = actor.map_or(Reach::Everything, Actor::reach);
    if let (Some(actor), Some(site)) = (actor, filter.site_id) {
        if !actor.runs_site(site) {
            return Err(out_of_reach(actor, "site", site));
        }
    }
    let mut cohorts = crate::cohorts::db::cohorts_within_reach(env.db, &reach, env.ports).await?;
    cohorts.sort_by(|a, b| a.code.cmp(&b.code));
    if let Some(site) = filter.site_id {
        cohorts.retain(|c| c.site_id == site);
    }
    if let Some(id) = filter.cohort_id {
        cohorts.retain(|c| c.id == id.get());
        if cohorts.is_empty() {
            return Err(match actor {
                Some(actor) => out_of_reach(actor, "cohort", id),
                None => AppError::NotFound,
            });
        }
    }
    Ok(cohorts)
}

fn check_filter(filter: &DashboardFilter) -> Result<Option<(DocumentKind, u16)>, AppError> {
    if let Some(verdict) = filter.verdict.as_deref().filter(|v| !v.is_empty()) {
        Verdict::parse(verdict).map_err(|p| AppError::invalid("verdict", p))?;
    }
    match filter.expiring.as_deref().filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(kind) => {
            let kind = DocumentKind::parse(kind).map_err(|p| AppError::invalid("expiring", p))?;
            let days = filter.within_days.unwrap_or(30);
            if days > 3650 {
                return Err(AppError::invalid(
                    "within_days",
                    Problem::OutOfRange { min: 0, max: 3650 },
                ));
            }
            Ok(Some((kind, days)))
        }
    }
}

/// Who passes the filters, with the day the `expiring` document stops being valid.
fn matching<'a>(
    subjects: &[&'a Subject],
    filter: &DashboardFilter,
    expiring: Option<(DocumentKind, u16)>,
    today: time::Date,
) -> Vec<(&'a Subject, Option<time::Date>)> {
    let verdict = filter.verdict.as_deref().and_then(|v| Verdict::parse(v).ok());
    let blocker = filter.blocker.as_deref().filter(|b| !b.is_empty());
    subjects
        .iter()
        .copied()
        .filter(|s| verdict.is_none_or(|v| s.assessment.verdict == v))
        .filter(|s| blocker.is_none_or(|key| s.assessment.blockers().any(|f| f.blocker.key() == key)))
        .filter_map(|s| match expiring {
            None => Some((s, None)),
            Some((kind, days)) => {
                // The track's maximum age counts too (an MCU runs out 90 days after it).
                let max_age = s.assessment.checks.iter().find_map(|c| match c.requirement {
                    Requirement::Document {
                        kind: k,
                        max_age_days,
                        ..
                    } if k == kind => max_age_days,
                    _ => None,
                });
                let until = s
                    .facts
                    .documents
                    .iter()
                    .find(|d| d.kind == kind && d.status == DocumentStatus::Verified)
                    .and_then(|d| valid_until(d, max_age))?;
                (until >= today && until <= today + Duration::days(i64::from(days)))
                    .then_some((s, Some(until)))
            }
        })
        .collect()
}

async fn site_choices(env: Env<'_>, actor: &Actor) -> Result<Vec<(i64, String)>, AppError> {
    Ok(crate::accounts::db::sites(env.db, actor.sites_run())
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect())
}

/// Dashboards and exports read every trainee in scope: two at a time per instance, the
/// others wait their turn (a burst of them would otherwise share the CPU and the database
/// pool until all are slow, and hold all their rows in memory at once).
static HEAVY: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

async fn heavy_turn() -> Option<tokio::sync::SemaphorePermit<'static>> {
    HEAVY.acquire().await.ok()
}

/// The dashboard of `actor`'s sites (all for admins).
///
/// # Errors
/// `Forbidden` but for coordinators and admins; `NotFound` for a site or cohort out of
/// reach; `Invalid` for an unknown verdict or document.
pub async fn dashboard(env: Env<'_>, actor: &Actor, filter: DashboardFilter) -> Result<Dashboard, AppError> {
    if !authz::can_open_dashboard(actor) {
        return Err(AppError::Forbidden);
    }
    let _turn = heavy_turn().await;
    let expiring = check_filter(&filter)?;
    let today = today(env);
    // The site's cohorts once: the cohort filter's choices, narrowed to the chosen one.
    let all_cohorts = cohorts_in_scope(
        env,
        Some(actor),
        &DashboardFilter {
            site_id: filter.site_id,
            ..DashboardFilter::default()
        },
    )
    .await?;
    let cohorts: Vec<_> = all_cohorts
        .iter()
        .filter(|c| filter.cohort_id.is_none_or(|id| c.id == id.get()))
        .cloned()
        .collect();
    if cohorts.is_empty() && filter.cohort_id.is_some() {
        return Err(AppError::NotFound);
    }
    let judged = subjects_in(env, cohorts, today).await?;
    let tally = judged.tally();
    let mut blockers: Vec<(String, u32)> = tally.blockers.into_iter().collect();
    blockers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let subjects = judged.in_order();
    let rows = matching(&subjects, &filter, expiring, today);
    let total = rows.len() as u64;
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = filter.page.unwrap_or(1).clamp(1, pages);
    let shown = rows
        .iter()
        .skip(usize::try_from((page - 1) * PAGE_SIZE).unwrap_or(usize::MAX))
        .take(PAGE_SIZE as usize)
        .map(|(s, until)| ReadinessRow {
            trainee_id: TraineeId(s.trainee.id),
            name: s.trainee.full_name.clone(),
            cohort: s.cohort.code.clone(),
            programme: s.programme.name.clone(),
            verdict: s.assessment.verdict,
            blockers: s.assessment.blockers().copied().collect(),
            valid_until: *until,
        })
        .collect();
    Ok(Dashboard {
        today,
        sites: site_choices(env, actor).await?,
        cohorts: all_cohorts.into_iter().map(|c| (c.id, c.code)).collect(),
        filter: DashboardFilter {
            page: Some(page),
            ..filter
        },
        funnel: tally.funnel,
        verdicts: tally.verdicts,
        blockers,
        rows: shown,
        total,
        page,
        pages,
    })
}

/// One row per trainee (of one cohort, of the actor's sites, or of every site for the
/// operator) with the track, the verdict in Indonesian and every blocker in words.
/// Audited.
///
/// # Errors
/// `NotFound` for a cohort out of reach; `Invalid` for a bad filter.
pub async fn export_readiness(
    env: Env<'_>,
    actor: Option<&Actor>,
    filter: DashboardFilter,
    format: ExportFormat,
) -> Result<Exported, AppError> {
    if actor.is_some_and(|a| !authz::can_open_dashboard(a)) {
        return Err(AppError::Forbidden);
    }
    let _turn = heavy_turn().await;
    let expiring = check_filter(&filter)?;
    let locale = Locale::Id;
    let today = today(env);
    let cohorts = cohorts_in_scope(env, actor, &filter).await?;
    let judged = subjects_in(env, cohorts, today).await?;
    let subjects = judged.in_order();
    let rows: Vec<Vec<String>> = matching(&subjects, &filter, expiring, today)
        .into_iter()
        .map(|(s, _)| {
            vec![
                s.trainee.full_name.clone(),
                s.trainee.masked_nik.clone(),
                s.cohort.code.clone(),
                s.programme.code.clone(),
                s.programme.track.to_uppercase(),
                verdict_text(s.assessment.verdict).get(locale).to_owned(),
                s.assessment
                    .blockers()
                    .map(|f| blocker_text(&f.blocker, locale))
                    .collect::<Vec<_>>()
                    .join("; "),
            ]
        })
        .collect();
    let count = rows.len();
    let sheet = Sheet {
        name: "Kesiapan".into(),
        header: [
            "Nama", "NIK", "Angkatan", "Program", "Jalur", "Status", "Hambatan",
        ]
        .iter()
        .map(|h| (*h).to_owned())
        .collect(),
        rows,
    };
    let exported = export(
        format,
        &format!("kesiapan-{}", crate::kernel::wib::iso_date(today)),
        &[sheet],
    )?;
    let txn = env.begin().await?;
    let mut event = AuditEvent::new(AuditAction::ReadinessExport, Outcome::Success).detail(json!({
        "rows": count,
        "cohort": filter.cohort_id,
        "site": filter.site_id,
        "format": match format { ExportFormat::Csv => "csv", ExportFormat::Xlsx => "xlsx" },
    }));
    if let Some(actor) = actor {
        event = event.actor(actor.user_id);
    }
    record(&txn, env.clock.now(), event).await?;
    txn.commit().await?;
    Ok(exported)
}
