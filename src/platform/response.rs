//! The status and redirect of the response being rendered, and the stable URL of a
//! server function for `<form action=…>`. No-ops in the browser.

use leptos::server_fn::ServerFn;

/// The stable URL of a server function, for `<form action=…>`.
pub fn api<S: ServerFn>() -> &'static str {
    S::PATH
}

/// The id of server function `S`'s form: its endpoint (`cohorts/add-room`). The page's
/// fields and the function's failed-post flash both name the form by it, so the two cannot
/// drift apart.
pub fn form_id<S: ServerFn>() -> &'static str {
    S::PATH.strip_prefix("/api/").unwrap_or(S::PATH)
}

/// Sets the HTTP status of the page being rendered (no-op in the browser).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    {
        if let (Some(response), Ok(status)) = (
            leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
            axum::http::StatusCode::from_u16(code),
        ) {
            response.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Redirects the page being rendered with a real `302 Found` (no-op in the browser).
/// Unlike `leptos_axum::redirect`, this does not depend on the request's `Accept` header.
pub fn redirect(path: &str) {
    redirect_with_status(path, 302);
}

/// Sets `Location` and a redirect status on the current response (no-op in the browser).
pub fn redirect_with_status(path: &str, code: u16) {
    #[cfg(feature = "ssr")]
    {
        if let (Some(response), Ok(location)) = (
            leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
            axum::http::HeaderValue::from_str(path),
        ) {
            response.insert_header(axum::http::header::LOCATION, location);
            set_status(code);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = (path, code);
}
