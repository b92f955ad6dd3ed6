//! A moved or cancelled session as it is told to the people in it: the facts a trainee's
//! notice shows, and the WhatsApp message whoever changed it sends its trainees and the
//! cohort's group. The message is always in Indonesian, the trainees' language, whatever
//! the sender's interface language.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::SessionStatus;
use crate::kernel::{wib, Locale, SessionId};

/// One changed session, as told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionChange {
    pub session_id: SessionId,
    pub cohort: String,
    /// Moved or cancelled.
    pub status: SessionStatus,
    /// When it was planned: a moved session's original time, a cancelled one's last time.
    #[serde(with = "wib::rfc3339_format")]
    pub was_starts_at: OffsetDateTime,
    #[serde(with = "wib::rfc3339_format")]
    pub was_ends_at: OffsetDateTime,
    /// When it is now (the same as `was_…` for a cancelled session).
    #[serde(with = "wib::rfc3339_format")]
    pub starts_at: OffsetDateTime,
    #[serde(with = "wib::rfc3339_format")]
    pub ends_at: OffsetDateTime,
    pub room: Option<String>,
    pub reason: Option<String>,
    /// When it was changed (last).
    #[serde(with = "wib::rfc3339_format")]
    pub changed_at: OffsetDateTime,
}

impl SessionChange {
    /// The WhatsApp message about this change, in Indonesian: for the cohort's group, or
    /// for one trainee when `greeting` names them.
    ///
    /// "Perubahan jadwal kelas JP-SSW-01: sesi Senin, 1 Maret 2027, 08.00–12.00 WIB
    /// dipindah ke Selasa, 2 Maret 2027, 10.00–12.00 WIB, ruang Lab A. Alasan: …"
    pub fn message(&self, greeting: Option<&str>) -> String {
        let span = |start, end| wib::span_long(start, end, Locale::Id);
        let mut text = String::new();
        if let Some(name) = greeting.map(str::trim).filter(|n| !n.is_empty()) {
            text.push_str(&format!("Halo {name}. "));
        }
        text.push_str(&format!(
            "Perubahan jadwal kelas {}: sesi {}",
            self.cohort,
            span(self.was_starts_at, self.was_ends_at)
        ));
        if self.status == SessionStatus::Cancelled {
            text.push_str(" dibatalkan");
        } else {
            text.push_str(&format!(" dipindah ke {}", span(self.starts_at, self.ends_at)));
            if let Some(room) = self.room.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
                text.push_str(&format!(", ruang {room}"));
            }
        }
        text.push('.');
        if let Some(reason) = self.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            text.push_str(&format!(" Alasan: {reason}"));
            if !reason.ends_with(['.', '!', '?']) {
                text.push('.');
            }
        }
        text
    }
}

/// The changes that are news to someone who has read them up to `seen_up_to`: those
/// changed after it (all of them without a mark), with the latest change among them, up to
/// which dismissing them marks as read.
pub fn unseen(
    mut changes: Vec<SessionChange>,
    seen_up_to: Option<OffsetDateTime>,
) -> (Vec<SessionChange>, Option<OffsetDateTime>) {
    changes.retain(|c| seen_up_to.is_none_or(|seen| c.changed_at > seen));
    let latest = changes.iter().map(|c| c.changed_at).max();
    (changes, latest)
}

/// Where the read mark goes when `given` (the latest change a page showed) is dismissed
/// at `now`: forward only, and never past now (a mark in the future would hide changes
/// not made yet). Whole seconds, as every stored instant.
pub fn seen_mark(
    existing: Option<OffsetDateTime>,
    given: OffsetDateTime,
    now: OffsetDateTime,
) -> OffsetDateTime {
    let given = given.min(now);
    let given = given.replace_nanosecond(0).unwrap_or(given);
    existing.map_or(given, |existing| existing.max(given))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn change(status: SessionStatus) -> SessionChange {
        SessionChange {
            session_id: SessionId(7),
            cohort: "JP-SSW-2027-03".into(),
            status,
            was_starts_at: datetime!(2027-03-01 01:00 UTC),
            was_ends_at: datetime!(2027-03-01 05:00 UTC),
            starts_at: datetime!(2027-03-02 03:00 UTC),
            ends_at: datetime!(2027-03-02 05:00 UTC),
            room: Some("Lab Bahasa A".into()),
            reason: Some("Pengajar ada pelatihan".into()),
            changed_at: datetime!(2027-02-20 02:00 UTC),
        }
    }

    #[test]
    fn a_move_is_told_with_the_old_and_new_time_the_room_and_the_reason() {
        assert_eq!(
            change(SessionStatus::Moved).message(None),
            "Perubahan jadwal kelas JP-SSW-2027-03: sesi Senin, 1 Maret 2027, 08.00–12.00 WIB \
             dipindah ke Selasa, 2 Maret 2027, 10.00–12.00 WIB, ruang Lab Bahasa A. \
             Alasan: Pengajar ada pelatihan."
        );
        let mut roomless = change(SessionStatus::Moved);
        roomless.room = None;
        roomless.reason = Some("Banjir!".into());
        assert!(roomless
            .message(Some("Sri"))
            .starts_with("Halo Sri. Perubahan jadwal kelas"));
        assert!(roomless
            .message(None)
            .ends_with("10.00–12.00 WIB. Alasan: Banjir!"));
    }

    #[test]
    fn a_cancellation_is_told_with_its_time_and_reason() {
        let mut cancelled = change(SessionStatus::Cancelled);
        cancelled.starts_at = cancelled.was_starts_at;
        cancelled.ends_at = cancelled.was_ends_at;
        assert_eq!(
            cancelled.message(None),
            "Perubahan jadwal kelas JP-SSW-2027-03: sesi Senin, 1 Maret 2027, 08.00–12.00 WIB \
             dibatalkan. Alasan: Pengajar ada pelatihan."
        );
    }

    #[test]
    fn only_changes_after_the_read_mark_are_news() {
        let early = change(SessionStatus::Moved);
        let mut late = change(SessionStatus::Cancelled);
        late.changed_at = datetime!(2027-02-21 02:00 UTC);
        let both = vec![early.clone(), late.clone()];
        assert_eq!(unseen(both.clone(), None), (both.clone(), Some(late.changed_at)));
        assert_eq!(
            unseen(both.clone(), Some(early.changed_at)),
            (vec![late.clone()], Some(late.changed_at))
        );
        assert_eq!(unseen(both, Some(late.changed_at)), (Vec::new(), None));
    }

    #[test]
    fn the_read_mark_moves_forward_only_and_never_past_now() {
        let now = datetime!(2027-02-21 00:00 UTC);
        let earlier = datetime!(2027-02-20 00:00 UTC);
        assert_eq!(seen_mark(None, earlier, now), earlier);
        assert_eq!(seen_mark(Some(now), earlier, now), now, "never back");
        assert_eq!(
            seen_mark(None, datetime!(2099-01-01 00:00 UTC), now),
            now,
            "not into the future"
        );
        assert_eq!(
            seen_mark(None, datetime!(2027-02-20 00:00:00.75 UTC), now),
            earlier,
            "whole seconds"
        );
    }
}
