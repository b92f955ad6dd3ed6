//! Who may take, change and see attendance. Instructors act on the cohorts they teach,
//! coordinators on their sites' cohorts (admins everywhere), trainees only on themselves.
//! Deny by default.

use crate::kernel::{Actor, CohortTies, Role};

use super::model::Editor;

/// The attendance pages at all: everyone signed in sees their own part.
pub fn can_open_attendance(_actor: &Actor) -> bool {
    true
}

/// The role gate of roll calls and cohort attendance (scope is checked per cohort).
pub fn can_take_roll_calls(actor: &Actor) -> bool {
    matches!(actor.role, Role::Instructor | Role::Coordinator | Role::Admin)
}

/// How `actor` may change the roll calls of a cohort: as its instructor (within the
/// policy's window) or as a coordinator of its site (any time); `None` otherwise.
pub fn editor_for(actor: &Actor, cohort: &CohortTies) -> Option<Editor> {
    if actor.runs_cohort(cohort) {
        Some(Editor::Coordinator)
    } else if actor.staffs_cohort(cohort) {
        Some(Editor::Instructor)
    } else {
        None
    }
}

/// A cohort's attendance grid, registers and exports: its staff.
pub fn can_view_cohort_attendance(actor: &Actor, cohort: &CohortTies) -> bool {
    actor.staffs_cohort(cohort)
}

/// The role gate of setting policies (each cohort's site is checked).
pub fn can_set_policies(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// A cohort's attendance policy, and late changes: its site's coordinators and admins.
pub fn can_set_policy(actor: &Actor, cohort: &CohortTies) -> bool {
    actor.runs_cohort(cohort)
}

/// Self check-in and excuse requests: trainees, for themselves.
pub fn is_trainee(actor: &Actor) -> bool {
    actor.role == Role::Trainee
}

/// Deciding excuse requests: coordinators and admins (each request's site is checked).
pub fn can_review_excuses(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// Deciding one request: coordinators of the site of the session's cohort (what happens
/// in a cohort belongs to its site, whatever the trainee's home site) and admins.
pub fn can_decide_excuse(actor: &Actor, cohort: &CohortTies) -> bool {
    actor.runs_cohort(cohort)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cohort() -> CohortTies {
        CohortTies {
            site_id: 4,
            taught: true,
            seated: false,
        }
    }

    #[test]
    fn instructors_act_on_their_cohorts_and_coordinators_on_their_sites() {
        let cohort = cohort();
        assert_eq!(
            editor_for(&Actor::new(20, Role::Instructor, &[4]), &cohort),
            Some(Editor::Instructor)
        );
        let not_taught = CohortTies {
            taught: false,
            ..cohort
        };
        assert_eq!(
            editor_for(&Actor::new(21, Role::Instructor, &[4]), &not_taught),
            None
        );
        assert_eq!(
            editor_for(&Actor::new(5, Role::Coordinator, &[4]), &cohort),
            Some(Editor::Coordinator)
        );
        assert_eq!(editor_for(&Actor::new(5, Role::Coordinator, &[9]), &cohort), None);
        assert_eq!(
            editor_for(&Actor::new(1, Role::Admin, &[]), &cohort),
            Some(Editor::Coordinator)
        );
        assert_eq!(
            editor_for(
                &Actor::new(30, Role::Trainee, &[4]),
                &CohortTies {
                    seated: true,
                    ..not_taught
                }
            ),
            None
        );
        assert!(can_decide_excuse(
            &Actor::new(5, Role::Coordinator, &[4]),
            &cohort
        ));
        assert!(!can_decide_excuse(
            &Actor::new(5, Role::Coordinator, &[9]),
            &cohort
        ));
        assert!(!can_set_policy(&Actor::new(20, Role::Instructor, &[4]), &cohort));
        assert!(can_set_policy(&Actor::new(5, Role::Coordinator, &[4]), &cohort));
        assert!(is_trainee(&Actor::new(30, Role::Trainee, &[4])));
        assert!(!can_review_excuses(&Actor::new(20, Role::Instructor, &[4])));
    }
}
