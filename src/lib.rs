//! Siap Jepang: Japanese-language training for Indonesian migrant-worker candidates (CPMI)
//! bound for Japan, run by UPT BP2MI Serang and BBPLK Serang.
//!
//! One crate, two builds: `ssr` (the server binary: pages, server functions, database)
//! and `hydrate` (the small WASM bundle that brings the interactive islands to life).

pub mod accounts;
pub mod app;
pub mod audit;
pub mod error;
pub mod i18n;
pub mod identity;
pub mod pages;
pub mod prefs;
pub mod ui;
pub mod wib;

#[cfg(feature = "ssr")]
pub mod entities;
#[cfg(feature = "ssr")]
pub mod server;

/// Entry point of the WASM bundle: hydrates the islands, nothing else.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
