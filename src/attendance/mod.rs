//! Attendance: the roll call an instructor takes on a phone at the start of class (or
//! trainees checking themselves in with a rotating code), excuses asked in advance,
//! rates counted only over each trainee's enrollment, the trainees who need attention,
//! printable registers and exports.

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
