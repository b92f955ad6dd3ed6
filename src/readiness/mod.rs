//! Readiness for placement: what each trainee has (lessons, scores, official results,
//! documents) against what their track requires, the verdict with every blocker named,
//! and the coordinators' dashboard.

pub mod api;
pub mod authz;
pub mod dto;
pub mod model;
pub mod pages;
pub mod texts;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod service;

/// Addresses of the plain handlers (`files.rs`), known to pages on both sides.
pub mod files_path {
    /// A trainee's readiness page.
    pub const MINE: &str = "/kesiapan-saya";
    /// Where scans are posted.
    pub const UPLOAD: &str = "/kesiapan/pindaian";
}
