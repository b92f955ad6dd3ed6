//! Signing in, and the throttling of failed attempts that sign-in and password checks share.

use crate::kernel::AccountId;
use serde_json::json;
use time::{Duration, OffsetDateTime};

use super::sessions::start_session;
use super::*;
use crate::accounts::db;
use crate::accounts::model::LoginId;
use crate::accounts::password::{self, PasswordHashString};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::platform::context::Client;
use crate::platform::state::Env;

/// The throttling keys of an attempt: the login as typed (a digest when it could never be
/// a login: over 254 characters or with control characters, which the database's key
/// column and PostgreSQL refuse), and the address it came from.
pub(super) fn throttle_keys(login: &str, client: &Client) -> (String, Option<String>) {
    use sha2::{Digest, Sha256};
    let login = login.trim().to_lowercase();
    let login = if login.len() > 254 || login.chars().any(char::is_control) {
        format!("#{}", hex::encode(Sha256::digest(login.as_bytes())))
    } else {
        login
    };
    (
        format!("login:{login}"),
        client.ip.as_ref().map(|ip| format!("ip:{ip}")),
    )
}

pub(super) fn minutes_until(now: OffsetDateTime, until: OffsetDateTime) -> u32 {
    let seconds = (until - now).whole_seconds().max(0);
    u32::try_from((seconds + 59) / 60).unwrap_or(u32::MAX).max(1)
}

/// Refuses with `Throttled` when any of `keys` is locked.
pub(super) async fn check_throttle(env: Env<'_>, keys: &[String]) -> Result<()> {
    let now = env.clock.now();
    let locked = db::locked_keys(env.db, keys, now).await?;
    match locked.iter().filter_map(|row| row.locked_until).max() {
        Some(until) => Err(AccountsError::Throttled {
            minutes: minutes_until(now, until),
        }),
        None => Ok(()),
    }
}

/// Counts a failure against each `(key, limit)`; a key reaching its limit is locked.
/// Returns the first key's failure count (which decides the slow-down).
pub(super) async fn register_failures(
    conn: &impl sea_orm::ConnectionTrait,
    env: Env<'_>,
    keys: &[(&str, i32)],
) -> Result<i32> {
    let now = env.clock.now();
    let policy = &env.config.throttle;
    let window_start = now - Duration::try_from(policy.window).unwrap_or(Duration::minutes(15));
    let locked_until = now + Duration::try_from(policy.lockout).unwrap_or(Duration::minutes(15));
    let mut first = 0;
    for (index, (key, limit)) in keys.iter().enumerate() {
        let failures = db::register_failure(conn, key, now, window_start, *limit, locked_until).await?;
        if index == 0 {
            first = failures;
        }
    }
    Ok(first)
}

/// Slows the answer to repeated failures: nothing for the first three, then one step more
/// per failure, at most three seconds.
pub(super) async fn slow_down(env: Env<'_>, failures: i32) {
    let extra = u32::try_from(failures - 3).unwrap_or(0).min(6);
    let delay = env.config.throttle.slowdown_step * extra;
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
}

/// Signs a person in with an e-mail, phone number or NIK and their password.
///
/// Every failure (unknown login, wrong password, deactivated or not yet activated
/// account) is the same `InvalidCredentials`, takes the same time (a dummy hash is
/// verified), counts towards throttling and is audited.
///
/// # Errors
/// `InvalidCredentials`, `Throttled`, or internal failures.
pub async fn sign_in(
    env: Env<'_>,
    client: &Client,
    login: &str,
    password_input: &str,
) -> Result<StartedSession> {
    let parsed = LoginId::parse(login).ok();
    let canonical = parsed
        .as_ref()
        .map_or_else(|| login.trim().to_lowercase(), LoginId::canonical);
    let (login_key, ip_key) = throttle_keys(&canonical, client);
    let keys: Vec<String> = std::iter::once(login_key.clone()).chain(ip_key.clone()).collect();
    let detail = json!({ "login": canonical.chars().take(100).collect::<String>() });

    if let Err(throttled) = check_throttle(env, &keys).await {
        record(
            env.db,
            env.clock.now(),
            AuditEvent::new(AuditAction::SignIn, Outcome::Refused)
                .ip(client.ip.clone())
                .detail(json!({ "login": detail["login"], "reason": "throttled" })),
        )
        .await?;
        return Err(throttled);
    }

    let user = match &parsed {
        Some(login) => db::find_user_by_login(env.db, login).await?,
        None => None,
    };
    let stored = user
        .as_ref()
        .and_then(|u| u.password_hash.clone())
        .map(PasswordHashString::from_stored);
    let verified = password::verify_and_renew(password_input, stored).await?;

    match user {
        Some(user) if verified.matches && user.is_active => {
            let txn = env.begin().await?;
            db::clear_throttle(&txn, &login_key).await?;
            if let (Some(renewed), Some(old)) = (&verified.renewed, &user.password_hash) {
                db::renew_password_hash(&txn, AccountId(user.id), old, renewed.as_str()).await?;
            }
            let session = start_session(&txn, env, client, AccountId(user.id)).await?;
            record(
                &txn,
                env.clock.now(),
                change_event(AuditAction::SignIn, AccountId(user.id), &user, client).detail(detail),
            )
            .await?;
            txn.commit().await?;
            Ok(session)
        }
        user => {
            let txn = env.begin().await?;
            let policy = &env.config.throttle;
            let mut keys = vec![(login_key.as_str(), policy.max_failures_per_login)];
            keys.extend(ip_key.as_deref().map(|ip| (ip, policy.max_failures_per_ip)));
            let failures = register_failures(&txn, env, &keys).await?;
            let reason = match &user {
                None => "unknown_login",
                Some(u) if !u.is_active => "deactivated",
                Some(u) if u.password_hash.is_none() => "not_activated",
                Some(_) => "wrong_password",
            };
            let mut event = AuditEvent::new(AuditAction::SignIn, Outcome::Failure)
                .ip(client.ip.clone())
                .detail(json!({ "login": detail["login"], "reason": reason }));
            if let Some(u) = &user {
                event = event.subject(AccountId(u.id)).site(u.home_site_id);
            }
            record(&txn, env.clock.now(), event).await?;
            txn.commit().await?;
            slow_down(env, failures).await;
            Err(AccountsError::InvalidCredentials)
        }
    }
}
