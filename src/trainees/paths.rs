//! The trainees area's addresses, spelled once: pages link with these, server functions
//! send people to them, and [`super::pages::TraineeRoutes`] and
//! [`super::files::file_routes`] match the same patterns.

use crate::cohorts::paths::cohort_page;
use crate::kernel::{AccountId, CohortId, TraineeId};

/// The registry (`?cari=TOKEN&page=`, see [`super::dto::ListAddress`]).
pub const TRAINEES: &str = "/peserta";
pub const NEW_TRAINEE: &str = "/peserta/baru";
/// The import wizard's upload form.
pub const IMPORT: &str = "/peserta/impor";
/// Where a roster file is posted (multipart).
pub const UPLOAD: &str = "/peserta/unggah";
/// The id of the form posted there (its flash and field ids).
pub const IMPORT_FORM: &str = "import";
/// The registry's export (`?format=csv|xlsx[&cari=TOKEN]`).
pub const EXPORT: &str = "/peserta/ekspor";
/// A cohort's roster export.
pub const ROSTER_EXPORT: &str = "/angkatan/{id}/peserta/ekspor";
/// A trainee's own contact details.
pub const PROFILE: &str = "/profil";

pub fn trainee(id: TraineeId) -> String {
    format!("{TRAINEES}/{id}")
}

pub fn edit_trainee(id: TraineeId) -> String {
    format!("{TRAINEES}/{id}/ubah")
}

/// The form for a new record that completes account `account_id`.
pub fn new_trainee_for(account_id: AccountId) -> String {
    format!("{NEW_TRAINEE}?akun={account_id}")
}

/// The registry with a saved search.
pub fn search(token: &str) -> String {
    crate::platform::query_string::link(TRAINEES, &[("cari", token)])
}

/// An uploaded roster under review.
pub fn import(id: i64) -> String {
    format!("{IMPORT}/{id}")
}

/// A cohort's roster.
pub fn roster(cohort_id: CohortId) -> String {
    cohort_page(cohort_id, "peserta")
}

pub fn roster_export(cohort_id: CohortId) -> String {
    cohort_page(cohort_id, "peserta/ekspor")
}
