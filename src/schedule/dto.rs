//! What the schedule pages receive from the server. Dates and instants travel as `time`
//! values (serialised by their own serde); pages format them in WIB with `kernel::wib`.

use crate::kernel::input::{list_from_form, optional_number, optional_text};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::kernel::{wib, CohortId, SessionId};

use super::model::announce::SessionChange;
use super::model::generation::PatternInput;
use super::model::{HolidayKind, SessionStatus};
use crate::cohorts::dto::{Choice, CohortDetail};

/// A move of a session as typed (room and instructor as chosen from their lists).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MoveInput {
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    pub room_id: String,
    pub instructor_id: String,
    pub reason: String,
}

/// A site's own day off as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClosureInput {
    pub site_id: String,
    pub date: String,
    pub name: String,
}

/// The generation form as posted: the pattern, the choices, and the dates left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GenerationInput {
    #[serde(flatten)]
    pub pattern: PatternInput,
    pub instructor_id: String,
    pub room_id: String,
    /// ISO dates to leave out (the preview's ticked conflicts).
    #[serde(deserialize_with = "list_from_form")]
    pub skip: Vec<String>,
}

/// A holiday as typed (`confirmed`: the checkbox, ticked or not).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HolidayInput {
    pub date: String,
    pub name: String,
    pub kind: String,
    pub confirmed: String,
}

/// One class session as people see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: SessionId,
    pub cohort_id: CohortId,
    pub cohort: String,
    /// Instants; pages show them in WIB.
    #[serde(with = "wib::rfc3339_format")]
    pub starts_at: OffsetDateTime,
    #[serde(with = "wib::rfc3339_format")]
    pub ends_at: OffsetDateTime,
    pub room: Option<String>,
    pub instructor: Option<String>,
    pub unit: Option<String>,
    pub status: SessionStatus,
    pub change_reason: Option<String>,
    #[serde(with = "wib::rfc3339_option")]
    pub original_starts_at: Option<OffsetDateTime>,
    /// A change trainees should notice: moved or cancelled, and not yet over.
    pub flagged: bool,
}

/// The personal calendar feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedView {
    /// The secret subscription address, when the feed is on.
    pub url: Option<String>,
}

/// "My schedule": today, the rest of this week, and what comes after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySchedule {
    /// Today (WIB).
    #[serde(with = "wib::iso_date_format")]
    pub today: Date,
    pub today_sessions: Vec<SessionView>,
    pub this_week: Vec<SessionView>,
    pub upcoming: Vec<SessionView>,
    /// Whether the reader belongs to or teaches any cohort (or oversees a site).
    pub has_cohorts: bool,
    pub feed: FeedView,
}

/// The classes of a trainee's cohorts moved or cancelled since they last dismissed the
/// notice, and not over yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleChanges {
    /// By start.
    pub changes: Vec<SessionChange>,
    /// The latest change shown: dismissing the notice marks everything up to it as read,
    /// so a change made after the page was shown is not lost.
    #[serde(with = "wib::rfc3339_option")]
    pub latest: Option<OffsetDateTime>,
}

/// A cohort with its whole schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortSchedule {
    pub cohort: CohortDetail,
    /// Today (WIB), to tell past sessions from coming ones.
    #[serde(with = "wib::iso_date_format")]
    pub today: Date,
    pub sessions: Vec<SessionView>,
    /// Lesson hours (JP) of the sessions not cancelled.
    pub planned_hours: u32,
    /// Sessions may still be added or changed (the cohort is not over or cancelled).
    pub schedulable: bool,
}

/// One date of a generation preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRow {
    #[serde(with = "wib::iso_date_format")]
    pub date: Date,
    #[serde(with = "wib::rfc3339_format")]
    pub starts_at: OffsetDateTime,
    #[serde(with = "wib::rfc3339_format")]
    pub ends_at: OffsetDateTime,
    /// The conflicts on this date, as field problems (empty: none).
    pub conflicts: Vec<crate::kernel::Problem>,
}

/// A date the holidays skipped, with the holiday's name (`["2027-03-26", "Wafat …"]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedDay(#[serde(with = "wib::iso_date_format")] pub Date, pub String);

/// What confirming would write, computed without writing anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenerationPreview {
    pub rows: Vec<PreviewRow>,
    pub skipped: Vec<SkippedDay>,
    pub lesson_hours: u32,
}

/// The generation page: the cohort, the choices, and the preview when asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenerationPage {
    pub cohort: CohortDetail,
    pub instructors: Vec<Choice>,
    pub rooms: Vec<Choice>,
    /// Lesson hours still to plan for the course.
    pub remaining_hours: u32,
    /// `None` until the form is sent; `Err` holds why the pattern was refused.
    pub preview: Option<Result<GenerationPreview, crate::kernel::AppError>>,
}

/// One session with what the reader may do to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDetail {
    pub session: SessionView,
    pub can_manage: bool,
    /// The session was moved or cancelled and the reader may change it: the page shows
    /// whom to tell (what higher areas add for that, see `SessionChangePanels`).
    pub can_announce: bool,
    pub instructors: Vec<Choice>,
    pub rooms: Vec<Choice>,
    pub instructor_id: Option<i64>,
    pub room_id: Option<i64>,
}

/// Filters of the calendar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CalendarFilter {
    /// `week` (default) or `month`.
    #[serde(deserialize_with = "optional_text")]
    pub view: Option<String>,
    /// Any ISO date inside the week or month shown (default: today).
    #[serde(deserialize_with = "optional_text")]
    pub date: Option<String>,
    #[serde(deserialize_with = "optional_number")]
    pub site: Option<i64>,
    #[serde(deserialize_with = "optional_number")]
    pub cohort: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    #[serde(with = "wib::iso_date_format")]
    pub date: Date,
    pub holiday: Option<String>,
    pub sessions: Vec<SessionView>,
    /// Outside the month shown (month view fills whole weeks).
    pub outside: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarView {
    pub month: bool,
    /// First day shown and the anchors of the previous and next period.
    #[serde(with = "wib::iso_date_format")]
    pub first: Date,
    #[serde(with = "wib::iso_date_format")]
    pub previous: Date,
    #[serde(with = "wib::iso_date_format")]
    pub next: Date,
    #[serde(with = "wib::iso_date_format")]
    pub today: Date,
    pub days: Vec<CalendarDay>,
    pub sites: Vec<Choice>,
    pub cohorts: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayView {
    pub id: i64,
    #[serde(with = "wib::iso_date_format")]
    pub date: Date,
    pub name: String,
    pub kind: HolidayKind,
    pub confirmed: bool,
}

/// A site's own day off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureView {
    pub id: i64,
    pub site: String,
    #[serde(with = "wib::iso_date_format")]
    pub date: Date,
    pub name: String,
    /// Whether the reader may remove it (a coordinator of its site, an admin).
    pub can_delete: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayList {
    pub year: i32,
    pub years: Vec<i32>,
    pub holidays: Vec<HolidayView>,
    /// Whether the reader keeps the national holidays (admins).
    pub can_edit: bool,
    /// The days off of the reader's sites in the year.
    pub closures: Vec<ClosureView>,
    /// The sites whose days off the reader keeps (empty: none).
    pub closure_sites: Vec<Choice>,
}

/// A printable week of one cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintableWeek {
    pub cohort: CohortDetail,
    /// Monday of the week and the neighbouring Mondays.
    #[serde(with = "wib::iso_date_format")]
    pub monday: Date,
    #[serde(with = "wib::iso_date_format")]
    pub previous: Date,
    #[serde(with = "wib::iso_date_format")]
    pub next: Date,
    pub days: Vec<CalendarDay>,
}
