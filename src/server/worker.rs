//! `/sw.js`: the service worker that keeps a trainee's own pages for reading without a
//! connection (see [`crate::platform::offline`]). Served from the site root, so its scope
//! is the whole site, with `Cache-Control: no-cache` so a phone checks for a new one on
//! every visit. Its cache names carry a fingerprint of this release's static files: a new
//! release installs a new worker, which drops the old caches.

use axum::{
    extract::State,
    http::{header, HeaderValue},
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};
use std::{path::Path, sync::OnceLock};

use crate::platform::offline::{BANNER_ID, KEEP_HEADER, OWN_PAGES, PERSON_HEADER, RELEASE_HEADER};
use crate::platform::state::AppState;

const TEMPLATE: &str = include_str!("sw.js");

/// What the worker fetches as it installs: the offline page and its style sheet. The rest
/// (the islands' script and WebAssembly, the icons) it keeps the first time a page it
/// controls uses them, which is also the first visit whose page it can keep: the first
/// visit does not download anything twice.
pub const PRECACHE: [&str; 2] = ["/offline.html", "/pkg/siap-jepang.css"];

/// The static files whose bytes make a release: a change in any of them is a new worker
/// with new caches.
const RELEASE_FILES: [&str; 6] = [
    "/offline.html",
    "/pkg/siap-jepang.css",
    "/pkg/siap-jepang.js",
    "/pkg/siap-jepang.wasm",
    "/favicon.svg",
    "/manifest.webmanifest",
];

/// A short fingerprint of the release: this build's version and the bytes of its static
/// files (whichever of them exist).
pub fn release_fingerprint(site_root: &Path) -> String {
    let mut hash = Sha256::new();
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    hash.update(TEMPLATE.as_bytes());
    for file in RELEASE_FILES {
        hash.update(file.as_bytes());
        if let Ok(bytes) = std::fs::read(site_root.join(file.trim_start_matches('/'))) {
            hash.update(&bytes);
        }
    }
    hex::encode(&hash.finalize()[..6])
}

fn quoted_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("'{item}'")).collect();
    format!("[{}]", quoted.join(", "))
}

/// The worker's source for a release.
pub fn worker_source(fingerprint: &str) -> String {
    TEMPLATE
        .replace("__RELEASE__", fingerprint)
        .replace("__OWN_PAGES__", &quoted_list(&OWN_PAGES))
        .replace("__PRECACHE__", &quoted_list(&PRECACHE))
        .replace("__KEEP_HEADER__", KEEP_HEADER)
        .replace("__PERSON_HEADER__", PERSON_HEADER)
        .replace("__RELEASE_HEADER__", RELEASE_HEADER)
        .replace("__BANNER_ID__", BANNER_ID)
}

/// This running release's fingerprint (computed once).
pub fn release(site_root: &Path) -> &'static str {
    static RELEASE: OnceLock<String> = OnceLock::new();
    RELEASE.get_or_init(|| release_fingerprint(site_root))
}

pub async fn service_worker(State(state): State<AppState>) -> Response {
    static SOURCE: OnceLock<String> = OnceLock::new();
    let source = SOURCE.get_or_init(|| worker_source(release(&state.config.site_root)));
    let mut response = source.clone().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_names_its_caches_after_the_release_and_fills_every_blank() {
        let source = worker_source("abc123");
        assert!(source.contains("const RELEASE = 'abc123'"));
        assert!(source.contains("'/kesiapan-saya'"));
        assert!(!source.contains("__"), "a placeholder is left in the worker");
    }

    #[test]
    fn a_different_release_has_a_different_fingerprint() {
        let dir = std::env::temp_dir().join(format!("sj-fingerprint-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap_or_default();
        let before = release_fingerprint(&dir);
        std::fs::write(dir.join("pkg/siap-jepang.css"), "body{}").unwrap_or_default();
        let after = release_fingerprint(&dir);
        std::fs::remove_dir_all(&dir).unwrap_or_default();
        assert_ne!(before, after);
        assert_eq!(before.len(), 12);
    }
}
