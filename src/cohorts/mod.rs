//! Programmes (placement tracks), courses with their lesson units, classrooms, and cohorts
//! (angkatan) with their instructors. The schedule area plans sessions on top of it.

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
pub mod service;
