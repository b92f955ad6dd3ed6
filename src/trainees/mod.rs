//! The trainee registry and enrollment: one trusted record per NIK (linked to the
//! person's account), enrollment in cohorts through its lifecycle with full history,
//! seats that never exceed a cohort's capacity, the waitlist, imports from the
//! spreadsheets coordinators keep today, and exports back to them.

pub mod api;
pub mod authz;
pub mod dto;
pub mod model;
pub mod pages;
pub mod paths;
pub mod texts;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod service;
