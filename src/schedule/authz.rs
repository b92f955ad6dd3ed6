//! Who may see and change the schedule. Cohort-level rules (who sees or manages a cohort)
//! are the cohorts area's; these add the schedule's own. Deny by default.

use crate::kernel::{Actor, Role};

/// "My schedule" (`/jadwal`) and one's own calendar feed: everyone signed in.
pub fn can_view_own_schedule(_actor: &Actor) -> bool {
    true
}

/// The calendar of cohorts across a site: staff.
pub fn can_view_calendar(actor: &Actor) -> bool {
    matches!(actor.role, Role::Instructor | Role::Coordinator | Role::Admin)
}

/// The holiday calendar: everyone signed in reads it.
pub fn can_read_holidays(_actor: &Actor) -> bool {
    true
}

/// Adding, changing and removing holidays: coordinators and admins.
pub fn can_edit_holidays(actor: &Actor) -> bool {
    matches!(actor.role, Role::Coordinator | Role::Admin)
}

/// Which sessions "my schedule" shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleScope {
    /// A trainee's cohorts.
    Member(i64),
    /// The sessions an instructor teaches.
    Teaching(i64),
    /// Every session at these sites (coordinators).
    Sites(Vec<i64>),
    /// Every session (admins).
    Everything,
}

pub fn schedule_scope(actor: &Actor) -> ScheduleScope {
    match actor.role {
        Role::Trainee => ScheduleScope::Member(actor.user_id),
        Role::Instructor => ScheduleScope::Teaching(actor.user_id),
        Role::Coordinator => ScheduleScope::Sites(actor.site_ids.clone()),
        Role::Admin => ScheduleScope::Everything,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        Actor::new(9, role, &[3])
    }

    #[test]
    fn each_role_sees_its_own_part_of_the_schedule() {
        assert_eq!(schedule_scope(&actor(Role::Trainee)), ScheduleScope::Member(9));
        assert_eq!(
            schedule_scope(&actor(Role::Instructor)),
            ScheduleScope::Teaching(9)
        );
        assert_eq!(
            schedule_scope(&actor(Role::Coordinator)),
            ScheduleScope::Sites(vec![3])
        );
        assert_eq!(schedule_scope(&actor(Role::Admin)), ScheduleScope::Everything);
        assert!(!can_view_calendar(&actor(Role::Trainee)));
        assert!(!can_edit_holidays(&actor(Role::Instructor)));
        assert!(can_edit_holidays(&actor(Role::Coordinator)));
    }
}
