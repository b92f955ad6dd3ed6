//! The attendance addresses that are files rather than pages: the excuse form (it may
//! carry a photo, so it is a multipart post that works without JavaScript), the photo,
//! and the exports. Wired into the router by the composition.

use axum::{
    extract::{Multipart, Query, State},
    response::Response,
};
use std::collections::HashMap;

use super::model::excuse::ExcuseInput;
use super::service;
use super::texts::Notice;
use crate::platform::context::{Failure, Success};
use crate::platform::handlers::{
    download, export_format, private_file, read_upload, refused, reply, PathId, SignedIn,
};
use crate::platform::state::AppState;

/// `POST /izin/ajukan`: a trainee's excuse request, back to `/izin` with the notice or the
/// reasons.
pub async fn request_excuse(
    State(state): State<AppState>,
    SignedIn { actor, info }: SignedIn,
    form: Multipart,
) -> Response {
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
    reply(
        &state.config,
        result,
        |()| Success::to(super::EXCUSES_PATH).notice(Notice::ExcuseSent),
        super::EXCUSES_PATH,
        Failure::form("excuse")
            .keep("session_id", &input.session_id)
            .keep("kind", &input.kind)
            .keep("reason", &input.reason),
    )
}

/// `GET /izin/{id}/surat`: the photo of a note, for its trainee and the coordinators who
/// decide. Never cached, never sniffed.
pub async fn excuse_note(
    State(state): State<AppState>,
    SignedIn { actor, .. }: SignedIn,
    PathId(id): PathId,
) -> Response {
    match service::excuse_note(state.env(), &actor, id).await {
        Ok((content_type, bytes)) => private_file(&content_type, bytes, "surat"),
        Err(error) => refused(&error),
    }
}

/// `GET /angkatan/{id}/kehadiran/ekspor?format=csv|xlsx[&isi=ringkasan]`.
pub async fn export_cohort(
    State(state): State<AppState>,
    SignedIn { actor, .. }: SignedIn,
    PathId(cohort_id): PathId,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
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
