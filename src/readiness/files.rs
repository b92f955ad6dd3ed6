//! The readiness addresses that are files rather than pages: uploading a document scan (a
//! multipart post that works without JavaScript), the scan itself (only for the trainee
//! and their site's coordinators, whatever id is guessed), and the export. Wired into the
//! router by the composition.

use axum::{
    extract::{Multipart, State},
    response::Response,
};

use super::dto::DashboardFilter;
use super::service;
use super::texts::Notice;
use crate::kernel::{AppError, TraineeId};
use crate::platform::context::{Failure, Success};
use crate::platform::handlers::{
    download, export_format, private_file, read_upload, refused, reply, FileRoute, Filter, PathId, SignedIn,
};
use crate::platform::query_string::ExportQuery;
use crate::platform::state::AppState;

use super::paths::MINE as MINE_PATH;

/// `POST /kesiapan/pindaian`: a scan of one document (`kind`, file `scan`; coordinators
/// also send `trainee_id`), back to the page it came from with the notice or the reason.
pub async fn upload_scan(
    State(state): State<AppState>,
    SignedIn { actor, info }: SignedIn,
    form: Multipart,
) -> Response {
    let upload = match read_upload(form, "scan").await {
        Ok(upload) => upload,
        Err(response) => return response,
    };
    let kind = upload.fields.get("kind").cloned().unwrap_or_default();
    let trainee_id = upload
        .fields
        .get("trainee_id")
        .and_then(|v| v.trim().parse::<TraineeId>().ok());
    let back = match trainee_id {
        Some(id) if !super::authz::is_trainee(&actor) => super::paths::trainee(id),
        _ => MINE_PATH.to_owned(),
    };
    let result =
        service::upload_scan(state.env(), &info.client, &actor, trainee_id, &kind, upload.bytes).await;
    if matches!(result, Err(AppError::NotFound)) {
        return refused(&AppError::NotFound);
    }
    let form = super::api::document_form_of(&kind);
    reply(
        &state.config,
        result,
        |(kind, _)| Success::to(&back).notice(Notice::ScanSaved(*kind)),
        &back,
        Failure::form(form),
    )
}

/// `GET /kesiapan/dokumen/{id}/pindaian`: a document's scan.
pub async fn document_scan(
    State(state): State<AppState>,
    SignedIn { actor, .. }: SignedIn,
    PathId(id): PathId,
) -> Response {
    match service::scan(state.env(), &actor, id).await {
        Ok((content_type, bytes)) => private_file(&content_type, bytes, "dokumen"),
        Err(error) => refused(&error),
    }
}

/// `GET /kesiapan/ekspor?format=csv|xlsx` with the dashboard's filters.
pub async fn export(
    State(state): State<AppState>,
    SignedIn { actor, .. }: SignedIn,
    Filter(query): Filter<ExportQuery<DashboardFilter>>,
) -> Response {
    if !super::authz::can_open_dashboard(&actor) {
        return refused(&AppError::Forbidden);
    }
    let format = match export_format(&query) {
        Ok(format) => format,
        Err(response) => return response,
    };
    let filter = DashboardFilter {
        page: None,
        ..query.filter
    };
    match service::export_readiness(state.env(), Some(&actor), filter, format).await {
        Ok(exported) => download(exported),
        Err(error) => refused(&error),
    }
}

/// Readiness's addresses that are files, for the composition's router.
pub fn file_routes() -> Vec<FileRoute> {
    vec![
        FileRoute::post(super::paths::UPLOAD, upload_scan),
        FileRoute::get(super::paths::SCAN, document_scan),
        FileRoute::get(super::paths::EXPORT, export),
    ]
}
