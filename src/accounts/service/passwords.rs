//! Setting a password: activation with a one-time code, and changing one's own.

use serde_json::json;

use super::sessions::start_session;
use super::sign_in::{check_throttle, register_failures, slow_down};
use super::*;
use crate::accounts::db;
use crate::accounts::model::{ActivationCode, NewPassword};
use crate::accounts::password::{self, PasswordHashString};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::users;
use crate::kernel::{AccountId, Actor, FieldError, Problem};
use crate::platform::context::Client;
use crate::platform::state::Env;

/// Sets a new password hash, ends every session of the account and starts a fresh one
/// for this device (activation, reset and password change all end this way).
pub(super) async fn replace_password(
    txn: &impl sea_orm::ConnectionTrait,
    env: Env<'_>,
    client: &Client,
    user_id: AccountId,
    hash: &PasswordHashString,
) -> Result<StartedSession> {
    db::set_password_hash(txn, user_id, hash.as_str(), env.clock.now()).await?;
    db::delete_sessions_of_user(txn, user_id, None).await?;
    start_session(txn, env, client, user_id).await
}

/// The identifiers and name a password must not be built from.
pub(super) fn personal_values(user: &users::Model) -> Vec<String> {
    [
        Some(user.display_name.clone()),
        user.email.clone(),
        user.phone.clone(),
        user.nik.clone(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

pub(super) fn check_new_password(
    user: &users::Model,
    password: &str,
    confirmation: &str,
) -> Result<NewPassword> {
    let personal = personal_values(user);
    let personal: Vec<&str> = personal.iter().map(String::as_str).collect();
    NewPassword::parse(password, confirmation, &personal).map_err(AccountsError::Invalid)
}

/// Sets the first (or a reset) password with a one-time code and signs the person in.
/// The code is consumed in the same transaction, so it works exactly once; every
/// other session of the account ends.
///
/// # Errors
/// `CodeInvalid` (unknown, used or expired; one message), `Invalid` for a weak password
/// (the code stays usable), `Throttled` after repeated wrong codes from one address.
pub async fn activate(
    env: Env<'_>,
    client: &Client,
    code_input: &str,
    password_input: &str,
    confirmation: &str,
) -> Result<StartedSession> {
    let ip_key = client.ip.as_ref().map(|ip| format!("activate-ip:{ip}"));
    if let Some(key) = &ip_key {
        check_throttle(env, std::slice::from_ref(key)).await?;
    }
    let now = env.clock.now();
    let code = ActivationCode::parse(code_input).ok();
    let found = match &code {
        Some(code) => db::find_usable_code(env.db, &sha256_hex(code.compact()), now).await?,
        None => None,
    };
    let user = match &found {
        Some(row) => db::find_user(env.db, AccountId(row.user_id))
            .await?
            .filter(|u| u.is_active),
        None => None,
    };
    let (Some(row), Some(user)) = (found, user) else {
        let txn = env.begin().await?;
        if let Some(key) = &ip_key {
            register_failures(
                &txn,
                env,
                &[(key.as_str(), env.config.throttle.max_failures_per_login)],
            )
            .await?;
        }
        record(
            &txn,
            now,
            AuditEvent::new(AuditAction::Activate, Outcome::Failure).ip(client.ip.clone()),
        )
        .await?;
        txn.commit().await?;
        return Err(AccountsError::CodeInvalid);
    };
    let new_password = check_new_password(&user, password_input, confirmation)?;
    let hash = password::hash(&new_password).await?;

    let txn = env.begin().await?;
    if !db::consume_code(&txn, row.id, now).await? {
        return Err(AccountsError::CodeInvalid);
    }
    db::withdraw_codes(&txn, AccountId(user.id)).await?;
    let session = replace_password(&txn, env, client, AccountId(user.id), &hash).await?;
    record(
        &txn,
        now,
        change_event(AuditAction::Activate, AccountId(user.id), &user, client)
            .detail(json!({ "purpose": row.purpose })),
    )
    .await?;
    txn.commit().await?;
    Ok(session)
}

/// Changes the actor's own password. All sessions end, including this one, which is
/// replaced by a fresh session so the person stays signed in on this device.
///
/// # Errors
/// `Invalid` (wrong current password, weak or mismatched new one), `Throttled` after
/// repeated wrong current passwords.
pub async fn change_password(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    current: &str,
    new_password: &str,
    confirmation: &str,
) -> Result<StartedSession> {
    let key = format!("user:{}", actor.user_id);
    check_throttle(env, std::slice::from_ref(&key)).await?;
    let user = db::find_user(env.db, actor.user_id)
        .await?
        .ok_or(AccountsError::NotFound)?;
    let stored = user.password_hash.clone().map(PasswordHashString::from_stored);
    if !password::verify(current, stored).await? {
        let txn = env.begin().await?;
        let failures = register_failures(
            &txn,
            env,
            &[(key.as_str(), env.config.throttle.max_failures_per_login)],
        )
        .await?;
        record(
            &txn,
            env.clock.now(),
            AuditEvent::new(AuditAction::PasswordChange, Outcome::Failure)
                .actor(actor.user_id)
                .subject(actor.user_id)
                .ip(client.ip.clone()),
        )
        .await?;
        txn.commit().await?;
        slow_down(env, failures).await;
        return Err(AccountsError::Invalid(vec![FieldError::new(
            "current_password",
            Problem::WrongPassword,
        )]));
    }
    let checked = check_new_password(&user, new_password, confirmation)?;
    let hash = password::hash(&checked).await?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::clear_throttle(&txn, &key).await?;
    let session = replace_password(&txn, env, client, AccountId(user.id), &hash).await?;
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::PasswordChange, Outcome::Success)
            .actor(AccountId(user.id))
            .subject(AccountId(user.id))
            .ip(client.ip.clone()),
    )
    .await?;
    txn.commit().await?;
    Ok(session)
}
