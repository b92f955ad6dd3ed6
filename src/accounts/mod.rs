//! Accounts, sign-in, sessions and user administration.

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
pub mod password;
#[cfg(feature = "ssr")]
pub mod service;
