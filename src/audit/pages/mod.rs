//! The audit area's pages and its entry in the navigation.

mod log;

pub use log::AuditPage;

use super::{authz, texts::T};
use crate::kernel::Actor;
use crate::ui::nav::NavLink;

/// The audit log, for those who may read it.
pub fn nav_links(actor: Option<&Actor>) -> Vec<NavLink> {
    actor
        .filter(|actor| authz::can_read_audit(actor))
        .map(|_| NavLink::new("/audit", T::NavAudit).described(T::LinkAuditDesc))
        .into_iter()
        .collect()
}
