//! Integration tests: the real application over HTTP on a fresh database per test.
//! Run on SQLite (default) and on PostgreSQL with `TEST_DATABASE=postgres`.
//!
//! By area, as `src/` is: each area's tests in its folder; `support` is what they share
//! (the app spawner and each area's fixtures); `platform` tests the app as a whole.

// Tests may unwrap: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod accounts;
mod attendance;
mod audit;
mod certificates;
mod cohorts;
mod integrations;
mod readiness;
mod schedule;
mod trainees;

mod authorization_matrix;
mod platform;

/// Benchmarks that drive the real app over HTTP (ignored in make test; run by hand, figures in BENCHMARKS.md).
#[path = "../../benches/api/mod.rs"]
mod benches;
