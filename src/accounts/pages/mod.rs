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

use super::{authz, texts::T};
use crate::kernel::Actor;
use crate::ui::nav::NavLink;

/// Signed in: my account, and user administration for those who may. Anonymous: sign in
/// and activation.
pub fn nav_links(actor: Option<&Actor>) -> Vec<NavLink> {
    match actor {
        Some(actor) => {
            let mut links = vec![NavLink::new("/akun", T::NavAccount).described(T::LinkAccountDesc)];
            if authz::can_administer_users(actor) {
                links.push(NavLink::new("/pengguna", T::NavUsers).described(T::LinkUsersDesc));
            }
            links
        }
        None => vec![
            NavLink::new("/masuk", T::NavSignIn),
            NavLink::new("/aktivasi", T::NavActivate),
        ],
    }
}
