//! Attendance as pure rules: the five statuses and their weights, a cohort's policy, when
//! a roll call may be taken or changed, and the rates (held so far, and the best still
//! reachable). No I/O.

#[cfg(feature = "ssr")]
pub mod code;
pub mod excuse;
pub mod rates;

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use crate::kernel::codes::code_enum;
use crate::kernel::input::parse_number;
use crate::kernel::{FieldError, Problem};

code_enum! {
    /// What happened to one trainee in one session. Indonesian codes in the data, as on
    /// the paper registers.
    AttendanceStatus {
        Present => "hadir",
        Late => "terlambat",
        /// Excused: permission asked for (izin).
        Permitted => "izin",
        /// Excused: ill (sakit).
        Sick => "sakit",
        /// Absent without leave (alpa).
        Absent => "alpa",
    }
}

impl AttendanceStatus {
    /// Izin and sakit are excused: counted apart, never against the rate.
    pub fn is_excused(self) -> bool {
        matches!(self, Self::Permitted | Self::Sick)
    }

    /// What the session counts toward the rate, in percent of a full attendance; `None`
    /// for excused ones, which the rate leaves out.
    pub fn weight(self, policy: &Policy) -> Option<u32> {
        match self {
            Self::Present => Some(100),
            Self::Late => Some(u32::from(policy.late_weight)),
            Self::Absent => Some(0),
            Self::Permitted | Self::Sick => None,
        }
    }

    /// The one-letter code of the paper registers: H, T, I, S, A.
    pub fn letter(self) -> &'static str {
        match self {
            Self::Present => "H",
            Self::Late => "T",
            Self::Permitted => "I",
            Self::Sick => "S",
            Self::Absent => "A",
        }
    }
}

code_enum! {
    /// How a mark was made.
    MarkSource {
        RollCall => "roll_call",
        CheckIn => "check_in",
        /// Pre-filled from an approved excuse and saved with the roll call.
        Excuse => "excuse",
        /// Left unmarked and set to alpa by the cohort's policy.
        Automatic => "auto",
    }
}

/// A cohort's attendance policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Policy {
    /// What a late arrival counts, in percent of a full attendance.
    pub late_weight: u8,
    /// Checking in later than this after the start is late.
    pub late_after_minutes: u16,
    /// Trainees left unmarked become alpa this many hours after the session ends; off when
    /// `None`.
    pub auto_absent_hours: Option<u16>,
    /// Instructors may change a roll call for this many days after the session.
    pub edit_days: u16,
    /// This many absences in a row raise a warning.
    pub absence_streak: u16,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            late_weight: 50,
            late_after_minutes: 15,
            auto_absent_hours: None,
            edit_days: 3,
            absence_streak: 3,
        }
    }
}

/// The policy form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyInput {
    pub late_weight: String,
    pub late_after_minutes: String,
    /// Empty: off.
    pub auto_absent_hours: String,
    pub edit_days: String,
    pub absence_streak: String,
}

impl From<&Policy> for PolicyInput {
    fn from(policy: &Policy) -> Self {
        Self {
            late_weight: policy.late_weight.to_string(),
            late_after_minutes: policy.late_after_minutes.to_string(),
            auto_absent_hours: policy
                .auto_absent_hours
                .map(|h| h.to_string())
                .unwrap_or_default(),
            edit_days: policy.edit_days.to_string(),
            absence_streak: policy.absence_streak.to_string(),
        }
    }
}

/// Checks every field of a policy at once.
///
/// # Errors
/// The refused fields (numbers out of their ranges).
pub fn validate_policy(input: &PolicyInput) -> Result<Policy, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut number = |field: &str, value: &str, min: i64, max: i64, required: bool| -> Option<i64> {
        match parse_number(value, min, max) {
            Ok(n) => Some(n),
            Err(Problem::Required) if !required => None,
            Err(problem) => {
                errors.push(FieldError::new(field, problem));
                None
            }
        }
    };
    let late_weight = number("late_weight", &input.late_weight, 0, 100, true);
    let late_after = number("late_after_minutes", &input.late_after_minutes, 0, 240, true);
    let auto = number("auto_absent_hours", &input.auto_absent_hours, 1, 720, false);
    let edit_days = number("edit_days", &input.edit_days, 0, 60, true);
    let streak = number("absence_streak", &input.absence_streak, 1, 30, true);
    if !errors.is_empty() {
        return Err(errors);
    }
    // Every required number is present once there is no error; the ranges fit the types.
    let fit = |n: Option<i64>| n.and_then(|n| u16::try_from(n).ok()).unwrap_or_default();
    Ok(Policy {
        late_weight: u8::try_from(late_weight.unwrap_or(50)).unwrap_or(50),
        late_after_minutes: fit(late_after),
        auto_absent_hours: auto.and_then(|n| u16::try_from(n).ok()),
        edit_days: fit(edit_days),
        absence_streak: fit(streak).max(1),
    })
}

/// How long before its start a roll call (or check-in) may be opened.
pub const OPENS_BEFORE_START: Duration = Duration::minutes(30);

/// Who is changing a roll call, as the rules see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editor {
    /// The cohort's instructor: within the policy's editing window.
    Instructor,
    /// A coordinator of the site (or an admin): at any time, with a reason once the
    /// instructors' window has closed.
    Coordinator,
}

/// The facts of a session a roll call depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionTimes {
    pub starts_at: OffsetDateTime,
    pub ends_at: OffsetDateTime,
    pub cancelled: bool,
}

/// Whether a roll call may be saved now, and whether a reason is then required.
///
/// # Errors
/// [`Problem::SessionCancelled`], [`Problem::SessionNotStarted`], or
/// [`Problem::EditWindowClosed`] for an instructor past the window.
pub fn may_take_roll_call(
    session: SessionTimes,
    now: OffsetDateTime,
    editor: Editor,
    policy: &Policy,
    already_taken: bool,
) -> Result<ReasonNeeded, Problem> {
    if session.cancelled {
        return Err(Problem::SessionCancelled);
    }
    if now < session.starts_at - OPENS_BEFORE_START {
        return Err(Problem::SessionNotStarted {
            starts_at: session.starts_at,
        });
    }
    let window_closes = session.ends_at + Duration::days(i64::from(policy.edit_days));
    let late = now > window_closes;
    match editor {
        Editor::Instructor if late => Err(Problem::EditWindowClosed {
            days: u32::from(policy.edit_days),
        }),
        Editor::Instructor => Ok(ReasonNeeded(false)),
        // A first roll call taken late by a coordinator needs no excuse; a change does.
        Editor::Coordinator => Ok(ReasonNeeded(late && already_taken)),
    }
}

/// Whether a change must say why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReasonNeeded(pub bool);

/// Whether a check-in at `at` is on time or late.
pub fn check_in_status(session: SessionTimes, at: OffsetDateTime, policy: &Policy) -> AttendanceStatus {
    if at > session.starts_at + Duration::minutes(i64::from(policy.late_after_minutes)) {
        AttendanceStatus::Late
    } else {
        AttendanceStatus::Present
    }
}

/// Whether self check-in can be used at `now`: from shortly before the start to the end.
pub fn check_in_open(session: SessionTimes, now: OffsetDateTime) -> bool {
    !session.cancelled && now >= session.starts_at - Duration::minutes(10) && now <= session.ends_at
}

/// A remark on one trainee's mark, as typed: trimmed, at most 200 characters.
///
/// # Errors
/// [`Problem::TooLong`].
pub fn parse_remark(input: &str) -> Result<Option<String>, Problem> {
    crate::kernel::input::parse_text(input, 200, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn session() -> SessionTimes {
        SessionTimes {
            starts_at: datetime!(2027-02-01 01:00 UTC),
            ends_at: datetime!(2027-02-01 05:00 UTC),
            cancelled: false,
        }
    }

    #[test]
    fn excused_statuses_have_no_weight_and_late_counts_as_the_policy_says() {
        let policy = Policy {
            late_weight: 75,
            ..Policy::default()
        };
        assert_eq!(AttendanceStatus::Present.weight(&policy), Some(100));
        assert_eq!(AttendanceStatus::Late.weight(&policy), Some(75));
        assert_eq!(AttendanceStatus::Absent.weight(&policy), Some(0));
        assert_eq!(AttendanceStatus::Permitted.weight(&policy), None);
        assert_eq!(AttendanceStatus::Sick.weight(&policy), None);
        assert_eq!(AttendanceStatus::parse("alpa"), Ok(AttendanceStatus::Absent));
        assert!(AttendanceStatus::parse("bolos").is_err());
    }

    #[test]
    fn a_roll_call_opens_before_the_start_and_closes_for_instructors_after_the_window() {
        let policy = Policy::default();
        let take = |now, editor, taken| may_take_roll_call(session(), now, editor, &policy, taken);
        assert!(matches!(
            take(datetime!(2027-02-01 00:00 UTC), Editor::Instructor, false),
            Err(Problem::SessionNotStarted { .. })
        ));
        assert_eq!(
            take(datetime!(2027-02-01 00:45 UTC), Editor::Instructor, false),
            Ok(ReasonNeeded(false))
        );
        assert_eq!(
            take(datetime!(2027-02-04 04:00 UTC), Editor::Instructor, true),
            Ok(ReasonNeeded(false)),
            "within three days of the end"
        );
        assert_eq!(
            take(datetime!(2027-02-04 06:00 UTC), Editor::Instructor, true),
            Err(Problem::EditWindowClosed { days: 3 })
        );
        assert_eq!(
            take(datetime!(2027-02-04 06:00 UTC), Editor::Coordinator, true),
            Ok(ReasonNeeded(true))
        );
        assert_eq!(
            take(datetime!(2027-02-04 06:00 UTC), Editor::Coordinator, false),
            Ok(ReasonNeeded(false)),
            "a first roll call needs no reason"
        );
        let cancelled = SessionTimes {
            cancelled: true,
            ..session()
        };
        assert_eq!(
            may_take_roll_call(
                cancelled,
                datetime!(2027-02-01 02:00 UTC),
                Editor::Coordinator,
                &policy,
                false
            ),
            Err(Problem::SessionCancelled)
        );
    }

    #[test]
    fn check_ins_after_the_grace_minutes_are_late() {
        let policy = Policy::default();
        assert_eq!(
            check_in_status(session(), datetime!(2027-02-01 01:15 UTC), &policy),
            AttendanceStatus::Present
        );
        assert_eq!(
            check_in_status(session(), datetime!(2027-02-01 01:16 UTC), &policy),
            AttendanceStatus::Late
        );
        assert!(!check_in_open(session(), datetime!(2027-02-01 00:49 UTC)));
        assert!(check_in_open(session(), datetime!(2027-02-01 00:50 UTC)));
        assert!(!check_in_open(session(), datetime!(2027-02-01 05:01 UTC)));
    }

    #[test]
    fn a_policy_is_checked_field_by_field() {
        let input = PolicyInput {
            late_weight: "120".into(),
            late_after_minutes: "10".into(),
            auto_absent_hours: String::new(),
            edit_days: "x".into(),
            absence_streak: "3".into(),
        };
        let fields: Vec<String> = validate_policy(&input)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec!["late_weight", "edit_days"]);
        let fine = PolicyInput {
            late_weight: "60".into(),
            edit_days: "5".into(),
            auto_absent_hours: "24".into(),
            ..input
        };
        assert_eq!(
            validate_policy(&fine),
            Ok(Policy {
                late_weight: 60,
                late_after_minutes: 10,
                auto_absent_hours: Some(24),
                edit_days: 5,
                absence_streak: 3,
            })
        );
        assert_eq!(
            validate_policy(&PolicyInput::from(&Policy::default())),
            Ok(Policy::default())
        );
    }
}
