//! The class schedule as pure rules: session statuses, holidays, session generation,
//! conflict detection and how a change is told. No I/O; every rule is unit-tested here.

pub mod announce;
pub mod conflicts;
pub mod generation;

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::kernel::codes::code_enum;
use crate::kernel::Problem;

code_enum! {
    /// What happened to a session since it was planned.
    SessionStatus {
        Scheduled => "scheduled",
        /// Moved to another time (the original is kept).
        Moved => "moved",
        Cancelled => "cancelled",
    }
}

code_enum! {
    /// National holiday (libur nasional) or collective leave (cuti bersama).
    HolidayKind {
        National => "national",
        CollectiveLeave => "collective_leave",
    }
}

/// A day without classes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub date: Date,
    pub name: String,
}

/// The holiday on `date`, if any.
pub fn holiday_on(holidays: &[Holiday], date: Date) -> Option<&Holiday> {
    holidays.iter().find(|holiday| holiday.date == date)
}

/// A reason for a move or cancellation: required, one line, at most 500 characters.
///
/// # Errors
/// [`Problem::Required`] or [`Problem::TooLong`].
pub fn parse_reason(input: &str) -> Result<String, Problem> {
    crate::kernel::input::parse_text(input, 500, false).map(Option::unwrap_or_default)
}

/// Whether a changed session should still be flagged to trainees: until it has passed.
pub fn change_is_news(status: SessionStatus, ends_at: OffsetDateTime, now: OffsetDateTime) -> bool {
    status != SessionStatus::Scheduled && ends_at > now
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn changes_are_flagged_until_the_session_has_passed() {
        let end = datetime!(2026-12-01 05:00 UTC);
        assert!(change_is_news(
            SessionStatus::Moved,
            end,
            datetime!(2026-12-01 04:59 UTC)
        ));
        assert!(!change_is_news(
            SessionStatus::Moved,
            end,
            datetime!(2026-12-01 05:00 UTC)
        ));
        assert!(!change_is_news(
            SessionStatus::Scheduled,
            end,
            datetime!(2026-11-01 00:00 UTC)
        ));
        assert!(change_is_news(
            SessionStatus::Cancelled,
            end,
            datetime!(2026-11-01 00:00 UTC)
        ));
    }

    #[test]
    fn reasons_are_required_and_bounded() {
        assert_eq!(parse_reason("  Pengajar  sakit "), Ok("Pengajar sakit".into()));
        assert_eq!(parse_reason(" "), Err(Problem::Required));
        assert_eq!(parse_reason(&"x".repeat(501)), Err(Problem::TooLong { max: 500 }));
        let holidays = vec![Holiday {
            date: date!(2026 - 12 - 25),
            name: "Natal".into(),
        }];
        assert_eq!(
            holiday_on(&holidays, date!(2026 - 12 - 25)).map(|h| h.name.as_str()),
            Some("Natal")
        );
        assert_eq!(holiday_on(&holidays, date!(2026 - 12 - 24)), None);
    }
}
