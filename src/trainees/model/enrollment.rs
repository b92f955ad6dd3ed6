//! The enrollment lifecycle, seats and the waitlist, as pure rules.
//!
//! ```text
//! applied ──► accepted ──► active ──► completed
//!    │  ╲        │            ├─────► withdrawn (reason)
//!    │   ╲       └► withdrawn └─────► transferred (to another cohort, reason)
//!    │    ► waitlisted ──► accepted | rejected | withdrawn
//!    └──► rejected (reason)
//! ```
//!
//! Accepted, active and completed enrollments hold a seat; a cohort never has more seats
//! taken than its capacity (the database refuses it too). The waitlist is kept in the
//! order people joined it. **When a seat frees** (someone accepted or active withdraws or
//! transfers out), the person who has waited longest is accepted into it at once, unless they are already committed to a cohort whose dates overlap, in
//! which case the next one is; the history records why. Coordinators see it happen.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::kernel::codes::code_enum;
use crate::kernel::EnrollmentId;

code_enum! {
    /// Where a person is in a cohort's enrollment.
    EnrollmentStatus {
        Applied => "applied",
        Accepted => "accepted",
        Waitlisted => "waitlisted",
        Rejected => "rejected",
        Active => "active",
        Completed => "completed",
        Withdrawn => "withdrawn",
        Transferred => "transferred",
    }
}

impl EnrollmentStatus {
    /// The statuses that hold a seat (for queries).
    pub fn seat_holding() -> Vec<Self> {
        Self::ALL.iter().copied().filter(|s| s.holds_seat()).collect()
    }

    /// Whether this status takes one of the cohort's seats.
    pub fn holds_seat(self) -> bool {
        matches!(self, Self::Accepted | Self::Active | Self::Completed)
    }

    /// Whether the person was (or is) in class: they have a joined date.
    pub fn attends(self) -> bool {
        matches!(
            self,
            Self::Active | Self::Completed | Self::Withdrawn | Self::Transferred
        )
    }

    /// Whether the person is committed to the cohort's dates (no overlapping cohort then).
    pub fn is_committed(self) -> bool {
        matches!(self, Self::Accepted | Self::Active)
    }

    /// The transitions of the lifecycle.
    pub fn can_become(self, next: Self) -> bool {
        use EnrollmentStatus::*;
        matches!(
            (self, next),
            (Applied, Accepted | Waitlisted | Rejected | Withdrawn)
                | (Waitlisted, Accepted | Rejected | Withdrawn)
                | (Accepted, Active | Withdrawn)
                | (Active, Completed | Withdrawn | Transferred)
        )
    }

    /// Moves that must say why.
    pub fn needs_reason(self) -> bool {
        matches!(self, Self::Rejected | Self::Withdrawn | Self::Transferred)
    }

    /// Where the person can go from here.
    pub fn next(self) -> Vec<Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|next| self.can_become(*next))
            .collect()
    }

    /// Whether a final status (nothing can follow).
    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }
}

/// How a move changes the cohort's taken seats: +1, 0 or -1.
pub fn seat_change(from: EnrollmentStatus, to: EnrollmentStatus) -> i32 {
    i32::from(to.holds_seat()) - i32::from(from.holds_seat())
}

/// Whether two cohorts' dates share a day.
pub fn dates_overlap(a: (Date, Date), b: (Date, Date)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// One person on a waitlist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    pub enrollment_id: EnrollmentId,
    pub waitlisted_at: OffsetDateTime,
    /// Already accepted or active in a cohort whose dates overlap this one's.
    pub committed_elsewhere: bool,
}

/// Who gets a freed seat: the longest wait first, skipping those committed elsewhere.
pub fn next_from_waitlist(waiting: &[Waiting]) -> Option<EnrollmentId> {
    waiting
        .iter()
        .filter(|w| !w.committed_elsewhere)
        .min_by_key(|w| (w.waitlisted_at, w.enrollment_id))
        .map(|w| w.enrollment_id)
}

#[cfg(test)]
mod tests {
    use super::EnrollmentStatus::*;
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn the_lifecycle_allows_these_moves_and_no_others() {
        assert!(Applied.can_become(Accepted));
        assert!(Applied.can_become(Waitlisted));
        assert!(Applied.can_become(Rejected));
        assert!(Waitlisted.can_become(Accepted));
        assert!(Accepted.can_become(Active));
        assert!(Active.can_become(Completed));
        assert!(Active.can_become(Withdrawn));
        assert!(Active.can_become(Transferred));
        assert!(!Applied.can_become(Active), "accept first");
        assert!(
            !Accepted.can_become(Transferred),
            "only those who started transfer"
        );
        assert!(!Completed.can_become(Active));
        assert!(!Rejected.can_become(Accepted));
        assert!(!Withdrawn.can_become(Active));
        assert!(Transferred.is_final() && Completed.is_final() && Rejected.is_final());
        assert!(Withdrawn.needs_reason() && Rejected.needs_reason() && Transferred.needs_reason());
        assert!(!Accepted.needs_reason());
    }

    #[test]
    fn seats_are_taken_on_acceptance_and_freed_on_leaving() {
        assert_eq!(seat_change(Applied, Accepted), 1);
        assert_eq!(seat_change(Waitlisted, Accepted), 1);
        assert_eq!(seat_change(Accepted, Active), 0);
        assert_eq!(seat_change(Active, Completed), 0);
        assert_eq!(seat_change(Active, Withdrawn), -1);
        assert_eq!(seat_change(Active, Transferred), -1);
        assert_eq!(seat_change(Applied, Waitlisted), 0);
        assert_eq!(seat_change(Applied, Rejected), 0);
    }

    #[test]
    fn the_longest_wait_gets_the_seat_unless_committed_elsewhere() {
        let waiting = [
            Waiting {
                enrollment_id: EnrollmentId(3),
                waitlisted_at: datetime!(2026-11-02 00:00 UTC),
                committed_elsewhere: false,
            },
            Waiting {
                enrollment_id: EnrollmentId(1),
                waitlisted_at: datetime!(2026-11-01 00:00 UTC),
                committed_elsewhere: true,
            },
            Waiting {
                enrollment_id: EnrollmentId(2),
                waitlisted_at: datetime!(2026-11-02 00:00 UTC),
                committed_elsewhere: false,
            },
        ];
        assert_eq!(
            next_from_waitlist(&waiting),
            Some(EnrollmentId(2)),
            "ties go to the earlier application"
        );
        assert_eq!(next_from_waitlist(&waiting[1..2]), None);
    }

    #[test]
    fn cohorts_overlap_when_they_share_a_day() {
        let a = (date!(2027 - 01 - 04), date!(2027 - 06 - 30));
        assert!(dates_overlap(a, (date!(2027 - 06 - 30), date!(2027 - 12 - 31))));
        assert!(!dates_overlap(a, (date!(2027 - 07 - 01), date!(2027 - 12 - 31))));
        assert!(dates_overlap(a, (date!(2026 - 01 - 01), date!(2027 - 01 - 04))));
    }

    #[test]
    fn accepted_active_and_completed_people_hold_seats() {
        let holding: Vec<&str> = EnrollmentStatus::seat_holding()
            .iter()
            .map(|s| s.as_str())
            .collect();
        assert_eq!(holding, vec!["accepted", "active", "completed"]);
    }
}
