//! Who may see and record readiness. Coordinators act on their sites' trainees (admins
//! everywhere); a trainee sees their own and hands in their own documents; instructors
//! see and enter the scores and lessons of the cohorts they teach; only admins change a
//! track's requirements. Deny by default.

use crate::kernel::{Actor, CohortTies, PersonTies, Role};

/// The dashboard and the trainees' readiness records: coordinators and admins.
pub fn can_open_dashboard(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// One trainee's readiness (documents, results, scans): their record's site's
/// coordinators, admins, and the trainee themself.
pub fn can_view_trainee(actor: &Actor, trainee: &PersonTies) -> bool {
    actor.reaches_person(trainee)
}

/// Recording results and verifying documents: the coordinators of the record's site.
pub fn can_manage_trainee(actor: &Actor, trainee: &PersonTies) -> bool {
    actor.runs_person(trainee)
}

/// "Kesiapan saya": trainees.
pub fn is_trainee(actor: &Actor) -> bool {
    actor.role == Role::Trainee
}

/// A cohort's lessons and scores: its instructors and its site's coordinators.
pub fn can_teach(actor: &Actor, cohort: &CohortTies) -> bool {
    actor.staffs_cohort(cohort)
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
    use crate::kernel::AccountId;

    fn actor(role: Role, user_id: i64, sites: &[i64]) -> Actor {
        Actor::new(user_id, role, sites)
    }

    #[test]
    fn coordinators_see_their_sites_trainees_and_trainees_only_themselves() {
        let person = |site_id, user| PersonTies {
            site_id,
            user_id: Some(user),
        };
        let coordinator = actor(Role::Coordinator, 1, &[4]);
        assert!(can_view_trainee(&coordinator, &person(4, AccountId(30))));
        assert!(!can_view_trainee(&coordinator, &person(5, AccountId(30))));
        let trainee = actor(Role::Trainee, 30, &[4]);
        assert!(can_view_trainee(&trainee, &person(4, AccountId(30))));
        assert!(!can_view_trainee(&trainee, &person(4, AccountId(31))));
        assert!(!can_manage_trainee(&trainee, &person(4, AccountId(30))));
        let instructor = actor(Role::Instructor, 20, &[4]);
        assert!(!can_view_trainee(&instructor, &person(4, AccountId(30))));
        assert!(!can_open_dashboard(&instructor));
    }

    #[test]
    fn instructors_teach_only_their_cohorts_and_only_admins_edit_rules() {
        let cohort = CohortTies {
            site_id: 4,
            taught: true,
            seated: false,
        };
        let elsewhere = CohortTies {
            taught: false,
            ..cohort
        };
        assert!(can_teach(&actor(Role::Instructor, 20, &[4]), &cohort));
        assert!(!can_teach(&actor(Role::Instructor, 21, &[4]), &elsewhere));
        assert!(!can_teach(
            &actor(Role::Trainee, 30, &[4]),
            &CohortTies {
                seated: true,
                ..elsewhere
            }
        ));
        assert!(can_teach(&actor(Role::Coordinator, 1, &[4]), &cohort));
        assert!(!can_edit_rules(&actor(Role::Coordinator, 1, &[4])));
        assert!(can_edit_rules(&actor(Role::Admin, 2, &[])));
    }
}
