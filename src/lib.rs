//! Siap Jepang: Japanese-language training for Indonesian migrant-worker candidates (CPMI)
//! bound for Japan, run by UPT BP2MI Serang and BBPLK Serang.
//!
//! One crate, two builds: `ssr` (the server binary: pages, server functions, database)
//! and `hydrate` (the small WASM bundle that brings the interactive islands to life).
//!
//! The top-level modules are layers; each uses only the ones below it (checked by
//! `python3 ../shared/tools/modgraph.py src`):
//!
//! | layer | modules |
//! |---|---|
//! | composition | [`server`]: router, middleware, CLI, database, seed, backup (ssr only) |
//! | app shell | [`app`]: HTML shell, routes, layout and navigation, start page, language |
//! | areas | from the top: [`integrations`], [`certificates`], [`readiness`], [`attendance`], [`schedule`], [`trainees`], [`cohorts`], [`accounts`], [`audit`]; a higher area may use a lower one, never the reverse; each: model, authz, texts, db, service, api, pages |
//! | UI kit | [`ui`]: form fields, guards, notice banner, navigation entries, islands |
//! | web platform | [`platform`]: page and request context, flash, responses, state, clock, config |
//! | core | [`kernel`]: errors, identity values, WIB time, i18n machinery, `Actor` and `Role`; [`entities`] |

// Deeply nested page views need more than the default 128.
#![recursion_limit = "256"]

pub mod accounts;
pub mod app;
pub mod attendance;
pub mod audit;
pub mod certificates;
pub mod cohorts;
pub mod integrations;
pub mod kernel;
pub mod platform;
pub mod readiness;
pub mod schedule;
pub mod trainees;
pub mod ui;

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
