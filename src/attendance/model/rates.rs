//! Attendance rates, as pure functions.
//!
//! Only sessions inside a trainee's enrollment (from the day they started to the day they
//! left) count, and never cancelled ones. Of the sessions held so far, those with a mark
//! count: hadir 100 %, terlambat the policy's weight, alpa 0 %; izin and sakit are
//! excused and counted apart, outside the rate. Held sessions nobody marked yet are shown
//! as unmarked and left out. The **rate** is what was earned over the counted sessions;
//! the **best reachable** rate assumes full attendance at every session still planned.

use serde::{Deserialize, Serialize};

use super::{AttendanceStatus, Policy};

/// One session of a trainee's enrollment, in date order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionOutcome {
    /// Over (ended) and not cancelled; `false` for a session still to come.
    pub held: bool,
    pub mark: Option<AttendanceStatus>,
}

/// A trainee's attendance in one cohort.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rates {
    pub present: u32,
    pub late: u32,
    pub permitted: u32,
    pub sick: u32,
    pub absent: u32,
    /// Held sessions without a mark yet.
    pub unmarked: u32,
    /// Sessions still to come.
    pub remaining: u32,
    /// Earned over counted sessions, in tenths of a percent (875 = 87.5 %); `None`
    /// before any counted session.
    pub rate: Option<u32>,
    /// The best rate still reachable, in tenths of a percent.
    pub best: Option<u32>,
    /// Absences (alpa) in a row up to the latest marked session.
    pub streak: u32,
}

impl Rates {
    /// Sessions that count toward the rate.
    pub fn counted(&self) -> u32 {
        self.present + self.late + self.absent
    }
}

/// The rates over `sessions` (only those inside the enrollment, cancelled ones left out).
pub fn rates(sessions: &[SessionOutcome], policy: &Policy) -> Rates {
    let mut rates = Rates::default();
    for session in sessions {
        if !session.held {
            rates.remaining += 1;
            continue;
        }
        let Some(mark) = session.mark else {
            rates.unmarked += 1;
            continue;
        };
        match mark {
            AttendanceStatus::Present => rates.present += 1,
            AttendanceStatus::Late => rates.late += 1,
            AttendanceStatus::Permitted => rates.permitted += 1,
            AttendanceStatus::Sick => rates.sick += 1,
            AttendanceStatus::Absent => rates.absent += 1,
        }
        if mark == AttendanceStatus::Absent {
            rates.streak += 1;
        } else if !mark.is_excused() {
            rates.streak = 0;
        }
    }
    rates_from_counts(rates, policy)
}

/// Fills in the rate and the best reachable rate from the counts alone (what a dashboard
/// over many trainees has; the streak stays as given).
pub fn rates_from_counts(mut rates: Rates, policy: &Policy) -> Rates {
    let earned = u64::from(rates.present) * 100 + u64::from(rates.late) * u64::from(policy.late_weight);
    let counted = u64::from(rates.counted());
    let per_mille = |earned: u64, sessions: u64| -> Option<u32> {
        (sessions > 0).then(|| u32::try_from((earned * 10 + sessions / 2) / sessions).unwrap_or(1000))
    };
    rates.rate = per_mille(earned, counted);
    let remaining = u64::from(rates.remaining);
    rates.best = per_mille(earned + 100 * remaining, counted + remaining);
    rates
}

/// Why a trainee needs attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Warning {
    /// The rate so far is under the cohort's threshold.
    BelowThreshold,
    /// Even full attendance from now on cannot reach the threshold.
    CannotReach,
    /// This many absences in a row.
    Streak(u32),
}

/// The warnings for `rates` against the cohort's threshold (percent) and policy.
pub fn warnings(rates: &Rates, threshold_percent: u32, policy: &Policy) -> Vec<Warning> {
    let threshold = threshold_percent * 10;
    let mut warnings = Vec::new();
    if rates.best.is_some_and(|best| best < threshold) {
        warnings.push(Warning::CannotReach);
    } else if rates.rate.is_some_and(|rate| rate < threshold) {
        warnings.push(Warning::BelowThreshold);
    }
    if rates.streak >= u32::from(policy.absence_streak) {
        warnings.push(Warning::Streak(rates.streak));
    }
    warnings
}

/// The kept counts of a trainee in one cohort (present, late, permitted, sick, absent),
/// less the marks of their sessions not ended yet: what counts toward a rate now. A
/// roll call taken during class counts once the class is over; never below zero.
pub fn held_counts(kept: [i64; 5], not_ended: Option<[i64; 5]>) -> [i64; 5] {
    let mut count = kept;
    if let Some(not_yet) = not_ended {
        for (kept, n) in count.iter_mut().zip(not_yet) {
            *kept = (*kept - n).max(0);
        }
    }
    count
}

/// `875` → `87,5 %` (Indonesian) or `87.5%` (English).
pub fn percent(per_mille: u32, locale: crate::kernel::Locale) -> String {
    let (whole, tenth) = (per_mille / 10, per_mille % 10);
    match locale {
        crate::kernel::Locale::Id if tenth == 0 => format!("{whole} %"),
        crate::kernel::Locale::Id => format!("{whole},{tenth} %"),
        crate::kernel::Locale::En if tenth == 0 => format!("{whole}%"),
        crate::kernel::Locale::En => format!("{whole}.{tenth}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::AttendanceStatus::*;
    use super::*;

    fn held(mark: AttendanceStatus) -> SessionOutcome {
        SessionOutcome {
            held: true,
            mark: Some(mark),
        }
    }

    #[test]
    fn held_counts_leave_out_classes_not_over_and_never_go_below_zero() {
        assert_eq!(held_counts([5, 1, 0, 0, 2], None), [5, 1, 0, 0, 2]);
        assert_eq!(
            held_counts([5, 1, 0, 0, 2], Some([1, 0, 0, 0, 1])),
            [4, 1, 0, 0, 1]
        );
        assert_eq!(
            held_counts([0, 0, 0, 0, 0], Some([1, 0, 0, 0, 0])),
            [0, 0, 0, 0, 0]
        );
    }

    const COMING: SessionOutcome = SessionOutcome {
        held: false,
        mark: None,
    };
    const UNMARKED: SessionOutcome = SessionOutcome {
        held: true,
        mark: None,
    };

    #[test]
    fn the_rate_weighs_late_arrivals_and_leaves_excused_sessions_out() {
        let policy = Policy::default(); // late counts 50 %
        let sessions = [
            held(Present),
            held(Late),
            held(Sick),
            held(Permitted),
            held(Absent),
        ];
        let r = rates(&sessions, &policy);
        assert_eq!(
            (r.present, r.late, r.sick, r.permitted, r.absent),
            (1, 1, 1, 1, 1)
        );
        assert_eq!(r.counted(), 3);
        assert_eq!(r.rate, Some(500), "(100 + 50 + 0) / 3 sessions");
        assert_eq!(r.best, Some(500), "nothing left to come");
    }

    #[test]
    fn the_best_reachable_rate_assumes_every_coming_session_attended() {
        let policy = Policy::default();
        let mut sessions = vec![held(Absent), held(Absent), held(Present), held(Present)];
        sessions.extend([COMING; 6]);
        let r = rates(&sessions, &policy);
        assert_eq!(r.rate, Some(500));
        assert_eq!(r.best, Some(800), "(200 + 600) / 10");
        assert_eq!(r.remaining, 6);
        assert_eq!(warnings(&r, 80, &policy), vec![Warning::BelowThreshold]);
        assert_eq!(warnings(&r, 85, &policy), vec![Warning::CannotReach]);
    }

    #[test]
    fn a_trainee_who_joined_mid_course_is_measured_from_the_day_they_joined() {
        // The caller passes only the sessions inside the enrollment: joining late (or
        // transferring in) starts the count there, and cancelled sessions are never passed.
        let policy = Policy::default();
        let after_joining = [held(Present), held(Present), COMING];
        let r = rates(&after_joining, &policy);
        assert_eq!(r.rate, Some(1000));
        assert_eq!(r.best, Some(1000));
        assert_eq!(rates(&[], &policy).rate, None, "nothing yet");
        assert_eq!(rates(&[COMING], &policy).best, Some(1000));
    }

    #[test]
    fn unmarked_sessions_are_shown_but_not_counted_and_excuses_do_not_break_a_streak() {
        let policy = Policy::default();
        let sessions = [
            held(Present),
            held(Absent),
            held(Sick),
            held(Absent),
            UNMARKED,
            held(Absent),
        ];
        let r = rates(&sessions, &policy);
        assert_eq!(r.unmarked, 1);
        assert_eq!(r.counted(), 4);
        assert_eq!(r.streak, 3, "alpa, sakit, alpa, (unmarked), alpa");
        assert!(warnings(&r, 80, &policy).contains(&Warning::Streak(3)));
        let back = rates(&[held(Absent), held(Absent), held(Late)], &policy);
        assert_eq!(back.streak, 0, "coming back ends the streak");
    }

    #[test]
    fn rates_round_to_a_tenth_of_a_percent() {
        let policy = Policy::default();
        let r = rates(&[held(Present), held(Present), held(Absent)], &policy);
        assert_eq!(r.rate, Some(667));
        assert_eq!(percent(667, crate::kernel::Locale::Id), "66,7 %");
        assert_eq!(percent(1000, crate::kernel::Locale::En), "100%");
    }
}
