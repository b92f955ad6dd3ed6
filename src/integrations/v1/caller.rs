//! Who calls the partner API: the key in `Authorization: Bearer …`, checked on every
//! request, and the scope each endpoint needs.

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{header, request::Parts, Uri};
use axum::response::Response;
use std::net::SocketAddr;

use super::problem::{self, Refused};
use super::reads::{self, Params};
use crate::integrations::model::Scope;
use crate::integrations::service::{self, Caller, Refusal};
use crate::kernel::{Actor, Locale};
use crate::platform::context::Client;
use crate::platform::state::AppState;

/// The partner system behind a request, where it calls from, and the language it reads.
pub struct Partner {
    pub caller: Caller,
    pub client: Client,
    pub locale: Locale,
}

impl Partner {
    /// The actor to ask the areas with, if the key has `scope`; a 403 problem otherwise.
    ///
    /// # Errors
    /// The 403 answer.
    pub fn with(&self, scope: Scope) -> Result<&Actor, Refused> {
        if self.caller.scopes.has(scope) {
            Ok(&self.caller.actor)
        } else {
            Err(problem::missing_scope(scope, self.locale).into())
        }
    }
}

impl Partner {
    /// A read of one row by the path's `id`, with no query parameters: the actor for
    /// `scope` and the id.
    ///
    /// # Errors
    /// The 403 for a missing scope, the 400 for any parameter, the 404 for an id that is
    /// not a number.
    pub fn row(&self, scope: Scope, uri: &Uri, id: &str) -> Result<(&Actor, i64), Refused> {
        let actor = self.with(scope)?;
        Params::read(uri.query(), &[], self.locale)?.done()?;
        Ok((actor, reads::path_id(id, self.locale)?))
    }
}

impl FromRequestParts<AppState> for Partner {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let locale = problem::locale_of(&parts.headers);
        let presented = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| {
                let (scheme, key) = value.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| key.trim())
            });
        let Some(presented) = presented else {
            return Err(problem::no_credentials(locale));
        };
        // Behind a reverse proxy the client is its right-most `X-Forwarded-For`, as for pages.
        let forwarded = state
            .config
            .trust_proxy_headers
            .then(|| parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()))
            .flatten()
            .and_then(|v| v.rsplit(',').next())
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty());
        let client = Client {
            ip: forwarded.or_else(|| {
                parts
                    .extensions
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|ConnectInfo(address)| address.ip().to_string())
            }),
            user_agent: parts
                .headers
                .get(header::USER_AGENT)
                .and_then(|value| value.to_str().ok())
                .map(|value| value.chars().take(200).collect()),
        };
        match service::authenticate(state.env(), presented).await {
            Ok(caller) => Ok(Self {
                caller,
                client,
                locale,
            }),
            Err(Refusal::RateLimited { retry_after_secs }) => {
                Err(problem::rate_limited(retry_after_secs, locale))
            }
            Err(Refusal::Failed(error)) => Err(problem::from_error(&error, locale)),
        }
    }
}
