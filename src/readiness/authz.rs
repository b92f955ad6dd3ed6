//! Who may see and record readiness. Coordinators act on their sites' trainees (admins
//! everywhere); a trainee sees their own and hands in their own documents; instructors
//! see and enter the scores and lessons of the cohorts they teach; only admins change a
//! track's requirements. Deny by default.

use crate::cohorts::authz::CohortScope;
use crate::kernel::{Actor, Role};

/// The dashboard and the trainees' readiness records: coordinators and admins.
pub fn can_open_dashboard(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// One trainee's readiness (documents, results, scans): their site's coordinators,
/// admins, and the trainee themself.
pub fn can_view_trainee(actor: &Actor, site_id: i64, user_id: Option<i64>) -> bool {
    match actor.role {
        Role::Admin | Role::Coordinator => actor.runs_site(site_id),
        Role::Trainee => user_id == Some(actor.user_id),
        Role::Instructor => false,
    }
}

/// Recording results and verifying documents of a trainee at `site_id`.
pub fn can_manage_trainee(actor: &Actor, site_id: i64) -> bool {
    actor.runs_site(site_id)
}

/// "Kesiapan saya": trainees.
pub fn is_trainee(actor: &Actor) -> bool {
    actor.role == Role::Trainee
}

/// A cohort's lessons and scores: its instructors and its site's coordinators.
pub fn can_teach(actor: &Actor, cohort: &CohortScope) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::Coordinator => actor.has_site(Some(cohort.site_id)),
        Role::Instructor => cohort.instructor_ids.contains(&actor.user_id),
        Role::Trainee => false,
    }
}

/// The role gate of lessons and scores (each cohort is checked).
pub fn is_staff(actor: &Actor) -> bool {
    actor.role != Role::Trainee
}

/// Changing a track's requirements: admins.
pub fn can_edit_rules(actor: &Actor) -> bool {
    actor.role == Role::Admin
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, user_id: i64, sites: &[i64]) -> Actor {
        Actor::new(user_id, role, sites)
    }

    #[test]
    fn coordinators_see_their_sites_trainees_and_trainees_only_themselves() {
        let coordinator = actor(Role::Coordinator, 1, &[4]);
        assert!(can_view_trainee(&coordinator, 4, Some(30)));
        assert!(!can_view_trainee(&coordinator, 5, Some(30)));
        let trainee = actor(Role::Trainee, 30, &[4]);
        assert!(can_view_trainee(&trainee, 4, Some(30)));
        assert!(!can_view_trainee(&trainee, 4, Some(31)));
        assert!(!can_manage_trainee(&trainee, 4));
        let instructor = actor(Role::Instructor, 20, &[4]);
        assert!(!can_view_trainee(&instructor, 4, Some(30)));
        assert!(!can_open_dashboard(&instructor));
    }

    #[test]
    fn instructors_teach_only_their_cohorts_and_only_admins_edit_rules() {
        let cohort = CohortScope {
            site_id: 4,
            instructor_ids: vec![20],
            member_ids: vec![30],
        };
        assert!(can_teach(&actor(Role::Instructor, 20, &[4]), &cohort));
        assert!(!can_teach(&actor(Role::Instructor, 21, &[4]), &cohort));
        assert!(!can_teach(&actor(Role::Trainee, 30, &[4]), &cohort));
        assert!(can_teach(&actor(Role::Coordinator, 1, &[4]), &cohort));
        assert!(!can_edit_rules(&actor(Role::Coordinator, 1, &[4])));
        assert!(can_edit_rules(&actor(Role::Admin, 2, &[])));
    }
}
