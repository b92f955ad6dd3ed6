//! A server function whose arguments cannot be read (missing, mistyped, not UTF-8, cut
//! short) never runs; the framework then answers 500 with our `BadRequest` error in the
//! body. That is the client's mistake, not ours: this layer answers it as one, with 400
//! and the same body to the server-function client, or, for a plain HTML form post, a 303
//! back to the page it came from with the bilingual message in the flash. Logged at WARN.

use axum::{
    body::{to_bytes, Body},
    extract::State,
    http::{header, HeaderValue, Method, Request, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::kernel::AppError;
use crate::platform::context::{flash_cookie, referer_path};
use crate::platform::flash::Flash;
use crate::platform::state::AppState;

/// What the framework marks its server-function error responses with.
const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";

/// Error bodies are a few bytes of JSON; anything longer is not ours to rewrite.
const ERROR_BODY_LIMIT: usize = 64 * 1024;

pub async fn answer_bad_requests(
    State(state): State<AppState>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    if !path.starts_with("/api/") {
        return next.run(request).await;
    }
    let form_post = request.method() == Method::POST
        && request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"));
    let back = referer_path(request.headers());
    let response = next.run(request).await;
    let framework_answer =
        response.status() == StatusCode::INTERNAL_SERVER_ERROR || response.status().is_redirection();
    if !framework_answer || !response.headers().contains_key(SERVER_FN_ERROR_HEADER) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, ERROR_BODY_LIMIT).await else {
        tracing::error!(%path, "an unreadable server-function error body");
        return (StatusCode::INTERNAL_SERVER_ERROR, "500 Internal Server Error").into_response();
    };
    if serde_json::from_slice::<AppError>(&bytes).ok() != Some(AppError::BadRequest) {
        return Response::from_parts(parts, Body::from(bytes));
    }
    tracing::warn!(%path, "refused a server-function call with malformed arguments");
    if form_post {
        let flash = Flash {
            error: Some(AppError::BadRequest),
            ..Flash::default()
        };
        let mut redirect = Response::builder()
            .status(StatusCode::SEE_OTHER)
            .header(
                header::LOCATION,
                HeaderValue::from_str(&back).unwrap_or(HeaderValue::from_static("/")),
            )
            .body(Body::empty())
            .unwrap_or_default();
        if let Some(cookie) = flash_cookie(&state.config, &flash) {
            redirect.headers_mut().append(header::SET_COOKIE, cookie);
        }
        return redirect;
    }
    let mut answer = Response::from_parts(parts, Body::from(bytes));
    *answer.status_mut() = StatusCode::BAD_REQUEST;
    answer.headers_mut().remove(header::LOCATION);
    answer
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    answer
}
