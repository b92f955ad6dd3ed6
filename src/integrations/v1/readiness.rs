//! `readiness:read`: who in a cohort is ready for placement, and for everyone else every
//! blocker as data.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::caller::Partner;
use super::problem::Answer;
use super::reads::{self, Params};
use crate::integrations::model::Scope;
use crate::kernel::{wib, CohortId, TraineeId};
use crate::platform::state::AppState;
use crate::readiness::dto::{Dashboard, DashboardFilter, ReadinessRow};
use crate::readiness::model::verdict::{Blocker, Finding};
use crate::readiness::model::Verdict;

/// What stands between a trainee and placement.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "kind": "attendance_below", "requirement": "attendance", "pending": true,
    "figure": "76.5", "required": "80", "date": null
}))]
pub struct BlockerDoc {
    /// `language_missing`, `test_not_passed`, `no_attendance`, `attendance_below`,
    /// `document_missing`, `document_unverified`, `document_rejected`, `document_undated`,
    /// `document_expired` or `document_expires_soon`.
    pub kind: String,
    /// The requirement it blocks: `language`, `skills:<test>`, `attendance` or
    /// `document:<kind>`.
    pub requirement: String,
    /// Underway (in training, awaiting verification, still reachable): the verdict is
    /// `dalam_proses` when every blocker is.
    pub pending: bool,
    /// The trainee's figure, when there is one: the best JFT-Basic score, the best JLPT
    /// level, the attendance rate in percent.
    pub figure: Option<String>,
    /// What the requirement asks: a JFT-Basic score, a JLPT level, a rate in percent.
    pub required: Option<String>,
    /// The day a document expired, or will expire (`document_expired`,
    /// `document_expires_soon`).
    #[schema(value_type = Option<String>, format = Date)]
    pub date: Option<String>,
    /// The day a document must be valid until (`document_expires_soon`).
    #[schema(value_type = Option<String>, format = Date)]
    pub needed_until: Option<String>,
}

/// One trainee's verdict.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "trainee_id": 17, "name": "Siti Rahmawati", "cohort": "JP-SRG-2026-03", "programme": "SSW Kaigo",
    "verdict": "dalam_proses",
    "blockers": [{"kind": "language_missing", "requirement": "language", "pending": true,
                  "figure": "JFT-Basic 185", "required": "JFT-Basic 200", "date": null, "needed_until": null}]
}))]
pub struct TraineeReadiness {
    pub trainee_id: i64,
    pub name: String,
    pub cohort: String,
    pub programme: String,
    /// `siap` (ready), `dalam_proses` (in progress) or `belum` (not ready).
    #[schema(value_type = VerdictDoc)]
    pub verdict: String,
    pub blockers: Vec<BlockerDoc>,
}

/// How many trainees have each verdict.
#[derive(Debug, Serialize, ToSchema)]
pub struct VerdictCounts {
    pub siap: u32,
    pub dalam_proses: u32,
    pub belum: u32,
}

/// A cohort's readiness, a page of trainees at a time.
#[derive(Debug, Serialize, ToSchema)]
pub struct CohortReadiness {
    pub cohort_id: i64,
    /// The day the verdicts are for (WIB).
    #[schema(value_type = String, format = Date)]
    pub as_of: String,
    pub counts: VerdictCounts,
    pub items: Vec<TraineeReadiness>,
    /// The next page's address; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PageQuery {
    /// The `next` link's cursor (treat it as opaque).
    #[param(pattern = "^p[0-9]{1,18}$")]
    cursor: Option<String>,
}

fn blocker_doc(finding: &Finding) -> BlockerDoc {
    let blocker = &finding.blocker;
    let mut doc = BlockerDoc {
        kind: String::new(),
        requirement: blocker.key(),
        pending: finding.pending,
        figure: None,
        required: None,
        date: None,
        needed_until: None,
    };
    let kind = match blocker {
        Blocker::Language {
            jlpt,
            jft_min,
            best_jft,
            best_jlpt,
        } => {
            let figures: Vec<String> = best_jft
                .map(|s| format!("JFT-Basic {s}"))
                .into_iter()
                .chain(best_jlpt.map(|l| format!("JLPT {}", l.as_str())))
                .collect();
            let required: Vec<String> = jft_min
                .map(|s| format!("JFT-Basic {s}"))
                .into_iter()
                .chain(jlpt.map(|l| format!("JLPT {}", l.as_str())))
                .collect();
            doc.figure = (!figures.is_empty()).then(|| figures.join(", "));
            doc.required = (!required.is_empty()).then(|| required.join(" / "));
            "language_missing"
        }
        Blocker::NotPassed(_) => "test_not_passed",
        Blocker::NoAttendance => "no_attendance",
        Blocker::AttendanceBelow { rate, threshold } => {
            doc.figure = Some(format!("{}.{}", rate / 10, rate % 10));
            doc.required = Some(threshold.to_string());
            "attendance_below"
        }
        Blocker::DocumentMissing(_) => "document_missing",
        Blocker::DocumentUnverified(_) => "document_unverified",
        Blocker::DocumentRejected(_) => "document_rejected",
        Blocker::DocumentUndated(_) => "document_undated",
        Blocker::DocumentExpired { on, .. } => {
            doc.date = Some(wib::iso_date(*on));
            "document_expired"
        }
        Blocker::DocumentExpiresSoon { on, needed, .. } => {
            doc.date = Some(wib::iso_date(*on));
            doc.needed_until = Some(wib::iso_date(*needed));
            "document_expires_soon"
        }
    };
    doc.kind = kind.to_owned();
    doc
}

fn trainee(row: ReadinessRow) -> TraineeReadiness {
    TraineeReadiness {
        trainee_id: row.trainee_id.get(),
        blockers: row.blockers.iter().map(blocker_doc).collect(),
        verdict: row.verdict.as_str().to_owned(),
        name: row.name,
        cohort: row.cohort,
        programme: row.programme,
    }
}

/// Page `page` of a readiness board as answered: the day, the counts, the trainees (none
/// past the last page, where the dashboard would show its last one) and the next page's
/// address.
fn board_page(
    board: Dashboard,
    page: i64,
    uri: &Uri,
) -> (String, VerdictCounts, Vec<TraineeReadiness>, Option<String>) {
    let page = u64::try_from(page).unwrap_or(u64::MAX);
    let next = (page < board.pages).then(|| {
        let next_page = i64::try_from(board.page + 1).unwrap_or(i64::MAX);
        reads::next_link(uri.path(), uri.query(), &reads::cursor('p', next_page))
    });
    let [siap, dalam_proses, belum] = board.verdicts;
    let items = if page > board.pages {
        Vec::new()
    } else {
        board.rows.into_iter().map(trainee).collect()
    };
    (
        wib::iso_date(board.today),
        VerdictCounts {
            siap,
            dalam_proses,
            belum,
        },
        items,
        next,
    )
}

/// The readiness of every trainee of a cohort: verdict and blockers.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/readiness", tag = "Readiness", operation_id = "getCohortReadiness",
    security(("bearer" = ["readiness:read"])),
    params(("id" = i64, Path, description = "The cohort's id"), PageQuery),
    responses((status = 200, description = "The cohort's readiness", body = CohortReadiness)))]
pub async fn cohort_readiness(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> Answer {
    let actor = partner.with(Scope::ReadinessRead)?;
    let mut params = Params::read(uri.query(), &["cursor"], partner.locale)?;
    let page = params.cursor('p').unwrap_or(1).max(1);
    params.done()?;
    let id = reads::path_id(&id, partner.locale)?;
    let filter = DashboardFilter {
        cohort_id: Some(CohortId(id)),
        page: Some(u64::try_from(page).unwrap_or(1)),
        ..DashboardFilter::default()
    };
    let board = crate::readiness::service::dashboard(state.env(), actor, filter)
        .await
        .map(|board| {
            let (as_of, counts, items, next) = board_page(board, page, &uri);
            CohortReadiness {
                cohort_id: id,
                as_of,
                counts,
                items,
                next,
            }
        });
    Ok(reads::answer(&headers, partner.locale, board))
}

/// One trainee's readiness: the verdict and every blocker.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "trainee_id": 17, "name": "Siti Rahmawati", "cohort": "JP-SRG-2026-03", "programme": "SSW Kaigo",
    "as_of": "2026-12-07", "verdict": "belum",
    "blockers": [{"kind": "document_expires_soon", "requirement": "document:passport", "pending": false,
                  "figure": null, "required": null, "date": "2027-03-01", "needed_until": "2027-06-07"}]
}))]
pub struct TraineeVerdict {
    pub trainee_id: i64,
    pub name: String,
    /// The cohort the verdict is judged in (the latest one joined); `null` without one.
    pub cohort: Option<String>,
    pub programme: Option<String>,
    /// The day the verdict is for (WIB).
    #[schema(value_type = String, format = Date)]
    pub as_of: String,
    /// `siap` (ready), `dalam_proses` (in progress) or `belum` (not ready).
    #[schema(value_type = VerdictDoc)]
    pub verdict: String,
    pub blockers: Vec<BlockerDoc>,
}

/// A trainee's readiness for placement.
#[utoipa::path(get, path = "/api/v1/trainees/{id}/readiness", tag = "Readiness", operation_id = "getTraineeReadiness",
    security(("bearer" = ["readiness:read"])),
    params(("id" = i64, Path, description = "The trainee's record id")),
    responses((status = 200, description = "The trainee's readiness", body = TraineeVerdict)))]
pub async fn trainee_readiness(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> Answer {
    let (actor, id) = partner.row(Scope::ReadinessRead, &uri, &id)?;
    let id = TraineeId(id);
    let verdict = crate::readiness::service::trainee_readiness(state.env(), actor, id)
        .await
        .map(|view| TraineeVerdict {
            trainee_id: view.trainee_id.get(),
            name: view.name,
            cohort: view.cohort,
            programme: view.programme,
            as_of: wib::iso_date(view.today),
            verdict: view.verdict.as_str().to_owned(),
            blockers: view
                .checks
                .iter()
                .filter_map(|check| check.finding.as_ref())
                .map(blocker_doc)
                .collect(),
        });
    Ok(reads::answer(&headers, partner.locale, verdict))
}

/// A site's readiness, a page of trainees at a time.
#[derive(Debug, Serialize, ToSchema)]
pub struct SiteReadiness {
    pub site_id: i64,
    /// The day the verdicts are for (WIB).
    #[schema(value_type = String, format = Date)]
    pub as_of: String,
    /// Every trainee of the site's cohorts, whatever `verdict` asks for.
    pub counts: VerdictCounts,
    pub items: Vec<TraineeReadiness>,
    /// The next page's address; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Which trainees.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct SiteReadinessQuery {
    /// Only trainees with this verdict.
    #[param(value_type = Option<VerdictDoc>)]
    verdict: Option<String>,
    /// The `next` link's cursor (treat it as opaque).
    #[param(pattern = "^p[0-9]{1,18}$")]
    cursor: Option<String>,
}

/// A verdict on readiness for placement.
#[allow(dead_code)]
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Verdict)]
#[serde(rename_all = "snake_case")]
pub enum VerdictDoc {
    Siap,
    DalamProses,
    Belum,
}

/// The readiness of every trainee in a site's cohorts, by cohort and name.
#[utoipa::path(get, path = "/api/v1/sites/{id}/readiness", tag = "Readiness", operation_id = "getSiteReadiness",
    security(("bearer" = ["readiness:read"])),
    params(("id" = i64, Path, description = "The site's id"), SiteReadinessQuery),
    responses((status = 200, description = "The site's readiness", body = SiteReadiness)))]
pub async fn site_readiness(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> Answer {
    let actor = partner.with(Scope::ReadinessRead)?;
    let mut params = Params::read(uri.query(), &["verdict", "cursor"], partner.locale)?;
    let verdict = params.choice("verdict", Verdict::ALL, Verdict::as_str);
    let page = params.cursor('p').unwrap_or(1).max(1);
    params.done()?;
    let id = reads::path_id(&id, partner.locale)?;
    let filter = DashboardFilter {
        site_id: Some(id),
        verdict: verdict.map(|v| v.as_str().to_owned()),
        page: Some(u64::try_from(page).unwrap_or(1)),
        ..DashboardFilter::default()
    };
    let board = crate::readiness::service::dashboard(state.env(), actor, filter)
        .await
        // A site out of the key's reach is refused by the dashboard; one that does not
        // exist is missing the same way.
        .and_then(|board| {
            if board.sites.iter().any(|(site, _)| *site == id) {
                Ok(board)
            } else {
                Err(crate::kernel::AppError::NotFound)
            }
        })
        .map(|board| {
            let (as_of, counts, items, next) = board_page(board, page, &uri);
            SiteReadiness {
                site_id: id,
                as_of,
                counts,
                items,
                next,
            }
        });
    Ok(reads::answer(&headers, partner.locale, board))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_verdicts_are_the_verdicts() {
        let documented: Vec<String> = [VerdictDoc::Siap, VerdictDoc::DalamProses, VerdictDoc::Belum]
            .iter()
            .map(|s| serde_json::to_value(s).unwrap().as_str().unwrap().to_owned())
            .collect();
        let stored: Vec<String> = Verdict::ALL.iter().map(|v| v.as_str().to_owned()).collect();
        assert_eq!(documented, stored);
    }
}
