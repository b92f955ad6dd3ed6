//! Account pages: sign-in, activation, my account, user administration; how the area's
//! notices read; and its entries in the navigation.

mod account;
mod activate;
mod new_user;
mod notice;
mod sign_in;
mod user;
mod users;

pub use account::AccountPage;
pub use activate::ActivatePage;
pub use new_user::NewUserPage;
pub use notice::notice_view;
pub use sign_in::SignInPage;
pub use user::UserPage;
pub use users::UsersPage;

use leptos::prelude::*;
use leptos_router::{components::Route, path, MatchNestedRoutes, SsrMode};

use super::{authz, paths, texts::T};
use crate::kernel::Actor;
use crate::ui::nav::NavLink;

/// Signed in: my account, and user administration for those who may. Anonymous: sign in
/// and activation.
pub fn nav_links(actor: Option<&Actor>) -> Vec<NavLink> {
    match actor {
        Some(actor) => {
            let mut links = vec![NavLink::new(paths::ACCOUNT, T::NavAccount).described(T::LinkAccountDesc)];
            if authz::can_administer_users(actor) {
                links.push(NavLink::new(paths::USERS, T::NavUsers).described(T::LinkUsersDesc));
            }
            links
        }
        None => vec![
            NavLink::new(paths::SIGN_IN, T::NavSignIn),
            NavLink::new(paths::ACTIVATE, T::NavActivate),
        ],
    }
}

/// The accounts area's pages, at the addresses [`super::paths`] spells, for the app's router.
/// `/pengguna/baru` comes before `/pengguna/:id`, which it would match.
#[component(transparent)]
pub fn AccountRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/masuk") view=SignInPage ssr=SsrMode::Async/>
        <Route path=path!("/aktivasi") view=ActivatePage ssr=SsrMode::Async/>
        <Route path=path!("/akun") view=AccountPage ssr=SsrMode::Async/>
        <Route path=path!("/pengguna") view=UsersPage ssr=SsrMode::Async/>
        <Route path=path!("/pengguna/baru") view=NewUserPage ssr=SsrMode::Async/>
        <Route path=path!("/pengguna/:id") view=UserPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
