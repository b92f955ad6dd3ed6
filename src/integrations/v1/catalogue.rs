//! `cohorts:read`: sites, programmes and cohorts.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::caller::Partner;
use super::problem::Answer;
use super::reads::{self, Params};
use crate::cohorts::dto::{CohortFacts, CohortFeed};
use crate::cohorts::model::CohortStatus;
use crate::integrations::model::Scope;
use crate::kernel::CohortId;
use crate::platform::state::AppState;

/// A training site.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"id": 1, "code": "BBPLK-SRG", "name": "BBPLK Serang", "kind": "bbplk", "city": "Serang"}))]
pub struct Site {
    pub id: i64,
    /// Stable, short: used to filter cohorts and trainees.
    pub code: String,
    pub name: String,
    /// `upt_bp2mi`, `bbplk`, `lpk` or `p3mi`.
    pub kind: String,
    pub city: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SiteList {
    pub items: Vec<Site>,
}

/// A training programme (a track to Japan).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"id": 1, "code": "SSW-KAIGO", "name": "SSW Kaigo (perawat lansia)", "track": "ssw", "sector": "kaigo", "language_target": "jft_a2"}))]
pub struct Programme {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// `ssw`, `g_to_g_eea`, `magang` or `other`.
    pub track: String,
    /// The SSW sector, when the track has one.
    pub sector: Option<String>,
    /// The language result the programme aims at.
    pub language_target: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProgrammeList {
    pub items: Vec<Programme>,
}

/// A cohort: one class of one course at one site.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": 3, "code": "JP-SRG-2026-03", "site": "BBPLK-SRG", "programme": "SSW-KAIGO",
    "course": "JP-A2-KAIGO", "level": "a2", "status": "running", "starts_on": "2026-09-07",
    "ends_on": "2027-01-29", "capacity": 24, "seats_taken": 21, "attendance_threshold": 80,
    "updated_at": "2026-12-01T08:15:00+07:00"
}))]
pub struct Cohort {
    pub id: i64,
    pub code: String,
    /// The site's code.
    pub site: String,
    /// The programme's code.
    pub programme: String,
    /// The course's code.
    pub course: String,
    /// The course's level (`a1`, `a2`, `n4`…).
    pub level: String,
    #[schema(value_type = CohortStatusDoc)]
    pub status: String,
    #[schema(value_type = String, format = Date)]
    pub starts_on: String,
    #[schema(value_type = String, format = Date)]
    pub ends_on: String,
    pub capacity: u32,
    pub seats_taken: u32,
    /// Percent of sessions a trainee must attend.
    pub attendance_threshold: u8,
    /// When the cohort's own details last changed (RFC 3339, WIB); seats taken and freed
    /// do not count.
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: String,
}

impl From<CohortFacts> for Cohort {
    fn from(facts: CohortFacts) -> Self {
        Self {
            id: facts.id.get(),
            code: facts.code,
            site: facts.site,
            programme: facts.programme,
            course: facts.course,
            level: facts.level,
            status: facts.status.as_str().to_owned(),
            starts_on: crate::kernel::wib::iso_date(facts.starts_on),
            ends_on: crate::kernel::wib::iso_date(facts.ends_on),
            capacity: facts.capacity,
            seats_taken: facts.seats_taken,
            attendance_threshold: facts.attendance_threshold,
            updated_at: crate::kernel::wib::rfc3339_wib(facts.updated_at),
        }
    }
}

/// Where a cohort stands.
// Only described in the document (the answers carry the stored code); a test keeps the
// two lists the same.
#[allow(dead_code)]
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = CohortStatus)]
#[serde(rename_all = "snake_case")]
pub enum CohortStatusDoc {
    Planned,
    Open,
    Running,
    Completed,
    Cancelled,
}

/// One page of cohorts, by id.
#[derive(Debug, Serialize, ToSchema)]
pub struct CohortPage {
    pub items: Vec<Cohort>,
    /// The next page's address; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Which cohorts.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct CohortQuery {
    /// A site's code (`BBPLK-SRG`); a code that names no site within the key's reach
    /// matches no cohort.
    #[param(pattern = "^[A-Za-z0-9-]{1,32}$")]
    site: Option<String>,
    /// The cohorts' status.
    #[param(value_type = Option<CohortStatusDoc>)]
    status: Option<String>,
    /// Only cohorts changed at or after this instant (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime)]
    updated_since: Option<String>,
    /// The `next` link's cursor (treat it as opaque).
    #[param(pattern = "^c[0-9]{1,18}$")]
    cursor: Option<String>,
    /// Items per page, 1–100 (50).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
}

/// The sites the key reaches.
#[utoipa::path(get, path = "/api/v1/sites", tag = "Cohorts", operation_id = "listSites",
    security(("bearer" = ["cohorts:read"])),
    responses((status = 200, description = "The sites", body = SiteList)))]
pub async fn sites(State(state): State<AppState>, partner: Partner, headers: HeaderMap, uri: Uri) -> Answer {
    let actor = partner.with(Scope::CohortsRead)?;
    Params::read(uri.query(), &[], partner.locale)?.done()?;
    let sites = crate::accounts::db::sites(&state.db, actor.sites_run())
        .await
        .map(|sites| SiteList {
            items: sites
                .into_iter()
                .map(|s| Site {
                    id: s.id,
                    code: s.code,
                    name: s.name,
                    kind: s.kind,
                    city: s.city,
                })
                .collect(),
        });
    Ok(reads::answer(&headers, partner.locale, sites))
}

/// Every programme.
#[utoipa::path(get, path = "/api/v1/programmes", tag = "Cohorts", operation_id = "listProgrammes",
    security(("bearer" = ["cohorts:read"])),
    responses((status = 200, description = "The programmes", body = ProgrammeList)))]
pub async fn programmes(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
) -> Answer {
    partner.with(Scope::CohortsRead)?;
    Params::read(uri.query(), &[], partner.locale)?.done()?;
    let programmes = crate::cohorts::db::all_programmes(&state.db)
        .await
        .map(|programmes| ProgrammeList {
            items: programmes
                .into_iter()
                .map(|p| Programme {
                    id: p.id,
                    code: p.code,
                    name: p.name,
                    track: p.track,
                    sector: p.sector,
                    language_target: p.language_target,
                })
                .collect(),
        });
    Ok(reads::answer(&headers, partner.locale, programmes))
}

/// The cohorts the key reaches, by id, a page at a time.
#[utoipa::path(get, path = "/api/v1/cohorts", tag = "Cohorts", operation_id = "listCohorts",
    security(("bearer" = ["cohorts:read"])),
    params(CohortQuery),
    responses((status = 200, description = "A page of cohorts", body = CohortPage)))]
pub async fn cohorts(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
) -> Answer {
    let actor = partner.with(Scope::CohortsRead)?;
    let known = ["site", "status", "updated_since", "cursor", "limit"];
    let mut params = Params::read(uri.query(), &known, partner.locale)?;
    let site_id = params.site(state.env(), actor).await?;
    let feed = CohortFeed {
        site_id,
        status: params.choice("status", CohortStatus::ALL, CohortStatus::as_str),
        updated_since: params.instant("updated_since"),
        after: params.cursor('c').map(CohortId),
        limit: params.limit(),
    };
    params.done()?;
    let page = crate::cohorts::service::cohort_feed(state.env(), actor, &feed)
        .await
        .map(|items| CohortPage {
            next: reads::next_after(
                &uri,
                'c',
                feed.limit,
                items.len(),
                items.last().map(|c| c.id.get()),
            ),
            items: items.into_iter().map(Cohort::from).collect(),
        });
    Ok(reads::answer(&headers, partner.locale, page))
}

/// One cohort.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}", tag = "Cohorts", operation_id = "getCohort",
    security(("bearer" = ["cohorts:read"])),
    params(("id" = i64, Path, description = "The cohort's id")),
    responses((status = 200, description = "The cohort", body = Cohort)))]
pub async fn cohort(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> Answer {
    let (actor, id) = partner.row(Scope::CohortsRead, &uri, &id)?;
    let cohort = crate::cohorts::service::cohort_facts(state.env(), actor, CohortId(id))
        .await
        .map(Cohort::from);
    Ok(reads::answer(&headers, partner.locale, cohort))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_statuses_are_the_cohorts_statuses() {
        let documented: Vec<String> = [
            CohortStatusDoc::Planned,
            CohortStatusDoc::Open,
            CohortStatusDoc::Running,
            CohortStatusDoc::Completed,
            CohortStatusDoc::Cancelled,
        ]
        .iter()
        .map(|s| serde_json::to_value(s).unwrap().as_str().unwrap().to_owned())
        .collect();
        let stored: Vec<String> = CohortStatus::ALL.iter().map(|s| s.as_str().to_owned()).collect();
        assert_eq!(documented, stored);
    }
}
