//! Who may see and plan cohorts, courses and rooms. Deny by default: every rule is a
//! `match` on the actor's role where anything not listed is refused.

use crate::kernel::{Actor, CohortTies, Role};

/// The cohort list and the catalogue: staff, each within their reach.
pub fn can_list_cohorts(actor: &Actor) -> bool {
    matches!(actor.role, Role::Instructor | Role::Coordinator | Role::Admin)
}

/// Creating cohorts (at some site) and editing them: coordinators and admins.
pub fn can_plan_cohorts(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// Planning at `site_id`: admins anywhere, coordinators at their own sites.
pub fn can_plan_at(actor: &Actor, site_id: i64) -> bool {
    actor.runs_site(site_id)
}

/// Seeing a cohort and its schedule: its site's coordinators, its instructors, the
/// trainees who hold a seat in it (the kernel's scope model decides).
pub fn can_view_cohort(actor: &Actor, cohort: &CohortTies) -> bool {
    actor.reaches_cohort(cohort)
}

/// Changing a cohort or its sessions: its site's coordinators and admins.
pub fn can_manage_cohort(actor: &Actor, cohort: &CohortTies) -> bool {
    actor.runs_cohort(cohort)
}

/// The catalogue of programmes, courses and rooms: every member of staff may read it.
pub fn can_view_catalogue(actor: &Actor) -> bool {
    matches!(actor.role, Role::Instructor | Role::Coordinator | Role::Admin)
}

/// Adding programmes and courses, which every site shares: admins.
pub fn can_edit_catalogue(actor: &Actor) -> bool {
    actor.role == Role::Admin
}

/// Adding rooms: admins, and coordinators at their own sites.
pub fn can_add_room_at(actor: &Actor, site_id: i64) -> bool {
    can_plan_at(actor, site_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, user_id: i64, sites: &[i64]) -> Actor {
        Actor::new(user_id, role, sites)
    }

    fn cohort(taught: bool, seated: bool) -> CohortTies {
        CohortTies {
            site_id: 10,
            taught,
            seated,
        }
    }

    #[test]
    fn each_role_sees_only_its_own_cohorts() {
        assert!(can_view_cohort(
            &actor(Role::Admin, 1, &[]),
            &cohort(false, false)
        ));
        assert!(can_view_cohort(
            &actor(Role::Coordinator, 2, &[10]),
            &cohort(false, false)
        ));
        assert!(!can_view_cohort(
            &actor(Role::Coordinator, 2, &[11]),
            &cohort(false, false)
        ));
        assert!(can_view_cohort(
            &actor(Role::Instructor, 3, &[10]),
            &cohort(true, false)
        ));
        assert!(!can_view_cohort(
            &actor(Role::Instructor, 4, &[10]),
            &cohort(false, false)
        ));
        assert!(can_view_cohort(
            &actor(Role::Trainee, 5, &[]),
            &cohort(false, true)
        ));
        assert!(!can_view_cohort(
            &actor(Role::Trainee, 6, &[]),
            &cohort(false, false)
        ));
    }

    #[test]
    fn only_the_sites_coordinators_and_admins_manage() {
        assert!(can_manage_cohort(
            &actor(Role::Coordinator, 2, &[10]),
            &cohort(false, false)
        ));
        assert!(!can_manage_cohort(
            &actor(Role::Coordinator, 2, &[11]),
            &cohort(false, false)
        ));
        assert!(!can_manage_cohort(
            &actor(Role::Instructor, 3, &[10]),
            &cohort(true, false)
        ));
        assert!(!can_manage_cohort(
            &actor(Role::Trainee, 5, &[10]),
            &cohort(false, true)
        ));
        assert!(can_manage_cohort(
            &actor(Role::Admin, 1, &[]),
            &cohort(false, false)
        ));
    }

    #[test]
    fn the_catalogue_is_read_by_staff_and_extended_by_admins() {
        assert!(can_view_catalogue(&actor(Role::Instructor, 3, &[10])));
        assert!(!can_view_catalogue(&actor(Role::Trainee, 5, &[])));
        assert!(!can_edit_catalogue(&actor(Role::Coordinator, 2, &[10])));
        assert!(can_add_room_at(&actor(Role::Coordinator, 2, &[10]), 10));
        assert!(!can_add_room_at(&actor(Role::Coordinator, 2, &[10]), 11));
        assert!(!can_list_cohorts(&actor(Role::Trainee, 5, &[])));
    }
}
