//! Integration tests: the real application over HTTP on a fresh database per test.
//! Run on SQLite (default) and on PostgreSQL with `TEST_DATABASE=postgres`.

mod activation;
mod attendance;
mod attendance_bench;
mod attendance_flows;
mod attendance_helpers;
mod attendance_rates;
mod audit;
mod authorization_matrix;
mod backup;
mod cli;
mod cohorts;
mod crash;
mod csrf;
mod enrollment;
mod foundation;
mod fuzz;
mod helpers;
mod imports;
mod instances;
mod layers;
mod load_driver;
mod ownership;
mod query_guards;
mod readiness;
mod readiness_access;
mod readiness_bench;
mod schedule;
mod schedule_views;
mod scope;
mod sessions;
mod sign_in;
mod throttling;
mod trainee_helpers;
mod trainees;
mod users;
