//! Certificates of completion and enrollment letters (surat keterangan): per-site
//! numbering, the PDF drawn from Typst templates, the public verification page, issuing
//! (one trainee or a whole cohort), reissuing and revoking, and the sites' settings.

pub mod api;
pub mod authz;
pub mod dto;
pub mod model;
pub mod pages;
pub mod paper;
pub mod paths;
pub mod texts;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod pdf;
#[cfg(feature = "ssr")]
pub mod service;
