//! Schema migrations for Siap Jepang.
//!
//! Every migration is written with the `sea_orm_migration::schema` builders so the same
//! code runs on SQLite (the embedded default) and PostgreSQL (the national deployment).
//! Every `down()` is implemented; `siap-jepang migrate down` walks them back one by one.

pub use sea_orm_migration::prelude::*;

mod helpers;

mod m20261128_000001_create_sites;
mod m20261128_000002_create_users;
mod m20261128_000003_create_audit_log;
mod m20261128_000004_create_sessions;
mod m20261128_000005_insert_sites;
mod m20261129_000001_create_cohorts;
mod m20261129_000002_create_schedule;
mod m20261129_000003_insert_reference_data;
mod m20261129_000004_create_trainees;
mod m20261129_000005_create_attendance;
mod m20261129_000006_create_readiness;
mod m20261206_000001_create_site_closures;
mod m20261206_000002_create_attendance_counts;
mod m20261206_000003_create_schedule_stamps;
mod m20261206_000004_create_readiness_stamps;
mod m20261207_000001_add_trainee_registry_numbers;
mod m20261207_000002_create_integration_keys;
mod m20261207_000003_create_api_requests;
mod m20261208_000001_create_schedule_changes_seen;
mod m20261209_000001_create_issued_documents;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_create_sites::Migration),
            Box::new(m20261128_000002_create_users::Migration),
            Box::new(m20261128_000003_create_audit_log::Migration),
            Box::new(m20261128_000004_create_sessions::Migration),
            Box::new(m20261128_000005_insert_sites::Migration),
            Box::new(m20261129_000001_create_cohorts::Migration),
            Box::new(m20261129_000002_create_schedule::Migration),
            Box::new(m20261129_000003_insert_reference_data::Migration),
            Box::new(m20261129_000004_create_trainees::Migration),
            Box::new(m20261129_000005_create_attendance::Migration),
            Box::new(m20261129_000006_create_readiness::Migration),
            Box::new(m20261206_000001_create_site_closures::Migration),
            Box::new(m20261206_000002_create_attendance_counts::Migration),
            Box::new(m20261206_000003_create_schedule_stamps::Migration),
            Box::new(m20261206_000004_create_readiness_stamps::Migration),
            Box::new(m20261207_000001_add_trainee_registry_numbers::Migration),
            Box::new(m20261207_000002_create_integration_keys::Migration),
            Box::new(m20261207_000003_create_api_requests::Migration),
            Box::new(m20261208_000001_create_schedule_changes_seen::Migration),
            Box::new(m20261209_000001_create_issued_documents::Migration),
        ]
    }
}
