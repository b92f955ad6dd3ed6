//! Errors of the partner API as `application/problem+json` (RFC 9457): a type, the title
//! and detail in the caller's language (Indonesian unless `Accept-Language` prefers
//! English), the status, and for refused input every field with its problem, worded as the
//! pages word it.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::integrations::model::Scope;
use crate::integrations::texts::T;
use crate::kernel::i18n::{error_text, fill, problem_text};
use crate::kernel::{AppError, Locale, Problem};

pub const CONTENT_TYPE: &str = "application/problem+json";

/// An error answer (RFC 9457).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "/api/v1/docs#problem-invalid",
    "title": "Periksa kembali isian yang ditandai. Belum ada yang disimpan.",
    "status": 422,
    "errors": [{"field": "limit", "code": "OutOfRange", "message": "Harus antara 1 dan 100."}]
}))]
pub struct ProblemDoc {
    /// What kind of problem: a URI reference into the API's documentation.
    #[serde(rename = "type")]
    pub kind: String,
    /// The problem in a sentence, in the caller's language.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// More about this occurrence, when there is more to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Every refused field or parameter (422, 400).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

/// One refused field or query parameter.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldProblem {
    /// The field or parameter, as named in the request.
    pub field: String,
    /// A stable code for programs (`Required`, `InvalidDate`, `OutOfRange`, `InvalidCursor`…).
    pub code: String,
    /// The same message the pages show, in the caller's language.
    pub message: String,
}

impl FieldProblem {
    pub fn of(field: &str, problem: &Problem, locale: Locale) -> Self {
        Self {
            field: field.to_owned(),
            code: code_of(problem),
            message: problem_text(problem, locale),
        }
    }

    pub fn api(field: &str, code: &str, message: crate::kernel::Text, locale: Locale) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.get(locale).to_owned(),
        }
    }
}

/// The variant's name: `Required`, `OutOfRange`…
fn code_of(problem: &Problem) -> String {
    match serde_json::to_value(problem) {
        Ok(serde_json::Value::String(name)) => name,
        Ok(serde_json::Value::Object(map)) => map.keys().next().cloned().unwrap_or_default(),
        _ => "Invalid".to_owned(),
    }
}

/// A request refused: its whole problem answer, boxed (an answer is large, and handlers
/// pass it up with `?`).
pub struct Refused(Box<Response>);

impl From<Response> for Refused {
    fn from(response: Response) -> Self {
        Self(Box::new(response))
    }
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        *self.0
    }
}

/// What a handler answers: its response, or the refusal.
pub type Answer = Result<Response, Refused>;

/// The language the caller asked for: English when `Accept-Language` prefers `en` to `id`.
pub fn locale_of(headers: &HeaderMap) -> Locale {
    let Some(accepted) = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()) else {
        return Locale::Id;
    };
    for tag in accepted.split(',') {
        let language = tag
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        if language.starts_with("id") || language.starts_with("in") {
            return Locale::Id;
        }
        if language.starts_with("en") {
            return Locale::En;
        }
    }
    Locale::Id
}

/// The answer for `problem` with `status`.
pub fn answer(status: StatusCode, slug: &str, problem: ProblemDoc, locale: Locale) -> Response {
    let body = ProblemDoc {
        kind: format!("/api/v1/docs#problem-{slug}"),
        status: status.as_u16(),
        ..problem
    };
    let mut response = (status, serde_json::to_vec(&body).unwrap_or_default()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(locale.code()));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status == StatusCode::UNAUTHORIZED {
        headers.insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"siap-jepang\", error=\"invalid_token\""),
        );
    }
    response
}

pub fn titled(title: String) -> ProblemDoc {
    ProblemDoc {
        kind: String::new(),
        title,
        status: 0,
        detail: None,
        errors: Vec::new(),
    }
}

/// The answer for an error of the areas' use cases.
pub fn from_error(error: &AppError, locale: Locale) -> Response {
    match error {
        AppError::Unauthenticated | AppError::InvalidCredentials | AppError::CodeInvalid => {
            unauthenticated(locale)
        }
        AppError::Forbidden => answer(
            StatusCode::FORBIDDEN,
            "forbidden",
            titled(error_text(error, locale)),
            locale,
        ),
        AppError::NotFound => answer(
            StatusCode::NOT_FOUND,
            "not-found",
            titled(error_text(error, locale)),
            locale,
        ),
        AppError::Invalid(fields) => invalid(
            fields
                .iter()
                .map(|f| FieldProblem::of(&f.field, &f.problem, locale))
                .collect(),
            locale,
        ),
        AppError::BadRequest => bad_request(Vec::new(), locale),
        AppError::Throttled { .. } => answer(
            StatusCode::TOO_MANY_REQUESTS,
            "throttled",
            titled(error_text(error, locale)),
            locale,
        ),
        AppError::Internal { .. } => answer(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            titled(error_text(error, locale)),
            locale,
        ),
    }
}

/// 401: a key that is not a live one.
pub fn unauthenticated(locale: Locale) -> Response {
    answer(
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
        titled(T::ApiUnauthenticated.get(locale).to_owned()),
        locale,
    )
}

/// 401: no key at all; the challenge names no error (RFC 6750, 3.1).
pub fn no_credentials(locale: Locale) -> Response {
    let mut response = unauthenticated(locale);
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"siap-jepang\""),
    );
    response
}

/// 403: the key lacks the scope this endpoint needs.
pub fn missing_scope(scope: Scope, locale: Locale) -> Response {
    answer(
        StatusCode::FORBIDDEN,
        "missing-scope",
        titled(fill(T::ApiMissingScope.get(locale), &[("scope", scope.as_str())])),
        locale,
    )
}

/// 422: well-formed request, refused values.
pub fn invalid(errors: Vec<FieldProblem>, locale: Locale) -> Response {
    answer(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        ProblemDoc {
            errors,
            ..titled(error_text(&AppError::Invalid(Vec::new()), locale))
        },
        locale,
    )
}

/// 400: a request that cannot be read (unknown parameters, a bad cursor).
pub fn bad_request(errors: Vec<FieldProblem>, locale: Locale) -> Response {
    answer(
        StatusCode::BAD_REQUEST,
        "bad-request",
        ProblemDoc {
            errors,
            ..titled(T::ApiBadRequest.get(locale).to_owned())
        },
        locale,
    )
}

/// 413: a body over the limit.
pub fn too_large(locale: Locale) -> Response {
    answer(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too-large",
        titled(T::ApiTooLarge.get(locale).to_owned()),
        locale,
    )
}

/// 429: the key's requests this minute are used up; `Retry-After` says for how long.
pub fn rate_limited(retry_after_secs: u64, locale: Locale) -> Response {
    let mut response = answer(
        StatusCode::TOO_MANY_REQUESTS,
        "rate-limited",
        titled(fill(
            T::ApiRateLimited.get(locale),
            &[("n", &retry_after_secs.to_string())],
        )),
        locale,
    );
    if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// 404 for an address under `/api/v1` that is not an endpoint.
pub fn no_route(locale: Locale) -> Response {
    answer(
        StatusCode::NOT_FOUND,
        "not-found",
        titled(T::ApiNoRoute.get(locale).to_owned()),
        locale,
    )
}

/// 405 for a method an endpoint does not take.
pub fn method_not_allowed(locale: Locale) -> Response {
    answer(
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
        titled(T::ApiMethodNotAllowed.get(locale).to_owned()),
        locale,
    )
}
