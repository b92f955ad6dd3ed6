//! Account use cases: sign-in, sessions, activation, password change and user
//! administration. Each runs in one transaction and writes its audit entry inside it.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use rand::{rngs::OsRng, Rng, RngCore};
use sea_orm::{
    sea_query::Expr, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use serde_json::json;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};
use unicode_segmentation::UnicodeSegmentation;

use super::authz::{self, Actor};
use super::db;
use super::dto::{
    AccountStatus, IssuedCode, MyAccount, SessionView, SiteOption, UserDetail, UserFilter, UserFormOptions,
    UserList, UserSummary,
};
use super::model::{ActivationCode, CodePurpose, LoginId, NewPassword, Role};
use super::password::{self, PasswordError, PasswordHashString};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::{activation_codes, sessions, users};
use crate::error::{AppError, FieldError, Problem};
use crate::i18n::{fill, Locale, T};
use crate::identity::{EmailAddress, Nik, PhoneNumber};
use crate::server::{clock::Clock, config::Config};
use crate::wib;

/// What every use case needs from the running application.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    pub db: &'a DatabaseConnection,
    pub clock: &'a Clock,
    pub config: &'a Config,
}

/// Where a request came from, for sessions, throttling and the audit trail.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Client {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// A session just started: the cookie gets `token`, the database only its hash.
#[derive(Debug, Clone)]
pub struct StartedSession {
    pub token: String,
    pub user_id: i64,
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
            AccountsError::Db(e) => crate::server::errors::internal("accounts", &e),
            AccountsError::Password(e) => crate::server::errors::internal("accounts", &e),
        }
    }
}

type Result<T> = std::result::Result<T, AccountsError>;

pub const CODE_LIFETIME: Duration = Duration::days(7);

fn sha256_hex(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

fn new_code() -> ActivationCode {
    let mut indices = [0u8; ActivationCode::LEN];
    for index in &mut indices {
        *index = OsRng.gen_range(0..ActivationCode::SYMBOLS.len()) as u8;
    }
    ActivationCode::from_indices(&indices)
}

fn truncate(value: Option<&str>, max: usize) -> Option<String> {
    value.map(|v| v.chars().take(max).collect())
}

fn rfc3339(instant: OffsetDateTime) -> String {
    instant
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

async fn start_session(
    conn: &impl sea_orm::ConnectionTrait,
    env: Env<'_>,
    client: &Client,
    user_id: i64,
) -> Result<StartedSession> {
    let now = env.clock.now();
    let token = new_token();
    let max_age = Duration::try_from(env.config.session_max_lifetime).unwrap_or(Duration::hours(12));
    db::insert_session(
        conn,
        sessions::ActiveModel {
            token_hash: Set(sha256_hex(&token)),
            user_id: Set(user_id),
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
    let Some((session, user)) = db::find_session_by_hash(env.db, &sha256_hex(token)).await? else {
        return Ok(None);
    };
    let idle = Duration::try_from(env.config.session_idle_timeout).unwrap_or(Duration::hours(2));
    let usable = session.expires_at > now && session.last_seen_at + idle > now;
    let user = match user {
        Some(user) if usable && user.is_active => user,
        _ => {
            db::delete_session(env.db, session.id).await?;
            return Ok(None);
        }
    };
    if now - session.last_seen_at >= Duration::minutes(1) {
        db::touch_session(env.db, session.id, now).await?;
    }
    let Ok(role) = Role::parse(&user.role) else {
        return Ok(None);
    };
    Ok(Some(Actor {
        user_id: user.id,
        role,
        display_name: user.display_name,
        site_ids: db::site_ids_of(env.db, user.id).await?,
        session_id: session.id,
    }))
}

fn throttle_keys(login: &str, client: &Client) -> (String, Option<String>) {
    (
        format!("login:{}", login.trim().to_lowercase()),
        client.ip.as_ref().map(|ip| format!("ip:{ip}")),
    )
}

fn minutes_until(now: OffsetDateTime, until: OffsetDateTime) -> u32 {
    let seconds = (until - now).whole_seconds().max(0);
    u32::try_from((seconds + 59) / 60).unwrap_or(u32::MAX).max(1)
}

/// A successful change made by `actor_id` to `user`'s account, from `client`.
fn change_event(action: AuditAction, actor_id: i64, user: &users::Model, client: &Client) -> AuditEvent {
    AuditEvent::new(action, Outcome::Success)
        .actor(actor_id)
        .subject(user.id)
        .site(user.home_site_id)
        .ip(client.ip.clone())
}

/// A successful action of the actor on their own account (sessions, sign-out).
fn own_event(action: AuditAction, actor: &Actor, client: &Client) -> AuditEvent {
    AuditEvent::new(action, Outcome::Success)
        .actor(actor.user_id)
        .subject(actor.user_id)
        .ip(client.ip.clone())
}

/// Refuses with `Throttled` when any of `keys` is locked.
async fn check_throttle(env: Env<'_>, keys: &[String]) -> Result<()> {
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
async fn register_failures(
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

/// Sets a new password hash, ends every session of the account and starts a fresh one
/// for this device (activation, reset and password change all end this way).
async fn replace_password(
    txn: &impl sea_orm::ConnectionTrait,
    env: Env<'_>,
    client: &Client,
    user_id: i64,
    hash: &PasswordHashString,
) -> Result<StartedSession> {
    db::set_password_hash(txn, user_id, hash.as_str(), env.clock.now()).await?;
    db::delete_sessions_of_user(txn, user_id, None).await?;
    start_session(txn, env, client, user_id).await
}

/// Slows the answer to repeated failures: nothing for the first three, then one step more
/// per failure, at most three seconds.
async fn slow_down(env: Env<'_>, failures: i32) {
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
    let verified = password::verify(password_input, stored).await?;

    match user {
        Some(user) if verified && user.is_active => {
            let txn = env.db.begin().await?;
            db::clear_throttle(&txn, &login_key).await?;
            let session = start_session(&txn, env, client, user.id).await?;
            record(
                &txn,
                env.clock.now(),
                change_event(AuditAction::SignIn, user.id, &user, client).detail(detail),
            )
            .await?;
            txn.commit().await?;
            Ok(session)
        }
        user => {
            let txn = env.db.begin().await?;
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
                event = event.subject(u.id).site(u.home_site_id);
            }
            record(&txn, env.clock.now(), event).await?;
            txn.commit().await?;
            slow_down(env, failures).await;
            Err(AccountsError::InvalidCredentials)
        }
    }
}

/// Ends the current session.
///
/// # Errors
/// Database errors.
pub async fn sign_out(env: Env<'_>, client: &Client, actor: &Actor) -> Result<()> {
    let txn = env.db.begin().await?;
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
    let txn = env.db.begin().await?;
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
    let txn = env.db.begin().await?;
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

/// The identifiers and name a password must not be built from.
fn personal_values(user: &users::Model) -> Vec<String> {
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

fn check_new_password(user: &users::Model, password: &str, confirmation: &str) -> Result<NewPassword> {
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
        Some(row) => db::find_user(env.db, row.user_id).await?.filter(|u| u.is_active),
        None => None,
    };
    let (Some(row), Some(user)) = (found, user) else {
        let txn = env.db.begin().await?;
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

    let txn = env.db.begin().await?;
    if !db::consume_code(&txn, row.id, now).await? {
        return Err(AccountsError::CodeInvalid);
    }
    db::withdraw_codes(&txn, user.id).await?;
    let session = replace_password(&txn, env, client, user.id, &hash).await?;
    record(
        &txn,
        now,
        change_event(AuditAction::Activate, user.id, &user, client).detail(json!({ "purpose": row.purpose })),
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
        let txn = env.db.begin().await?;
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
    let txn = env.db.begin().await?;
    db::clear_throttle(&txn, &key).await?;
    let session = replace_password(&txn, env, client, user.id, &hash).await?;
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::PasswordChange, Outcome::Success)
            .actor(user.id)
            .subject(user.id)
            .ip(client.ip.clone()),
    )
    .await?;
    txn.commit().await?;
    Ok(session)
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
    let sessions = db::sessions_of_user(env.db, user.id)
        .await?
        .into_iter()
        .filter(|s| s.expires_at > now)
        .map(|s| SessionView {
            id: s.id,
            created_at: rfc3339(s.created_at),
            last_seen_at: rfc3339(s.last_seen_at),
            device: super::model::describe_user_agent(s.user_agent.as_deref()),
            ip: s.ip,
            current: s.id == actor.session_id,
        })
        .collect();
    Ok(MyAccount {
        user_id: user.id,
        display_name: user.display_name,
        role: actor.role,
        email: user.email,
        phone: user
            .phone
            .as_deref()
            .and_then(|p| PhoneNumber::parse(p).ok())
            .map(|p| p.display_national()),
        nik: user.nik,
        sites: sites.into_iter().map(|s| s.name).collect(),
        password_changed_at: user.password_changed_at.map(rfc3339),
        sessions,
    })
}

/// Input of the "new account" form, as typed.
#[derive(Debug, Clone, Default)]
pub struct NewAccountInput {
    pub role: String,
    pub display_name: String,
    pub email: String,
    pub phone: String,
    pub nik: String,
    pub site_ids: Vec<i64>,
}

impl NewAccountInput {
    /// An account whose one login is `login`, put in the field it belongs to.
    pub fn with_login(role: Role, display_name: &str, login: &LoginId, site_ids: Vec<i64>) -> Self {
        let mut input = Self {
            role: role.as_str().to_owned(),
            display_name: display_name.to_owned(),
            site_ids,
            ..Self::default()
        };
        match login {
            LoginId::Email(email) => input.email = email.to_string(),
            LoginId::Phone(phone) => input.phone = phone.to_string(),
            LoginId::Nik(nik) => input.nik = nik.clone(),
        }
        input
    }
}

/// A new account validated against the rules of its role.
struct ValidAccount {
    role: Role,
    display_name: String,
    email: Option<EmailAddress>,
    phone: Option<PhoneNumber>,
    nik: Option<Nik>,
    site_ids: Vec<i64>,
}

impl ValidAccount {
    /// A trainee belongs to their one home site; staff are scoped by `user_sites`.
    fn home_site_id(&self) -> Option<i64> {
        if self.role == Role::Trainee {
            self.site_ids.first().copied()
        } else {
            None
        }
    }

    /// The site an audit entry about this account is filed under.
    fn audit_site(&self) -> Option<i64> {
        self.site_ids.first().copied()
    }
}

/// Inserts a validated account (and a staff member's sites) unless another account uses
/// the same e-mail, phone or NIK; a lost race with a concurrent insert reports the same.
async fn insert_account(
    conn: &impl sea_orm::ConnectionTrait,
    now: OffsetDateTime,
    valid: &ValidAccount,
    password: Option<&PasswordHashString>,
    created_by: Option<i64>,
) -> Result<users::Model> {
    let email = valid.email.as_ref().map(EmailAddress::as_str);
    let phone = valid.phone.as_ref().map(PhoneNumber::as_str);
    let nik = valid.nik.as_ref().map(Nik::as_str);
    let taken = db::taken_logins(conn, email, phone, nik).await?;
    if !taken.is_empty() {
        return Err(AccountsError::Invalid(
            taken
                .into_iter()
                .map(|field| FieldError::new(field, Problem::Taken))
                .collect(),
        ));
    }
    let inserted = users::Entity::insert(users::ActiveModel {
        role: Set(valid.role.as_str().to_owned()),
        display_name: Set(valid.display_name.clone()),
        email: Set(email.map(str::to_owned)),
        phone: Set(phone.map(str::to_owned)),
        nik: Set(nik.map(str::to_owned)),
        password_hash: Set(password.map(|p| p.as_str().to_owned())),
        home_site_id: Set(valid.home_site_id()),
        is_active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        password_changed_at: Set(password.map(|_| now)),
        deactivated_at: Set(None),
        created_by: Set(created_by),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await;
    let user = match inserted {
        Ok(user) => user,
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            return Err(AccountsError::Invalid(vec![FieldError::new(
                "login",
                Problem::Taken,
            )]));
        }
        Err(e) => return Err(e.into()),
    };
    if valid.role != Role::Trainee {
        db::replace_user_sites(conn, user.id, &valid.site_ids).await?;
    }
    Ok(user)
}

fn validate_account(
    input: &NewAccountInput,
    known_sites: &[i64],
    today: time::Date,
) -> std::result::Result<ValidAccount, Vec<FieldError>> {
    let mut errors = Vec::new();
    let role = Role::parse(&input.role).map_err(|problem| FieldError::new("role", problem));
    let name = input
        .display_name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let name_len = name.graphemes(true).count();
    if name_len == 0 {
        errors.push(FieldError::new("display_name", Problem::Required));
    } else if name_len > 120 {
        errors.push(FieldError::new("display_name", Problem::TooLong { max: 120 }));
    }
    let email = match input.email.trim() {
        "" => None,
        value => EmailAddress::parse(value)
            .map_err(|problem| errors.push(FieldError::new("email", problem)))
            .ok(),
    };
    let phone = match input.phone.trim() {
        "" => None,
        value => PhoneNumber::parse(value)
            .map_err(|problem| errors.push(FieldError::new("phone", problem)))
            .ok(),
    };
    let nik = match input.nik.trim() {
        "" => None,
        value => Nik::parse(value, today)
            .map_err(|problem| errors.push(FieldError::new("nik", Problem::InvalidNik(problem))))
            .ok(),
    };
    let mut site_ids = input.site_ids.clone();
    site_ids.sort_unstable();
    site_ids.dedup();
    if site_ids.iter().any(|id| !known_sites.contains(id)) {
        errors.push(FieldError::new("sites", Problem::InvalidChoice));
    }
    let role = match role {
        Ok(role) => role,
        Err(e) => {
            errors.push(e);
            return Err(errors);
        }
    };
    let email_error = errors.iter().any(|e| e.field == "email");
    let phone_error = errors.iter().any(|e| e.field == "phone");
    let nik_error = errors.iter().any(|e| e.field == "nik");
    match role {
        Role::Trainee => {
            if phone.is_none() && nik.is_none() && !phone_error && !nik_error {
                errors.push(FieldError::new("phone", Problem::Required));
            }
            if site_ids.len() != 1 {
                errors.push(FieldError::new("sites", Problem::ExactlyOneSite));
            }
        }
        Role::Instructor | Role::Coordinator => {
            if email.is_none() && !email_error {
                errors.push(FieldError::new("email", Problem::Required));
            }
            if site_ids.is_empty() {
                errors.push(FieldError::new("sites", Problem::Required));
            }
        }
        Role::Admin => {
            if email.is_none() && !email_error {
                errors.push(FieldError::new("email", Problem::Required));
            }
        }
    }
    if errors.is_empty() {
        Ok(ValidAccount {
            role,
            display_name: name,
            email,
            phone,
            nik,
            site_ids,
        })
    } else {
        Err(errors)
    }
}

/// The WhatsApp text sent with a code, in Indonesian: the language of the trainees.
fn whatsapp_message(code: &ActivationCode, purpose: CodePurpose) -> String {
    let template = match purpose {
        CodePurpose::Activation => T::WhatsAppActivation,
        CodePurpose::Reset => T::WhatsAppReset,
    };
    fill(template.get(Locale::Id), &[("code", &code.grouped())])
}

async fn issue_code_in(
    txn: &impl sea_orm::ConnectionTrait,
    now: OffsetDateTime,
    user: &users::Model,
    purpose: CodePurpose,
    issued_by: i64,
) -> Result<IssuedCode> {
    db::withdraw_codes(txn, user.id).await?;
    let code = new_code();
    let expires_at = now + CODE_LIFETIME;
    activation_codes::Entity::insert(activation_codes::ActiveModel {
        user_id: Set(user.id),
        code_hash: Set(sha256_hex(code.compact())),
        purpose: Set(purpose.as_str().to_owned()),
        issued_by: Set(Some(issued_by)),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
        ..Default::default()
    })
    .exec_without_returning(txn)
    .await?;
    let whatsapp_link = user
        .phone
        .as_deref()
        .and_then(|p| PhoneNumber::parse(p).ok())
        .map(|p| p.whatsapp_link(Some(&whatsapp_message(&code, purpose))));
    Ok(IssuedCode {
        user_id: user.id,
        display_name: user.display_name.clone(),
        purpose,
        code: code.grouped(),
        expires_at: rfc3339(expires_at),
        whatsapp_link,
    })
}

/// Creates an account with a one-time activation code, after checking that the actor may
/// create this role at these sites and that no other account uses the same login.
///
/// # Errors
/// `Forbidden`, `Invalid` (field errors, including `Taken`), internal failures.
pub async fn create_account(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &NewAccountInput,
) -> Result<IssuedCode> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    let known_sites: Vec<i64> = db::all_sites(env.db).await?.into_iter().map(|s| s.id).collect();
    let now = env.clock.now();
    let valid = validate_account(input, &known_sites, wib::today(now)).map_err(AccountsError::Invalid)?;
    if !authz::can_create_account(actor, valid.role, &valid.site_ids) {
        return Err(if valid.role == Role::Trainee {
            AccountsError::Invalid(vec![FieldError::new("sites", Problem::InvalidChoice)])
        } else {
            AccountsError::Forbidden
        });
    }
    let txn = env.db.begin().await?;
    let user = insert_account(&txn, now, &valid, None, Some(actor.user_id)).await?;
    let issued = issue_code_in(&txn, now, &user, CodePurpose::Activation, actor.user_id).await?;
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::UserCreate, Outcome::Success)
            .actor(actor.user_id)
            .subject(user.id)
            .site(valid.audit_site())
            .ip(client.ip.clone())
            .detail(json!({ "role": valid.role.as_str(), "sites": valid.site_ids })),
    )
    .await?;
    txn.commit().await?;
    Ok(issued)
}

async fn load_target(env: Env<'_>, actor: &Actor, user_id: i64) -> Result<users::Model> {
    let user = db::find_user(env.db, user_id)
        .await?
        .ok_or(AccountsError::NotFound)?;
    // Accounts outside the actor's reach look the same as missing ones.
    if !authz::can_view_account(actor, &db::scope_of(&user)) {
        return Err(AccountsError::NotFound);
    }
    Ok(user)
}

/// Issues a new activation code (account never activated) or reset code (forgotten
/// password). A reset ends the account's sessions at once.
///
/// # Errors
/// `NotFound` outside the actor's scope, `Forbidden` when they may see but not manage.
pub async fn issue_code(env: Env<'_>, client: &Client, actor: &Actor, user_id: i64) -> Result<IssuedCode> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    let user = load_target(env, actor, user_id).await?;
    let scope = db::scope_of(&user);
    if !authz::can_manage_account(actor, &scope) || !user.is_active {
        return Err(AccountsError::Forbidden);
    }
    let purpose = if user.password_hash.is_some() {
        CodePurpose::Reset
    } else {
        CodePurpose::Activation
    };
    let now = env.clock.now();
    let txn = env.db.begin().await?;
    let issued = issue_code_in(&txn, now, &user, purpose, actor.user_id).await?;
    if purpose == CodePurpose::Reset {
        db::delete_sessions_of_user(&txn, user.id, None).await?;
    }
    record(
        &txn,
        now,
        change_event(AuditAction::CodeIssue, actor.user_id, &user, client)
            .detail(json!({ "purpose": purpose.as_str() })),
    )
    .await?;
    txn.commit().await?;
    Ok(issued)
}

/// Deactivates (`active = false`) or reactivates an account. Deactivation ends its
/// sessions and withdraws its codes.
///
/// # Errors
/// `NotFound` outside the actor's scope, `Forbidden` when they may not manage it.
pub async fn set_active(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    user_id: i64,
    active: bool,
) -> Result<String> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    let user = load_target(env, actor, user_id).await?;
    if !authz::can_manage_account(actor, &db::scope_of(&user)) {
        return Err(AccountsError::Forbidden);
    }
    let now = env.clock.now();
    let txn = env.db.begin().await?;
    users::Entity::update_many()
        .col_expr(users::Column::IsActive, Expr::value(active))
        .col_expr(
            users::Column::DeactivatedAt,
            Expr::value(if active { None } else { Some(now) }),
        )
        .col_expr(users::Column::UpdatedAt, Expr::value(now))
        .filter(users::Column::Id.eq(user.id))
        .exec(&txn)
        .await?;
    if !active {
        db::delete_sessions_of_user(&txn, user.id, None).await?;
        db::withdraw_codes(&txn, user.id).await?;
    }
    let action = if active {
        AuditAction::UserReactivate
    } else {
        AuditAction::UserDeactivate
    };
    record(&txn, now, change_event(action, actor.user_id, &user, client)).await?;
    txn.commit().await?;
    Ok(user.display_name)
}

/// Changes an account's role (admins only). The account's sessions end so the new
/// permissions apply from the next sign-in. Staff roles need an e-mail to sign in with;
/// a trainee needs a phone or NIK and a home site.
///
/// # Errors
/// `Forbidden`, `NotFound`, `Invalid` when the account lacks what the role needs.
pub async fn change_role(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    user_id: i64,
    role_input: &str,
) -> Result<(String, Role)> {
    let user = load_target(env, actor, user_id).await?;
    if !authz::can_change_role(actor, &db::scope_of(&user)) {
        return Err(AccountsError::Forbidden);
    }
    let role = Role::parse(role_input)
        .map_err(|problem| AccountsError::Invalid(vec![FieldError::new("role", problem)]))?;
    let old_role = Role::parse(&user.role).unwrap_or(Role::Trainee);
    if role == old_role {
        return Ok((user.display_name, role));
    }
    if role.is_staff() && user.email.is_none() {
        return Err(AccountsError::Invalid(vec![FieldError::new(
            "role",
            Problem::RoleNeedsEmail,
        )]));
    }
    let site_ids = db::site_ids_of(env.db, user.id).await?;
    let home_site = user.home_site_id.or_else(|| site_ids.first().copied());
    if role == Role::Trainee && ((user.phone.is_none() && user.nik.is_none()) || home_site.is_none()) {
        return Err(AccountsError::Invalid(vec![FieldError::new(
            "role",
            Problem::RoleNeedsPhone,
        )]));
    }
    let now = env.clock.now();
    let txn = env.db.begin().await?;
    users::Entity::update_many()
        .col_expr(users::Column::Role, Expr::value(role.as_str()))
        .col_expr(
            users::Column::HomeSiteId,
            Expr::value(if role == Role::Trainee { home_site } else { None }),
        )
        .col_expr(users::Column::UpdatedAt, Expr::value(now))
        .filter(users::Column::Id.eq(user.id))
        .exec(&txn)
        .await?;
    match (old_role, role) {
        (Role::Trainee, _) => {
            db::replace_user_sites(&txn, user.id, &home_site.into_iter().collect::<Vec<_>>()).await?
        }
        (_, Role::Trainee) => db::replace_user_sites(&txn, user.id, &[]).await?,
        _ => {}
    }
    db::delete_sessions_of_user(&txn, user.id, None).await?;
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::UserRoleChange, Outcome::Success)
            .actor(actor.user_id)
            .subject(user.id)
            .site(home_site)
            .ip(client.ip.clone())
            .detail(json!({ "from": old_role.as_str(), "to": role.as_str() })),
    )
    .await?;
    txn.commit().await?;
    Ok((user.display_name, role))
}

fn site_options(sites: Vec<crate::entities::sites::Model>) -> Vec<SiteOption> {
    sites
        .into_iter()
        .map(|s| SiteOption {
            id: s.id,
            code: s.code,
            name: s.name,
        })
        .collect()
}

/// The sites an actor works with: all for admins, their own for coordinators.
async fn sites_for(env: Env<'_>, actor: &Actor) -> Result<Vec<SiteOption>> {
    let sites = match actor.role {
        Role::Admin => db::all_sites(env.db).await?,
        _ => db::sites_by_ids(env.db, &actor.site_ids).await?,
    };
    Ok(site_options(sites))
}

/// Choices for the "new account" form.
///
/// # Errors
/// `Forbidden` for roles that do not administer users.
pub async fn form_options(env: Env<'_>, actor: &Actor) -> Result<UserFormOptions> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    Ok(UserFormOptions {
        roles: authz::assignable_roles(actor),
        sites: sites_for(env, actor).await?,
    })
}

pub const USERS_PER_PAGE: u64 = 25;

fn login_label(user: &users::Model) -> String {
    user.email
        .clone()
        .or_else(|| {
            user.phone
                .as_deref()
                .and_then(|p| PhoneNumber::parse(p).ok())
                .map(|p| p.display_national())
        })
        .or_else(|| user.nik.clone())
        .unwrap_or_default()
}

/// One page of the user list within the actor's scope (coordinators: trainees of their
/// sites). Four queries whatever the page size.
///
/// # Errors
/// `Forbidden` for roles that do not administer users.
pub async fn list_users(env: Env<'_>, actor: &Actor, filter: &UserFilter) -> Result<UserList> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    let page = filter.page.unwrap_or(1).max(1);
    let status = filter.status.as_deref().and_then(AccountStatus::parse);
    let query = db::UserQuery {
        search: filter.q.as_deref(),
        role: filter.role.as_deref().and_then(|r| Role::parse(r).ok()),
        site_id: filter.site,
        active: match status {
            Some(AccountStatus::Active) => Some(true),
            Some(AccountStatus::Deactivated) => Some(false),
            _ => None,
        },
        pending: status == Some(AccountStatus::Pending),
        trainees_of_sites: (actor.role == Role::Coordinator).then_some(actor.site_ids.as_slice()),
        offset: (page - 1) * USERS_PER_PAGE,
        limit: USERS_PER_PAGE,
    };
    let (rows, total) = db::list_users(env.db, &query).await?;
    let site_names = db::site_names_for(env.db, &rows).await?;
    let items = rows
        .iter()
        .map(|user| UserSummary {
            id: user.id,
            display_name: user.display_name.clone(),
            role: Role::parse(&user.role).unwrap_or(Role::Trainee),
            login: login_label(user),
            site: site_names.get(&user.id).cloned(),
            status: AccountStatus::of(user.is_active, user.password_hash.is_some()),
        })
        .collect();
    Ok(UserList {
        items,
        page,
        pages: total.div_ceil(USERS_PER_PAGE).max(1),
        total,
        sites: sites_for(env, actor).await?,
    })
}

/// One account's details with what the actor may do to it.
///
/// # Errors
/// `NotFound` when it does not exist or is outside the actor's scope.
pub async fn user_detail(env: Env<'_>, actor: &Actor, user_id: i64) -> Result<UserDetail> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    let user = load_target(env, actor, user_id).await?;
    let scope = db::scope_of(&user);
    let now = env.clock.now();
    let mut site_ids = db::site_ids_of(env.db, user.id).await?;
    site_ids.extend(user.home_site_id);
    let sites = site_options(db::sites_by_ids(env.db, &site_ids).await?);
    let created_by = match user.created_by {
        Some(id) => db::find_user(env.db, id).await?.map(|u| u.display_name),
        None => None,
    };
    let today = wib::today(now);
    let nik = user.nik.as_deref().and_then(|n| Nik::parse(n, today).ok());
    Ok(UserDetail {
        id: user.id,
        display_name: user.display_name.clone(),
        role: scope.role,
        email: user.email.clone(),
        phone: user
            .phone
            .as_deref()
            .and_then(|p| PhoneNumber::parse(p).ok())
            .map(|p| p.display_national()),
        nik: user.nik.clone(),
        nik_region: nik.as_ref().map(|n| {
            n.regency_name()
                .map(str::to_owned)
                .or_else(|| n.province_name().map(str::to_owned))
                .unwrap_or_default()
        }),
        nik_outside_banten: nik.as_ref().is_some_and(|n| !n.is_from_banten()),
        sites,
        status: AccountStatus::of(user.is_active, user.password_hash.is_some()),
        created_at: rfc3339(user.created_at),
        created_by,
        password_changed_at: user.password_changed_at.map(rfc3339),
        active_sessions: db::count_live_sessions(env.db, user.id, now).await?,
        pending_code_expires_at: db::newest_pending_code(env.db, user.id, now)
            .await?
            .map(|c| rfc3339(c.expires_at)),
        can_manage: authz::can_manage_account(actor, &scope),
        can_change_role: authz::can_change_role(actor, &scope),
    })
}

/// Creates an account with a password already set, for the operator's command line and
/// the demo seed (no actor: whoever runs the binary on the server is trusted).
///
/// # Errors
/// `Invalid` (including `Taken`), internal failures.
pub async fn provision_account(
    conn: &impl sea_orm::ConnectionTrait,
    now: OffsetDateTime,
    input: &NewAccountInput,
    password: Option<&PasswordHashString>,
    action: AuditAction,
) -> Result<i64> {
    let known_sites: Vec<i64> = db::all_sites(conn).await?.into_iter().map(|s| s.id).collect();
    let valid = validate_account(input, &known_sites, wib::today(now)).map_err(AccountsError::Invalid)?;
    let user = insert_account(conn, now, &valid, password, None).await?;
    record(
        conn,
        now,
        AuditEvent::new(action, Outcome::Success)
            .subject(user.id)
            .site(valid.audit_site())
            .detail(json!({ "role": valid.role.as_str() })),
    )
    .await?;
    Ok(user.id)
}

/// Checks a password typed at the command line against the policy for the account about
/// to be created.
///
/// # Errors
/// The policy's field errors.
pub fn check_password_for(
    input: &NewAccountInput,
    password: &str,
    confirmation: &str,
) -> std::result::Result<NewPassword, Vec<FieldError>> {
    let personal = [
        input.display_name.as_str(),
        input.email.as_str(),
        input.phone.as_str(),
        input.nik.as_str(),
    ];
    NewPassword::parse(password, confirmation, &personal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: time::Date = date!(2026 - 11 - 28);

    fn input(role: &str) -> NewAccountInput {
        NewAccountInput {
            role: role.into(),
            display_name: "  Dewi   Lestari ".into(),
            site_ids: vec![1],
            ..Default::default()
        }
    }

    #[test]
    fn trainees_need_a_phone_or_nik_and_exactly_one_site() {
        let errors = validate_account(&input("trainee"), &[1, 2], TODAY).err().unwrap();
        assert_eq!(errors, vec![FieldError::new("phone", Problem::Required)]);

        let mut two_sites = input("trainee");
        two_sites.phone = "0812 3456 7890".into();
        two_sites.site_ids = vec![1, 2];
        let errors = validate_account(&two_sites, &[1, 2], TODAY).err().unwrap();
        assert_eq!(errors, vec![FieldError::new("sites", Problem::ExactlyOneSite)]);

        let mut ok = input("trainee");
        ok.nik = "3673054708990002".into();
        let valid = validate_account(&ok, &[1], TODAY).unwrap();
        assert_eq!(valid.display_name, "Dewi Lestari");
        assert_eq!(valid.nik.unwrap().as_str(), "3673054708990002");
    }

    #[test]
    fn staff_need_an_email_and_every_field_error_is_reported_at_once() {
        let mut staff = input("coordinator");
        staff.display_name = String::new();
        staff.phone = "12".into();
        staff.site_ids = vec![9];
        let errors = validate_account(&staff, &[1], TODAY).err().unwrap();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["display_name", "phone", "sites", "email"]);
    }

    #[test]
    fn unknown_roles_are_refused() {
        let errors = validate_account(&input("superuser"), &[1], TODAY).err().unwrap();
        assert!(errors.contains(&FieldError::new("role", Problem::InvalidChoice)));
    }

    #[test]
    fn invalid_nik_reports_the_structural_problem() {
        let mut trainee = input("trainee");
        trainee.nik = "3673053208990002".into();
        let errors = validate_account(&trainee, &[1], TODAY).err().unwrap();
        assert_eq!(
            errors,
            vec![FieldError::new(
                "nik",
                Problem::InvalidNik(crate::identity::NikProblem::InvalidBirthDate)
            )]
        );
    }
}
