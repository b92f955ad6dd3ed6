//! The audit area's pages and its entry in the navigation.

mod log;

pub use log::AuditPage;

use leptos::prelude::*;
use leptos_router::{components::Route, path, MatchNestedRoutes, SsrMode};

use super::{authz, texts::T};
use crate::kernel::Actor;
use crate::ui::nav::NavLink;

/// The audit log, for those who may read it.
pub fn nav_links(actor: Option<&Actor>) -> Vec<NavLink> {
    actor
        .filter(|actor| authz::can_read_audit(actor))
        .map(|_| NavLink::new(super::paths::LOG, T::NavAudit).described(T::LinkAuditDesc))
        .into_iter()
        .collect()
}

/// The audit log's page, at the addresses [`super::paths`] spells, for the app's router.
#[component(transparent)]
pub fn AuditRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/audit") view=AuditPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
