//! Who may read the audit trail, and how much of it. Deny by default.

use crate::kernel::{Actor, Reach};

/// Which audit entries an actor may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditScope {
    Everything,
    /// Entries about these sites (a coordinator's own).
    Sites(Vec<i64>),
}

/// Reading the audit log, and how much of it: admins everything, coordinators their
/// sites, nobody else anything.
pub fn audit_scope(actor: &Actor) -> Option<AuditScope> {
    match actor.reach() {
        Reach::Everything => Some(AuditScope::Everything),
        Reach::Sites(site_ids) => Some(AuditScope::Sites(site_ids)),
        Reach::Teaching(_) | Reach::Own(_) => None,
    }
}

/// The audit-log page and its server function.
pub fn can_read_audit(actor: &Actor) -> bool {
    audit_scope(actor).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::Role;

    fn actor(role: Role, sites: &[i64]) -> Actor {
        Actor::new(1, role, sites)
    }

    #[test]
    fn admins_read_everything_coordinators_their_sites_others_nothing() {
        assert_eq!(
            audit_scope(&actor(Role::Admin, &[])),
            Some(AuditScope::Everything)
        );
        assert_eq!(
            audit_scope(&actor(Role::Coordinator, &[3])),
            Some(AuditScope::Sites(vec![3]))
        );
        assert_eq!(audit_scope(&actor(Role::Instructor, &[3])), None);
        assert!(!can_read_audit(&actor(Role::Trainee, &[])));
    }
}
