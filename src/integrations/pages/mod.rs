//! The integrations area's page, its notices and its entry in the navigation.

mod keys;
mod notice;

pub use keys::KeysPage;
pub use notice::notice_view;

use leptos::prelude::*;
use leptos_router::{components::Route, path, MatchNestedRoutes, SsrMode};

use super::{authz, texts::T};
use crate::kernel::Actor;
use crate::ui::nav::NavLink;

/// The integration keys, for admins.
pub fn nav_links(actor: Option<&Actor>) -> Vec<NavLink> {
    actor
        .filter(|actor| authz::can_manage_keys(actor))
        .map(|_| NavLink::new(super::paths::KEYS, T::NavIntegrations).described(T::LinkIntegrationsDesc))
        .into_iter()
        .collect()
}

/// The integrations page, at the address [`super::paths`] spells, for the app's router.
#[component(transparent)]
pub fn IntegrationRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/integrasi") view=KeysPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
