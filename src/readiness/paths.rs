//! The readiness area's addresses, spelled once: pages link with these, server functions
//! send people to them, and [`super::pages::ReadinessRoutes`] and
//! [`super::files::file_routes`] match the same patterns.

use crate::cohorts::paths::cohort_page;
use crate::kernel::{CohortId, TraineeId};

/// The coordinators' dashboard (filters as in [`super::dto::DashboardFilter`]).
pub const DASHBOARD: &str = "/kesiapan";
/// The dashboard's export (`?format=csv|xlsx` and the dashboard's filters).
pub const EXPORT: &str = "/kesiapan/ekspor";
/// What each programme requires.
pub const RULES: &str = "/kesiapan/aturan";
/// A trainee's own readiness.
pub const MINE: &str = "/kesiapan-saya";
/// Where document scans are posted (multipart).
pub const UPLOAD: &str = "/kesiapan/pindaian";
/// A document's scan.
pub const SCAN: &str = "/kesiapan/dokumen/{id}/pindaian";

/// One trainee's readiness, for their coordinators.
pub fn trainee(trainee_id: TraineeId) -> String {
    format!("/kesiapan/peserta/{trainee_id}")
}

pub fn scan(document_id: i64) -> String {
    format!("/kesiapan/dokumen/{document_id}/pindaian")
}

/// A cohort's lessons and scores.
pub fn progress(cohort_id: CohortId) -> String {
    cohort_page(cohort_id, "nilai")
}

/// A cohort's progress page with one assessment's scores open.
pub fn assessment(cohort_id: CohortId, assessment_id: i64) -> String {
    format!("{}?penilaian={assessment_id}#skor", progress(cohort_id))
}
