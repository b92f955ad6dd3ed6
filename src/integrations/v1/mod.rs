//! The partner API, `/api/v1`: JSON for other systems (SIAPkerja, SISKOP2MI, test centres,
//! placement agencies), called with an integration key and stable within v1 (additions
//! only). Its OpenAPI 3.1 document is generated from these handlers (utoipa) and served at
//! `/api/v1/openapi.json`, with interactive documentation at `/api/v1/docs`.
//!
//! Outside the pages' middleware on purpose: no cookies, no session, no same-origin rule
//! (a key is not sent by browsers on their own, so there is nothing to forge).

mod caller;
mod catalogue;
mod classes;
mod docs;
mod idempotency;
pub mod problem;
mod readiness;
mod reads;
mod results;
mod trainees;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, RefOr, ResponseBuilder};
use utoipa::OpenApi;

use crate::integrations::model::Scope;
use crate::platform::state::AppState;

/// One endpoint: its method, its path as routed, and the scope it needs (`None`: public).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Endpoint {
    pub method: &'static str,
    pub path: &'static str,
    pub scope: Option<Scope>,
}

/// Every endpoint, in one list: the router is built from it, the document must describe
/// each (tested), and the key-scope matrix probes each.
pub const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "GET",
        path: "/api/v1/sites",
        scope: Some(Scope::CohortsRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/programmes",
        scope: Some(Scope::CohortsRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/cohorts",
        scope: Some(Scope::CohortsRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/cohorts/{id}",
        scope: Some(Scope::CohortsRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/cohorts/{id}/readiness",
        scope: Some(Scope::ReadinessRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/cohorts/{id}/sessions",
        scope: Some(Scope::CohortsRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/cohorts/{id}/attendance",
        scope: Some(Scope::AttendanceRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/sites/{id}/readiness",
        scope: Some(Scope::ReadinessRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/trainees",
        scope: Some(Scope::TraineesRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/trainees/{id}",
        scope: Some(Scope::TraineesRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/trainees/{id}/enrollments",
        scope: Some(Scope::TraineesRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/trainees/{id}/attendance",
        scope: Some(Scope::AttendanceRead),
    },
    Endpoint {
        method: "GET",
        path: "/api/v1/trainees/{id}/readiness",
        scope: Some(Scope::ReadinessRead),
    },
    Endpoint {
        method: "POST",
        path: "/api/v1/trainees/{id}/results",
        scope: Some(Scope::ResultsWrite),
    },
    Endpoint {
        method: "PATCH",
        path: "/api/v1/trainees/{id}/identifiers",
        scope: Some(Scope::RegistryWrite),
    },
];

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Siap Jepang API",
        version = "1",
        description = "Read Siap Jepang's cohorts, sessions, trainees, enrollments, attendance and \
            placement readiness from another system; post official results from test centres; keep \
            a trainee's ID PMI (SIAPkerja) and SISKOP2MI number. \
            Every request carries an integration key (`Authorization: Bearer sjk_…`) that an admin \
            makes on the Integrasi page or with `siap-jepang api-key create`. A key reaches the sites it \
            is limited to (or every site) and does what its scopes allow. Lists come a page at a time: \
            follow `next`. Reads carry an `ETag`; send it back in `If-None-Match` to get `304` when \
            nothing changed. Writes take an `Idempotency-Key`: a repeated request gets the first \
            answer. A key may make a limited number of requests a minute (`429`, `Retry-After`). Errors are `application/problem+json` (RFC 9457), in Indonesian unless \
            `Accept-Language` prefers English. Dates are ISO dates; instants are RFC 3339 in WIB (+07:00)."
    ),
    paths(
        catalogue::sites,
        catalogue::programmes,
        catalogue::cohorts,
        catalogue::cohort,
        classes::sessions,
        classes::cohort_attendance,
        readiness::cohort_readiness,
        readiness::site_readiness,
        trainees::trainees,
        trainees::trainee,
        trainees::enrollments,
        classes::trainee_attendance,
        readiness::trainee_readiness,
        results::record,
        trainees::set_identifiers,
    ),
    components(schemas(problem::ProblemDoc, problem::FieldProblem, readiness::VerdictDoc)),
    modifiers(&Conventions),
    tags(
        (name = "Cohorts", description = "Sites, programmes and cohorts (`cohorts:read`)."),
        (name = "Trainees", description = "Trainee records and their enrollments (`trainees:read`; whole NIKs and contacts with `pii:read`), and their numbers in other government systems (`registry:write`)."),
        (name = "Attendance", description = "Attendance rates against each cohort's threshold (`attendance:read`)."),
        (name = "Readiness", description = "Placement readiness and what blocks it (`readiness:read`)."),
        (name = "Results", description = "Official results from test centres (`results:write`); they count in readiness at once."),
    )
)]
pub struct ApiDoc;

/// What every endpoint shares, added to the document once: the bearer scheme, and the
/// problem answers (401, 403, 404, 400, 422, 304 on reads).
struct Conventions;

impl utoipa::Modify for Conventions {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("sjk_…")
                    .description(Some("An integration key, made by an admin on /integrasi."))
                    .build(),
            ),
        );
        let problem = |description: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        problem::CONTENT_TYPE,
                        ContentBuilder::new()
                            .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                                "ProblemDoc",
                            ))))
                            .build(),
                    )
                    .build(),
            )
        };
        for item in openapi.paths.paths.values_mut() {
            if let Some(operation) = item.get.as_mut() {
                let responses = &mut operation.responses.responses;
                responses.insert(
                    "304".into(),
                    RefOr::T(
                        ResponseBuilder::new()
                            .description("Not modified: the `ETag` sent in `If-None-Match` still holds.")
                            .build(),
                    ),
                );
                responses.insert(
                    "400".into(),
                    problem("Unknown or repeated parameter, or a cursor not from a `next` link."),
                );
            }
            for operation in [&mut item.post, &mut item.patch].into_iter().flatten() {
                operation.responses.responses.insert(
                    "400".into(),
                    problem("A body that is not one JSON object, or a malformed `Idempotency-Key`."),
                );
            }
            for operation in [&mut item.get, &mut item.post, &mut item.patch]
                .into_iter()
                .flatten()
            {
                let responses = &mut operation.responses.responses;
                responses.insert(
                    "401".into(),
                    problem("No key, or a key that is unknown, expired or revoked."),
                );
                responses.insert(
                    "403".into(),
                    problem("The key lacks the scope this endpoint needs."),
                );
                responses.insert(
                    "404".into(),
                    problem("No such row, or one outside the key's sites."),
                );
                responses.insert(
                    "422".into(),
                    problem("A value is refused; each field or parameter is named."),
                );
                responses.insert(
                    "429".into(),
                    problem(
                        "The key's requests of this minute are used up; `Retry-After` says how long to wait.",
                    ),
                );
            }
        }
    }
}

/// The partner API's router, mounted at `/api/v1` beside the pages.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/sites", get(catalogue::sites))
        .route("/api/v1/programmes", get(catalogue::programmes))
        .route("/api/v1/cohorts", get(catalogue::cohorts))
        .route("/api/v1/cohorts/{id}", get(catalogue::cohort))
        .route("/api/v1/cohorts/{id}/readiness", get(readiness::cohort_readiness))
        .route("/api/v1/cohorts/{id}/sessions", get(classes::sessions))
        .route("/api/v1/cohorts/{id}/attendance", get(classes::cohort_attendance))
        .route("/api/v1/sites/{id}/readiness", get(readiness::site_readiness))
        .route("/api/v1/trainees", get(trainees::trainees))
        .route("/api/v1/trainees/{id}", get(trainees::trainee))
        .route("/api/v1/trainees/{id}/enrollments", get(trainees::enrollments))
        .route(
            "/api/v1/trainees/{id}/attendance",
            get(classes::trainee_attendance),
        )
        .route(
            "/api/v1/trainees/{id}/readiness",
            get(readiness::trainee_readiness),
        )
        .route(
            "/api/v1/trainees/{id}/results",
            axum::routing::post(results::record),
        )
        .route(
            "/api/v1/trainees/{id}/identifiers",
            axum::routing::patch(trainees::set_identifiers),
        )
        .route("/api/v1/openapi.json", get(docs::openapi_json))
        .route("/api/v1/docs", get(docs::docs_root))
        .route("/api/v1/docs/", get(docs::docs_index))
        .route("/api/v1/docs/{*file}", get(docs::docs_file))
        .route("/api/v1/{*rest}", axum::routing::any(not_found))
        .layer(axum::middleware::from_fn(api_answers))
}

/// What every answer of the API carries: a method an endpoint does not take is a problem
/// answer too (as is any address under `/api/v1` that is not one, see [`not_found`]), and
/// the security headers the pages get from their own middleware.
async fn api_answers(request: Request, next: Next) -> Response {
    use axum::http::{header, HeaderValue};
    let locale = problem::locale_of(request.headers());
    let mut response = next.run(request).await;
    if response.status() == StatusCode::METHOD_NOT_ALLOWED {
        response = problem::method_not_allowed(locale);
    }
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        );
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Every other address under `/api/v1`.
pub async fn not_found(request: Request) -> Response {
    problem::no_route(problem::locale_of(request.headers()))
}
