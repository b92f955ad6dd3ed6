//! What every page knows about the request it renders: language, who is signed in, and the
//! one-shot "flash" left by the form post that redirected here.

use super::flash::Flash;
use super::query_string;
use crate::kernel::{Actor, AppError, Locale, Text};

/// Where people sign in; pages and form posts send the anonymous there.
pub const SIGN_IN_PATH: &str = "/masuk";

#[derive(Debug, Clone)]
pub struct PageCtx {
    pub locale: Locale,
    pub actor: Option<Actor>,
    pub flash: Option<Flash>,
    /// Path and query of this request, for "next" links and language switching.
    pub path: String,
    pub query: String,
}

impl Default for PageCtx {
    fn default() -> Self {
        Self {
            locale: Locale::Id,
            actor: None,
            flash: None,
            path: "/".into(),
            query: String::new(),
        }
    }
}

impl PageCtx {
    pub fn t(&self, key: Text) -> &'static str {
        key.get(self.locale)
    }

    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }

    pub fn flash_error(&self, form: &str) -> Option<AppError> {
        self.flash.as_ref().and_then(|f| f.error_for(form)).cloned()
    }

    pub fn flash_value(&self, form: &str, field: &str) -> Option<String> {
        self.flash
            .as_ref()
            .and_then(|f| f.value_for(form, field))
            .map(str::to_owned)
    }

    /// Every value of a repeated query parameter (`?day=1&day=4`), percent-decoded.
    pub fn query_params(&self, name: &str) -> Vec<String> {
        query_string::params(&self.query, name)
    }

    /// A query parameter of this request (first occurrence), percent-decoded.
    pub fn query_param(&self, name: &str) -> Option<String> {
        query_string::param(&self.query, name)
    }

    /// The typed filter this request's query string carries (see [`query_string::read`]).
    pub fn filter<T: serde::de::DeserializeOwned + Default>(&self) -> T {
        query_string::read(&self.query)
    }
}

/// The sign-in page, coming back to `back` (a local path and query) afterwards.
pub fn sign_in_then(back: &str) -> String {
    query_string::link(SIGN_IN_PATH, &[("next", back)])
}

/// The page context of the current render (a default one outside a request).
pub fn use_page() -> PageCtx {
    leptos::prelude::use_context::<PageCtx>().unwrap_or_default()
}
