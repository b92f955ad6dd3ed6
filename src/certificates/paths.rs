//! The certificates area's addresses, spelled once: pages link with these, server
//! functions send people to them, and [`super::pages::CertificateRoutes`] and
//! [`super::files::file_routes`] match the same patterns.

use crate::cohorts::paths::cohort_page;
use crate::kernel::CohortId;

/// A trainee's own certificates and letters.
pub const MINE: &str = "/sertifikat-saya";
/// The sites' document settings (admins).
pub const SETTINGS: &str = "/pengaturan-dokumen";
/// Where a site's logo is posted (multipart).
pub const LOGO: &str = "/pengaturan-dokumen/logo";
/// A document's PDF (`?lang=en` for English).
pub const PDF: &str = "/sertifikat/{id}/pdf";
/// A cohort's print file: every current certificate (`?lang=en`).
pub const COHORT_PDF: &str = "/angkatan/{id}/sertifikat/cetak";
/// The public verification page of a code.
pub const VERIFY: &str = "/verifikasi/{code}";

/// A cohort's certificates and letters.
pub fn cohort(cohort_id: CohortId) -> String {
    cohort_page(cohort_id, "sertifikat")
}

pub fn cohort_print(cohort_id: CohortId) -> String {
    cohort_page(cohort_id, "sertifikat/cetak")
}

pub fn pdf(document_id: i64) -> String {
    format!("/sertifikat/{document_id}/pdf")
}

/// The public page of a printed code (`7KQ2-…`).
pub fn verify(printed_code: &str) -> String {
    format!("/verifikasi/{printed_code}")
}
