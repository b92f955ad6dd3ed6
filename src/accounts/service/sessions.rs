//! Sessions: starting one at sign-in, finding the actor behind a cookie, ending them, and
//! the "my account" view of them.

use sea_orm::{DbErr, Set};
use serde_json::json;
use time::Duration;

use super::*;
use crate::accounts::db;
use crate::accounts::dto::{MyAccount, SessionView};
use crate::audit::db::record;
use crate::audit::model::AuditAction;
use crate::entities::sessions;
use crate::kernel::identity::PhoneNumber;
use crate::kernel::{AccountId, Actor, Role};
use crate::platform::context::Client;
use crate::platform::state::Env;

pub(super) async fn start_session(
    conn: &impl sea_orm::ConnectionTrait,
    env: Env<'_>,
    client: &Client,
    user_id: AccountId,
) -> Result<StartedSession> {
    let now = env.clock.now();
    let token = new_token();
    let max_age = Duration::try_from(env.config.session_max_lifetime).unwrap_or(Duration::hours(12));
    db::insert_session(
        conn,
        sessions::ActiveModel {
            token_hash: Set(sha256_hex(&token)),
            user_id: Set(user_id.get()),
            created_at: Set(now),
            last_seen_at: Set(now),
            expires_at: Set(now + max_age),
            user_agent: Set(truncate(client.user_agent.as_deref(), 255)),
            ip: Set(truncate(client.ip.as_deref(), 45)),
            ..Default::default()
        },
    )
    .await?;
    Ok(StartedSession {
        token,
        user_id,
        max_age,
    })
}

/// Finds the actor behind a session cookie. Expired or idle sessions, and sessions of
/// deactivated accounts, are deleted and yield `None`. `last_seen_at` is refreshed at most
/// once a minute.
///
/// # Errors
/// Database errors.
pub async fn resolve_session(env: Env<'_>, token: &str) -> std::result::Result<Option<Actor>, DbErr> {
    if token.is_empty() || token.len() > 100 {
        return Ok(None);
    }
    let now = env.clock.now();
    let rows = db::find_session_by_hash(env.db, &sha256_hex(token)).await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let idle = Duration::try_from(env.config.session_idle_timeout).unwrap_or(Duration::hours(2));
    let usable = first.expires_at > now && first.last_seen_at + idle > now;
    if !(usable && first.is_active) {
        db::delete_session(env.db, first.session_id).await?;
        return Ok(None);
    }
    if now - first.last_seen_at >= Duration::minutes(1) {
        db::touch_session(env.db, first.session_id, now).await?;
    }
    let Ok(role) = Role::parse(&first.role) else {
        return Ok(None);
    };
    Ok(Some(Actor {
        user_id: first.user_id,
        role,
        display_name: first.display_name.clone(),
        // Staff belong to the sites they are linked to; a trainee to their home site.
        site_ids: match role {
            Role::Trainee => first.home_site_id.into_iter().collect(),
            _ => rows.iter().filter_map(|row| row.site_id).collect(),
        },
        session_id: first.session_id,
        integration: None,
    }))
}

/// Ends the current session.
///
/// # Errors
/// Database errors.
pub async fn sign_out(env: Env<'_>, client: &Client, actor: &Actor) -> Result<()> {
    let txn = env.begin().await?;
    db::delete_session(&txn, actor.session_id).await?;
    record(
        &txn,
        env.clock.now(),
        own_event(AuditAction::SignOut, actor, client),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Ends all other sessions of the actor ("sign out my other devices").
///
/// # Errors
/// Database errors.
pub async fn end_other_sessions(env: Env<'_>, client: &Client, actor: &Actor) -> Result<u64> {
    let txn = env.begin().await?;
    let ended = db::delete_sessions_of_user(&txn, actor.user_id, Some(actor.session_id)).await?;
    record(
        &txn,
        env.clock.now(),
        own_event(AuditAction::SessionsEndOthers, actor, client).detail(json!({ "ended": ended })),
    )
    .await?;
    txn.commit().await?;
    Ok(ended)
}

/// Ends one of the actor's own sessions (a lost phone, say).
///
/// # Errors
/// `NotFound` when the session is not the actor's (or already gone).
pub async fn end_session(env: Env<'_>, client: &Client, actor: &Actor, session_id: i64) -> Result<()> {
    let txn = env.begin().await?;
    if db::delete_session_of_user(&txn, actor.user_id, session_id).await? == 0 {
        return Err(AccountsError::NotFound);
    }
    record(
        &txn,
        env.clock.now(),
        own_event(AuditAction::SessionEnd, actor, client).detail(json!({ "session": session_id })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// "My account": profile, sites and signed-in devices.
///
/// # Errors
/// Database errors.
pub async fn my_account(env: Env<'_>, actor: &Actor) -> Result<MyAccount> {
    let user = db::find_user(env.db, actor.user_id)
        .await?
        .ok_or(AccountsError::NotFound)?;
    let mut site_ids = actor.site_ids.clone();
    site_ids.extend(user.home_site_id);
    let sites = db::sites_by_ids(env.db, &site_ids).await?;
    let now = env.clock.now();
    let sessions = db::sessions_of_user(env.db, AccountId(user.id))
        .await?
        .into_iter()
        .filter(|s| s.expires_at > now)
        .map(|s| SessionView {
            id: s.id,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            device: crate::accounts::model::describe_user_agent(s.user_agent.as_deref()),
            ip: s.ip,
            current: s.id == actor.session_id,
        })
        .collect();
    Ok(MyAccount {
        user_id: AccountId(user.id),
        display_name: user.display_name,
        role: actor.role,
        email: user.email,
        phone: user
            .phone
            .as_deref()
            .and_then(|p| PhoneNumber::parse(p).ok())
            .map(|p| p.display_national()),
        // Masked for the person too: only the record's coordinators see a whole NIK.
        nik: user.nik.as_deref().map(crate::kernel::identity::mask_nik),
        sites: sites.into_iter().map(|s| s.name).collect(),
        password_changed_at: user.password_changed_at,
        sessions,
    })
}
