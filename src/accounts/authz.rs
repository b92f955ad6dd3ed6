//! Who may do what with accounts: the one place this area's authorization rules live.
//!
//! Deny by default: every rule is a `match` on the actor's role where anything not
//! listed is refused. Server functions and pages call these functions and nothing else
//! to decide access; the authorization-matrix test checks every route against them.

use crate::kernel::{AccountId, Actor, Role};

/// What authorization needs to know about the account being looked at or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountScope {
    pub user_id: AccountId,
    pub role: Role,
    /// A trainee's home site.
    pub home_site_id: Option<i64>,
}

/// Any signed-in person may look at their own account.
pub fn can_view_own_account(_actor: &Actor) -> bool {
    true
}

/// The user-administration pages (list, search, create, codes).
pub fn can_administer_users(actor: &Actor) -> bool {
    matches!(actor.role, Role::Admin | Role::Coordinator)
}

/// Creating an account of `role` at `site_ids`: admins create staff and trainees;
/// coordinators create trainees at their own sites only.
pub fn can_create_account(actor: &Actor, role: Role, site_ids: &[i64]) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::Coordinator => {
            role == Role::Trainee && !site_ids.is_empty() && site_ids.iter().all(|id| actor.runs_site(*id))
        }
        Role::Instructor | Role::Trainee => false,
    }
}

/// Seeing another person's account details.
pub fn can_view_account(actor: &Actor, target: &AccountScope) -> bool {
    if actor.user_id == target.user_id {
        return true;
    }
    match actor.role {
        Role::Admin => true,
        Role::Coordinator => target.role == Role::Trainee && actor.has_site(target.home_site_id),
        Role::Instructor | Role::Trainee => false,
    }
}

/// Seeing a trainee's records. Instructors reach trainees through the cohorts they teach;
/// cohorts arrive with the cohort issue, so until then an instructor reaches no trainee.
pub fn can_view_trainee(actor: &Actor, trainee: &AccountScope) -> bool {
    if trainee.role != Role::Trainee {
        return false;
    }
    match actor.role {
        Role::Trainee => actor.user_id == trainee.user_id,
        Role::Instructor => false,
        Role::Coordinator => actor.has_site(trainee.home_site_id),
        Role::Admin => true,
    }
}

/// Deactivating, reactivating, issuing activation or reset codes. Nobody does this to
/// their own account (an admin locking themselves out would need another admin).
pub fn can_manage_account(actor: &Actor, target: &AccountScope) -> bool {
    if actor.user_id == target.user_id {
        return false;
    }
    match actor.role {
        Role::Admin => true,
        Role::Coordinator => target.role == Role::Trainee && actor.has_site(target.home_site_id),
        Role::Instructor | Role::Trainee => false,
    }
}

/// Changing someone's role: admins only, never their own.
pub fn can_change_role(actor: &Actor, target: &AccountScope) -> bool {
    actor.role == Role::Admin && actor.user_id != target.user_id
}

/// Roles an actor may hand out when creating accounts (for the form's choices).
pub fn assignable_roles(actor: &Actor) -> Vec<Role> {
    match actor.role {
        Role::Admin => Role::ALL.to_vec(),
        Role::Coordinator => vec![Role::Trainee],
        Role::Instructor | Role::Trainee => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, user_id: i64, sites: &[i64]) -> Actor {
        Actor::new(user_id, role, sites)
    }

    fn trainee(user_id: i64, site: i64) -> AccountScope {
        AccountScope {
            user_id: AccountId(user_id),
            role: Role::Trainee,
            home_site_id: Some(site),
        }
    }

    #[test]
    fn coordinators_reach_only_trainees_of_their_sites() {
        let coordinator = actor(Role::Coordinator, 1, &[10, 11]);
        assert!(can_view_trainee(&coordinator, &trainee(5, 10)));
        assert!(can_manage_account(&coordinator, &trainee(5, 11)));
        assert!(!can_view_trainee(&coordinator, &trainee(6, 12)));
        assert!(!can_manage_account(&coordinator, &trainee(6, 12)));
        let instructor = AccountScope {
            user_id: AccountId(7),
            role: Role::Instructor,
            home_site_id: Some(10),
        };
        assert!(!can_view_account(&coordinator, &instructor));
        assert!(!can_manage_account(&coordinator, &instructor));
    }

    #[test]
    fn trainees_see_only_themselves() {
        let me = actor(Role::Trainee, 5, &[]);
        assert!(can_view_trainee(&me, &trainee(5, 10)));
        assert!(!can_view_trainee(&me, &trainee(6, 10)));
        assert!(!can_administer_users(&me));
    }

    #[test]
    fn instructors_reach_no_trainee_without_cohorts() {
        let instructor = actor(Role::Instructor, 3, &[10]);
        assert!(!can_view_trainee(&instructor, &trainee(5, 10)));
        assert!(!can_administer_users(&instructor));
    }

    #[test]
    fn coordinators_create_trainees_only_at_their_sites() {
        let coordinator = actor(Role::Coordinator, 1, &[10]);
        assert!(can_create_account(&coordinator, Role::Trainee, &[10]));
        assert!(!can_create_account(&coordinator, Role::Trainee, &[11]));
        assert!(!can_create_account(&coordinator, Role::Trainee, &[]));
        assert!(!can_create_account(&coordinator, Role::Instructor, &[10]));
        assert!(!can_create_account(&coordinator, Role::Admin, &[10]));
    }

    #[test]
    fn admins_do_everything_except_lock_out_or_demote_themselves() {
        let admin = actor(Role::Admin, 1, &[]);
        let me = AccountScope {
            user_id: AccountId(1),
            role: Role::Admin,
            home_site_id: None,
        };
        assert!(can_manage_account(&admin, &trainee(5, 10)));
        assert!(can_change_role(&admin, &trainee(5, 10)));
        assert!(!can_manage_account(&admin, &me));
        assert!(!can_change_role(&admin, &me));
    }
}
