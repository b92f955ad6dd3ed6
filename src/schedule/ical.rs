//! Schedules as iCalendar (RFC 5545), built with the `icalendar` crate: one event per
//! session, in the Asia/Jakarta time zone, cancelled sessions marked as cancelled.

use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, Event, EventLike, EventStatus};
use time::{OffsetDateTime, UtcOffset};

use super::dto::SessionView;
use super::model::SessionStatus;
use super::texts::T;
use crate::kernel::{wib, Locale};

pub const TZID: &str = "Asia/Jakarta";

/// The time-zone definition events refer to: WIB, UTC+7 all year (no daylight saving).
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Asia/Jakarta\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700\r\nTZNAME:WIB\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

/// The WIB wall-clock time of `instant`, tagged with the Asia/Jakarta zone.
fn in_jakarta(instant: OffsetDateTime) -> Option<CalendarDateTime> {
    let local = wib::to_wib(instant);
    let date = chrono::NaiveDate::from_ymd_opt(
        local.year(),
        u32::from(u8::from(local.month())),
        u32::from(local.day()),
    )?;
    let date_time = date.and_hms_opt(
        u32::from(local.hour()),
        u32::from(local.minute()),
        u32::from(local.second()),
    )?;
    Some(CalendarDateTime::WithTimezone {
        date_time,
        tzid: TZID.to_owned(),
    })
}

fn utc_stamp(instant: OffsetDateTime) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp(instant.to_offset(UtcOffset::UTC).unix_timestamp(), 0)
}

/// One calendar named `name` with an event per session. Texts are in Indonesian, the
/// trainees' language. `host` makes the event ids unique to this installation.
pub fn calendar(name: &str, sessions: &[SessionView], host: &str, now: OffsetDateTime) -> String {
    let locale = Locale::Id;
    let mut calendar = Calendar::new();
    calendar.name(name).timezone(TZID);
    if let Ok(zone) = VTIMEZONE.parse::<CalendarComponent>() {
        calendar.push(zone);
    }
    for session in sessions {
        let (Some(starts), Some(ends)) = (in_jakarta(session.starts_at), in_jakarta(session.ends_at)) else {
            continue;
        };
        let lesson = session
            .unit
            .clone()
            .unwrap_or_else(|| T::NoneYet.get(locale).to_owned());
        let mut description = vec![format!("{}: {lesson}", T::Lesson.get(locale))];
        if let Some(instructor) = &session.instructor {
            description.push(format!("{}: {instructor}", T::Instructor.get(locale)));
        }
        let status_word = match session.status {
            SessionStatus::Scheduled => None,
            SessionStatus::Moved => Some(T::StatusMoved.get(locale)),
            SessionStatus::Cancelled => Some(T::StatusCancelled.get(locale)),
        };
        if let Some(word) = status_word {
            let reason = session.change_reason.clone().unwrap_or_default();
            description.push(format!("{word}. {}: {reason}", T::Reason.get(locale)));
        }
        let summary = match session.status {
            SessionStatus::Cancelled => format!(
                "[{}] {} – {lesson}",
                T::StatusCancelled.get(locale),
                session.cohort
            ),
            _ => format!("{} – {lesson}", session.cohort),
        };
        let mut event = Event::new();
        event
            .uid(&format!("session-{}@{host}", session.id))
            .summary(&summary)
            .description(&description.join("\n"))
            .starts(starts)
            .ends(ends)
            .status(if session.status == SessionStatus::Cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            })
            .sequence(u32::from(session.status != SessionStatus::Scheduled));
        if let Some(stamp) = utc_stamp(now) {
            event.timestamp(stamp);
        }
        if let Some(room) = &session.room {
            event.location(room);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::{CohortId, SessionId};
    use time::macros::datetime;

    fn session(status: SessionStatus) -> SessionView {
        SessionView {
            id: SessionId(7),
            cohort_id: CohortId(1),
            cohort: "JP-SSW-2026-03".into(),
            starts_at: datetime!(2026-12-01 01:00 UTC),
            ends_at: datetime!(2026-12-01 05:00 UTC),
            room: Some("Lab Bahasa A".into()),
            instructor: Some("Sensei Rina".into()),
            unit: Some("Irodori 3".into()),
            status,
            change_reason: (status != SessionStatus::Scheduled).then(|| "Pengajar sakit".into()),
            original_starts_at: None,
            flagged: false,
        }
    }

    #[test]
    fn events_carry_the_jakarta_zone_and_parse_back() {
        let text = calendar(
            "Jadwal",
            &[
                session(SessionStatus::Scheduled),
                session(SessionStatus::Cancelled),
            ],
            "siap.test",
            datetime!(2026-11-29 00:00 UTC),
        );
        assert!(
            text.contains("DTSTART;TZID=Asia/Jakarta:20261201T080000"),
            "{text}"
        );
        assert!(text.contains("BEGIN:VTIMEZONE"));
        assert!(text.contains("TZOFFSETTO:+0700"));
        let parsed: Calendar = text.parse().expect("our own output parses");
        let events: Vec<&Event> = parsed.components.iter().filter_map(|c| c.as_event()).collect();
        assert_eq!(events.len(), 2);
        assert_eq!(events[1].get_status(), Some(EventStatus::Cancelled));
        assert_eq!(events[0].get_location(), Some("Lab Bahasa A"));
        assert_eq!(events[0].get_uid(), Some("session-7@siap.test"));
    }
}
