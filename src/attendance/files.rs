//! The attendance addresses that are files rather than pages: the excuse form (it may
//! carry a photo, so it is a multipart post that works without JavaScript), the photo,
//! and the exports. Wired into the router by the composition.

use axum::{
    extract::{Multipart, Path, Query, State},
    response::Response,
    Extension,
};
use std::collections::HashMap;

use super::model::excuse::ExcuseInput;
use super::service;
use super::texts::Notice;
use crate::platform::context::{flash_cookie, RequestInfo};
use crate::platform::flash::{AreaNotice, Flash};
use crate::platform::handlers::{
    download, export_format, private_file, read_upload, refused, see_other, sign_in_first,
};
use crate::platform::state::AppState;

/// `POST /izin/ajukan`: a trainee's excuse request, back to `/izin` with the notice or the
/// reasons.
pub async fn request_excuse(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    form: Multipart,
) -> Response {
    let Some(actor) = info.actor else {
        return sign_in_first(super::EXCUSES_PATH);
    };
    let upload = match read_upload(form, "note").await {
        Ok(upload) => upload,
        Err(response) => return response,
    };
    let field = |name: &str| upload.fields.get(name).cloned().unwrap_or_default();
    let input = ExcuseInput {
        session_id: field("session_id"),
        kind: field("kind"),
        reason: field("reason"),
    };
    let note = (!upload.bytes.is_empty()).then_some(upload.bytes.as_slice());
    let result = service::request_excuse(state.env(), &info.client, &actor, &input, note).await;
    let flash = match result {
        Ok(()) => Flash {
            form: None,
            error: None,
            values: Vec::new(),
            notice: Some(Notice::ExcuseSent.token()),
        },
        Err(error) => Flash {
            form: Some("excuse".to_owned()),
            error: Some(error),
            values: vec![
                ("session_id".to_owned(), input.session_id),
                ("kind".to_owned(), input.kind),
                ("reason".to_owned(), input.reason),
            ],
            notice: None,
        },
    };
    see_other(super::EXCUSES_PATH, flash_cookie(&state.config, &flash))
}

/// `GET /izin/{id}/surat`: the photo of a note, for its trainee and the coordinators who
/// decide. Never cached, never sniffed.
pub async fn excuse_note(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(info): Extension<RequestInfo>,
) -> Response {
    let Some(actor) = info.actor else {
        return sign_in_first(super::EXCUSES_PATH);
    };
    let Ok(id) = id.parse::<i64>() else {
        return refused(&crate::kernel::AppError::NotFound);
    };
    match service::excuse_note(state.env(), &actor, id).await {
        Ok((content_type, bytes)) => private_file(&content_type, bytes, "surat"),
        Err(error) => refused(&error),
    }
}

/// `GET /angkatan/{id}/kehadiran/ekspor?format=csv|xlsx[&isi=ringkasan]`.
pub async fn export_cohort(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(info): Extension<RequestInfo>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(actor) = info.actor else {
        return sign_in_first(&format!("/angkatan/{id}/kehadiran"));
    };
    let Ok(cohort_id) = id.parse::<i64>() else {
        return refused(&crate::kernel::AppError::NotFound);
    };
    if !super::authz::can_take_roll_calls(&actor) {
        return refused(&crate::kernel::AppError::Forbidden);
    }
    let format = match export_format(&query) {
        Ok(format) => format,
        Err(response) => return response,
    };
    let summary = query.get("isi").is_some_and(|v| v == "ringkasan");
    match service::export_attendance(state.env(), Some(&actor), Some(cohort_id), format, summary).await {
        Ok(exported) => download(exported),
        Err(error) => refused(&error),
    }
}
