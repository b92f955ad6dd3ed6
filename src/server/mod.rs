//! The composition: wires everything together. The HTTP router and its middleware, the
//! command line, the database connection and migrations, the demo seed and backups. The
//! top layer: it uses every other one, and nothing uses it. Compiled with `ssr` only.

pub mod backup;
mod bad_requests;
pub mod cli;
pub mod compression;
pub mod database;
pub mod exchange;
pub mod middleware;
pub mod seed;
pub mod worker;

use axum::{
    extract::State,
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json, Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};

use crate::platform::handlers::FileRoute;
use std::{net::SocketAddr, time::Duration};
use tower_http::{
    catch_panic::CatchPanicLayer,
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

use crate::app::{shell, App};
use crate::platform::config::Config;
use crate::platform::context::RequestInfo;
use crate::platform::page::PageCtx;
use crate::platform::state::{AppState, Ports};

/// Leptos' own options, derived from our configuration (no reliance on cargo-leptos'
/// environment variables, so the binary runs the same under any launcher).
pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("siap-jepang")
        .site_root(config.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(config.site_addr)
        .env(leptos::config::Env::PROD)
        .build()
}

/// The reads and writes lower areas need of higher areas' tables, answered by each
/// table's owner (see [`Ports`]).
pub fn ports() -> Ports {
    Ports {
        seat_cohorts: crate::trainees::db::seat_cohorts,
        planned_span: crate::schedule::db::planned_span,
        user_name: crate::accounts::db::user_name,
        site_name: crate::accounts::db::site_name,
        people_matching: crate::accounts::db::people_matching,
        release_sessions: crate::schedule::db::release_sessions,
    }
}

/// Provides the page context (language, actor, flash) and our CSP nonce to every render.
fn provide_request_context() {
    let Some(parts) = use_context::<axum::http::request::Parts>() else {
        return;
    };
    let Some(info) = parts.extensions.get::<RequestInfo>() else {
        return;
    };
    provide_context(leptos::nonce::Nonce::from_value(info.nonce.clone()));
    provide_context(PageCtx {
        locale: info.locale,
        actor: info.actor.clone(),
        flash: info.flash.clone(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or_default().to_owned(),
    });
}

async fn healthz(State(state): State<AppState>) -> Response {
    if database::is_healthy(&state.db).await {
        Json(serde_json::json!({ "status": "ok", "database": "ok" })).into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "status": "unavailable", "database": "unreachable" })),
        )
            .into_response()
    }
}

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    let mut response = (StatusCode::INTERNAL_SERVER_ERROR, "500 Internal Server Error").into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// Every address that is not a page or a server function, in one list: the router is
/// built from it and the authorization tests enumerate it (a new one without its rows in
/// the role and object-scope matrices fails them).
pub fn file_routes() -> Vec<FileRoute> {
    let mut routes = vec![
        FileRoute::get("/healthz", healthz),
        FileRoute::get("/sw.js", worker::service_worker),
    ];
    routes.extend(crate::schedule::feeds::file_routes());
    routes.extend(crate::trainees::files::file_routes());
    routes.extend(crate::attendance::files::file_routes());
    routes.extend(crate::readiness::files::file_routes());
    routes.extend(crate::certificates::files::file_routes());
    routes
}

/// The whole HTTP application: pages, server functions, files, static assets, and the
/// middleware stack around them.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let config = state.config.clone();
    let mut pages = Router::new();
    for file in file_routes() {
        pages = pages.route(file.path, file.handler);
    }
    let pages = pages
        .leptos_routes_with_context(&state, routes, provide_request_context, move || {
            shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            provide_request_context,
            shell,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            bad_requests::answer_bad_requests,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::request_context,
        ));
    // The partner API beside the pages, outside their session and same-origin middleware:
    // it is called with a key, never a cookie.
    pages
        .merge(crate::integrations::v1::router())
        .layer(axum::middleware::from_fn(compression::compress))
        .layer(RequestBodyLimitLayer::new(config.max_body_bytes))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, config.request_timeout))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            let request_id = request
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id)
        }))
        .layer(axum::middleware::map_response(middleware::explain_refusals))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}

/// Serves until `shutdown` resolves, then lets in-flight requests finish.
///
/// # Errors
/// I/O errors of the listener.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    // Without TCP_NODELAY, streamed pages stall ~40 ms on Nagle + delayed ACK.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let app = router(state);
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}

/// Resolves on SIGINT or SIGTERM. The signals are taken over when this is called, not when
/// the future is first polled: call it before the port is opened, so a signal sent as soon
/// as the server answers stops it gracefully instead of killing it.
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let signals = {
        use tokio::signal::unix::{signal, SignalKind};
        (
            signal(SignalKind::interrupt()).ok(),
            signal(SignalKind::terminate()).ok(),
        )
    };
    async move {
        #[cfg(unix)]
        {
            let (interrupt, terminate) = signals;
            let received = |signal: Option<tokio::signal::unix::Signal>| async move {
                match signal {
                    Some(mut signal) => {
                        signal.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = received(interrupt) => {},
                () = received(terminate) => {},
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
        tracing::info!("shutdown requested; finishing in-flight requests");
    }
}

/// Deletes expired sessions and codes at start and then every hour; marks trainees left
/// unmarked absent (where a cohort's policy says so) every minute.
pub fn spawn_housekeeping(state: AppState) {
    crate::attendance::service::spawn_auto_mark(state.clone(), Duration::from_secs(60));
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(Duration::from_secs(3600));
        loop {
            interval.tick().await;
            match crate::accounts::db::purge_expired(&state.db, state.clock.now()).await {
                Ok(0) => {}
                Ok(purged) => tracing::info!(purged, "removed expired sessions and codes"),
                Err(error) => tracing::warn!(%error, "housekeeping failed"),
            }
            match crate::integrations::service::forget_old_answers(state.env()).await {
                Ok(0) => {}
                Ok(forgotten) => tracing::info!(forgotten, "forgot idempotent answers older than a day"),
                Err(error) => tracing::warn!(%error, "housekeeping failed"),
            }
        }
    });
}
