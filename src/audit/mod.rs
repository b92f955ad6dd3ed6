//! The audit trail: every sign-in attempt and every change to an account, who did it and
//! from where. Written in the same transaction as the change it records. An area like the
//! others (model, authz, texts, db, service, api, pages), below accounts, which writes into it.

pub mod api;
pub mod authz;
pub mod model;
pub mod pages;
pub mod texts;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod service;
