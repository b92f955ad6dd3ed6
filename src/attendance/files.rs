//! The attendance addresses that are files rather than pages: the excuse form (it may
//! carry a photo, so it is a multipart post that works without JavaScript), the photo,
//! and the exports. Wired into the router by the composition.

use axum::{
    extract::{Multipart, State},
    response::Response,
};

use super::dto::ExportContent;
use super::model::excuse::ExcuseInput;
use super::service;
use super::texts::Notice;
use crate::kernel::CohortId;
use crate::platform::context::{Failure, Success};
use crate::platform::handlers::{
    download, export_format, private_file, read_upload, refused, reply, FileRoute, Filter, PathId, SignedIn,
};
use crate::platform::query_string::ExportQuery;
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
        |()| Success::to(super::paths::EXCUSES).notice(Notice::ExcuseSent),
        super::paths::EXCUSES,
        Failure::form(super::paths::EXCUSE_FORM).keep_all(&input),
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
    PathId(cohort_id): PathId<CohortId>,
    Filter(query): Filter<ExportQuery<ExportContent>>,
) -> Response {
    if !super::authz::can_take_roll_calls(&actor) {
        return refused(&crate::kernel::AppError::Forbidden);
    }
    let format = match export_format(&query) {
        Ok(format) => format,
        Err(response) => return response,
    };
    let summary = query.filter.is_summary();
    match service::export_attendance(state.env(), Some(&actor), Some(cohort_id), format, summary).await {
        Ok(exported) => download(exported),
        Err(error) => refused(&error),
    }
}

/// Attendance's addresses that are files, for the composition's router.
pub fn file_routes() -> Vec<FileRoute> {
    vec![
        FileRoute::post(super::paths::EXCUSE_POST, request_excuse),
        FileRoute::get(super::paths::EXCUSE_NOTE, excuse_note),
        FileRoute::get(super::paths::COHORT_EXPORT, export_cohort),
    ]
}
