//! The readiness addresses that are files rather than pages: uploading a document scan (a
//! multipart post that works without JavaScript), the scan itself (only for the trainee
//! and their site's coordinators, whatever id is guessed), and the export. Wired into the
//! router by the composition.

use axum::{
    extract::{Multipart, Path, Query, State},
    response::Response,
    Extension,
};
use std::collections::HashMap;

use super::dto::DashboardFilter;
use super::service;
use super::texts::Notice;
use crate::kernel::AppError;
use crate::platform::context::{flash_cookie, RequestInfo};
use crate::platform::flash::{AreaNotice, Flash};
use crate::platform::handlers::{
    download, export_format, private_file, read_upload, refused, see_other, sign_in_first,
};
use crate::platform::state::AppState;

use super::files_path::MINE as MINE_PATH;

/// `POST /kesiapan/pindaian`: a scan of one document (`kind`, file `scan`; coordinators
/// also send `trainee_id`), back to the page it came from with the notice or the reason.
pub async fn upload_scan(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    form: Multipart,
) -> Response {
    let Some(actor) = info.actor else {
        return sign_in_first(MINE_PATH);
    };
    let upload = match read_upload(form, "scan").await {
        Ok(upload) => upload,
        Err(response) => return response,
    };
    let kind = upload.fields.get("kind").cloned().unwrap_or_default();
    let trainee_id = upload
        .fields
        .get("trainee_id")
        .and_then(|v| v.trim().parse::<i64>().ok());
    let back = match trainee_id {
        Some(id) if !super::authz::is_trainee(&actor) => format!("/kesiapan/peserta/{id}"),
        _ => MINE_PATH.to_owned(),
    };
    let result =
        service::upload_scan(state.env(), &info.client, &actor, trainee_id, &kind, upload.bytes).await;
    let flash = match result {
        Ok((kind, _)) => Flash {
            form: None,
            error: None,
            values: Vec::new(),
            notice: Some(Notice::ScanSaved(kind).token()),
        },
        Err(AppError::NotFound) => return refused(&AppError::NotFound),
        Err(error) => Flash {
            form: Some(
                super::model::DocumentKind::parse(&kind)
                    .map_or("document", super::api::document_form)
                    .to_owned(),
            ),
            error: Some(error),
            values: Vec::new(),
            notice: None,
        },
    };
    see_other(&back, flash_cookie(&state.config, &flash))
}

/// `GET /kesiapan/dokumen/{id}/pindaian`: a document's scan.
pub async fn document_scan(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(info): Extension<RequestInfo>,
) -> Response {
    let Some(actor) = info.actor else {
        return sign_in_first(MINE_PATH);
    };
    let Ok(id) = id.parse::<i64>() else {
        return refused(&AppError::NotFound);
    };
    match service::scan(state.env(), &actor, id).await {
        Ok((content_type, bytes)) => private_file(&content_type, bytes, "dokumen"),
        Err(error) => refused(&error),
    }
}

/// `GET /kesiapan/ekspor?format=csv|xlsx` with the dashboard's filters.
pub async fn export(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(actor) = info.actor else {
        return sign_in_first("/kesiapan");
    };
    if !super::authz::can_open_dashboard(&actor) {
        return refused(&AppError::Forbidden);
    }
    let format = match export_format(&query) {
        Ok(format) => format,
        Err(response) => return response,
    };
    let text = |name: &str| {
        query
            .get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let number = |name: &str| text(name).map(|v| v.parse::<i64>().map_err(|_| name.to_owned()));
    let (site_id, cohort_id, within_days) = match (
        number("site_id").transpose(),
        number("cohort_id").transpose(),
        number("within_days").transpose(),
    ) {
        (Ok(site), Ok(cohort), Ok(days)) => (site, cohort, days),
        _ => {
            return refused(&AppError::invalid(
                "filter",
                crate::kernel::Problem::InvalidChoice,
            ))
        }
    };
    let filter = DashboardFilter {
        site_id,
        cohort_id,
        verdict: text("verdict"),
        blocker: text("blocker"),
        expiring: text("expiring"),
        within_days: within_days.and_then(|d| u16::try_from(d).ok()),
        page: None,
    };
    match service::export_readiness(state.env(), Some(&actor), filter, format).await {
        Ok(exported) => download(exported),
        Err(error) => refused(&error),
    }
}
