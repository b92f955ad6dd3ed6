//! Who may see and plan cohorts, courses and rooms. Deny by default: every rule is a
//! `match` on the actor's role where anything not listed is refused.

use crate::kernel::{Actor, Role};

/// What authorization needs to know about one cohort.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CohortScope {
    pub site_id: i64,
    pub instructor_ids: Vec<i64>,
    pub member_ids: Vec<i64>,
}

/// Which cohorts a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CohortListScope {
    Everything,
    /// A coordinator's sites.
    Sites(Vec<i64>),
    /// The cohorts an instructor teaches.
    Teaching(i64),
}

/// The cohort list: staff, each within their reach.
pub fn cohort_list_scope(actor: &Actor) -> Option<CohortListScope> {
    match actor.role {
        Role::Admin => Some(CohortListScope::Everything),
        Role::Coordinator => Some(CohortListScope::Sites(actor.site_ids.clone())),
        Role::Instructor => Some(CohortListScope::Teaching(actor.user_id)),
        Role::Trainee => None,
    }
}

pub fn can_list_cohorts(actor: &Actor) -> bool {
    cohort_list_scope(actor).is_some()
}

/// Creating cohorts (at some site) and editing them: coordinators and admins.
pub fn can_plan_cohorts(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// Planning at `site_id`: admins anywhere, coordinators at their own sites.
pub fn can_plan_at(actor: &Actor, site_id: i64) -> bool {
    actor.runs_site(site_id)
}

/// Seeing a cohort and its schedule: its site's coordinators, its instructors, its members.
pub fn can_view_cohort(actor: &Actor, cohort: &CohortScope) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::Coordinator => actor.has_site(Some(cohort.site_id)),
        Role::Instructor => cohort.instructor_ids.contains(&actor.user_id),
        Role::Trainee => cohort.member_ids.contains(&actor.user_id),
    }
}

/// Changing a cohort or its sessions: its site's coordinators and admins.
pub fn can_manage_cohort(actor: &Actor, cohort: &CohortScope) -> bool {
    can_plan_at(actor, cohort.site_id)
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

    fn cohort() -> CohortScope {
        CohortScope {
            site_id: 10,
            instructor_ids: vec![3],
            member_ids: vec![5],
        }
    }

    #[test]
    fn each_role_sees_only_its_own_cohorts() {
        assert!(can_view_cohort(&actor(Role::Admin, 1, &[]), &cohort()));
        assert!(can_view_cohort(&actor(Role::Coordinator, 2, &[10]), &cohort()));
        assert!(!can_view_cohort(&actor(Role::Coordinator, 2, &[11]), &cohort()));
        assert!(can_view_cohort(&actor(Role::Instructor, 3, &[10]), &cohort()));
        assert!(!can_view_cohort(&actor(Role::Instructor, 4, &[10]), &cohort()));
        assert!(can_view_cohort(&actor(Role::Trainee, 5, &[]), &cohort()));
        assert!(!can_view_cohort(&actor(Role::Trainee, 6, &[]), &cohort()));
    }

    #[test]
    fn only_the_sites_coordinators_and_admins_manage() {
        assert!(can_manage_cohort(&actor(Role::Coordinator, 2, &[10]), &cohort()));
        assert!(!can_manage_cohort(&actor(Role::Coordinator, 2, &[11]), &cohort()));
        assert!(!can_manage_cohort(&actor(Role::Instructor, 3, &[10]), &cohort()));
        assert!(!can_manage_cohort(&actor(Role::Trainee, 5, &[10]), &cohort()));
        assert!(can_manage_cohort(&actor(Role::Admin, 1, &[]), &cohort()));
    }

    #[test]
    fn the_catalogue_is_read_by_staff_and_extended_by_admins() {
        assert!(can_view_catalogue(&actor(Role::Instructor, 3, &[10])));
        assert!(!can_view_catalogue(&actor(Role::Trainee, 5, &[])));
        assert!(!can_edit_catalogue(&actor(Role::Coordinator, 2, &[10])));
        assert!(can_add_room_at(&actor(Role::Coordinator, 2, &[10]), 10));
        assert!(!can_add_room_at(&actor(Role::Coordinator, 2, &[10]), 11));
        assert_eq!(cohort_list_scope(&actor(Role::Trainee, 5, &[])), None);
    }
}
