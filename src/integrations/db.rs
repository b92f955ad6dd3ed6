//! The integration keys and the sites they are limited to: the only code that touches
//! `integration_keys` and `integration_key_sites`.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::HashMap;
use time::OffsetDateTime;

use crate::entities::{api_idempotency, integration_key_sites, integration_keys};
use crate::kernel::{AccountId, KeyId};

/// A key as stored, with the sites it is limited to (empty: every site).
#[derive(Debug, Clone)]
pub struct StoredKey {
    pub row: integration_keys::Model,
    pub site_ids: Vec<i64>,
}

/// What is written of a new key.
#[derive(Debug, Clone)]
pub struct KeyRow<'a> {
    pub name: &'a str,
    pub prefix: &'a str,
    pub secret_hash: &'a str,
    pub scopes: String,
    pub live_slot: i16,
    pub created_by: Option<AccountId>,
    pub created_at: OffsetDateTime,
    pub expires_at: Option<OffsetDateTime>,
    pub site_ids: &'a [i64],
}

/// Writes a new key and its sites.
///
/// # Errors
/// Database errors, among them the unique index on (name, slot) when a concurrent write
/// took the slot first.
pub async fn insert(conn: &impl ConnectionTrait, key: &KeyRow<'_>) -> Result<KeyId, DbErr> {
    let inserted = integration_keys::Entity::insert(integration_keys::ActiveModel {
        name: Set(key.name.to_owned()),
        prefix: Set(key.prefix.to_owned()),
        secret_hash: Set(key.secret_hash.to_owned()),
        scopes: Set(key.scopes.clone()),
        live_slot: Set(Some(key.live_slot)),
        created_by: Set(key.created_by.map(AccountId::get)),
        created_at: Set(key.created_at),
        expires_at: Set(key.expires_at),
        revoked_at: Set(None),
        last_used_at: Set(None),
        request_count: Set(0),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    let key_id = inserted.last_insert_id;
    if !key.site_ids.is_empty() {
        integration_key_sites::Entity::insert_many(key.site_ids.iter().map(|site_id| {
            integration_key_sites::ActiveModel {
                key_id: Set(key_id),
                site_id: Set(*site_id),
            }
        }))
        .exec_without_returning(conn)
        .await?;
    }
    Ok(KeyId(key_id))
}

/// Frees the slots of `name`'s keys that expired by `now` (an expired key is no longer
/// live, so it no longer counts against the two); returns the slots still taken.
///
/// # Errors
/// Database errors.
pub async fn live_slots(
    conn: &impl ConnectionTrait,
    name: &str,
    now: OffsetDateTime,
) -> Result<Vec<i16>, DbErr> {
    integration_keys::Entity::update_many()
        .col_expr(
            integration_keys::Column::LiveSlot,
            Expr::value(Option::<i16>::None),
        )
        .filter(integration_keys::Column::Name.eq(name))
        .filter(integration_keys::Column::LiveSlot.is_not_null())
        .filter(integration_keys::Column::ExpiresAt.lte(now))
        .exec(conn)
        .await?;
    let slots: Vec<Option<i16>> = integration_keys::Entity::find()
        .select_only()
        .column(integration_keys::Column::LiveSlot)
        .filter(integration_keys::Column::Name.eq(name))
        .filter(integration_keys::Column::LiveSlot.is_not_null())
        .into_tuple()
        .all(conn)
        .await?;
    Ok(slots.into_iter().flatten().collect())
}

/// Every key with its sites, live ones first, newest first.
///
/// # Errors
/// Database errors.
pub async fn all(conn: &impl ConnectionTrait) -> Result<Vec<StoredKey>, DbErr> {
    let rows = integration_keys::Entity::find()
        .order_by_asc(integration_keys::Column::RevokedAt.is_not_null())
        .order_by_desc(integration_keys::Column::CreatedAt)
        .order_by_desc(integration_keys::Column::Id)
        .all(conn)
        .await?;
    let mut sites = sites_of(conn, &rows.iter().map(|row| row.id).collect::<Vec<_>>()).await?;
    Ok(rows
        .into_iter()
        .map(|row| StoredKey {
            site_ids: sites.remove(&row.id).unwrap_or_default(),
            row,
        })
        .collect())
}

async fn sites_of(conn: &impl ConnectionTrait, key_ids: &[i64]) -> Result<HashMap<i64, Vec<i64>>, DbErr> {
    let mut sites: HashMap<i64, Vec<i64>> = HashMap::new();
    if key_ids.is_empty() {
        return Ok(sites);
    }
    let pairs: Vec<(i64, i64)> = integration_key_sites::Entity::find()
        .select_only()
        .column(integration_key_sites::Column::KeyId)
        .column(integration_key_sites::Column::SiteId)
        .filter(integration_key_sites::Column::KeyId.is_in(key_ids.to_vec()))
        .order_by_asc(integration_key_sites::Column::SiteId)
        .into_tuple()
        .all(conn)
        .await?;
    for (key_id, site_id) in pairs {
        sites.entry(key_id).or_default().push(site_id);
    }
    Ok(sites)
}

/// The key with this prefix, with its sites.
///
/// # Errors
/// Database errors.
pub async fn by_prefix(conn: &impl ConnectionTrait, prefix: &str) -> Result<Option<StoredKey>, DbErr> {
    let Some(row) = integration_keys::Entity::find()
        .filter(integration_keys::Column::Prefix.eq(prefix))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let site_ids = sites_of(conn, &[row.id])
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    Ok(Some(StoredKey { row, site_ids }))
}

/// The key with this id.
///
/// # Errors
/// Database errors.
pub async fn by_id(conn: &impl ConnectionTrait, id: KeyId) -> Result<Option<integration_keys::Model>, DbErr> {
    integration_keys::Entity::find_by_id(id.get()).one(conn).await
}

/// Revokes a key not yet revoked, giving up its slot; `false` when it already was.
///
/// # Errors
/// Database errors.
pub async fn revoke(conn: &impl ConnectionTrait, id: KeyId, now: OffsetDateTime) -> Result<bool, DbErr> {
    let result = integration_keys::Entity::update_many()
        .col_expr(integration_keys::Column::RevokedAt, Expr::value(now))
        .col_expr(
            integration_keys::Column::LiveSlot,
            Expr::value(Option::<i16>::None),
        )
        .filter(integration_keys::Column::Id.eq(id.get()))
        .filter(integration_keys::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// A key's current rate window: when it started and the requests in it so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub started_at: OffsetDateTime,
    pub count: u32,
}

/// Counts one request made with the key: its total, its last use, and its window of one
/// minute (a new one when the last began a minute ago or more). One statement, so
/// concurrent requests, on any instance, each count once.
///
/// # Errors
/// Database errors.
pub async fn count_use(conn: &impl ConnectionTrait, id: KeyId, now: OffsetDateTime) -> Result<Window, DbErr> {
    use sea_orm::sea_query::{CaseStatement, Query};
    let cut = now - time::Duration::minutes(1);
    let stale = Condition::any()
        .add(integration_keys::Column::WindowStartedAt.is_null())
        .add(integration_keys::Column::WindowStartedAt.lte(cut));
    let update = Query::update()
        .table(integration_keys::Entity)
        .value(integration_keys::Column::LastUsedAt, now)
        .value(
            integration_keys::Column::RequestCount,
            Expr::col(integration_keys::Column::RequestCount).add(1),
        )
        .value(
            integration_keys::Column::WindowStartedAt,
            CaseStatement::new()
                .case(stale.clone(), Expr::value(now))
                .finally(Expr::col(integration_keys::Column::WindowStartedAt)),
        )
        .value(
            integration_keys::Column::WindowCount,
            CaseStatement::new()
                .case(stale, Expr::value(1))
                .finally(Expr::col(integration_keys::Column::WindowCount).add(1)),
        )
        .and_where(integration_keys::Column::Id.eq(id.get()))
        .returning(Query::returning().columns([
            integration_keys::Column::WindowStartedAt,
            integration_keys::Column::WindowCount,
        ]))
        .to_owned();
    let row = conn
        .query_one(&update)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("integration key".into()))?;
    let started_at: Option<OffsetDateTime> = row.try_get("", "window_started_at")?;
    let count: i32 = row.try_get("", "window_count")?;
    Ok(Window {
        started_at: started_at.unwrap_or(now),
        count: u32::try_from(count).unwrap_or(u32::MAX),
    })
}

/// The answer kept for `idempotency_key` of `key`, if any (also unanswered).
///
/// # Errors
/// Database errors.
pub async fn idempotent_answer(
    conn: &impl ConnectionTrait,
    key: KeyId,
    idempotency_key: &str,
) -> Result<Option<api_idempotency::Model>, DbErr> {
    api_idempotency::Entity::find()
        .filter(api_idempotency::Column::KeyId.eq(key.get()))
        .filter(api_idempotency::Column::IdempotencyKey.eq(idempotency_key))
        .one(conn)
        .await
}

/// Claims `idempotency_key` of `key` (unique in the database: of two at once, one fails).
///
/// # Errors
/// Database errors.
pub async fn claim(
    conn: &impl ConnectionTrait,
    key: KeyId,
    idempotency_key: &str,
    request_hash: &str,
    now: OffsetDateTime,
) -> Result<i64, DbErr> {
    let inserted = api_idempotency::Entity::insert(api_idempotency::ActiveModel {
        key_id: Set(key.get()),
        idempotency_key: Set(idempotency_key.to_owned()),
        request_hash: Set(request_hash.to_owned()),
        status: Set(None),
        body: Set(None),
        created_at: Set(now),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    Ok(inserted.last_insert_id)
}

/// Takes over a claim whose first attempt did not finish, if it is still the one read
/// (unanswered, claimed at `claimed_at`): of two retries at once, one takes it.
///
/// # Errors
/// Database errors.
pub async fn reclaim(
    conn: &impl ConnectionTrait,
    id: i64,
    claimed_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<bool, DbErr> {
    let result = api_idempotency::Entity::update_many()
        .col_expr(api_idempotency::Column::CreatedAt, Expr::value(now))
        .filter(api_idempotency::Column::Id.eq(id))
        .filter(api_idempotency::Column::Status.is_null())
        .filter(api_idempotency::Column::CreatedAt.eq(claimed_at))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Keeps the answer of a claim.
///
/// # Errors
/// Database errors.
pub async fn settle(conn: &impl ConnectionTrait, id: i64, status: u16, body: &str) -> Result<(), DbErr> {
    api_idempotency::Entity::update_many()
        .col_expr(
            api_idempotency::Column::Status,
            Expr::value(i16::try_from(status).unwrap_or(500)),
        )
        .col_expr(api_idempotency::Column::Body, Expr::value(body.to_owned()))
        .filter(api_idempotency::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Gives a claim up.
///
/// # Errors
/// Database errors.
pub async fn release(conn: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    api_idempotency::Entity::delete_by_id(id).exec(conn).await?;
    Ok(())
}

/// Forgets claims made before `before`.
///
/// # Errors
/// Database errors.
pub async fn forget_answers(conn: &impl ConnectionTrait, before: OffsetDateTime) -> Result<u64, DbErr> {
    let result = api_idempotency::Entity::delete_many()
        .filter(api_idempotency::Column::CreatedAt.lt(before))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}
