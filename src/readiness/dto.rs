//! What readiness pages receive.

use crate::kernel::input::{optional_number, optional_text};
use crate::kernel::{wib, CohortId, SessionId, TraineeId};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};

use super::model::verdict::{AttendanceFacts, Check, Finding, Requirement};
use super::model::{DocumentKind, DocumentStatus, ResultKind, Verdict};

/// The dashboard's filters, as in its address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DashboardFilter {
    #[serde(deserialize_with = "optional_number")]
    pub site_id: Option<i64>,
    #[serde(deserialize_with = "optional_number")]
    pub cohort_id: Option<CohortId>,
    /// `siap`, `dalam_proses` or `belum`.
    #[serde(deserialize_with = "optional_text")]
    pub verdict: Option<String>,
    /// A blocker key (`language`, `attendance`, `skills:…`, `document:…`).
    #[serde(deserialize_with = "optional_text")]
    pub blocker: Option<String>,
    /// A document kind whose validity ends within `within_days`.
    #[serde(deserialize_with = "optional_text")]
    pub expiring: Option<String>,
    #[serde(deserialize_with = "optional_number")]
    pub within_days: Option<u16>,
    #[serde(deserialize_with = "optional_number")]
    pub page: Option<u64>,
}

/// An official result as typed (`passed`: the checkbox, ticked or not).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResultInput {
    pub kind: String,
    pub level: String,
    pub score: String,
    pub passed: String,
    pub taken_on: String,
    pub certificate_no: String,
    pub field: String,
}

/// A document's details as typed, and (for coordinators) the decision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentInput {
    pub kind: String,
    pub number: String,
    pub issued_on: String,
    pub expires_on: String,
    /// `verified`, `rejected`, or empty (details only).
    pub decision: String,
    pub reason: String,
}

/// A new assessment as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewAssessment {
    pub kind: String,
    pub title: String,
    pub held_on: String,
    pub max_score: String,
    pub pass_score: String,
}

/// The rules form as posted: `jlpt`, `jft`, `passed[KIND]`, `attendance`, `doc[KIND]`,
/// `max_age[KIND]`, `min_valid[KIND]` (checkboxes are present when ticked; the maps are
/// keyed by kind, so they stay maps).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RulesInput {
    pub jlpt: String,
    pub jft: String,
    pub passed: HashMap<String, String>,
    pub attendance: Option<String>,
    #[serde(rename = "doc")]
    pub documents: HashMap<String, String>,
    pub max_age: HashMap<String, String>,
    pub min_valid: HashMap<String, String>,
}

/// The funnel: how many got how far, in order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funnel {
    pub enrolled: u32,
    pub language: u32,
    pub skills: u32,
    pub documents: u32,
    pub ready: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadinessRow {
    pub trainee_id: TraineeId,
    pub name: String,
    pub cohort: String,
    pub programme: String,
    pub verdict: Verdict,
    pub blockers: Vec<Finding>,
    /// The day the `expiring` document stops being valid, when filtering by it.
    #[serde(with = "wib::iso_date_option")]
    pub valid_until: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    #[serde(with = "wib::iso_date_format")]
    pub today: Date,
    pub sites: Vec<(i64, String)>,
    pub cohorts: Vec<(i64, String)>,
    pub filter: DashboardFilter,
    pub funnel: Funnel,
    /// Ready, in progress, not ready (of everyone in scope, before the filters).
    pub verdicts: [u32; 3],
    /// Blocker keys with how many trainees have them, most common first.
    pub blockers: Vec<(String, u32)>,
    pub rows: Vec<ReadinessRow>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub kind: DocumentKind,
    pub id: Option<i64>,
    pub status: DocumentStatus,
    pub number: Option<String>,
    #[serde(with = "wib::iso_date_option")]
    pub issued_on: Option<Date>,
    #[serde(with = "wib::iso_date_option")]
    pub expires_on: Option<Date>,
    pub reason: Option<String>,
    pub has_scan: bool,
    pub decided_by: Option<String>,
    #[serde(with = "wib::rfc3339_option")]
    pub decided_at: Option<OffsetDateTime>,
    /// The trainee's track requires it.
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultView {
    pub id: i64,
    pub kind: ResultKind,
    pub level: Option<String>,
    pub score: Option<u16>,
    pub passed: bool,
    #[serde(with = "wib::iso_date_format")]
    pub taken_on: Date,
    pub certificate_no: Option<String>,
    pub field: Option<String>,
}

/// A cohort assessment's score of one trainee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreView {
    pub assessment: String,
    pub kind: String,
    #[serde(with = "wib::iso_date_format")]
    pub held_on: Date,
    pub score: u16,
    pub max_score: u16,
    pub pass_score: u16,
}

/// One trainee's readiness, for their coordinators or themself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraineeReadiness {
    pub trainee_id: TraineeId,
    pub name: String,
    pub cohort: Option<String>,
    pub programme: Option<String>,
    pub in_training: bool,
    #[serde(with = "wib::iso_date_format")]
    pub today: Date,
    pub verdict: Verdict,
    pub checks: Vec<Check>,
    pub attendance: Option<AttendanceFacts>,
    pub documents: Vec<DocumentView>,
    pub results: Vec<ResultView>,
    pub scores: Vec<ScoreView>,
    /// The viewer may record results and verify documents.
    pub may_manage: bool,
    pub phone: Option<String>,
}

/// One programme's requirements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeRules {
    pub programme_id: i64,
    pub code: String,
    pub name: String,
    pub requirements: Vec<Requirement>,
    /// Nobody changed them: the built-in set.
    pub defaults: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    pub programmes: Vec<ProgrammeRules>,
    pub may_edit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentView {
    pub id: i64,
    pub kind: String,
    pub title: String,
    #[serde(with = "wib::iso_date_format")]
    pub held_on: Date,
    pub max_score: u16,
    pub pass_score: u16,
    pub scored: u32,
    pub average: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressRow {
    pub trainee_id: TraineeId,
    pub name: String,
    /// One per assessment, in the assessments' order.
    pub scores: Vec<Option<u16>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLine {
    pub session_id: SessionId,
    #[serde(with = "wib::rfc3339_format")]
    pub when: OffsetDateTime,
    pub planned: Option<String>,
    pub taught_unit_id: Option<i64>,
}

/// A cohort's lessons and scores, for its instructors and coordinators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortProgress {
    pub cohort_id: CohortId,
    pub cohort: String,
    #[serde(with = "wib::iso_date_format")]
    pub today: Date,
    pub units: Vec<(i64, String)>,
    pub units_taught: u32,
    pub lessons: Vec<LessonLine>,
    pub assessments: Vec<AssessmentView>,
    pub rows: Vec<ProgressRow>,
}
