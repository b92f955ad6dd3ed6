//! What the cohort and catalogue pages receive from the server.

use crate::kernel::input::{optional_number, optional_text};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::kernel::{wib, CohortId};

use super::model::{CohortStatus, CourseLevel, LanguageTarget, Track};

/// A classroom as typed into the catalogue form (the site as chosen from its list).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewRoom {
    pub site_id: String,
    pub name: String,
    pub capacity: String,
}

/// A programme as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewProgramme {
    pub code: String,
    pub name: String,
    pub track: String,
    pub sector: String,
    pub language_target: String,
}

/// A course as typed (its units one per line).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewCourse {
    pub code: String,
    pub name: String,
    pub level: String,
    pub total_hours: String,
    pub textbook: String,
    pub units: String,
}

/// One choice of a select list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeView {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub track: Track,
    pub sector: Option<String>,
    pub language_target: LanguageTarget,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseView {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub level: CourseLevel,
    pub total_hours: u32,
    pub textbook: Option<String>,
    pub units: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomView {
    pub id: i64,
    pub site_id: i64,
    pub site: String,
    pub name: String,
    pub capacity: u32,
}

/// Programmes, courses and rooms, with what the reader may add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    pub programmes: Vec<ProgrammeView>,
    pub courses: Vec<CourseView>,
    pub rooms: Vec<RoomView>,
    /// Sites the reader may add rooms at (empty: none).
    pub room_sites: Vec<Choice>,
    pub can_edit_catalogue: bool,
}

/// Filters of the cohort list; the page number starts at 1.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CohortFilter {
    #[serde(deserialize_with = "optional_text")]
    pub q: Option<String>,
    #[serde(deserialize_with = "optional_number")]
    pub site: Option<i64>,
    #[serde(deserialize_with = "optional_text")]
    pub status: Option<String>,
    #[serde(deserialize_with = "optional_number")]
    pub programme: Option<i64>,
    #[serde(deserialize_with = "optional_number")]
    pub page: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortSummary {
    pub id: CohortId,
    pub code: String,
    pub course: String,
    pub programme: String,
    pub site: String,
    pub status: CohortStatus,
    #[serde(with = "wib::iso_date_format")]
    pub starts_on: Date,
    #[serde(with = "wib::iso_date_format")]
    pub ends_on: Date,
    pub capacity: u32,
    pub members: u64,
    pub instructors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortList {
    pub items: Vec<CohortSummary>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
    pub sites: Vec<Choice>,
    pub programmes: Vec<Choice>,
    pub can_create: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomChoice {
    pub id: i64,
    pub site_id: i64,
    pub label: String,
    pub capacity: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstructorChoice {
    pub id: i64,
    pub name: String,
    pub site_ids: Vec<i64>,
}

/// The values a cohort form starts with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortValues {
    pub code: String,
    pub course_id: Option<i64>,
    pub programme_id: Option<i64>,
    pub site_id: Option<i64>,
    pub room_id: Option<i64>,
    pub capacity: String,
    pub starts_on: String,
    pub ends_on: String,
    pub attendance_threshold: String,
    pub status: Option<CohortStatus>,
    pub instructor_ids: Vec<i64>,
}

/// Choices for the new/edit cohort form, limited to what the actor may pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortForm {
    /// `None` when creating.
    pub cohort_id: Option<CohortId>,
    pub values: CohortValues,
    pub courses: Vec<Choice>,
    pub programmes: Vec<Choice>,
    pub sites: Vec<Choice>,
    pub rooms: Vec<RoomChoice>,
    pub instructors: Vec<InstructorChoice>,
    /// Statuses the cohort may take from here.
    pub statuses: Vec<CohortStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i64,
    pub name: String,
}

/// One cohort as its detail page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortDetail {
    pub id: CohortId,
    pub code: String,
    pub course: CourseView,
    pub programme: ProgrammeView,
    pub site_id: i64,
    pub site: String,
    pub room: Option<RoomView>,
    pub capacity: u32,
    #[serde(with = "wib::iso_date_format")]
    pub starts_on: Date,
    #[serde(with = "wib::iso_date_format")]
    pub ends_on: Date,
    pub status: CohortStatus,
    pub attendance_threshold: u8,
    pub instructors: Vec<Person>,
    pub members: u64,
    pub can_manage: bool,
}

/// A cohort as other systems read it (the partner API): codes instead of ids for what it
/// belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortFacts {
    pub id: CohortId,
    pub code: String,
    pub site: String,
    pub programme: String,
    pub course: String,
    pub level: String,
    pub status: CohortStatus,
    #[serde(with = "wib::iso_date_format")]
    pub starts_on: Date,
    #[serde(with = "wib::iso_date_format")]
    pub ends_on: Date,
    pub capacity: u32,
    pub seats_taken: u32,
    /// Percent of sessions a trainee must attend.
    pub attendance_threshold: u8,
    #[serde(with = "wib::rfc3339_format")]
    pub updated_at: time::OffsetDateTime,
}

/// Which cohorts a partner pages through (site by id, already resolved from its code).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CohortFeed {
    pub site_id: Option<i64>,
    pub status: Option<CohortStatus>,
    pub updated_since: Option<time::OffsetDateTime>,
    pub after: Option<CohortId>,
    pub limit: u64,
}
