//! Who may manage integration keys. Deny by default.
//!
//! A key reaches across sites (or all of them) and can carry whole NIKs; making one is
//! running the installation, so admins only. Coordinators ask an admin.

use crate::kernel::{Actor, Role};

/// The integrations page and its server functions.
pub fn can_manage_keys(actor: &Actor) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::Coordinator | Role::Instructor | Role::Trainee => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_manage_keys() {
        assert!(can_manage_keys(&Actor::new(1, Role::Admin, &[])));
        for role in [Role::Coordinator, Role::Instructor, Role::Trainee] {
            assert!(!can_manage_keys(&Actor::new(1, role, &[1])));
        }
    }
}
