//! Who may see and change trainee records and enrollments. Coordinators act at their
//! sites, admins everywhere; instructors see the rosters of their cohorts; trainees see
//! only themselves. Deny by default.

use crate::cohorts::authz::{self as cohort_authz, CohortScope};
use crate::kernel::{Actor, Role};

/// What authorization needs to know about one trainee record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraineeScope {
    pub site_id: i64,
    /// The linked account, if any.
    pub user_id: Option<i64>,
}

/// The registry pages (list, search, create, import, export): coordinators and admins.
pub fn can_use_registry(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// Registering or editing trainees at `site_id`.
pub fn can_register_at(actor: &Actor, site_id: i64) -> bool {
    actor.runs_site(site_id)
}

/// Seeing a trainee's record: its site's coordinators, admins, and the trainee.
pub fn can_view_trainee(actor: &Actor, trainee: &TraineeScope) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::Coordinator => actor.has_site(Some(trainee.site_id)),
        Role::Trainee => trainee.user_id == Some(actor.user_id),
        Role::Instructor => false,
    }
}

/// The whole NIK is shown to coordinators (and admins) on the detail page only.
pub fn can_see_whole_nik(actor: &Actor, trainee: &TraineeScope) -> bool {
    can_register_at(actor, trainee.site_id)
}

/// One's own record and contact details (`/profil`): trainees.
pub fn can_edit_own_contact(actor: &Actor) -> bool {
    actor.role == Role::Trainee
}

/// A cohort's roster: its staff (coordinators of its site, its instructors, admins).
pub fn can_view_roster(actor: &Actor, cohort: &CohortScope) -> bool {
    actor.role != Role::Trainee && cohort_authz::can_view_cohort(actor, cohort)
}

/// Moving people through a cohort's enrollment: its site's coordinators and admins.
pub fn can_manage_enrollment(actor: &Actor, cohort: &CohortScope) -> bool {
    cohort_authz::can_manage_cohort(actor, cohort)
}

/// The role gate of the roster server functions (scope is checked per cohort).
pub fn can_view_rosters(actor: &Actor) -> bool {
    matches!(actor.role, Role::Instructor | Role::Coordinator | Role::Admin)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, user_id: i64, sites: &[i64]) -> Actor {
        Actor::new(user_id, role, sites)
    }

    #[test]
    fn coordinators_reach_their_sites_and_trainees_themselves() {
        let record = TraineeScope {
            site_id: 10,
            user_id: Some(5),
        };
        assert!(can_view_trainee(&actor(Role::Coordinator, 1, &[10]), &record));
        assert!(!can_view_trainee(&actor(Role::Coordinator, 1, &[11]), &record));
        assert!(can_view_trainee(&actor(Role::Trainee, 5, &[]), &record));
        assert!(!can_view_trainee(&actor(Role::Trainee, 6, &[]), &record));
        assert!(!can_view_trainee(&actor(Role::Instructor, 7, &[10]), &record));
        assert!(!can_see_whole_nik(&actor(Role::Trainee, 5, &[]), &record));
        assert!(can_see_whole_nik(&actor(Role::Coordinator, 1, &[10]), &record));
    }

    #[test]
    fn instructors_read_the_rosters_they_teach_and_change_nothing() {
        let cohort = CohortScope {
            site_id: 10,
            instructor_ids: vec![7],
            member_ids: vec![5],
        };
        assert!(can_view_roster(&actor(Role::Instructor, 7, &[10]), &cohort));
        assert!(!can_view_roster(&actor(Role::Instructor, 8, &[10]), &cohort));
        assert!(!can_view_roster(&actor(Role::Trainee, 5, &[]), &cohort));
        assert!(!can_manage_enrollment(
            &actor(Role::Instructor, 7, &[10]),
            &cohort
        ));
        assert!(can_manage_enrollment(
            &actor(Role::Coordinator, 1, &[10]),
            &cohort
        ));
        assert!(!can_use_registry(&actor(Role::Instructor, 7, &[10])));
    }
}
