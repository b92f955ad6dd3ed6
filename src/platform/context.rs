//! The request as server functions see it: application state, client, actor; and the two
//! ways of answering: data (status code set from the error) or form post (redirect with a
//! flash, so the page works without JavaScript).

use axum::http::{header, request::Parts, HeaderValue, StatusCode};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use super::flash::{AreaNotice, Flash, NoticeToken};
use super::response::{redirect_with_status, set_status};
use super::state::{AppState, Env};
use crate::kernel::{Actor, AppError, Locale};

pub const FLASH_COOKIE: &str = "sj_flash";
pub const LANG_COOKIE: &str = "sj_lang";
/// A long-lived random id of this browser (self check-in: one device, one trainee).
pub const DEVICE_COOKIE: &str = "sj_device";

/// Where a request came from, for sessions, throttling and the audit trail.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Client {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// Per-request facts established by the middleware before any handler runs.
#[derive(Debug, Clone)]
pub struct RequestInfo {
    pub client: Client,
    pub actor: Option<Actor>,
    pub locale: Locale,
    pub flash: Option<Flash>,
    pub nonce: String,
}

/// Where to go after a successful form post, and what to confirm there.
pub struct Success {
    pub to: String,
    pub notice: Option<NoticeToken>,
}

impl Success {
    pub fn to(path: impl Into<String>) -> Self {
        Self {
            to: path.into(),
            notice: None,
        }
    }

    /// The area's notice to show once on the page redirected to.
    pub fn notice(mut self, notice: impl AreaNotice) -> Self {
        self.notice = Some(notice.token());
        self
    }

    /// The flash that carries the notice, if there is one.
    pub fn flash(&self) -> Option<Flash> {
        self.notice.clone().map(|notice| Flash {
            notice: Some(notice),
            ..Flash::default()
        })
    }
}

/// Which form failed and what to put back into it (never passwords).
pub struct Failure {
    pub form: &'static str,
    pub keep: Vec<(String, String)>,
}

impl Failure {
    pub fn form(form: &'static str) -> Self {
        Self {
            form,
            keep: Vec::new(),
        }
    }

    pub fn keep(mut self, field: &str, value: &str) -> Self {
        self.keep
            .push((field.to_owned(), value.chars().take(500).collect()));
        self
    }

    /// The flash that brings `error` and the typed values back to the form.
    pub fn flash(self, error: AppError) -> Flash {
        Flash {
            form: Some(self.form.to_owned()),
            error: Some(error),
            values: self.keep,
            notice: None,
        }
    }

    /// The form of server function `S`, to be refilled with every field of `input` as it
    /// was typed ([`Failure::keep_all`]).
    pub fn of<S: leptos::server_fn::ServerFn>(input: &impl serde::Serialize) -> Self {
        Self::form(super::response::form_id::<S>()).keep_all(input)
    }

    /// Keeps every field of `input` as it was typed (lists joined by commas; maps and
    /// absent values left out), for a form not named after its function. An input struct
    /// keeps secrets out of this by skipping them when serialized.
    pub fn keep_all(mut self, input: &impl serde::Serialize) -> Self {
        use serde_json::Value;
        if let Ok(Value::Object(fields)) = serde_json::to_value(input) {
            for (field, value) in fields {
                let text = match value {
                    Value::String(text) => text,
                    Value::Array(items) => items
                        .iter()
                        .map(|item| item.as_str().map_or_else(|| item.to_string(), str::to_owned))
                        .collect::<Vec<_>>()
                        .join(","),
                    Value::Null | Value::Object(_) => continue,
                    other => other.to_string(),
                };
                self = self.keep(&field, &text);
            }
        }
        self
    }
}

pub struct Ctx {
    pub state: AppState,
    pub info: RequestInfo,
    parts: Parts,
}

impl Ctx {
    /// The context of the current server function call or page render.
    ///
    /// # Errors
    /// `Internal` when called outside a request (a wiring bug).
    pub fn current() -> Result<Self, AppError> {
        let state = use_context::<AppState>();
        let parts = use_context::<Parts>();
        match (state, parts) {
            (Some(state), Some(parts)) => {
                let info = parts
                    .extensions
                    .get::<RequestInfo>()
                    .cloned()
                    .ok_or_else(|| super::errors::internal("context", &"request info missing"))?;
                Ok(Self { state, info, parts })
            }
            _ => Err(super::errors::internal("context", &"called outside a request")),
        }
    }

    pub fn env(&self) -> Env<'_> {
        self.state.env()
    }

    pub fn client(&self) -> &Client {
        &self.info.client
    }

    /// The reader's language.
    pub fn locale(&self) -> crate::kernel::Locale {
        self.info.locale
    }

    /// The signed-in actor.
    ///
    /// # Errors
    /// `Unauthenticated` without a valid session.
    pub fn actor(&self) -> Result<&Actor, AppError> {
        self.info.actor.as_ref().ok_or(AppError::Unauthenticated)
    }

    /// The signed-in actor, if `rule` allows them.
    ///
    /// # Errors
    /// `Unauthenticated` or `Forbidden`.
    pub fn authorize(&self, rule: fn(&Actor) -> bool) -> Result<&Actor, AppError> {
        let actor = self.actor()?;
        if rule(actor) {
            Ok(actor)
        } else {
            Err(AppError::Forbidden)
        }
    }

    fn response(&self) -> Option<ResponseOptions> {
        use_context::<ResponseOptions>()
    }

    fn append_cookie(&self, name: &str, value: &str, max_age_seconds: i64) {
        if let (Some(response), Some(cookie)) = (
            self.response(),
            cookie(&self.state.config, name, value, max_age_seconds),
        ) {
            response.append_header(header::SET_COOKIE, cookie);
        }
    }

    /// Sets the session cookie to `token` for `max_age`.
    pub fn set_session_cookie(&self, token: &str, max_age: time::Duration) {
        self.append_cookie(
            self.state.config.session_cookie_name(),
            token,
            max_age.whole_seconds(),
        );
    }

    /// Asks the browser to forget what it stored of this site for the person (the pages
    /// the service worker kept, the worker itself): phones are shared.
    pub fn clear_site_data(&self) {
        if let Some(response) = self.response() {
            response.insert_header(
                axum::http::HeaderName::from_static("clear-site-data"),
                HeaderValue::from_static("\"cache\", \"storage\""),
            );
        }
    }

    pub fn clear_session_cookie(&self) {
        self.append_cookie(self.state.config.session_cookie_name(), "", 0);
    }

    pub fn set_language_cookie(&self, locale: Locale) {
        self.append_cookie(LANG_COOKIE, locale.code(), 60 * 60 * 24 * 365);
    }

    /// The value of the request's cookie `name`.
    pub fn cookie_value(&self, name: &str) -> Option<String> {
        self.parts
            .headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.to_owned())
    }

    /// This browser's device id: the one it carries, or a new one set now (a year).
    pub fn device_id(&self) -> String {
        match self.cookie_value(DEVICE_COOKIE).filter(|v| {
            (20..=64).contains(&v.len())
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        }) {
            Some(id) => id,
            None => {
                let id = super::secrets::random_token(24);
                self.append_cookie(DEVICE_COOKIE, &id, 60 * 60 * 24 * 365);
                id
            }
        }
    }

    fn set_flash(&self, flash: &Flash) {
        if let (Some(response), Some(cookie)) = (self.response(), flash_cookie(&self.state.config, flash)) {
            response.append_header(header::SET_COOKIE, cookie);
        }
    }

    /// A plain HTML form post (JavaScript off, or a form outside any island), as opposed
    /// to a call from the server-function client.
    pub fn is_form_post(&self) -> bool {
        self.parts
            .headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"))
    }

    /// `scheme://host` as the browser reached us, for addresses shown to people (calendar
    /// feeds). Behind HTTPS (`SECURE_COOKIES`) the scheme is `https`.
    pub fn origin(&self) -> String {
        let scheme = if self.state.config.secure_cookies {
            "https"
        } else {
            "http"
        };
        let host = self
            .parts
            .headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .filter(|host| {
                !host.is_empty()
                    && host
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
            })
            .map_or_else(|| self.state.config.site_addr.to_string(), str::to_owned);
        format!("{scheme}://{host}")
    }

    /// The same-origin page the form was posted from (path and query only).
    pub fn referer_path(&self) -> String {
        referer_path(&self.parts.headers)
    }

    fn redirect(&self, to: &str) {
        redirect_with_status(to, StatusCode::SEE_OTHER.as_u16());
    }

    fn set_status_for(&self, error: &AppError) {
        set_status(error.status_code());
        if let (AppError::Throttled { retry_after_minutes }, Some(response)) = (error, self.response()) {
            response.insert_header(
                header::RETRY_AFTER,
                HeaderValue::from(u64::from(*retry_after_minutes) * 60),
            );
        }
    }

    /// A data server function in one step: the actor `rule` allows, the use case run for
    /// them, and the answer (the value, or the error with its status code).
    ///
    /// # Errors
    /// `Unauthenticated`, `Forbidden`, or the use case's error.
    pub async fn serve<T>(
        &self,
        rule: fn(&Actor) -> bool,
        use_case: impl AsyncFnOnce(&Actor) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let result = self.run_for(rule, use_case).await;
        self.answer(result)
    }

    /// A form's server function in one step: the actor `rule` allows, the use case run for
    /// them, and the reply ([`Ctx::reply`]: on to `on_success`'s page, or back to the form
    /// refilled as `on_failure` says).
    ///
    /// # Errors
    /// `Unauthenticated`, `Forbidden`, or the use case's error.
    pub async fn submit<T>(
        &self,
        rule: fn(&Actor) -> bool,
        use_case: impl AsyncFnOnce(&Actor) -> Result<T, AppError>,
        on_success: impl FnOnce(&T) -> Success,
        on_failure: Failure,
    ) -> Result<T, AppError> {
        let result = self.run_for(rule, use_case).await;
        self.reply(result, on_success, on_failure)
    }

    /// `use_case` for the actor `rule` allows.
    async fn run_for<T>(
        &self,
        rule: fn(&Actor) -> bool,
        use_case: impl AsyncFnOnce(&Actor) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        use_case(self.authorize(rule)?).await
    }

    /// Answers a data request: the value, or the error with its status code.
    ///
    /// # Errors
    /// Passes `result`'s error through.
    pub fn answer<T>(&self, result: Result<T, AppError>) -> Result<T, AppError> {
        if let Err(error) = &result {
            self.set_status_for(error);
        }
        result
    }

    /// Answers a form post. From a plain HTML form: redirect (303) to the success page with
    /// a notice, or back to the form with the error and the typed values. From the
    /// server-function client: the value, or the error with its status code.
    ///
    /// # Errors
    /// Passes `result`'s error through.
    pub fn reply<T>(
        &self,
        result: Result<T, AppError>,
        on_success: impl FnOnce(&T) -> Success,
        on_failure: Failure,
    ) -> Result<T, AppError> {
        if !self.is_form_post() {
            return self.answer(result);
        }
        match &result {
            Ok(value) => {
                let success = on_success(value);
                if let Some(flash) = success.flash() {
                    self.set_flash(&flash);
                }
                self.redirect(&safe_local_path(&success.to));
            }
            Err(AppError::Unauthenticated) => {
                let back = self.referer_path();
                self.redirect(&super::page::sign_in_then(&back));
            }
            Err(error) => {
                self.set_flash(&on_failure.flash(error.clone()));
                self.redirect(&self.referer_path());
            }
        }
        result
    }
}

/// A `Set-Cookie` value with the attributes every cookie of ours has.
pub fn cookie(
    config: &super::config::Config,
    name: &str,
    value: &str,
    max_age_seconds: i64,
) -> Option<HeaderValue> {
    let secure = if config.secure_cookies { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{secure}"
    ))
    .ok()
}

/// The cookie that carries `flash` to the next page render (server functions set it
/// through [`Ctx::reply`]; plain handlers, such as file uploads, call this).
pub fn flash_cookie(config: &super::config::Config, flash: &Flash) -> Option<HeaderValue> {
    let json = serde_json::to_vec(flash).ok()?;
    let mut encoded = URL_SAFE_NO_PAD.encode(json);
    if encoded.len() > 3500 {
        // Too much typed text to carry back: keep the message, drop the values.
        let slim = Flash {
            values: Vec::new(),
            ..flash.clone()
        };
        encoded = serde_json::to_vec(&slim)
            .map(|json| URL_SAFE_NO_PAD.encode(json))
            .unwrap_or_default();
    }
    cookie(config, FLASH_COOKIE, &encoded, 120)
}

/// The page a request was sent from, as a local path (path and query; `/` when unknown).
pub fn referer_path(headers: &axum::http::HeaderMap) -> String {
    headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|referer| {
            let after_scheme = referer.split_once("://").map_or(referer, |(_, rest)| rest);
            after_scheme
                .find('/')
                .map(|slash| after_scheme[slash..].to_owned())
        })
        .map(|path| safe_local_path(&path))
        .unwrap_or_else(|| "/".to_owned())
}

/// Keeps redirects on this site: only absolute paths, never `//host` or `\` tricks, and
/// without leftovers of the framework's error parameters.
pub fn safe_local_path(candidate: &str) -> String {
    let candidate = candidate.trim();
    if !candidate.starts_with('/')
        || candidate.starts_with("//")
        || candidate.contains('\\')
        || candidate.chars().any(char::is_control)
    {
        return "/".to_owned();
    }
    match candidate.split_once('?') {
        Some((path, query)) => {
            let kept: Vec<&str> = query
                .split('&')
                .filter(|pair| {
                    !pair.starts_with("__err=") && !pair.starts_with("__path=") && !pair.is_empty()
                })
                .collect();
            if kept.is_empty() {
                path.to_owned()
            } else {
                format!("{path}?{}", kept.join("&"))
            }
        }
        None => candidate.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_local_path;

    #[test]
    fn redirects_stay_on_this_site() {
        assert_eq!(safe_local_path("/akun"), "/akun");
        assert_eq!(
            safe_local_path("/pengguna?q=dewi&page=2"),
            "/pengguna?q=dewi&page=2"
        );
        assert_eq!(safe_local_path("https://evil.example/"), "/");
        assert_eq!(safe_local_path("//evil.example/"), "/");
        assert_eq!(safe_local_path("/\\evil.example"), "/");
        assert_eq!(safe_local_path("/masuk?__path=x&__err=y"), "/masuk");
        assert_eq!(safe_local_path("/akun\r\nSet-Cookie: x"), "/");
    }
}
