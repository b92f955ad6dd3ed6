//! The two schedule addresses that are files rather than pages: a person's secret
//! calendar feed and a cohort's `.ics` download. Wired into the router by the composition.

use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

use super::paths;
use super::service;
use crate::kernel::{AppError, CohortId};
use crate::platform::handlers::{FileRoute, PathId, SignedIn};
use crate::platform::state::AppState;

fn host_of(headers: &HeaderMap) -> String {
    headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(|host| host.split(':').next().unwrap_or(host).to_owned())
        .filter(|host| {
            !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c))
        })
        .unwrap_or_else(|| "siap-jepang".to_owned())
}

fn text(status: StatusCode, body: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

fn calendar(body: String, file_name: Option<&str>) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Some(disposition) =
        file_name.and_then(|name| HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")).ok())
    {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    response
}

const NOT_FOUND: &str =
    "404 — Kalender tidak ditemukan atau sudah dimatikan.\nCalendar not found, or turned off.";
const FAILED: &str = "500 — Terjadi gangguan di server. Coba lagi sebentar lagi.\nSomething went wrong on our side. Please try again shortly.";

/// `GET /ical/{token}.ics`: the calendar of whoever owns the token. No session needed:
/// the secret address is the key.
pub async fn personal_feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    match service::feed_calendar(state.env(), token, &host_of(&headers)).await {
        Ok(Some(body)) => calendar(body, None),
        Ok(None) => text(StatusCode::NOT_FOUND, NOT_FOUND),
        Err(_) => text(StatusCode::INTERNAL_SERVER_ERROR, FAILED),
    }
}

/// `GET /angkatan/{id}/jadwal.ics`: a cohort's schedule, for those who may see the cohort.
pub async fn cohort_download(
    State(state): State<AppState>,
    SignedIn { actor, .. }: SignedIn,
    PathId(cohort_id): PathId<CohortId>,
    headers: HeaderMap,
) -> Response {
    match service::cohort_calendar(state.env(), &actor, cohort_id, &host_of(&headers)).await {
        Ok((file_name, body)) => calendar(body, Some(&file_name)),
        Err(AppError::NotFound | AppError::Forbidden) => text(StatusCode::NOT_FOUND, NOT_FOUND),
        Err(_) => text(StatusCode::INTERNAL_SERVER_ERROR, FAILED),
    }
}

/// The schedule's addresses that are files, for the composition's router.
pub fn file_routes() -> Vec<FileRoute> {
    vec![
        FileRoute::get(paths::FEED, personal_feed),
        FileRoute::get(paths::COHORT_ICS, cohort_download),
    ]
}
