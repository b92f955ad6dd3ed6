//! Who may do what with certificates and letters; each cohort and document is then
//! checked against the scope model (the cohort's site, the trainee's own record). Deny by
//! default.

use crate::kernel::{Actor, Role};

/// Issuing, reissuing, revoking, a cohort's documents and print file: coordinators (their
/// sites' cohorts) and admins.
pub fn can_issue(actor: &Actor) -> bool {
    actor.runs_sites()
}

/// "Sertifikat saya": trainees.
pub fn is_trainee(actor: &Actor) -> bool {
    actor.role == Role::Trainee
}

/// A document's PDF: anyone signed in passes the role gate; each document is then
/// checked (its site's staff who run it, the trainee it was issued to), and any other is
/// not found.
pub fn may_download(_actor: &Actor) -> bool {
    true
}

/// Signatories, numbering patterns and logos: admins.
pub fn can_configure(actor: &Actor) -> bool {
    actor.role == Role::Admin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_coordinators_and_admins_issue_and_only_admins_configure() {
        let of = |role| Actor::new(1, role, &[1]);
        assert!(can_issue(&of(Role::Coordinator)) && can_issue(&of(Role::Admin)));
        assert!(!can_issue(&of(Role::Instructor)) && !can_issue(&of(Role::Trainee)));
        assert!(can_configure(&of(Role::Admin)) && !can_configure(&of(Role::Coordinator)));
        assert!(is_trainee(&of(Role::Trainee)) && !is_trainee(&of(Role::Admin)));
    }
}
