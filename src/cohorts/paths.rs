//! The cohorts area's addresses, spelled once: pages link with these, server functions
//! send people to them, and [`super::pages::CohortRoutes`] matches the same patterns. A
//! cohort's own page (`/angkatan/{id}`) is this area's address; the schedule renders it.

use crate::kernel::CohortId;

/// The programmes, courses and rooms.
pub const CATALOGUE: &str = "/program";
/// The cohort list (`?q=&site=&status=&programme=&page=`).
pub const COHORTS: &str = "/angkatan";
pub const NEW_COHORT: &str = "/angkatan/baru";

pub fn cohort(id: CohortId) -> String {
    format!("{COHORTS}/{id}")
}

pub fn edit_cohort(id: CohortId) -> String {
    format!("{COHORTS}/{id}/ubah")
}

/// A page of one cohort another area adds under the cohort's address (`/angkatan/{id}/…`).
pub fn cohort_page(id: CohortId, section: &str) -> String {
    format!("{COHORTS}/{id}/{section}")
}
