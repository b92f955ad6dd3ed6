//! The class schedule: holidays, session generation with conflict checks, moving and
//! cancelling sessions, "my schedule" for trainees and instructors, the calendar of a
//! site, printable weeks and iCalendar feeds. Builds on the cohorts area.

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
pub mod feeds;
#[cfg(feature = "ssr")]
pub mod ical;
#[cfg(feature = "ssr")]
pub mod service;
