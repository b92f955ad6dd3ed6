//! Attendance leaving the system: one row per trainee per session (the status in
//! Indonesian, as on the paper registers) and a summary with each trainee's rates.

use serde_json::json;

use super::{is_cancelled, marks_by_key, status_of, window_rates, Window};
use crate::attendance::authz;
use crate::attendance::db;
use crate::attendance::model::rates::{percent, warnings};
use crate::attendance::texts::{source_text, status_text, warning_text};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::cohorts;
use crate::kernel::identity::mask_nik;
use crate::kernel::{wib, Actor, AppError, CohortId, Locale};
use crate::platform::state::Env;
use crate::platform::tables::{export, ExportFormat, Exported, Sheet};

async fn cohorts_to_export(
    env: Env<'_>,
    actor: Option<&Actor>,
    cohort_id: Option<CohortId>,
) -> Result<Vec<cohorts::Model>, AppError> {
    match (actor, cohort_id) {
        (Some(actor), Some(id)) => Ok(vec![super::attendance_cohort(env, actor, id).await?.0]),
        (Some(actor), None) => {
            if !authz::can_take_roll_calls(actor) {
                return Err(AppError::Forbidden);
            }
            crate::cohorts::service::cohorts_in_reach(env, actor).await
        }
        (None, Some(id)) => Ok(crate::cohorts::db::cohort(env.db, id.get())
            .await?
            .into_iter()
            .collect()),
        (None, None) => Ok(crate::cohorts::db::cohorts_within_reach(
            env.db,
            &crate::kernel::Reach::Everything,
            env.ports,
        )
        .await?),
    }
}

/// The attendance of one cohort (or of every cohort within reach; everything for the
/// operator): per session, and the summary. CSV holds the first of the two (`summary`
/// puts the summary first); a workbook holds both. Audited.
///
/// # Errors
/// `NotFound` for a cohort out of reach.
pub async fn export_attendance(
    env: Env<'_>,
    actor: Option<&Actor>,
    cohort_id: Option<CohortId>,
    format: ExportFormat,
    summary: bool,
) -> Result<Exported, AppError> {
    let locale = Locale::Id;
    let t = |text: crate::kernel::Text| text.get(locale).to_owned();
    let now = env.clock.now();
    let cohorts = cohorts_to_export(env, actor, cohort_id).await?;
    let ids: Vec<i64> = cohorts.iter().map(|c| c.id).collect();
    let sessions: Vec<_> = crate::schedule::db::sessions_of_cohorts(env.db, &ids)
        .await?
        .into_iter()
        .filter(|s| !is_cancelled(s))
        .collect();
    let marks = db::marks_of_sessions(env.db, &sessions.iter().map(|s| s.id).collect::<Vec<_>>()).await?;
    let by_key = marks_by_key(&marks);
    let windows: Vec<Window> = crate::trainees::db::attending(env.db, &ids)
        .await?
        .iter()
        .filter_map(Window::of)
        .collect();
    let people = crate::trainees::db::trainees_by_ids(
        env.db,
        &windows.iter().map(|w| w.trainee_id).collect::<Vec<_>>(),
    )
    .await?;
    let policies = db::policies_of(env.db, &ids).await?;
    let mut per_session = Vec::new();
    let mut summary_rows = Vec::new();
    for cohort in &cohorts {
        let policy = policies.get(&cohort.id).copied().unwrap_or_default();
        let threshold = u32::try_from(cohort.attendance_threshold).unwrap_or(80);
        let mut in_cohort: Vec<&Window> = windows
            .iter()
            .filter(|w| w.cohort_id == CohortId(cohort.id))
            .collect();
        in_cohort.sort_by_key(|w| people.get(&w.trainee_id).map(|p| p.name_key.clone()));
        for window in in_cohort {
            let Some(person) = people.get(&window.trainee_id) else {
                continue;
            };
            for session in sessions.iter().filter(|s| window.attends(s) && s.ends_at <= now) {
                let mark = by_key.get(&(session.id, person.id));
                per_session.push(vec![
                    cohort.code.clone(),
                    person.full_name.clone(),
                    mask_nik(&person.nik),
                    wib::iso_date(wib::today(session.starts_at)),
                    wib::iso_time(wib::to_wib(session.starts_at).time()),
                    wib::iso_time(wib::to_wib(session.ends_at).time()),
                    mark.and_then(|m| status_of(m))
                        .map(|s| t(status_text(s)))
                        .unwrap_or_default(),
                    mark.and_then(|m| m.remark.clone()).unwrap_or_default(),
                    mark.and_then(|m| crate::attendance::model::MarkSource::parse(&m.source).ok())
                        .map(|s| t(source_text(s)))
                        .unwrap_or_default(),
                ]);
            }
            let rates = window_rates(window, &sessions, &by_key, &policy, now);
            summary_rows.push(vec![
                cohort.code.clone(),
                person.full_name.clone(),
                mask_nik(&person.nik),
                rates.present.to_string(),
                rates.late.to_string(),
                rates.permitted.to_string(),
                rates.sick.to_string(),
                rates.absent.to_string(),
                rates.unmarked.to_string(),
                rates.rate.map(|r| percent(r, locale)).unwrap_or_default(),
                rates.best.map(|r| percent(r, locale)).unwrap_or_default(),
                warnings(&rates, threshold, &policy)
                    .into_iter()
                    .map(|w| warning_text(w, locale))
                    .collect::<Vec<_>>()
                    .join("; "),
            ]);
        }
    }
    let header = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    let sessions_sheet = Sheet {
        name: "Per sesi".into(),
        header: header(&[
            "Angkatan",
            "Nama",
            "NIK",
            "Tanggal",
            "Mulai",
            "Selesai",
            "Keterangan",
            "Catatan",
            "Dicatat lewat",
        ]),
        rows: per_session,
    };
    let summary_sheet = Sheet {
        name: "Ringkasan".into(),
        header: header(&[
            "Angkatan",
            "Nama",
            "NIK",
            "Hadir",
            "Terlambat",
            "Izin",
            "Sakit",
            "Alpa",
            "Belum diabsen",
            "Kehadiran",
            "Maks. tercapai",
            "Peringatan",
        ]),
        rows: summary_rows,
    };
    let stem = match (cohort_id, cohorts.first()) {
        (Some(_), Some(cohort)) => format!("kehadiran-{}", cohort.code.to_lowercase()),
        _ => format!("kehadiran-{}", wib::iso_date(wib::today(now))),
    };
    let stem = if summary {
        format!("{stem}-ringkasan")
    } else {
        stem
    };
    let sheets = if summary {
        [summary_sheet, sessions_sheet]
    } else {
        [sessions_sheet, summary_sheet]
    };
    let exported = export(format, &stem, &sheets)?;
    let mut event = AuditEvent::new(AuditAction::AttendanceExport, Outcome::Success)
        .detail(json!({ "cohorts": cohorts.len(), "rows": exported.rows, "summary": summary }));
    if let Some(actor) = actor {
        event = event
            .actor(actor.user_id)
            .site(cohorts.first().map(|c| c.site_id));
    }
    record(env.db, now, event).await?;
    Ok(exported)
}
