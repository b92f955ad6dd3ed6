//! The trainee addresses that are files rather than pages: the roster upload (a
//! multipart form, which works without JavaScript) and the CSV/XLSX downloads. Wired into
//! the router by the composition.

use axum::{
    extract::{Multipart, State},
    response::Response,
};

use super::dto::{ListAddress, TraineeFilter};
use super::paths;
use super::service;
use crate::kernel::{Actor, CohortId};
use crate::platform::context::{Failure, Success};
use crate::platform::handlers::{
    download, export_format, read_upload, refused, reply, FileRoute, Filter, PathId, SignedIn,
};
use crate::platform::query_string::{ExportQuery, NoFilter};
use crate::platform::state::AppState;

/// `POST /peserta/unggah`: stores an uploaded roster for review, or goes back to the form
/// with the reasons.
pub async fn upload(
    State(state): State<AppState>,
    SignedIn { actor, .. }: SignedIn,
    form: Multipart,
) -> Response {
    let upload = match read_upload(form, "file").await {
        Ok(upload) => upload,
        Err(response) => return response,
    };
    let (fields, file_name, bytes) = (upload.fields, upload.file_name, upload.bytes);
    let site = fields.get("site_id").cloned().unwrap_or_default();
    let cohort = fields.get("cohort_id").cloned().unwrap_or_default();
    let result = service::stage_import(state.env(), &actor, &site, &cohort, &file_name, &bytes).await;
    reply(
        &state.config,
        result,
        |id| Success::to(paths::import(*id)),
        paths::IMPORT,
        Failure::form(paths::IMPORT_FORM)
            .keep("site_id", &site)
            .keep("cohort_id", &cohort),
    )
}

async fn saved_filter(state: &AppState, actor: &Actor, address: &ListAddress) -> TraineeFilter {
    let Some(token) = &address.token else {
        return TraineeFilter::default();
    };
    let now = state.clock.now();
    match super::db::saved_search(&state.db, token, actor.user_id, now).await {
        Ok(Some(saved)) => serde_json::from_str(&saved).unwrap_or_default(),
        _ => TraineeFilter::default(),
    }
}

/// `GET /peserta/ekspor?format=csv|xlsx[&cari=TOKEN]`: the trainees of the list.
pub async fn export_trainees(
    State(state): State<AppState>,
    SignedIn { actor, .. }: SignedIn,
    Filter(query): Filter<ExportQuery<ListAddress>>,
) -> Response {
    let format = match export_format(&query) {
        Ok(format) => format,
        Err(response) => return response,
    };
    let filter = saved_filter(&state, &actor, &query.filter).await;
    match service::export_trainees(state.env(), Some(&actor), &filter, format).await {
        Ok(exported) => download(exported),
        Err(error) => refused(&error),
    }
}

/// `GET /angkatan/{id}/peserta/ekspor?format=csv|xlsx`: one cohort's enrollments.
pub async fn export_roster(
    State(state): State<AppState>,
    SignedIn { actor, .. }: SignedIn,
    PathId(cohort_id): PathId<CohortId>,
    Filter(query): Filter<ExportQuery<NoFilter>>,
) -> Response {
    let format = match export_format(&query) {
        Ok(format) => format,
        Err(response) => return response,
    };
    match service::export_roster(state.env(), &actor, cohort_id, format).await {
        Ok(exported) => download(exported),
        Err(error) => refused(&error),
    }
}

/// The registry's addresses that are files, for the composition's router.
pub fn file_routes() -> Vec<FileRoute> {
    vec![
        FileRoute::post(paths::UPLOAD, upload),
        FileRoute::get(paths::EXPORT, export_trainees),
        FileRoute::get(paths::ROSTER_EXPORT, export_roster),
    ]
}
