//! The web platform every area's pages and server functions stand on: what a page knows
//! about its request ([`page`]), the one-shot flash a form post leaves behind ([`flash`]),
//! the HTTP status and redirects of the response ([`response`]), the codec between query
//! strings and typed filters ([`query_string`]), and on the server the
//! application state, the request context of server functions, the clock, the
//! configuration and the handling of unexpected failures.
//!
//! Uses only the core ([`crate::kernel`]) and the entities.

pub mod flash;
pub mod offline;
pub mod page;
pub mod query_string;
pub mod response;

#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod config;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod errors;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod limits;
#[cfg(feature = "ssr")]
pub mod memo;
#[cfg(feature = "ssr")]
pub mod query;
#[cfg(feature = "ssr")]
pub mod secrets;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod tables;
