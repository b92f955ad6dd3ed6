//! Conflicts: the same instructor, room or cohort in overlapping time. Sessions are the
//! half-open intervals [start, end): back-to-back classes are fine, equal starts clash.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::kernel::{Clash, CohortId, Problem, SessionId};

/// A session, planned or proposed, as conflict detection sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    /// The stored session, `None` for one being proposed.
    pub session_id: Option<SessionId>,
    pub cohort_id: CohortId,
    pub cohort_code: String,
    pub instructor_id: Option<i64>,
    pub room_id: Option<i64>,
    pub starts_at: OffsetDateTime,
    pub ends_at: OffsetDateTime,
}

/// Whether [a_start, a_end) and [b_start, b_end) share a moment.
pub fn overlaps(a: (OffsetDateTime, OffsetDateTime), b: (OffsetDateTime, OffsetDateTime)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// What `a` and `b` share while overlapping (empty: no conflict). A session never clashes
/// with itself (moving a session checks against everything else).
pub fn clashes(a: &Slot, b: &Slot) -> Vec<Clash> {
    if a.session_id.is_some() && a.session_id == b.session_id {
        return Vec::new();
    }
    if !overlaps((a.starts_at, a.ends_at), (b.starts_at, b.ends_at)) {
        return Vec::new();
    }
    let mut found = Vec::new();
    if a.instructor_id.is_some() && a.instructor_id == b.instructor_id {
        found.push(Clash::Instructor);
    }
    if a.room_id.is_some() && a.room_id == b.room_id {
        found.push(Clash::Room);
    }
    if a.cohort_id == b.cohort_id {
        found.push(Clash::Cohort);
    }
    found
}

/// One proposed slot that clashes with another session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// Index of the proposed slot.
    pub index: usize,
    pub with: Slot,
    pub clashes: Vec<Clash>,
}

impl Conflict {
    /// The conflict as a field problem.
    pub fn problem(&self) -> Problem {
        Problem::ScheduleConflict {
            cohort: self.with.cohort_code.clone(),
            starts_at: self.with.starts_at,
            ends_at: self.with.ends_at,
            clashes: self.clashes.clone(),
        }
    }
}

/// Every clash of each proposed slot with the stored sessions and with the proposed
/// slots before it, in the order of `proposed`.
pub fn find_conflicts(proposed: &[Slot], stored: &[Slot]) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for (index, slot) in proposed.iter().enumerate() {
        let earlier = proposed[..index].iter();
        for other in stored.iter().chain(earlier) {
            let found = clashes(slot, other);
            if !found.is_empty() {
                conflicts.push(Conflict {
                    index,
                    with: other.clone(),
                    clashes: found,
                });
            }
        }
    }
    conflicts
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn slot(
        cohort: i64,
        instructor: Option<i64>,
        room: Option<i64>,
        start: OffsetDateTime,
        end: OffsetDateTime,
    ) -> Slot {
        Slot {
            session_id: None,
            cohort_id: CohortId(cohort),
            cohort_code: format!("JP-{cohort}"),
            instructor_id: instructor,
            room_id: room,
            starts_at: start,
            ends_at: end,
        }
    }

    #[test]
    fn back_to_back_sessions_do_not_clash() {
        let morning = slot(
            1,
            Some(7),
            Some(3),
            datetime!(2026-12-01 01:00 UTC),
            datetime!(2026-12-01 05:00 UTC),
        );
        let afternoon = slot(
            1,
            Some(7),
            Some(3),
            datetime!(2026-12-01 05:00 UTC),
            datetime!(2026-12-01 08:00 UTC),
        );
        assert!(clashes(&morning, &afternoon).is_empty());
        assert!(clashes(&afternoon, &morning).is_empty());
    }

    #[test]
    fn equal_starts_clash_on_everything_they_share() {
        let a = slot(
            1,
            Some(7),
            Some(3),
            datetime!(2026-12-01 01:00 UTC),
            datetime!(2026-12-01 05:00 UTC),
        );
        let b = slot(
            2,
            Some(7),
            Some(3),
            datetime!(2026-12-01 01:00 UTC),
            datetime!(2026-12-01 02:00 UTC),
        );
        assert_eq!(clashes(&a, &b), vec![Clash::Instructor, Clash::Room]);
        let same_cohort = slot(
            1,
            Some(8),
            Some(4),
            datetime!(2026-12-01 01:00 UTC),
            datetime!(2026-12-01 02:00 UTC),
        );
        assert_eq!(clashes(&a, &same_cohort), vec![Clash::Cohort]);
    }

    #[test]
    fn overlap_without_anything_shared_is_fine() {
        let a = slot(
            1,
            Some(7),
            Some(3),
            datetime!(2026-12-01 01:00 UTC),
            datetime!(2026-12-01 05:00 UTC),
        );
        let b = slot(
            2,
            Some(8),
            None,
            datetime!(2026-12-01 02:00 UTC),
            datetime!(2026-12-01 03:00 UTC),
        );
        assert!(clashes(&a, &b).is_empty());
        let no_room = slot(
            3,
            None,
            None,
            datetime!(2026-12-01 02:00 UTC),
            datetime!(2026-12-01 03:00 UTC),
        );
        assert!(
            clashes(&no_room, &b).is_empty(),
            "unknown instructors and rooms never clash"
        );
    }

    #[test]
    fn a_moved_session_does_not_clash_with_its_old_self() {
        let mut stored = slot(
            1,
            Some(7),
            Some(3),
            datetime!(2026-12-01 01:00 UTC),
            datetime!(2026-12-01 05:00 UTC),
        );
        stored.session_id = Some(SessionId(42));
        let mut moved = stored.clone();
        moved.starts_at = datetime!(2026-12-01 02:00 UTC);
        assert!(find_conflicts(&[moved], &[stored]).is_empty());
    }

    #[test]
    fn proposed_slots_are_checked_against_each_other_too() {
        let a = slot(
            1,
            Some(7),
            None,
            datetime!(2026-12-01 01:00 UTC),
            datetime!(2026-12-01 05:00 UTC),
        );
        let b = slot(
            2,
            Some(7),
            None,
            datetime!(2026-12-01 04:00 UTC),
            datetime!(2026-12-01 06:00 UTC),
        );
        let stored = slot(
            3,
            None,
            None,
            datetime!(2026-12-01 00:00 UTC),
            datetime!(2026-12-01 09:00 UTC),
        );
        let found = find_conflicts(&[a, b], &[stored]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].index, 1);
        assert_eq!(found[0].clashes, vec![Clash::Instructor]);
        assert!(
            matches!(found[0].problem(), Problem::ScheduleConflict { ref cohort, .. } if cohort == "JP-1")
        );
    }
}
