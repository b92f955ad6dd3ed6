//! What every page knows about the request it renders: language, who is signed in, and the
//! one-shot "flash" left by the form post that redirected here.

use super::flash::Flash;
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
        self.query
            .split('&')
            .filter_map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode(key) == name).then(|| decode(value))
            })
            .collect()
    }

    /// A query parameter of this request (first occurrence), percent-decoded.
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key) == name).then(|| decode(value))
        })
    }
}

/// The page context of the current render (a default one outside a request).
pub fn use_page() -> PageCtx {
    leptos::prelude::use_context::<PageCtx>().unwrap_or_default()
}

/// Decodes `application/x-www-form-urlencoded` text.
pub fn decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex_value(bytes[i + 1]), hex_value(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(byte: u8) -> Option<u8> {
    char::from(byte).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// Encodes a query-string value.
pub fn encode(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for byte in input.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_decoded() {
        let ctx = PageCtx {
            query: "q=Dewi+L%C3%A9stari&role=trainee&empty=&x=%ZZ".into(),
            ..Default::default()
        };
        assert_eq!(ctx.query_param("q").as_deref(), Some("Dewi Léstari"));
        assert_eq!(ctx.query_param("role").as_deref(), Some("trainee"));
        assert_eq!(ctx.query_param("empty").as_deref(), Some(""));
        assert_eq!(ctx.query_param("x").as_deref(), Some("%ZZ"));
        assert_eq!(ctx.query_param("missing"), None);
        assert_eq!(encode("Dewi Léstari/1"), "Dewi+L%C3%A9stari/1");
        assert_eq!(decode("%E2é%"), "\u{FFFD}é%");
    }
}
