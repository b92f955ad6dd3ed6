//! Who may take, change and see attendance. Instructors act on the cohorts they teach,
//! coordinators on their sites' cohorts (admins everywhere), trainees only on themselves.
//! Deny by default.

use crate::cohorts::authz::CohortScope;
use crate::kernel::{Actor, Role};

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
pub fn editor_for(actor: &Actor, cohort: &CohortScope) -> Option<Editor> {
    match actor.role {
        Role::Admin => Some(Editor::Coordinator),
        Role::Coordinator => actor
            .has_site(Some(cohort.site_id))
            .then_some(Editor::Coordinator),
        Role::Instructor => cohort
            .instructor_ids
            .contains(&actor.user_id)
            .then_some(Editor::Instructor),
        Role::Trainee => None,
    }
}

/// A cohort's attendance grid, registers and exports: its staff.
pub fn can_view_cohort_attendance(actor: &Actor, cohort: &CohortScope) -> bool {
    editor_for(actor, cohort).is_some()
}

/// The role gate of setting policies (each cohort's site is checked).
pub fn can_set_policies(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// A cohort's attendance policy, and late changes: its site's coordinators and admins.
pub fn can_set_policy(actor: &Actor, cohort: &CohortScope) -> bool {
    actor.runs_site(cohort.site_id)
}

/// Self check-in and excuse requests: trainees, for themselves.
pub fn is_trainee(actor: &Actor) -> bool {
    actor.role == Role::Trainee
}

/// Deciding excuse requests: coordinators and admins (each request's site is checked).
pub fn can_review_excuses(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// Deciding one request of a trainee at `site_id`.
pub fn can_decide_excuse_at(actor: &Actor, site_id: i64) -> bool {
    actor.runs_site(site_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cohort() -> CohortScope {
        CohortScope {
            site_id: 4,
            instructor_ids: vec![20],
            member_ids: vec![30],
        }
    }

    #[test]
    fn instructors_act_on_their_cohorts_and_coordinators_on_their_sites() {
        let cohort = cohort();
        assert_eq!(
            editor_for(&Actor::new(20, Role::Instructor, &[4]), &cohort),
            Some(Editor::Instructor)
        );
        assert_eq!(editor_for(&Actor::new(21, Role::Instructor, &[4]), &cohort), None);
        assert_eq!(
            editor_for(&Actor::new(5, Role::Coordinator, &[4]), &cohort),
            Some(Editor::Coordinator)
        );
        assert_eq!(editor_for(&Actor::new(5, Role::Coordinator, &[9]), &cohort), None);
        assert_eq!(
            editor_for(&Actor::new(1, Role::Admin, &[]), &cohort),
            Some(Editor::Coordinator)
        );
        assert_eq!(editor_for(&Actor::new(30, Role::Trainee, &[4]), &cohort), None);
        assert!(!can_set_policy(&Actor::new(20, Role::Instructor, &[4]), &cohort));
        assert!(can_set_policy(&Actor::new(5, Role::Coordinator, &[4]), &cohort));
        assert!(is_trainee(&Actor::new(30, Role::Trainee, &[4])));
        assert!(!can_review_excuses(&Actor::new(20, Role::Instructor, &[4])));
    }
}
