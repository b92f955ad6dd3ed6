//! Integrations: the keys partner systems call the API with (SIAPkerja, SISKOP2MI at the
//! regional BP3MI, test centres, placement agencies). Admins make and revoke them on
//! `/integrasi` or with `siap-jepang api-key`; a key is shown once and stored hashed.
//! An area like the others (model, authz, texts, db, service, api, pages); the highest
//! one, since the API it opens reads what the areas below it keep.

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
#[cfg(feature = "ssr")]
pub mod v1;
