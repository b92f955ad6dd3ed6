//! SeaORM entities, one per table, in the 2.0 dense format. Shapes follow `migrations/`.

pub mod activation_codes;
pub mod audit_log;
pub mod sessions;
pub mod sign_in_throttle;
pub mod sites;
pub mod user_sites;
pub mod users;
