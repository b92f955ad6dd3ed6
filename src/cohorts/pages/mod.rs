//! Cohort pages: the catalogue, the cohort list, the new/edit form; how the area's notices
//! read; and its entries in the navigation.

mod catalogue;
mod form;
mod list;

pub use catalogue::CataloguePage;
pub use form::{EditCohortPage, NewCohortPage};
pub use list::{period, CohortsPage};

use leptos::prelude::*;
use leptos_router::{components::Route, path, MatchNestedRoutes, SsrMode};

use super::texts::{Notice, T};
use super::{authz, texts};
use crate::kernel::i18n::fill;
use crate::kernel::{Actor, Role};
use crate::platform::flash::{AreaNotice, NoticeToken};
use crate::platform::page::use_page;
use crate::ui::nav::NavLink;
use crate::ui::notice::NoticeBanner;

/// Cohorts for staff (instructors see the ones they teach), the catalogue for staff.
pub fn nav_links(actor: Option<&Actor>) -> Vec<NavLink> {
    let Some(actor) = actor else {
        return Vec::new();
    };
    let mut links = Vec::new();
    if authz::can_list_cohorts(actor) {
        let description = if actor.role == Role::Instructor {
            T::LinkCohortsTeachingDesc
        } else {
            T::LinkCohortsDesc
        };
        links.push(NavLink::new(super::paths::COHORTS, T::NavCohorts).described(description));
    }
    if authz::can_view_catalogue(actor) && actor.role != Role::Instructor {
        links.push(NavLink::new(super::paths::CATALOGUE, T::NavCatalogue).described(T::LinkCatalogueDesc));
    }
    links
}

/// The banner for `token`, if it is one of this area's notices.
pub fn notice_view(token: &NoticeToken) -> Option<AnyView> {
    let page = use_page();
    let text = match Notice::from_token(token)? {
        Notice::CohortCreated(code) => fill(page.t(texts::T::NoticeCohortCreated), &[("code", &code)]),
        Notice::CohortUpdated(code) => fill(page.t(texts::T::NoticeCohortUpdated), &[("code", &code)]),
        Notice::Added(name) => fill(page.t(texts::T::NoticeAdded), &[("name", &name)]),
    };
    Some(view! { <NoticeBanner text/> }.into_any())
}

/// The cohorts area's pages, at the addresses [`super::paths`] spells, for the app's router
/// (a cohort's own page is the schedule's). Composed before the schedule's routes, since
/// `/angkatan/baru` would match `/angkatan/:id`.
#[component(transparent)]
pub fn CohortRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/program") view=CataloguePage ssr=SsrMode::Async/>
        <Route path=path!("/angkatan") view=CohortsPage ssr=SsrMode::Async/>
        <Route path=path!("/angkatan/baru") view=NewCohortPage ssr=SsrMode::Async/>
        <Route path=path!("/angkatan/:id/ubah") view=EditCohortPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
