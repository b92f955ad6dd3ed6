//! `Idempotency-Key` on writes: the first request with a key is answered and its answer
//! kept (24 hours); the same request again with the same key gets that answer, marked
//! `Idempotent-Replayed: true`, and writes nothing. The same key with another request is
//! refused, and while the first is still being answered a repeat waits: both 409. An answer
//! that is our failure (5xx) is not kept, so a retry may still succeed.

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::caller::Partner;
use super::problem::{self, FieldProblem};
use crate::integrations::service::{self, Claim};
use crate::integrations::texts::T;
use crate::platform::state::Env;

pub const HEADER: &str = "idempotency-key";

/// Runs `write` once per idempotency key (or every time, without one).
pub async fn once(
    env: Env<'_>,
    partner: &Partner,
    headers: &HeaderMap,
    request: &str,
    body: &[u8],
    write: impl AsyncFnOnce() -> Response,
) -> Response {
    let locale = partner.locale;
    let Some(value) = headers.get(HEADER) else {
        return write().await;
    };
    let key = match value.to_str() {
        Ok(key) if (1..=200).contains(&key.len()) && key.bytes().all(|b| (0x21..=0x7e).contains(&b)) => key,
        _ => {
            return problem::bad_request(
                vec![FieldProblem::api(
                    "Idempotency-Key",
                    "InvalidIdempotencyKey",
                    T::ApiBadIdempotencyKey,
                    locale,
                )],
                locale,
            )
        }
    };
    let hash = crate::platform::secrets::sha256_hex_bytes(&[request.as_bytes(), b"\n", body].concat());
    match service::claim(env, partner.caller.key, key, &hash).await {
        Ok(Claim::Fresh(claim)) => {
            let response = write().await;
            let (parts, body) = response.into_parts();
            let Ok(bytes) = axum::body::to_bytes(body, 1024 * 1024).await else {
                let _ = service::release(env, claim).await;
                let error = crate::platform::errors::internal("idempotent answer", &"unreadable body");
                return problem::from_error(&error, locale);
            };
            let kept = if parts.status.is_server_error() {
                service::release(env, claim).await
            } else {
                service::settle(
                    env,
                    claim,
                    parts.status.as_u16(),
                    &String::from_utf8_lossy(&bytes),
                )
                .await
            };
            if let Err(error) = kept {
                tracing::warn!(%error, "an idempotent answer could not be kept");
            }
            Response::from_parts(parts, Body::from(bytes))
        }
        Ok(Claim::Answered { status, body }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            let mut response = (status, body).into_response();
            let content_type = if status.is_success() {
                "application/json"
            } else {
                problem::CONTENT_TYPE
            };
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
            response
        }
        Ok(Claim::InProgress) => problem::answer(
            StatusCode::CONFLICT,
            "idempotency-in-progress",
            problem::titled(T::ApiIdempotencyInProgress.get(locale).to_owned()),
            locale,
        ),
        // 409 as for a key still in use: the key is taken, by another request.
        Ok(Claim::OtherRequest) => problem::answer(
            StatusCode::CONFLICT,
            "idempotency-key-reused",
            problem::ProblemDoc {
                errors: vec![FieldProblem::api(
                    "Idempotency-Key",
                    "IdempotencyKeyReused",
                    T::ApiIdempotencyKeyReused,
                    locale,
                )],
                ..problem::titled(T::ApiIdempotencyKeyReused.get(locale).to_owned())
            },
            locale,
        ),
        Err(error) => problem::from_error(&error, locale),
    }
}
