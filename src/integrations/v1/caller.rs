//! Who calls the partner API: the key in `Authorization: Bearer …`, checked on every
//! request, and the scope each endpoint needs.

use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};
use axum::response::Response;

use super::problem;
use crate::integrations::model::Scope;
use crate::integrations::service::{self, Caller};
use crate::kernel::{Actor, Locale};
use crate::platform::state::AppState;

/// The partner system behind a request, and the language it reads.
pub struct Partner {
    pub caller: Caller,
    pub locale: Locale,
}

impl Partner {
    /// The actor to ask the areas with, if the key has `scope`; a 403 problem otherwise.
    ///
    /// # Errors
    /// The 403 answer.
    #[allow(clippy::result_large_err)]
    pub fn with(&self, scope: Scope) -> Result<&Actor, Response> {
        if self.caller.scopes.has(scope) {
            Ok(&self.caller.actor)
        } else {
            Err(problem::missing_scope(scope, self.locale))
        }
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
            return Err(problem::unauthenticated(locale));
        };
        match service::authenticate(state.env(), presented).await {
            Ok(caller) => Ok(Self { caller, locale }),
            Err(error) => Err(problem::from_error(&error, locale)),
        }
    }
}
