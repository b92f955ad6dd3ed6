//! Account use cases: sign-in, sessions, activation, password change and user
//! administration, one file per use case. Each runs in one transaction and writes its
//! audit entry inside it.

mod administration;
mod codes;
mod passwords;
mod provisioning;
mod sessions;
mod sign_in;

pub use crate::accounts::dto::NewAccountInput;
pub use administration::{change_role, form_options, list_users, set_active, user_detail, USERS_PER_PAGE};
pub use codes::{issue_code, CODE_LIFETIME};
pub use passwords::{activate, change_password};
pub use provisioning::{check_password_for, create_account, create_account_in, provision_account};
pub use sessions::{end_other_sessions, end_session, my_account, resolve_session, sign_out};
pub use sign_in::sign_in;

use sea_orm::DbErr;
use time::Duration;

use super::password::PasswordError;
use crate::audit::db::AuditEvent;
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::users;
use crate::kernel::{AccountId, Actor, AppError, FieldError};
use crate::platform::context::Client;

/// A session just started: the cookie gets `token`, the database only its hash.
#[derive(Debug, Clone)]
pub struct StartedSession {
    pub token: String,
    pub user_id: AccountId,
    pub max_age: Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountsError {
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("throttled for {minutes} min")]
    Throttled { minutes: u32 },
    #[error("activation code invalid")]
    CodeInvalid,
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("password hashing: {0}")]
    Password(#[from] PasswordError),
}

impl From<AccountsError> for AppError {
    fn from(error: AccountsError) -> Self {
        match error {
            AccountsError::Invalid(fields) => AppError::Invalid(fields),
            AccountsError::InvalidCredentials => AppError::InvalidCredentials,
            AccountsError::Throttled { minutes } => AppError::Throttled {
                retry_after_minutes: minutes,
            },
            AccountsError::CodeInvalid => AppError::CodeInvalid,
            AccountsError::NotFound => AppError::NotFound,
            AccountsError::Forbidden => AppError::Forbidden,
            AccountsError::Db(e) => crate::platform::errors::internal("accounts", &e),
            AccountsError::Password(e) => crate::platform::errors::internal("accounts", &e),
        }
    }
}

type Result<T> = std::result::Result<T, AccountsError>;

pub(super) use crate::platform::secrets::sha256_hex;

pub(super) fn new_token() -> String {
    crate::platform::secrets::random_token(32)
}

pub(super) fn truncate(value: Option<&str>, max: usize) -> Option<String> {
    value.map(|v| v.chars().take(max).collect())
}

/// A successful change made by `actor_id` to `user`'s account, from `client`.
pub(super) fn change_event(
    action: AuditAction,
    actor_id: AccountId,
    user: &users::Model,
    client: &Client,
) -> AuditEvent {
    AuditEvent::new(action, Outcome::Success)
        .actor(actor_id)
        .subject(AccountId(user.id))
        .site(user.home_site_id)
        .ip(client.ip.clone())
}

/// A successful action of the actor on their own account (sessions, sign-out).
pub(super) fn own_event(action: AuditAction, actor: &Actor, client: &Client) -> AuditEvent {
    AuditEvent::new(action, Outcome::Success)
        .actor(actor.user_id)
        .subject(actor.user_id)
        .ip(client.ip.clone())
}
