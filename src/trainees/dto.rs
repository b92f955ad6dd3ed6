//! What the trainee and enrollment pages receive from the server.

use crate::kernel::input::{optional_number, optional_text};
use serde::{Deserialize, Serialize};

use super::model::enrollment::EnrollmentStatus;
use super::model::{Education, Source, TraineeInput};
use crate::cohorts::dto::Choice;
use crate::kernel::identity::Sex;
use crate::kernel::{wib, AccountId, CohortId, EnrollmentId, FieldError, TraineeId};
use time::{Date, OffsetDateTime};

/// Filters of the trainee list. Kept on the server under a random token, so a NIK typed
/// into the search never appears in an address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TraineeFilter {
    /// Name (any case, accents ignored), NIK or phone digits.
    #[serde(deserialize_with = "optional_text")]
    pub q: Option<String>,
    #[serde(deserialize_with = "optional_number")]
    pub cohort: Option<i64>,
    #[serde(deserialize_with = "optional_text")]
    pub status: Option<String>,
    /// Kemendagri code of a Banten regency, or `other`.
    #[serde(deserialize_with = "optional_text")]
    pub regency: Option<String>,
    #[serde(deserialize_with = "optional_number")]
    pub site: Option<i64>,
}

/// The list's address: the saved search's token and the page (`/peserta?cari=…&page=2`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListAddress {
    #[serde(rename = "cari", deserialize_with = "optional_text")]
    pub token: Option<String>,
    #[serde(deserialize_with = "optional_number")]
    pub page: Option<u64>,
}

/// A requested move of an enrollment, as typed on the roster.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatusChange {
    pub status: String,
    pub reason: String,
    /// The day the person starts (active) or leaves (completed, withdrawn, transferred).
    pub date: String,
    /// The cohort a transfer goes to.
    pub target_cohort: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraineeSummary {
    pub id: TraineeId,
    pub full_name: String,
    /// `3673********0002`.
    pub nik: String,
    pub phone: Option<String>,
    pub regency: String,
    pub site: String,
    pub outside_banten: bool,
    /// The latest enrollment: cohort code and status.
    pub enrollment: Option<(String, EnrollmentStatus)>,
    pub has_account: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraineeList {
    pub items: Vec<TraineeSummary>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
    pub filter: TraineeFilter,
    /// The search token the page was asked for (kept in paging links).
    pub token: Option<String>,
    pub sites: Vec<Choice>,
    pub cohorts: Vec<Choice>,
    /// Trainee accounts with no record yet (the first few), to complete.
    pub unlinked: Vec<Choice>,
    pub unlinked_total: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub from: Option<EnrollmentStatus>,
    pub to: EnrollmentStatus,
    pub reason: Option<String>,
    pub actor: Option<String>,
    #[serde(with = "wib::rfc3339_format")]
    pub at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollmentView {
    pub id: EnrollmentId,
    pub cohort_id: CohortId,
    pub cohort: String,
    pub status: EnrollmentStatus,
    #[serde(with = "wib::iso_date_option")]
    pub joined_on: Option<Date>,
    #[serde(with = "wib::iso_date_option")]
    pub left_on: Option<Date>,
    pub history: Vec<EventView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountLink {
    pub user_id: AccountId,
    pub active: bool,
    pub activated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraineeDetail {
    pub id: TraineeId,
    pub full_name: String,
    /// Whole for the trainee's coordinators, masked otherwise.
    pub nik: String,
    pub birth_place: String,
    #[serde(with = "wib::iso_date_format")]
    pub birth_date: Date,
    pub sex: Sex,
    pub address: String,
    pub regency: String,
    pub regency_code: Option<String>,
    pub outside_banten: bool,
    /// Province the NIK names (flagged when not Banten).
    pub nik_province: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub education: Education,
    pub programme: Option<String>,
    pub guardian_name: Option<String>,
    pub guardian_relation: Option<String>,
    pub guardian_phone: Option<String>,
    pub source: Source,
    pub notes: Option<String>,
    /// The ID PMI of the person's SIAPkerja account.
    pub id_pmi: Option<String>,
    /// The person's SISKOP2MI registration number.
    pub siskop2mi_no: Option<String>,
    pub site: String,
    pub account: Option<AccountLink>,
    pub enrollments: Vec<EnrollmentView>,
    pub can_edit: bool,
    /// Cohorts at the trainee's site open to new applications.
    pub cohorts_to_join: Vec<Choice>,
}

/// The new/edit form with its choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraineeForm {
    pub trainee_id: Option<TraineeId>,
    pub values: TraineeInput,
    pub sites: Vec<Choice>,
    pub programmes: Vec<Choice>,
    /// An account to link: when given, the form starts from its name, NIK and phone.
    pub account_id: Option<AccountId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub enrollment_id: EnrollmentId,
    pub trainee_id: TraineeId,
    pub full_name: String,
    pub nik: String,
    pub phone: Option<String>,
    pub status: EnrollmentStatus,
    /// 1 for the first on the waitlist.
    pub waitlist_position: Option<u32>,
    #[serde(with = "wib::iso_date_option")]
    pub joined_on: Option<Date>,
    #[serde(with = "wib::iso_date_option")]
    pub left_on: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub cohort_id: CohortId,
    /// The cohort's site (what happens in the cohort belongs to it).
    pub site_id: i64,
    pub code: String,
    pub capacity: u32,
    pub seats_taken: u32,
    #[serde(with = "wib::iso_date_format")]
    pub starts_on: Date,
    #[serde(with = "wib::iso_date_format")]
    pub ends_on: Date,
    pub entries: Vec<RosterEntry>,
    pub can_manage: bool,
    /// Other cohorts at the site a trainee can be transferred to.
    pub transfer_targets: Vec<Choice>,
    /// Today (WIB), the default for joining and leaving dates.
    #[serde(with = "wib::iso_date_format")]
    pub today: Date,
}

/// One refused row of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    pub row: u32,
    pub name: String,
    pub nik: String,
    pub problems: Vec<FieldError>,
}

/// An import as staged: what would be written, and what is refused and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReview {
    pub id: i64,
    pub file_name: String,
    pub site: String,
    pub cohort: Option<String>,
    pub rows: u32,
    pub accepted: u32,
    pub refused: Vec<RowProblem>,
    /// The first accepted rows: (row, name).
    pub sample: Vec<(u32, String)>,
    /// Set once imported: how many records were written.
    pub imported: Option<u32>,
}

/// Choices for the upload form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportForm {
    pub sites: Vec<Choice>,
    pub cohorts: Vec<Choice>,
    pub max_kib: u32,
}

/// A trainee's own record and the contact details they may correct.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub detail: TraineeDetail,
    pub contact: super::model::ContactInput,
}

/// Which records a partner system pages through (the API's trainee list).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TraineeFeed {
    pub site_id: Option<i64>,
    /// Records enrolled (with any status) in this cohort.
    pub cohort_id: Option<CohortId>,
    pub updated_since: Option<OffsetDateTime>,
    /// Only records after this one.
    pub after: Option<TraineeId>,
    pub limit: u64,
}

/// A trainee record as other systems read it. The NIK whole only for readers who may see
/// it (masked otherwise); the rest of the personal data only for readers who may read
/// personal data at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraineeFacts {
    pub id: TraineeId,
    pub nik: String,
    pub full_name: String,
    pub sex: Sex,
    /// The record's site, by code.
    pub site: String,
    /// The programme aimed at, by code.
    pub programme: Option<String>,
    pub regency: String,
    pub id_pmi: Option<String>,
    pub siskop2mi_no: Option<String>,
    pub personal: Option<PersonalFacts>,
    /// Whether the person has an account (to check schedules and results).
    pub has_account: bool,
    #[serde(with = "wib::rfc3339_format")]
    pub updated_at: OffsetDateTime,
}

/// What identifies and reaches the person, beyond the name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalFacts {
    pub birth_place: String,
    #[serde(with = "wib::iso_date_format")]
    pub birth_date: Date,
    pub address: String,
    /// In international form (`+62…`).
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The numbers other government systems give a person, as a partner system sends them:
/// `None` leaves a number as it is, an empty text clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistryNumbersInput {
    pub id_pmi: Option<String>,
    pub siskop2mi_no: Option<String>,
}
