//! What attendance pages receive from their server functions.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::model::excuse::{ExcuseKind, ExcuseStatus};
use super::model::rates::{Rates, Warning};
use super::model::{AttendanceStatus, MarkSource, PolicyInput};
use crate::kernel::input::optional_text;
use crate::kernel::{wib, CohortId, Problem, SessionId, TraineeId};

pub use crate::schedule::dto::SessionView as SessionFacts;

/// What a cohort's attendance export holds: every session's marks, or with `isi=ringkasan`
/// one line per trainee.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportContent {
    #[serde(rename = "isi", deserialize_with = "optional_text")]
    pub content: Option<String>,
}

impl ExportContent {
    const SUMMARY: &str = "ringkasan";

    /// One line per trainee.
    pub fn summary() -> Self {
        Self {
            content: Some(Self::SUMMARY.to_owned()),
        }
    }

    pub fn is_summary(&self) -> bool {
        self.content.as_deref() == Some(Self::SUMMARY)
    }
}

/// One change to a mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    pub from: Option<AttendanceStatus>,
    pub to: AttendanceStatus,
    pub remark: Option<String>,
    pub reason: Option<String>,
    pub source: MarkSource,
    pub by: Option<String>,
    #[serde(with = "wib::rfc3339_format")]
    pub at: OffsetDateTime,
}

/// An approved or pending excuse shown on a roll call line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcuseNote {
    pub kind: ExcuseKind,
    pub status: ExcuseStatus,
    pub reason: String,
}

/// One trainee on a roll call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollCallLine {
    pub trainee_id: TraineeId,
    pub name: String,
    /// What the form starts with: the saved mark, else an approved excuse, else a
    /// check-in, else hadir.
    pub status: AttendanceStatus,
    pub remark: Option<String>,
    /// Whether `status` is saved (rather than proposed).
    pub saved: bool,
    pub source: Option<MarkSource>,
    /// When the trainee checked in themselves.
    #[serde(with = "wib::rfc3339_option")]
    pub checked_in_at: Option<OffsetDateTime>,
    pub excuse: Option<ExcuseNote>,
    pub history: Vec<ChangeView>,
}

/// Who took a roll call, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakenView {
    pub by: Option<String>,
    pub automatic: bool,
    #[serde(with = "wib::rfc3339_format")]
    pub at: OffsetDateTime,
}

/// A session's roll call: everyone enrolled on its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollCall {
    pub session: SessionFacts,
    pub lines: Vec<RollCallLine>,
    pub taken: Option<TakenView>,
    /// Why it cannot be saved by this reader now, if it cannot.
    pub refusal: Option<Problem>,
    /// A reason must go with a change (a coordinator after the instructors' window).
    pub reason_needed: bool,
    /// Self check-in can be opened (or is open) now.
    pub check_in_possible: bool,
    pub check_in_open: bool,
}

/// The screen an instructor shows for self check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInDisplay {
    pub session: SessionFacts,
    /// Six digits, shown as `123 456`.
    pub code: String,
    pub seconds_left: u32,
    /// The QR code of `url`, as SVG markup made on the server.
    pub qr_svg: String,
    /// The check-in address with the code, for the QR code.
    pub url: String,
    /// Who has checked in so far, in order.
    pub checked_in: Vec<String>,
    pub expected: u32,
}

/// A session in a list (today's classes, unmarked sessions, a trainee's sessions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLine {
    pub session: SessionFacts,
    /// A roll call was saved.
    pub taken: bool,
    /// The session has ended.
    pub over: bool,
    /// The reader's own mark (a trainee's list).
    pub mark: Option<AttendanceStatus>,
    pub remark: Option<String>,
}

/// A trainee who needs attention, with ways to reach them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AtRisk {
    pub trainee_id: TraineeId,
    pub name: String,
    pub cohort_id: CohortId,
    pub cohort: String,
    /// `+62…`, for tel: and wa.me links.
    pub phone: Option<String>,
    pub rates: Rates,
    pub warnings: Vec<Warning>,
}

/// The attendance home of staff: today's classes, sessions left unmarked, trainees at risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub today: Vec<SessionLine>,
    pub unmarked: Vec<SessionLine>,
    pub at_risk: Vec<AtRisk>,
    pub pending_excuses: u32,
    pub cohorts: Vec<crate::cohorts::dto::Choice>,
}

/// A trainee's attendance in one cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCohort {
    pub cohort_id: CohortId,
    pub cohort: String,
    /// Percent the cohort requires.
    pub threshold: u32,
    pub rates: Rates,
    pub warnings: Vec<Warning>,
    /// Sessions inside the enrollment, newest first.
    pub sessions: Vec<SessionLine>,
}

/// A trainee's own attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAttendance {
    pub cohorts: Vec<MyCohort>,
    /// A session open for self check-in right now.
    pub check_in_now: Option<SessionFacts>,
}

/// One excuse request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcuseView {
    pub id: i64,
    pub session: SessionFacts,
    pub trainee: String,
    pub kind: ExcuseKind,
    pub reason: String,
    pub status: ExcuseStatus,
    pub has_note: bool,
    #[serde(with = "wib::rfc3339_format")]
    pub requested_at: OffsetDateTime,
    pub decided_by: Option<String>,
    pub decision_note: Option<String>,
}

/// A session a trainee may ask an excuse for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcuseChoice {
    pub session_id: SessionId,
    pub label: String,
}

/// A trainee's excuses page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyExcuses {
    pub sessions: Vec<ExcuseChoice>,
    pub requests: Vec<ExcuseView>,
    pub note_max_kib: u32,
}

/// Requests for a coordinator to decide, and the latest decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcuseReview {
    pub pending: Vec<ExcuseView>,
    pub decided: Vec<ExcuseView>,
}

/// One cell of the cohort grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cell {
    /// The session is outside the trainee's enrollment.
    Outside,
    /// Held (or coming) without a mark.
    Empty,
    Mark(AttendanceStatus),
}

/// A column of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridSession {
    pub id: SessionId,
    #[serde(with = "wib::rfc3339_format")]
    pub starts_at: OffsetDateTime,
    pub held: bool,
    pub taken: bool,
}

/// A row of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridRow {
    pub trainee_id: TraineeId,
    pub name: String,
    pub cells: Vec<Cell>,
    pub rates: Rates,
    pub warnings: Vec<Warning>,
}

/// The cohort's attendance for the held sessions' rate over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartPoint {
    #[serde(with = "wib::iso_date_format")]
    pub date: Date,
    /// The session's attendance, in tenths of a percent.
    pub rate: u32,
}

/// A cohort's attendance: trainees × sessions (one month's, or all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortAttendance {
    pub cohort_id: CohortId,
    pub cohort: String,
    pub site: String,
    pub threshold: u32,
    /// `YYYY-MM` when one month is shown.
    pub month: Option<String>,
    /// The months that have sessions, `YYYY-MM`.
    pub months: Vec<String>,
    pub sessions: Vec<GridSession>,
    pub rows: Vec<GridRow>,
    pub chart: Vec<ChartPoint>,
    pub policy: PolicyInput,
    pub can_set_policy: bool,
}

/// One trainee's attendance in one cohort (the partner API): over the sessions inside
/// their enrollment, against the cohort's threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    pub trainee_id: TraineeId,
    pub name: String,
    pub cohort_id: CohortId,
    pub cohort: String,
    /// Percent the cohort requires.
    pub threshold: u32,
    pub rates: Rates,
}

/// One trainee to tell about a moved or cancelled session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToTell {
    pub trainee_id: TraineeId,
    pub name: String,
    /// Their phone as the reader may see it (`0812-3456-7890`); none when the reader may
    /// not, or none is known.
    pub phone: Option<String>,
    /// `https://wa.me/628…?text=…`, the message to them filled in; none without a mobile
    /// number the reader may see.
    pub whatsapp: Option<String>,
}

/// Whom to tell that a session was moved or cancelled, and what: for those who changed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeNotice {
    /// The change as told: the session, its cohort, status, times, room and reason.
    pub change: crate::schedule::model::announce::SessionChange,
    /// The trainees committed to the cohort (accepted or active), by name.
    pub trainees: Vec<ToTell>,
    /// The message for the cohort's WhatsApp group, in Indonesian.
    pub group_message: String,
}
