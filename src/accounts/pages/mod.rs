//! Account pages: sign-in, activation, my account, user administration.

mod account;
mod activate;
mod new_user;
mod sign_in;
mod user;
mod users;

pub use account::AccountPage;
pub use activate::ActivatePage;
pub use new_user::NewUserPage;
pub use sign_in::SignInPage;
pub use user::UserPage;
pub use users::UsersPage;
