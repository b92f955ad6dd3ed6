//! The trainee addresses that are files rather than pages: the roster upload (a
//! multipart form, which works without JavaScript) and the CSV/XLSX downloads. Wired into
//! the router by the composition.

use axum::{
    extract::{Multipart, Path, Query, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};
use std::collections::HashMap;

use super::dto::TraineeFilter;
use super::service::{self, ExportFormat, Exported};
use crate::kernel::{Actor, AppError};
use crate::platform::context::{flash_cookie, safe_local_path, RequestInfo};
use crate::platform::flash::Flash;
use crate::platform::page::{encode, SIGN_IN_PATH};
use crate::platform::state::AppState;

fn see_other(to: &str, cookie: Option<HeaderValue>) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(&safe_local_path(to)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

fn sign_in_first(back: &str) -> Response {
    see_other(&format!("{SIGN_IN_PATH}?next={}", encode(back)), None)
}

const BAD_UPLOAD: &str = "400 — Unggahan tidak terbaca. Muat ulang halaman lalu coba lagi.\nThe upload could not be read. Reload the page and try again.";

fn text(status: StatusCode, body: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

/// `POST /peserta/unggah`: stores an uploaded roster for review, or goes back to the form
/// with the reasons.
pub async fn upload(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    mut form: Multipart,
) -> Response {
    let Some(actor) = info.actor else {
        return sign_in_first("/peserta/impor");
    };
    let mut fields: HashMap<String, String> = HashMap::new();
    let mut file_name = String::new();
    let mut bytes = Vec::new();
    loop {
        match form.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                if name == "file" {
                    file_name = field.file_name().unwrap_or_default().to_owned();
                    match field.bytes().await {
                        Ok(data) => bytes = data.to_vec(),
                        Err(_) => return text(StatusCode::BAD_REQUEST, BAD_UPLOAD),
                    }
                } else {
                    match field.text().await {
                        Ok(value) => {
                            fields.insert(name, value.chars().take(100).collect());
                        }
                        Err(_) => return text(StatusCode::BAD_REQUEST, BAD_UPLOAD),
                    }
                }
            }
            Ok(None) => break,
            Err(_) => return text(StatusCode::BAD_REQUEST, BAD_UPLOAD),
        }
    }
    let site = fields.get("site_id").cloned().unwrap_or_default();
    let cohort = fields.get("cohort_id").cloned().unwrap_or_default();
    match service::stage_import(state.env(), &actor, &site, &cohort, &file_name, &bytes).await {
        Ok(id) => see_other(&format!("/peserta/impor/{id}"), None),
        Err(error) => {
            let flash = Flash {
                form: Some("import".to_owned()),
                error: Some(error),
                values: vec![("site_id".to_owned(), site), ("cohort_id".to_owned(), cohort)],
                notice: None,
            };
            see_other("/peserta/impor", flash_cookie(&state.config, &flash))
        }
    }
}

fn file(exported: Exported) -> Response {
    let mut response = (StatusCode::OK, exported.bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(exported.content_type),
    );
    if let Ok(disposition) =
        HeaderValue::from_str(&format!("attachment; filename=\"{}\"", exported.file_name))
    {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    response
}

fn refused(error: &AppError) -> Response {
    match error {
        AppError::Forbidden => text(StatusCode::FORBIDDEN, "403 — Anda tidak punya izin untuk ekspor ini.\nYou may not export this."),
        AppError::NotFound => text(StatusCode::NOT_FOUND, "404 — Data tidak ditemukan.\nNot found."),
        _ => text(
            StatusCode::INTERNAL_SERVER_ERROR,
            "500 — Terjadi gangguan di server. Coba lagi sebentar lagi.\nSomething went wrong on our side. Please try again shortly.",
        ),
    }
}

fn format_of(query: &HashMap<String, String>) -> Result<ExportFormat, Response> {
    ExportFormat::parse(query.get("format").map_or("csv", String::as_str)).ok_or_else(|| {
        text(
            StatusCode::BAD_REQUEST,
            "400 — Format harus csv atau xlsx.\nThe format must be csv or xlsx.",
        )
    })
}

async fn saved_filter(state: &AppState, actor: &Actor, query: &HashMap<String, String>) -> TraineeFilter {
    let Some(token) = query.get("cari") else {
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
    Extension(info): Extension<RequestInfo>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(actor) = info.actor else {
        return sign_in_first("/peserta");
    };
    let format = match format_of(&query) {
        Ok(format) => format,
        Err(response) => return response,
    };
    let filter = saved_filter(&state, &actor, &query).await;
    match service::export_trainees(state.env(), Some(&actor), &filter, format).await {
        Ok(exported) => file(exported),
        Err(error) => refused(&error),
    }
}

/// `GET /angkatan/{id}/peserta/ekspor?format=csv|xlsx`: one cohort's enrollments.
pub async fn export_roster(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(info): Extension<RequestInfo>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(actor) = info.actor else {
        return sign_in_first(&format!("/angkatan/{id}/peserta"));
    };
    let Ok(cohort_id) = id.parse::<i64>() else {
        return refused(&AppError::NotFound);
    };
    let format = match format_of(&query) {
        Ok(format) => format,
        Err(response) => return response,
    };
    match service::export_enrollments(state.env(), Some(&actor), Some(cohort_id), format).await {
        Ok(exported) => file(exported),
        Err(error) => refused(&error),
    }
}
