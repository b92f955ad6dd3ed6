//! SeaORM entities, one per table, in the 2.0 dense format. Shapes follow `migrations/`.

pub mod activation_codes;
pub mod audit_log;
pub mod calendar_feeds;
pub mod class_sessions;
pub mod cohort_instructors;
pub mod cohorts;
pub mod course_units;
pub mod courses;
pub mod enrollment_events;
pub mod enrollments;
pub mod holidays;
pub mod programmes;
pub mod rooms;
pub mod saved_searches;
pub mod sessions;
pub mod sign_in_throttle;
pub mod sites;
pub mod trainee_imports;
pub mod trainees;
pub mod user_sites;
pub mod users;
