//! The audit trail: every sign-in attempt and every change to an account, who did it and
//! from where. Written in the same transaction as the change it records.

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod db;
