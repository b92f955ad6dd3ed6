//! The attendance area's addresses, spelled once: pages link with these, server functions
//! send people to them, and [`super::pages::AttendanceRoutes`] and
//! [`super::files::file_routes`] match the same patterns.

use crate::cohorts::paths::cohort_page;
use crate::kernel::{CohortId, SessionId};

/// A trainee's own attendance, or the staff's classes and trainees at risk.
pub const HOME: &str = "/kehadiran";
/// Self check-in with a session's code (`?kode=`).
pub const CHECK_IN: &str = "/hadir";
/// A trainee's excuse requests.
pub const EXCUSES: &str = "/izin";
/// Where a trainee's excuse form is posted (multipart: it may carry a photo).
pub const EXCUSE_POST: &str = "/izin/ajukan";
/// The id of the form posted there (its flash and field ids).
pub const EXCUSE_FORM: &str = "excuse";
/// The coordinators' review of excuse requests.
pub const EXCUSE_REVIEW: &str = "/izin/tinjau";
/// A doctor's note or other proof attached to an excuse.
pub const EXCUSE_NOTE: &str = "/izin/{id}/surat";
/// A cohort's attendance export (`?format=csv|xlsx[&isi=ringkasan]`).
pub const COHORT_EXPORT: &str = "/angkatan/{id}/kehadiran/ekspor";

pub fn roll_call(session_id: SessionId) -> String {
    format!("/sesi/{session_id}/absen")
}

/// The check-in code a session's instructor shows.
pub fn check_in_code(session_id: SessionId) -> String {
    format!("/sesi/{session_id}/kode")
}

/// Self check-in with `code` filled in (what the classroom's QR code opens).
pub fn check_in_with(code: &str) -> String {
    format!("{CHECK_IN}?kode={code}")
}

/// A session's printable attendance register.
pub fn session_register(session_id: SessionId) -> String {
    format!("/sesi/{session_id}/daftar-hadir")
}

pub fn excuse_note(excuse_id: i64) -> String {
    format!("/izin/{excuse_id}/surat")
}

/// A cohort's attendance, trainees × sessions.
pub fn cohort(cohort_id: CohortId) -> String {
    cohort_page(cohort_id, "kehadiran")
}

/// A cohort's printable register of one month (`YYYY-MM`).
pub fn month_register(cohort_id: CohortId, month: &str) -> String {
    crate::platform::query_string::link(&cohort_page(cohort_id, "kehadiran/cetak"), &[("bulan", month)])
}

pub fn cohort_export(cohort_id: CohortId) -> String {
    cohort_page(cohort_id, "kehadiran/ekspor")
}
