//! Who may see and change the schedule. Cohort-level rules (who sees or manages a cohort)
//! are the cohorts area's; these add the schedule's own. Deny by default.

use crate::kernel::{Actor, CohortTies, Role};

/// "My schedule" (`/jadwal`) and one's own calendar feed: everyone signed in.
pub fn can_view_own_schedule(_actor: &Actor) -> bool {
    true
}

/// The notice of moved and cancelled classes on `/jadwal`, and dismissing it: trainees
/// (staff make the changes, and are shown whom to tell instead).
pub fn can_follow_changes(actor: &Actor) -> bool {
    actor.role == Role::Trainee
}

/// Telling a session's trainees it was moved or cancelled (whom to message, and what):
/// whoever may change its cohort's sessions.
pub fn can_announce_changes(actor: &Actor, cohort: &CohortTies) -> bool {
    crate::cohorts::authz::can_manage_cohort(actor, cohort)
}

/// The calendar of cohorts across a site: staff.
pub fn can_view_calendar(actor: &Actor) -> bool {
    matches!(actor.role, Role::Instructor | Role::Coordinator | Role::Admin)
}

/// The holiday calendar: everyone signed in reads it.
pub fn can_read_holidays(_actor: &Actor) -> bool {
    true
}

/// Adding, changing and removing national holidays and cuti bersama, which change
/// session generation at every site: admins.
pub fn can_edit_holidays(actor: &Actor) -> bool {
    actor.role == Role::Admin
}

/// The role gate of a site's own days off (each site is checked).
pub fn can_edit_closures(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// A site's own day off (closure) at `site_id`: its coordinators and admins.
pub fn can_close_site(actor: &Actor, site_id: i64) -> bool {
    actor.runs_site(site_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        Actor::new(9, role, &[3])
    }

    #[test]
    fn national_holidays_are_kept_by_admins_and_site_days_off_by_their_coordinators() {
        assert!(!can_view_calendar(&actor(Role::Trainee)));
        assert!(!can_edit_holidays(&actor(Role::Instructor)));
        assert!(!can_edit_holidays(&actor(Role::Coordinator)));
        assert!(can_edit_holidays(&actor(Role::Admin)));
        assert!(can_close_site(&actor(Role::Coordinator), 3));
        assert!(!can_close_site(&actor(Role::Coordinator), 4));
        assert!(can_close_site(&actor(Role::Admin), 4));
        assert!(!can_close_site(&actor(Role::Instructor), 3));
        assert!(!can_edit_closures(&actor(Role::Instructor)));
    }

    #[test]
    fn trainees_follow_changes_and_those_who_make_them_announce_them() {
        assert!(can_follow_changes(&actor(Role::Trainee)));
        assert!(!can_follow_changes(&actor(Role::Coordinator)));
        let cohort = CohortTies {
            site_id: 3,
            taught: true,
            seated: false,
        };
        let coordinator = actor(Role::Coordinator);
        assert!(can_announce_changes(&coordinator, &cohort));
        assert!(!can_announce_changes(&actor(Role::Instructor), &cohort));
        assert!(!can_announce_changes(&actor(Role::Trainee), &cohort));
        let elsewhere = CohortTies { site_id: 4, ..cohort };
        assert!(!can_announce_changes(&coordinator, &elsewhere));
    }
}
