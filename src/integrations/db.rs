//! The integration keys and the sites they are limited to: the only code that touches
//! `integration_keys` and `integration_key_sites`.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;
use time::OffsetDateTime;

use crate::entities::{integration_key_sites, integration_keys};
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

/// Counts one request made with the key, and when.
///
/// # Errors
/// Database errors.
pub async fn count_use(conn: &impl ConnectionTrait, id: KeyId, now: OffsetDateTime) -> Result<(), DbErr> {
    integration_keys::Entity::update_many()
        .col_expr(integration_keys::Column::LastUsedAt, Expr::value(now))
        .col_expr(
            integration_keys::Column::RequestCount,
            Expr::col(integration_keys::Column::RequestCount).add(1),
        )
        .filter(integration_keys::Column::Id.eq(id.get()))
        .exec(conn)
        .await?;
    Ok(())
}
