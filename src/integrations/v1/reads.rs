//! What every read of the partner API shares: its query parameters read strictly (an
//! unknown or repeated one is a 400 naming it), opaque cursors, and answers with an `ETag`
//! that a repeated request with `If-None-Match` turns into `304 Not Modified`. Values are
//! taken exactly as the document describes them, so what it allows is accepted and what
//! it does not is refused (the contract test holds both).

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::collections::HashMap;
use time::OffsetDateTime;

use super::problem::{self, FieldProblem, Refused};
use crate::integrations::texts::T;
use crate::kernel::{wib, Actor, AppError, Locale, Problem};
use crate::platform::secrets::sha256_hex_bytes;
use crate::platform::state::Env;

/// A site id no site has: the filter of a site code that names none within reach.
const NO_SITE: i64 = -1;

/// At most this many items per page; 50 unless `limit` says otherwise.
pub const MAX_LIMIT: u64 = 100;
pub const DEFAULT_LIMIT: u64 = 50;

/// A request's query parameters, each given at most once, all of them known.
pub struct Params {
    values: HashMap<String, String>,
    locale: Locale,
    errors: Vec<FieldProblem>,
}

impl Params {
    /// Reads `query`, refusing parameters not in `known` and any given twice.
    ///
    /// # Errors
    /// A 400 problem naming each such parameter.
    pub fn read(query: Option<&str>, known: &[&str], locale: Locale) -> Result<Self, Refused> {
        let mut values = HashMap::new();
        let mut errors = Vec::new();
        for (name, value) in form_urlencoded_pairs(query.unwrap_or_default()) {
            if !known.contains(&name.as_str()) {
                errors.push(FieldProblem::api(
                    &name,
                    "UnknownParameter",
                    T::ApiUnknownParameter,
                    locale,
                ));
            } else if values.insert(name.clone(), value).is_some() {
                errors.push(FieldProblem::api(
                    &name,
                    "RepeatedParameter",
                    T::ApiRepeatedParameter,
                    locale,
                ));
            }
        }
        if !errors.is_empty() {
            return Err(problem::bad_request(errors, locale).into());
        }
        // A parameter given must have a value: `?updated_since=` is not "any time".
        let mut empty: Vec<&String> = values
            .iter()
            .filter(|(_, v)| v.is_empty())
            .map(|(k, _)| k)
            .collect();
        empty.sort();
        let errors = empty
            .into_iter()
            .map(|name| FieldProblem::of(name, &Problem::Required, locale))
            .collect();
        Ok(Self {
            values,
            locale,
            errors,
        })
    }

    /// The parameter's value exactly as sent (nothing trimmed: what the document does
    /// not allow is refused, not mended), `None` when absent or empty.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// A code (`BBPLK-SRG`): 1–32 letters, digits and hyphens.
    pub fn code(&mut self, name: &str) -> Option<String> {
        let text = self.text(name)?.to_owned();
        let spelled =
            (1..=32).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if spelled {
            Some(text)
        } else {
            self.refuse(name, &Problem::InvalidChoice);
            None
        }
    }

    /// An RFC 3339 instant (`2026-12-01T00:00:00+07:00`).
    pub fn instant(&mut self, name: &str) -> Option<OffsetDateTime> {
        let text = self.text(name)?.to_owned();
        // An instant that exists only at its own offset (`9999-12-31T23:59:59-01:00`) is
        // no instant the database can hold.
        let parsed =
            wib::parse_rfc3339(&text).filter(|t| t.checked_to_offset(time::UtcOffset::UTC).is_some());
        if parsed.is_none() {
            self.refuse(name, &Problem::InvalidDate);
        }
        parsed
    }

    /// An ISO date (`2026-12-07`), spelled exactly so.
    pub fn date(&mut self, name: &str) -> Option<time::Date> {
        let text = self.text(name)?.to_owned();
        let parsed = (text.len() == 10).then(|| wib::parse_iso_date(&text)).flatten();
        if parsed.is_none() {
            self.refuse(name, &Problem::InvalidDate);
        }
        parsed
    }

    /// An id (a whole number).
    pub fn id(&mut self, name: &str) -> Option<i64> {
        let text = self.text(name)?.to_owned();
        let parsed = text.parse::<i64>().ok().filter(|_| !text.starts_with('+'));
        if parsed.is_none() {
            self.refuse(name, &Problem::InvalidNumber);
        }
        parsed
    }

    /// `site`: a site's code, as the id of that site if the actor reaches it, else as the
    /// id of no site (a site out of reach matches nothing, as one that does not exist).
    ///
    /// # Errors
    /// A problem answer when the sites cannot be read.
    pub async fn site(&mut self, env: Env<'_>, actor: &Actor) -> Result<Option<i64>, Refused> {
        let Some(code) = self.code("site") else {
            return Ok(None);
        };
        let sites = crate::accounts::db::sites(env.db, actor.sites_run())
            .await
            .map_err(|error| Refused::from(problem::from_error(&error.into(), self.locale)))?;
        Ok(Some(
            sites
                .iter()
                .find(|s| s.code.eq_ignore_ascii_case(&code))
                .map_or(NO_SITE, |s| s.id),
        ))
    }

    /// `limit`: 1 to [`MAX_LIMIT`], [`DEFAULT_LIMIT`] when absent.
    pub fn limit(&mut self) -> u64 {
        let Some(text) = self.text("limit").map(str::to_owned) else {
            return DEFAULT_LIMIT;
        };
        match text.parse::<u64>() {
            Ok(limit) if (1..=MAX_LIMIT).contains(&limit) => limit,
            Ok(_) => {
                self.refuse(
                    "limit",
                    &Problem::OutOfRange {
                        min: 1,
                        max: MAX_LIMIT as i64,
                    },
                );
                DEFAULT_LIMIT
            }
            Err(_) => {
                self.refuse("limit", &Problem::InvalidNumber);
                DEFAULT_LIMIT
            }
        }
    }

    /// One of `choices`, named exactly as its code (`as_str`); anything else is refused.
    pub fn choice<T: Copy>(
        &mut self,
        name: &str,
        choices: &[T],
        code: impl Fn(T) -> &'static str,
    ) -> Option<T> {
        let text = self.text(name)?.to_owned();
        let found = choices.iter().copied().find(|choice| code(*choice) == text);
        if found.is_none() {
            self.refuse(name, &Problem::InvalidChoice);
        }
        found
    }

    /// The position a `cursor` stands for: the list's letter `kind` and a number
    /// (`c1042`), as the `next` link of that list spells it.
    pub fn cursor(&mut self, kind: char) -> Option<i64> {
        let text = self.text("cursor")?.to_owned();
        let position = text
            .strip_prefix(kind)
            .filter(|digits| (1..=18).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|digits| digits.parse::<i64>().ok());
        if position.is_none() {
            self.errors.push(FieldProblem::api(
                "cursor",
                "InvalidCursor",
                T::ApiBadCursor,
                self.locale,
            ));
        }
        position
    }

    pub fn refuse(&mut self, name: &str, problem: &Problem) {
        self.errors.push(FieldProblem::of(name, problem, self.locale));
    }

    /// Done reading: the refused values, if any, as one 422 (a bad cursor: 400).
    ///
    /// # Errors
    /// The problem answer.
    pub fn done(self) -> Result<(), Refused> {
        if self.errors.is_empty() {
            Ok(())
        } else if self.errors.iter().any(|e| e.code == "InvalidCursor") {
            Err(problem::bad_request(self.errors, self.locale).into())
        } else {
            Err(problem::invalid(self.errors, self.locale).into())
        }
    }
}

fn form_urlencoded_pairs(query: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query).unwrap_or_else(|_| {
        // Not decodable as a whole: keep each pair as sent, so the bad one gets named.
        query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (name.to_owned(), value.to_owned())
            })
            .collect()
    })
}

/// The cursor that continues after position `n` of the list `kind`.
pub fn cursor(kind: char, n: i64) -> String {
    format!("{kind}{n}")
}

/// The address of the next page: `path` with the same parameters and the new cursor.
pub fn next_link(path: &str, query: Option<&str>, cursor: &str) -> String {
    let mut pairs: Vec<(String, String)> = form_urlencoded_pairs(query.unwrap_or_default())
        .into_iter()
        .filter(|(name, _)| name != "cursor")
        .collect();
    pairs.push(("cursor".to_owned(), cursor.to_owned()));
    let encoded = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("{path}?{encoded}")
}

/// A JSON answer with its `ETag`; `304 Not Modified` when the request's `If-None-Match`
/// names it already.
pub fn json<T: Serialize>(request: &HeaderMap, value: &T) -> Response {
    let body = match serde_json::to_vec(value) {
        Ok(body) => body,
        Err(error) => {
            let error = crate::platform::errors::internal("api answer", &error);
            return problem::from_error(&error, problem::locale_of(request));
        }
    };
    let tag = format!("\"{}\"", &sha256_hex_bytes(&body)[..32]);
    let unchanged = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| {
            tags.split(',')
                .map(|t| t.trim().trim_start_matches("W/"))
                .any(|t| t == tag || t == "*")
        });
    let mut response = if unchanged {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = (StatusCode::OK, body).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        response
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&tag) {
        headers.insert(header::ETAG, value);
    }
    // Kept, but asked again every time: the ETag makes the asking cheap.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Authorization, Accept-Language"),
    );
    response
}

/// The answer to a read: the value with its `ETag`, or the use case's error as a problem.
pub fn answer<T: Serialize, E: Into<AppError>>(
    request: &HeaderMap,
    locale: Locale,
    result: Result<T, E>,
) -> Response {
    match result {
        Ok(value) => json(request, &value),
        Err(error) => problem::from_error(&error.into(), locale),
    }
}

/// The path's id: a whole number, or a 404 as for an id out of reach.
///
/// # Errors
/// The 404 answer.
pub fn path_id(id: &str, locale: Locale) -> Result<i64, Refused> {
    id.parse()
        .map_err(|_| problem::from_error(&AppError::NotFound, locale).into())
}

/// The `next` link after a page of `limit` items whose last has id `last` (list `kind`);
/// none after a shorter page.
pub fn next_after(
    uri: &axum::http::Uri,
    kind: char,
    limit: u64,
    count: usize,
    last: Option<i64>,
) -> Option<String> {
    (count as u64 == limit)
        .then_some(last)
        .flatten()
        .map(|last| next_link(uri.path(), uri.query(), &cursor(kind, last)))
}
