//! The app as a whole rather than one area: its foundation and headers, CSRF, scope across
//! areas, instances, crashes, backups, the command line, fuzzing, query guards, the load
//! driver, and the layering and table ownership of `src/`.

mod backup;
pub mod cli;
mod crash;
mod csrf;
mod foundation;
mod fuzz;
mod instances;
mod layers;
mod load_driver;
mod offline;
/// `pub(crate)`: the authorization matrix reads `TABLE_OWNERS`.
pub(crate) mod ownership;
mod query_guards;
mod scope;
