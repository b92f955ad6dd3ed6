//! The audit trail: every sign-in attempt and every change the app makes on someone's
//! behalf (accounts, cohorts and the catalogue, the schedule, trainee records and
//! enrollments, attendance and excuses, readiness records and rules, exports), who did it,
//! from where and for which site. Written in the same transaction as the change it records.
//! An area like the others (model, authz, texts, db, service, api, pages), below every
//! area that writes into it.

pub mod api;
pub mod authz;
pub mod model;
pub mod pages;
pub mod paths;
pub mod texts;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod service;
