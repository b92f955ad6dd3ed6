//! The API's own description: the OpenAPI 3.1 document, and Swagger UI to read and try it,
//! served from files inside the binary (no CDN), under a CSP that lets in only what Swagger
//! UI needs: its own scripts and styles (it sets inline styles), pictures as data, and
//! requests to this site.

use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use std::sync::{Arc, OnceLock};
use utoipa::OpenApi;
use utoipa_swagger_ui::Config;

use super::{problem, reads, ApiDoc};

const DOCUMENT: &str = "/api/v1/openapi.json";

/// The document, made once.
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOC: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    DOC.get_or_init(ApiDoc::openapi)
}

/// `GET /api/v1/openapi.json`: public, like any published API description.
pub async fn openapi_json(headers: HeaderMap) -> Response {
    let mut response = reads::json(&headers, document());
    response
        .headers_mut()
        .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

pub async fn docs_root() -> Redirect {
    Redirect::permanent("/api/v1/docs/")
}

fn config() -> Arc<Config<'static>> {
    static CONFIG: OnceLock<Arc<Config<'static>>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            Arc::new(
                Config::new([DOCUMENT])
                    // No calls to swagger.io's online validator: everything stays here.
                    .validator_url("none")
                    .try_it_out_enabled(true)
                    .persist_authorization(false),
            )
        })
        .clone()
}

const DOCS_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'none'; \
    frame-ancestors 'none'; base-uri 'none'";

/// `GET /api/v1/docs/`: Swagger UI's page.
pub async fn docs_index(headers: HeaderMap) -> Response {
    serve(&headers, "")
}

/// `GET /api/v1/docs/…`: Swagger UI's files.
pub async fn docs_file(headers: HeaderMap, Path(path): Path<String>) -> Response {
    serve(&headers, &path)
}

fn serve(headers: &HeaderMap, path: &str) -> Response {
    match utoipa_swagger_ui::serve(path, config()) {
        Ok(Some(file)) => {
            let mut response = (StatusCode::OK, file.bytes.into_owned()).into_response();
            let out = response.headers_mut();
            if let Ok(value) = HeaderValue::from_str(&file.content_type) {
                out.insert(header::CONTENT_TYPE, value);
            }
            out.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(DOCS_CSP),
            );
            out.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            );
            response
        }
        Ok(None) => problem::no_route(problem::locale_of(headers)),
        Err(error) => {
            let error = crate::platform::errors::internal("api docs", &error);
            problem::from_error(&error, problem::locale_of(headers))
        }
    }
}
