//! Building blocks of the plain axum handlers areas add for files (uploads that carry a
//! file, downloads): the route each area lists, the signed-in actor, the path's id and the
//! typed query as extractors, the reply to a form with a flash, redirects, bilingual
//! plain-text refusals, file responses and a multipart form reader. Server only.

use axum::{
    extract::{FromRequestParts, Multipart},
    http::{header, request::Parts, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde::de::DeserializeOwned;
use std::collections::HashMap;

use super::config::Config;
use super::context::{flash_cookie, referer_path, safe_local_path, Failure, RequestInfo, Success};
use super::page::sign_in_then;
use super::query_string::ExportQuery;
use super::state::AppState;
use super::tables::{ExportFormat, Exported};
use crate::kernel::{Actor, AppError};

/// An address that is a file rather than a page: a download, an upload, a feed.
pub struct FileRoute {
    pub path: &'static str,
    /// `GET` or `POST`.
    pub method: &'static str,
    pub handler: axum::routing::MethodRouter<AppState>,
}

impl FileRoute {
    pub fn get<H, T>(path: &'static str, handler: H) -> Self
    where
        H: axum::handler::Handler<T, AppState>,
        T: 'static,
    {
        Self {
            path,
            method: "GET",
            handler: axum::routing::get(handler),
        }
    }

    pub fn post<H, T>(path: &'static str, handler: H) -> Self
    where
        H: axum::handler::Handler<T, AppState>,
        T: 'static,
    {
        Self {
            path,
            method: "POST",
            handler: axum::routing::post(handler),
        }
    }
}

/// The signed-in actor of a plain handler, with what the middleware learnt of the request.
/// Without a session the request goes to the sign-in page, and afterwards back to the page
/// it came from (its `Referer`, when that is ours) or, asked for directly, to itself.
pub struct SignedIn {
    pub actor: Actor,
    pub info: RequestInfo,
}

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let Some(info) = parts.extensions.get::<RequestInfo>().cloned() else {
            return Err(refused(&super::errors::internal(
                "handler",
                &"request info missing",
            )));
        };
        match info.actor.clone() {
            Some(actor) => Ok(Self { actor, info }),
            None if parts.headers.contains_key(header::REFERER) => {
                Err(sign_in_first(&referer_path(&parts.headers)))
            }
            None => Err(sign_in_first(
                parts.uri.path_and_query().map_or("/", |p| p.as_str()),
            )),
        }
    }
}

/// The one id in a file route's path (`/izin/{id}/surat`), as the record's id type;
/// anything but a whole number is a 404, as an id out of reach is.
pub struct PathId<Id = i64>(pub Id);

impl<S: Send + Sync, Id: std::str::FromStr> FromRequestParts<S> for PathId<Id> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .ok()
            .and_then(|axum::extract::Path(id)| id.parse().ok())
            .map(Self)
            .ok_or_else(|| refused(&AppError::NotFound))
    }
}

/// The answer to a form a plain handler took (an upload): on to `on_success`'s page with
/// its notice, or back to `back` with the error and the typed values, as
/// [`Ctx::reply`](super::context::Ctx::reply) answers a server function's form.
pub fn reply<T>(
    config: &Config,
    result: Result<T, AppError>,
    on_success: impl FnOnce(&T) -> Success,
    back: &str,
    on_failure: Failure,
) -> Response {
    match result {
        Ok(value) => {
            let success = on_success(&value);
            let cookie = success.flash().and_then(|flash| flash_cookie(config, &flash));
            see_other(&success.to, cookie)
        }
        Err(AppError::Unauthenticated) => sign_in_first(back),
        Err(error) => see_other(back, flash_cookie(config, &on_failure.flash(error))),
    }
}

/// `303 See Other` to a local path, with an optional cookie (a flash).
pub fn see_other(to: &str, cookie: Option<HeaderValue>) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(&safe_local_path(to)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// To the sign-in page, coming back to `back` afterwards.
pub fn sign_in_first(back: &str) -> Response {
    see_other(&sign_in_then(back), None)
}

/// A short bilingual plain-text answer.
pub fn plain(status: StatusCode, body: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

const BAD_UPLOAD: &str = "400 — Unggahan tidak terbaca. Muat ulang halaman lalu coba lagi.\nThe upload could not be read. Reload the page and try again.";

/// How a download that cannot be given is refused.
pub fn refused(error: &AppError) -> Response {
    match error {
        AppError::Forbidden => plain(
            StatusCode::FORBIDDEN,
            "403 — Anda tidak punya izin untuk ini.\nYou may not have this.",
        ),
        AppError::NotFound => plain(StatusCode::NOT_FOUND, "404 — Data tidak ditemukan.\nNot found."),
        AppError::Invalid(_) => plain(
            StatusCode::UNPROCESSABLE_ENTITY,
            "422 — Permintaan tidak sah.\nThe request is not valid.",
        ),
        _ => plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            "500 — Terjadi gangguan di server. Coba lagi sebentar lagi.\nSomething went wrong on our side. Please try again shortly.",
        ),
    }
}

/// An export as a download.
pub fn download(exported: Exported) -> Response {
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

/// A multipart form: its text fields (each at most 1,000 characters) and the one file
/// field named `file_field` (its name and bytes; empty when none was chosen).
pub struct Upload {
    pub fields: HashMap<String, String>,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Reads a whole multipart form.
///
/// # Errors
/// A `400` answer for a body that is not a readable multipart form.
pub async fn read_upload(mut form: Multipart, file_field: &str) -> Result<Upload, Response> {
    let mut upload = Upload {
        fields: HashMap::new(),
        file_name: String::new(),
        bytes: Vec::new(),
    };
    loop {
        match form.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                if name == file_field {
                    upload.file_name = field.file_name().unwrap_or_default().to_owned();
                    match field.bytes().await {
                        Ok(data) => upload.bytes = data.to_vec(),
                        Err(_) => return Err(plain(StatusCode::BAD_REQUEST, BAD_UPLOAD)),
                    }
                } else {
                    match field.text().await {
                        Ok(value) => {
                            upload.fields.insert(name, value.chars().take(1000).collect());
                        }
                        Err(_) => return Err(plain(StatusCode::BAD_REQUEST, BAD_UPLOAD)),
                    }
                }
            }
            Ok(None) => return Ok(upload),
            Err(_) => return Err(plain(StatusCode::BAD_REQUEST, BAD_UPLOAD)),
        }
    }
}

/// A file route's typed query, read by the codec the pages use
/// ([`query_string::read`](super::query_string::read)): never a rejection, what cannot be
/// read counts as not given.
pub struct Filter<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Default> FromRequestParts<S> for Filter<T> {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(super::query_string::read(
            parts.uri.query().unwrap_or_default(),
        )))
    }
}

/// The format an export asks for (`csv` when left out).
///
/// # Errors
/// A `400` answer for anything but `csv` or `xlsx`.
// The error is the handler's whole answer, made once per request; boxing it buys nothing.
#[allow(clippy::result_large_err)]
pub fn export_format<T>(query: &ExportQuery<T>) -> Result<ExportFormat, Response> {
    ExportFormat::parse(query.format.as_deref().unwrap_or("csv")).ok_or_else(|| {
        plain(
            StatusCode::BAD_REQUEST,
            "400 — Format harus csv atau xlsx.\nThe format must be csv or xlsx.",
        )
    })
}

/// A private upload (a doctor's note, a document scan) for the few who may see it: never
/// cached, never sniffed, no script; pictures inline, anything else (PDF) as a download
/// named `stem`.
pub fn private_file(content_type: &str, bytes: Vec<u8>, stem: &str) -> Response {
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; img-src 'self'; sandbox"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if !content_type.starts_with("image/") {
        let disposition = format!("attachment; filename=\"{stem}.pdf\"");
        if let Ok(value) = HeaderValue::from_str(&disposition) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
    }
    response
}
