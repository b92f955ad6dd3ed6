//! Accounts: activation, signing in, sessions, throttling, and managing users.

mod activation;
mod sessions;
mod sign_in;
mod throttling;
mod users;
