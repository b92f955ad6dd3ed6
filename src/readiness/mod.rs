//! Readiness for placement: what each trainee has (lessons, scores, official results,
//! documents) against what their track requires, the verdict with every blocker named,
//! and the coordinators' dashboard.

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
