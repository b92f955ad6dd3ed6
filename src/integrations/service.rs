//! Integration-key use cases: list, make (the key shown once), revoke. Each write runs in
//! one transaction with its audit entry. The command line calls the same functions with
//! no actor (`by: None`); the page with the signed-in admin.

use serde_json::json;

use super::authz;
use super::db::{self, KeyRow, StoredKey};
use super::dto::{IssuedKey, KeyList, KeySite, KeyView, NewKeyInput};
use super::model::{expiry, spell_key, KeyName, KeyState, Scope, Scopes, LIVE_PER_INTEGRATION, PREFIX_BYTES};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::sites;
use crate::kernel::{Actor, AppError, FieldError, KeyId, Problem};
use crate::platform::context::Client;
use crate::platform::secrets::{random_hex, random_token, sha256_hex};
use crate::platform::state::Env;

/// Who makes or revokes a key: an admin on the page, or the operator at the command line.
#[derive(Debug, Clone, Copy)]
pub enum Operator<'a> {
    Admin(&'a Actor, &'a Client),
    CommandLine,
}

impl Operator<'_> {
    fn allowed(self) -> bool {
        match self {
            Operator::Admin(actor, _) => authz::can_manage_keys(actor),
            Operator::CommandLine => true,
        }
    }

    fn stamp(self, event: AuditEvent) -> AuditEvent {
        match self {
            Operator::Admin(actor, client) => event.actor(actor.user_id).ip(client.ip.clone()),
            Operator::CommandLine => event.detail_field("via", json!("command line")),
        }
    }
}

/// A new key, parsed: nothing here can be refused any more except by the database.
struct NewKey {
    name: KeyName,
    scopes: Scopes,
    site_ids: Vec<i64>,
    expires_days: Option<i64>,
}

/// Every field of the form at once, against the sites that exist.
fn parse(input: &NewKeyInput, sites: &[sites::Model]) -> Result<NewKey, AppError> {
    let mut errors = Vec::new();
    let name = KeyName::parse(&input.name)
        .map_err(|p| errors.push(FieldError::new("name", p)))
        .ok();
    let scopes = Scopes::parse(&input.scopes)
        .map_err(|p| errors.push(FieldError::new("scopes", p)))
        .ok();
    let mut site_ids = Vec::new();
    for text in input.sites.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match text
            .parse::<i64>()
            .ok()
            .filter(|id| sites.iter().any(|site| site.id == *id))
        {
            Some(id) if !site_ids.contains(&id) => site_ids.push(id),
            Some(_) => {}
            None => {
                errors.push(FieldError::new("sites", Problem::InvalidChoice));
                break;
            }
        }
    }
    site_ids.sort_unstable();
    let days = input.expires_days.trim();
    let expires_days = if days.is_empty() {
        None
    } else {
        match days.parse::<i64>() {
            Ok(days) => Some(days),
            Err(_) => {
                errors.push(FieldError::new("expires_days", Problem::InvalidNumber));
                None
            }
        }
    };
    match (name, scopes) {
        (Some(name), Some(scopes)) if errors.is_empty() => Ok(NewKey {
            name,
            scopes,
            site_ids,
            expires_days,
        }),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Every key, and the sites a new one can be limited to.
///
/// # Errors
/// `Forbidden` for anyone but admins; `Internal` on database failures.
pub async fn list_keys(env: Env<'_>, by: Operator<'_>) -> Result<KeyList, AppError> {
    if !by.allowed() {
        return Err(AppError::Forbidden);
    }
    let keys = db::all(env.db).await?;
    let sites = crate::accounts::db::all_sites(env.db).await?;
    let creators: Vec<i64> = keys.iter().filter_map(|key| key.row.created_by).collect();
    let names = crate::accounts::db::names_of(env.db, &creators).await?;
    let now = env.clock.now();
    let keys = keys
        .into_iter()
        .map(|StoredKey { row, site_ids }| KeyView {
            id: KeyId(row.id),
            scopes: Scopes::from_stored(&row.scopes).iter().collect(),
            sites: site_ids
                .iter()
                .filter_map(|id| sites.iter().find(|site| site.id == *id))
                .map(|site| site.name.clone())
                .collect(),
            state: KeyState::of(now, row.expires_at, row.revoked_at),
            created_by: row.created_by.and_then(|id| names.get(&id).cloned()),
            name: row.name,
            prefix: row.prefix,
            created_at: row.created_at,
            expires_at: row.expires_at,
            revoked_at: row.revoked_at,
            last_used_at: row.last_used_at,
            request_count: row.request_count,
        })
        .collect();
    Ok(KeyList {
        keys,
        sites: sites
            .into_iter()
            .map(|site| KeySite {
                id: site.id,
                code: site.code,
                name: site.name,
            })
            .collect(),
    })
}

/// Makes a key: its name, scopes, sites and expiry checked at once, a free slot of its
/// integration taken (two live keys at most), the hash and prefix stored, the creation
/// audited, and the whole key handed back to be shown once.
///
/// # Errors
/// `Forbidden` for anyone but admins; `Invalid` naming each refused field (`KeysLive` on
/// `name` when two keys of the integration are live); `Internal` on database failures.
pub async fn create_key(env: Env<'_>, by: Operator<'_>, input: &NewKeyInput) -> Result<IssuedKey, AppError> {
    if !by.allowed() {
        return Err(AppError::Forbidden);
    }
    let sites = crate::accounts::db::all_sites(env.db).await?;
    let key = parse(input, &sites)?;
    let now = env.clock.now();
    let expires_at = expiry(now, key.expires_days).map_err(|p| AppError::invalid("expires_days", p))?;
    let (prefix, whole) = spell_key(&random_hex(PREFIX_BYTES), &random_token(32));
    let txn = env.begin().await?;
    let taken = db::live_slots(&txn, key.name.as_str(), now).await?;
    let Some(slot) = (1..=LIVE_PER_INTEGRATION).find(|slot| !taken.contains(slot)) else {
        return Err(AppError::invalid("name", Problem::KeysLive));
    };
    let created_by = match by {
        Operator::Admin(actor, _) => Some(actor.user_id),
        Operator::CommandLine => None,
    };
    let inserted = db::insert(
        &txn,
        &KeyRow {
            name: key.name.as_str(),
            prefix: &prefix,
            secret_hash: &sha256_hex(&whole),
            scopes: key.scopes.to_stored(),
            live_slot: slot,
            created_by,
            created_at: now,
            expires_at,
            site_ids: &key.site_ids,
        },
    )
    .await;
    let id = match inserted {
        Ok(id) => id,
        // A concurrent key of the same integration took the slot first.
        Err(error) if crate::cohorts::db::is_unique_violation(&error) => {
            return Err(AppError::invalid("name", Problem::KeysLive));
        }
        Err(error) => return Err(error.into()),
    };
    record(
        &txn,
        now,
        by.stamp(
            AuditEvent::new(AuditAction::IntegrationKeyCreate, Outcome::Success).detail(json!({
                "key": key.name.as_str(),
                "prefix": prefix,
                "scopes": key.scopes.to_stored(),
                "sites": key.site_ids,
                "expires_at": expires_at.map(crate::kernel::wib::rfc3339),
            })),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(IssuedKey {
        id,
        name: key.name.as_str().to_owned(),
        prefix,
        key: whole,
        expires_at,
    })
}

/// A revoked key: its name and prefix, for the confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revoked {
    pub name: String,
    pub prefix: String,
}

/// Revokes a key at once: the next request with it is refused. Revoking a key already
/// revoked changes nothing and is not an error.
///
/// # Errors
/// `Forbidden` for anyone but admins; `NotFound` for no such key; `Internal` on
/// database failures.
pub async fn revoke_key(env: Env<'_>, by: Operator<'_>, id: KeyId) -> Result<Revoked, AppError> {
    if !by.allowed() {
        return Err(AppError::Forbidden);
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    let key = db::by_id(&txn, id).await?.ok_or(AppError::NotFound)?;
    if db::revoke(&txn, id, now).await? {
        record(
            &txn,
            now,
            by.stamp(
                AuditEvent::new(AuditAction::IntegrationKeyRevoke, Outcome::Success)
                    .detail(json!({ "key": key.name, "prefix": key.prefix })),
            ),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(Revoked {
        name: key.name,
        prefix: key.prefix,
    })
}

/// The id of the key with this prefix (`sjk_…`, as the page and `api-key list` show it).
///
/// # Errors
/// `NotFound` for no such key; `Internal` on database failures.
pub async fn key_by_prefix(env: Env<'_>, prefix: &str) -> Result<KeyId, AppError> {
    db::by_prefix(env.db, prefix.trim())
        .await?
        .map(|key| KeyId(key.row.id))
        .ok_or(AppError::NotFound)
}

/// A partner system making a request: its key, what the key may do, and the actor the
/// areas' scope model sees (an admin for a key of every site, a coordinator of the key's
/// sites otherwise), so a key reaches exactly the rows a person with that reach would.
#[derive(Debug, Clone)]
pub struct Caller {
    pub key: KeyId,
    pub name: String,
    pub prefix: String,
    pub scopes: Scopes,
    pub site_ids: Vec<i64>,
    pub actor: Actor,
}

/// Why a request with a key is not served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The key's requests of this minute are used up.
    RateLimited { retry_after_secs: u64 },
    /// `Unauthenticated` (not a live key) or `Internal`.
    Failed(AppError),
}

impl From<AppError> for Refusal {
    fn from(error: AppError) -> Self {
        Self::Failed(error)
    }
}

impl From<sea_orm::DbErr> for Refusal {
    fn from(error: sea_orm::DbErr) -> Self {
        Self::Failed(error.into())
    }
}

/// The caller a presented key stands for, with the request counted on the key: in its
/// total, and in its window of one minute, which may hold `API_REQUESTS_PER_MINUTE`
/// requests. The window lives in the database, so the limit holds across instances.
///
/// # Errors
/// `Unauthenticated` for anything but a live key (malformed, unknown, wrong secret,
/// expired, revoked), one answer for all; `RateLimited` past the limit; `Internal` on
/// database failures.
pub async fn authenticate(env: Env<'_>, presented: &str) -> Result<Caller, Refusal> {
    let Some(presented) = super::model::PresentedKey::parse(presented) else {
        return Err(AppError::Unauthenticated.into());
    };
    let Some(StoredKey { row, site_ids }) = db::by_prefix(env.db, presented.prefix).await? else {
        return Err(AppError::Unauthenticated.into());
    };
    let now = env.clock.now();
    let matches = same_bytes(sha256_hex(presented.whole).as_bytes(), row.secret_hash.as_bytes());
    if !matches || KeyState::of(now, row.expires_at, row.revoked_at) != KeyState::Live {
        return Err(AppError::Unauthenticated.into());
    }
    let window = db::count_use(env.db, KeyId(row.id), now).await?;
    if window.count > env.config.api_requests_per_minute {
        let ends = window.started_at + time::Duration::minutes(1);
        let retry_after_secs = u64::try_from((ends - now).whole_seconds()).unwrap_or(0).max(1);
        return Err(Refusal::RateLimited { retry_after_secs });
    }
    let role = if site_ids.is_empty() {
        crate::kernel::Role::Admin
    } else {
        crate::kernel::Role::Coordinator
    };
    let mut actor = Actor::new(0, role, &site_ids);
    actor.display_name.clone_from(&row.name);
    actor.integration = Some(crate::kernel::actor::Integration {
        key: KeyId(row.id),
        name: row.name.clone(),
        personal_data: Scopes::from_stored(&row.scopes).has(Scope::PiiRead),
    });
    Ok(Caller {
        key: KeyId(row.id),
        scopes: Scopes::from_stored(&row.scopes),
        name: row.name,
        prefix: row.prefix,
        site_ids,
        actor,
    })
}

/// Compares two hashes in time that does not depend on where they differ.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Where a write with an `Idempotency-Key` stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// First time: the write is the caller's to do, then [`settle`] or [`release`] this.
    Fresh(i64),
    /// Answered before, to the same request: the answer to give again.
    Answered { status: u16, body: String },
    /// The first request with this key is still being answered.
    InProgress,
    /// The key was used for another request.
    OtherRequest,
}

/// How long an unanswered claim holds (a first attempt that died is taken over after it),
/// and how long answers are kept.
const CLAIM_HOLDS: time::Duration = time::Duration::minutes(1);
pub const ANSWERS_KEPT: time::Duration = time::Duration::hours(24);

/// Claims `idempotency_key` of `key` for the request whose hash is `request_hash`.
///
/// # Errors
/// `Internal` on database failures.
pub async fn claim(
    env: Env<'_>,
    key: KeyId,
    idempotency_key: &str,
    request_hash: &str,
) -> Result<Claim, AppError> {
    let now = env.clock.now();
    let txn = env.begin().await?;
    let claim = match db::idempotent_answer(&txn, key, idempotency_key).await? {
        None => match db::claim(&txn, key, idempotency_key, request_hash, now).await {
            Ok(id) => Claim::Fresh(id),
            // Another instance claimed it between our read and our write (PostgreSQL; on
            // SQLite writes take turns): that request is being answered.
            Err(error) if crate::cohorts::db::is_unique_violation(&error) => return Ok(Claim::InProgress),
            Err(error) => return Err(error.into()),
        },
        Some(row) if row.request_hash != request_hash => Claim::OtherRequest,
        Some(row) => match (row.status, row.body) {
            (Some(status), Some(body)) => Claim::Answered {
                status: u16::try_from(status).unwrap_or(200),
                body,
            },
            _ if row.created_at + CLAIM_HOLDS < now => {
                if db::reclaim(&txn, row.id, row.created_at, now).await? {
                    Claim::Fresh(row.id)
                } else {
                    Claim::InProgress
                }
            }
            _ => Claim::InProgress,
        },
    };
    txn.commit().await?;
    Ok(claim)
}

/// Keeps the answer of a claimed write.
///
/// # Errors
/// `Internal` on database failures.
pub async fn settle(env: Env<'_>, claim: i64, status: u16, body: &str) -> Result<(), AppError> {
    Ok(db::settle(env.db, claim, status, body).await?)
}

/// Gives a claim up (the write failed on our side): a retry may do it.
///
/// # Errors
/// `Internal` on database failures.
pub async fn release(env: Env<'_>, claim: i64) -> Result<(), AppError> {
    Ok(db::release(env.db, claim).await?)
}

/// Forgets answers older than [`ANSWERS_KEPT`] (housekeeping); how many.
///
/// # Errors
/// Database failures.
pub async fn forget_old_answers(env: Env<'_>) -> Result<u64, sea_orm::DbErr> {
    db::forget_answers(env.db, env.clock.now() - ANSWERS_KEPT).await
}
