//! The accounts area's addresses, spelled once: pages link with these, server functions
//! send people to them, and [`super::pages::AccountRoutes`] matches the same patterns.

/// Where people sign in (the platform sends the anonymous there).
pub use crate::platform::page::SIGN_IN_PATH as SIGN_IN;

use crate::kernel::AccountId;

/// Activating an account with a code (`?kode=`).
pub const ACTIVATE: &str = "/aktivasi";
/// One's own account: name, password, sessions.
pub const ACCOUNT: &str = "/akun";
/// The user administration's list (`?q=&role=&site=&status=&page=`).
pub const USERS: &str = "/pengguna";
pub const NEW_USER: &str = "/pengguna/baru";

pub fn user(id: AccountId) -> String {
    format!("{USERS}/{id}")
}
