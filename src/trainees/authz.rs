//! Who may see and change trainee records and enrollments. Coordinators act at their
//! sites, admins everywhere; instructors see the rosters of the cohorts they teach;
//! trainees see only themselves. The kernel's scope model decides what each reaches;
//! these rules add the registry's role gates. Deny by default.

use crate::kernel::{Actor, CohortTies, PersonTies, Role};

/// The registry pages (list, search, create, import, export): coordinators and admins.
pub fn can_use_registry(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// Registering or editing trainees at `site_id`.
pub fn can_register_at(actor: &Actor, site_id: i64) -> bool {
    actor.runs_site(site_id)
}

/// Seeing a trainee's record: its site's coordinators, admins, and the trainee.
pub fn can_view_trainee(actor: &Actor, trainee: &PersonTies) -> bool {
    actor.reaches_person(trainee)
}

/// The whole NIK: coordinators of the record's site and admins only.
pub fn can_see_whole_nik(actor: &Actor, trainee: &PersonTies) -> bool {
    actor.sees_whole_nik(trainee)
}

/// One's own record and contact details (`/profil`): trainees.
pub fn can_edit_own_contact(actor: &Actor) -> bool {
    actor.role == Role::Trainee
}

/// A cohort's roster, and its export: its staff (coordinators of its site, its
/// instructors, admins).
pub fn can_view_roster(actor: &Actor, cohort: &CohortTies) -> bool {
    actor.staffs_cohort(cohort)
}

/// Moving people through a cohort's enrollment: its site's coordinators and admins.
pub fn can_manage_enrollment(actor: &Actor, cohort: &CohortTies) -> bool {
    actor.runs_cohort(cohort)
}

/// The role gate of the roster server functions (scope is checked per cohort).
pub fn can_view_rosters(actor: &Actor) -> bool {
    matches!(actor.role, Role::Instructor | Role::Coordinator | Role::Admin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::AccountId;

    fn actor(role: Role, user_id: i64, sites: &[i64]) -> Actor {
        Actor::new(user_id, role, sites)
    }

    #[test]
    fn coordinators_reach_their_sites_and_trainees_themselves() {
        let record = PersonTies {
            site_id: 10,
            user_id: Some(AccountId(5)),
        };
        assert!(can_view_trainee(&actor(Role::Coordinator, 1, &[10]), &record));
        assert!(!can_view_trainee(&actor(Role::Coordinator, 1, &[11]), &record));
        assert!(can_view_trainee(&actor(Role::Trainee, 5, &[]), &record));
        assert!(!can_view_trainee(&actor(Role::Trainee, 6, &[]), &record));
        assert!(!can_view_trainee(&actor(Role::Instructor, 7, &[10]), &record));
        assert!(!can_see_whole_nik(&actor(Role::Trainee, 5, &[]), &record));
        assert!(!can_see_whole_nik(&actor(Role::Instructor, 7, &[10]), &record));
        assert!(can_see_whole_nik(&actor(Role::Coordinator, 1, &[10]), &record));
    }

    #[test]
    fn instructors_read_the_rosters_they_teach_and_change_nothing() {
        let taught = CohortTies {
            site_id: 10,
            taught: true,
            seated: false,
        };
        let not_taught = CohortTies {
            taught: false,
            ..taught
        };
        assert!(can_view_roster(&actor(Role::Instructor, 7, &[10]), &taught));
        assert!(!can_view_roster(&actor(Role::Instructor, 8, &[10]), &not_taught));
        assert!(!can_view_roster(
            &actor(Role::Trainee, 5, &[]),
            &CohortTies {
                seated: true,
                ..not_taught
            }
        ));
        assert!(!can_manage_enrollment(
            &actor(Role::Instructor, 7, &[10]),
            &taught
        ));
        assert!(can_manage_enrollment(
            &actor(Role::Coordinator, 1, &[10]),
            &not_taught
        ));
        assert!(!can_use_registry(&actor(Role::Instructor, 7, &[10])));
    }
}
