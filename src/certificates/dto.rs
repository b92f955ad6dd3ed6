//! What the certificates area's server functions take and answer.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::paper::DocumentKind;
use crate::kernel::wib;

/// One document as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRow {
    pub id: i64,
    pub kind: DocumentKind,
    pub number: String,
    /// The verification code as printed.
    pub code: String,
    pub trainee_name: String,
    pub cohort: String,
    #[serde(with = "wib::rfc3339_format")]
    pub issued_at: OffsetDateTime,
    pub revoked: Option<Revoked>,
    /// The number of the document that replaced this one.
    pub replaced_by: Option<String>,
}

/// When and why a document was revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revoked {
    #[serde(with = "wib::rfc3339_format")]
    pub at: OffsetDateTime,
    pub reason: String,
}

/// One member of a cohort on its documents page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberDocuments {
    pub enrollment_id: i64,
    pub name: String,
    /// The enrollment's status, stored name.
    pub status: String,
    /// Completed, without a current certificate.
    pub may_certify: bool,
    /// Active (a letter may be issued any time).
    pub may_letter: bool,
    /// Every document, current and revoked, newest first.
    pub documents: Vec<DocumentRow>,
}

/// A cohort's documents page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortDocuments {
    pub cohort_id: i64,
    pub cohort: String,
    pub site: String,
    /// What the site's settings still lack before a certificate, and a letter, can be
    /// issued (none: ready).
    pub missing_certificate: Vec<crate::kernel::Problem>,
    pub missing_letter: Vec<crate::kernel::Problem>,
    pub members: Vec<MemberDocuments>,
    /// Completed members still without a certificate.
    pub to_certify: u32,
    /// Current certificates (what the print file holds).
    pub certified: u32,
}

/// A trainee's own documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyDocuments {
    pub documents: Vec<DocumentRow>,
}

/// What the public verification page shows: only what the paper itself shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    pub kind: DocumentKind,
    pub number: String,
    pub name: String,
    pub programme: String,
    pub cohort: String,
    pub site: String,
    #[serde(with = "wib::iso_date_format")]
    pub starts_on: Date,
    #[serde(with = "wib::iso_date_format")]
    pub ends_on: Date,
    pub hours_attended: u32,
    pub hours_total: u32,
    #[serde(with = "wib::iso_date_format")]
    pub issued_on: Date,
    /// The day it was revoked (WIB), when it was.
    #[serde(with = "wib::iso_date_option")]
    pub revoked_on: Option<Date>,
}

/// A document to issue: one enrollment, one kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueInput {
    #[serde(default)]
    pub enrollment_id: String,
    #[serde(default)]
    pub kind: String,
}

/// A document to revoke (or reissue), with the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokeInput {
    #[serde(default)]
    pub document_id: String,
    #[serde(default)]
    pub reason: String,
}

/// One site's settings as the admin page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSettings {
    pub site_id: i64,
    pub site: String,
    pub site_code: String,
    pub signatory_name: String,
    pub signatory_position: String,
    pub certificate_pattern: String,
    pub letter_pattern: String,
    pub has_logo: bool,
    /// Numbers as the patterns write them today (for the admin to check).
    pub certificate_example: Option<String>,
    pub letter_example: Option<String>,
}

/// Every site's document settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsPage {
    pub sites: Vec<SiteSettings>,
}

/// What was issued in one go: the documents' numbers and the trainees' names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issued {
    pub cohort_id: i64,
    pub documents: Vec<IssuedOne>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedOne {
    pub id: i64,
    pub number: String,
    pub name: String,
    pub verify_url: String,
}
