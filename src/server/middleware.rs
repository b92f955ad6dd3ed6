//! One middleware in front of every route: refuses cross-origin mutations (CSRF), finds
//! the session, language and flash, and adds the security headers (CSP with a per-request
//! nonce for Leptos' scripts).

use axum::{
    body::Body,
    extract::{ConnectInfo, State},
    http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use std::{collections::HashMap, net::SocketAddr};

use crate::accounts::service::resolve_session;
use crate::kernel::Locale;
use crate::platform::context::{Client, RequestInfo, FLASH_COOKIE, LANG_COOKIE};
use crate::platform::flash::Flash;
use crate::platform::offline;
use crate::platform::state::AppState;

/// Paths that never need a session: static files and the health check.
fn is_static(path: &str) -> bool {
    path.starts_with("/pkg/")
        || path.starts_with("/icons/")
        || matches!(
            path,
            "/favicon.ico"
                | "/favicon.svg"
                | "/healthz"
                | "/robots.txt"
                | "/sw.js"
                | "/manifest.webmanifest"
                | "/offline.html"
        )
}

/// Static files a browser must check again before each use: the release's assets keep
/// their names, and a phone must notice a new service worker on its next visit.
fn revalidated(path: &str) -> bool {
    path != "/healthz" && is_static(path)
}

/// A state-changing request must come from our own pages: the browser says so with
/// `Sec-Fetch-Site: same-origin`, or with an `Origin` equal to the host it is sending to.
/// Requests that carry neither are refused too (deny by default).
pub fn is_same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return site == "same-origin";
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    match origin.split_once("://") {
        Some((scheme, authority)) => {
            matches!(scheme, "http" | "https") && authority.eq_ignore_ascii_case(host)
        }
        None => false,
    }
}

fn parse_cookies(headers: &HeaderMap) -> HashMap<String, String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|line| line.split(';'))
        .filter_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            Some((name.to_owned(), value.to_owned()))
        })
        .collect()
}

fn client_ip(request: &Request<Body>, trust_proxy: bool) -> Option<String> {
    if trust_proxy {
        let forwarded = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
}

fn new_nonce() -> String {
    crate::platform::secrets::random_token(18)
}

fn decode_flash(value: &str) -> Option<Flash> {
    let bytes = URL_SAFE_NO_PAD.decode(value).ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn clear_cookie(name: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("sj=; Max-Age=0"))
}

fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )
}

/// What a person sees when a request is refused before any page could render, in both
/// languages (the request's language is not known yet at that point).
fn refusal_text(status: StatusCode) -> Option<&'static str> {
    match status {
        StatusCode::FORBIDDEN => Some(
            "403 — Permintaan ditolak: formulir harus dikirim dari halaman Siap Jepang sendiri. \
             Buka halamannya lagi lalu kirim ulang.\n\
             Request refused: forms must be sent from Siap Jepang's own pages. Open the page again and resend.",
        ),
        StatusCode::REQUEST_TIMEOUT => Some(
            "408 — Server terlalu lama menjawab. Coba lagi sebentar lagi.\n\
             The server took too long to answer. Please try again shortly.",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => Some(
            "413 — Data yang dikirim terlalu besar.\n\
             What was sent is too large.",
        ),
        StatusCode::SERVICE_UNAVAILABLE => Some(
            "503 — Layanan sedang tidak tersedia. Coba lagi sebentar lagi.\n\
             The service is unavailable right now. Please try again shortly.",
        ),
        _ => None,
    }
}

fn refusal(status: StatusCode) -> Response {
    let mut response = (status, refusal_text(status).unwrap_or_default()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// Gives the bodiless refusals of the timeout and body-limit layers a readable text.
pub async fn explain_refusals(response: Response) -> Response {
    let bodiless = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .is_none_or(|length| length == "0");
    match response.status() {
        status @ (StatusCode::REQUEST_TIMEOUT | StatusCode::PAYLOAD_TOO_LARGE) if bodiless => {
            let mut explained = refusal(status);
            for name in ["x-request-id"] {
                if let Some(value) = response.headers().get(name) {
                    explained.headers_mut().insert(name, value.clone());
                }
            }
            explained
        }
        _ => response,
    }
}

pub async fn request_context(
    State(state): State<AppState>,
    mut request: Request<Body>,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let query = request.uri().query().unwrap_or_default().to_owned();
    let method = request.method().clone();
    let secure = state.config.secure_cookies;

    if !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS) && !is_same_origin(request.headers()) {
        tracing::warn!(%path, %method, "refused a cross-origin or origin-less state-changing request");
        return refusal(StatusCode::FORBIDDEN);
    }

    let cookies = parse_cookies(request.headers());
    let locale = cookies
        .get(LANG_COOKIE)
        .and_then(|v| Locale::parse(v))
        .unwrap_or_default();
    let client = Client {
        ip: client_ip(&request, state.config.trust_proxy_headers),
        user_agent: request
            .headers()
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    };
    let session_cookie = state.config.session_cookie_name();
    let token = if is_static(&path) {
        None
    } else {
        cookies.get(session_cookie)
    };
    let actor = match token {
        Some(token) => match resolve_session(state.env(), token).await {
            Ok(actor) => actor,
            Err(error) => {
                // Logged with a reference; the person only learns to try again.
                let _ = crate::platform::errors::internal("session lookup", &error);
                return refusal(StatusCode::SERVICE_UNAVAILABLE);
            }
        },
        None => None,
    };
    let stale_session_cookie = token.is_some() && actor.is_none();
    let flash = if is_static(&path) {
        None
    } else {
        cookies.get(FLASH_COOKIE).and_then(|v| decode_flash(v))
    };
    let had_flash = cookies.contains_key(FLASH_COOKIE);
    let nonce = new_nonce();
    let person = offline::person_tag(actor.as_ref());
    let keep_offline = offline::may_keep(actor.as_ref(), &path, &query);
    request.extensions_mut().insert(RequestInfo {
        client,
        actor,
        locale,
        flash,
        nonce: nonce.clone(),
    });

    let mut response = next.run(request).await;

    let headers = response.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    if secure {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if revalidated(&path) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    } else if !is_static(&path) && !headers.contains_key(header::CACHE_CONTROL) {
        // Pages show personal data: never store them in shared caches.
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    if stale_session_cookie {
        headers.append(header::SET_COOKIE, clear_cookie(session_cookie, secure));
    }
    let is_html_page = method == Method::GET
        && response.status() == StatusCode::OK
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    let sets_flash = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.as_bytes().starts_with(FLASH_COOKIE.as_bytes()));
    if is_html_page && !is_static(&path) {
        // For the service worker: whom the page is for, from which release, and whether the
        // phone may keep it (not with a one-time message in it).
        if let Ok(person) = HeaderValue::from_str(&person) {
            response.headers_mut().insert(offline::PERSON_HEADER, person);
        }
        if let Ok(release) = HeaderValue::from_str(super::worker::release(&state.config.site_root)) {
            response.headers_mut().insert(offline::RELEASE_HEADER, release);
        }
        if keep_offline && !had_flash {
            response
                .headers_mut()
                .insert(offline::KEEP_HEADER, HeaderValue::from_static("1"));
        }
    }
    if had_flash && is_html_page && !sets_flash {
        response
            .headers_mut()
            .append(header::SET_COOKIE, clear_cookie(FLASH_COOKIE, secure));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn same_origin_posts_pass_and_cross_site_posts_do_not() {
        assert!(is_same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!is_same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!is_same_origin(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(is_same_origin(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(!is_same_origin(&headers(&[
            ("origin", "http://evil.example"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(!is_same_origin(&headers(&[
            ("origin", "null"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(!is_same_origin(&headers(&[("host", "127.0.0.1:3000")])));
    }

    #[test]
    fn the_csp_allows_only_our_nonce_for_inline_scripts() {
        let csp = content_security_policy("abc");
        assert!(csp.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }
}
