//! Sign-in sessions, activation and reset codes, and the sign-in throttle.

use crate::kernel::AccountId;
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use time::OffsetDateTime;

use crate::entities::{activation_codes, sessions, sign_in_throttle, user_sites, users};
use crate::platform::query::join_on;

pub async fn insert_session(
    conn: &impl ConnectionTrait,
    session: sessions::ActiveModel,
) -> Result<i64, DbErr> {
    let result = sessions::Entity::insert(session).exec(conn).await?;
    Ok(result.last_insert_id)
}

/// What every request needs to know about the session behind a cookie: the session's
/// times and its user's role, name, state and sites. One row per site the user runs (one
/// row without a site when none).
#[derive(Debug, sea_orm::FromQueryResult)]
pub struct SessionRow {
    pub session_id: i64,
    pub expires_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
    pub user_id: AccountId,
    pub role: String,
    pub display_name: String,
    pub is_active: bool,
    pub home_site_id: Option<i64>,
    pub site_id: Option<i64>,
}

/// The session with `token_hash`, its user and the user's sites, in one statement (it
/// runs for every signed-in request). Empty when there is no such session.
pub async fn find_session_by_hash(
    conn: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Vec<SessionRow>, DbErr> {
    use sea_orm::JoinType;
    let user = join_on(sessions::Column::UserId, users::Column::Id);
    let sites = join_on(users::Column::Id, user_sites::Column::UserId);
    sessions::Entity::find()
        .select_only()
        .column_as(sessions::Column::Id, "session_id")
        .column(sessions::Column::ExpiresAt)
        .column(sessions::Column::LastSeenAt)
        .column_as(users::Column::Id, "user_id")
        .column(users::Column::Role)
        .column(users::Column::DisplayName)
        .column(users::Column::IsActive)
        .column(users::Column::HomeSiteId)
        .column(user_sites::Column::SiteId)
        .join(JoinType::InnerJoin, user)
        .join(JoinType::LeftJoin, sites)
        .filter(sessions::Column::TokenHash.eq(token_hash))
        .order_by_asc(user_sites::Column::SiteId)
        .into_model::<SessionRow>()
        .all(conn)
        .await
}

pub async fn touch_session(
    conn: &impl ConnectionTrait,
    session_id: i64,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    sessions::Entity::update_many()
        .col_expr(sessions::Column::LastSeenAt, Expr::value(now))
        .filter(sessions::Column::Id.eq(session_id))
        .exec(conn)
        .await?;
    Ok(())
}

pub async fn delete_session(conn: &impl ConnectionTrait, session_id: i64) -> Result<u64, DbErr> {
    Ok(sessions::Entity::delete_many()
        .filter(sessions::Column::Id.eq(session_id))
        .exec(conn)
        .await?
        .rows_affected)
}

pub async fn delete_session_of_user(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
    session_id: i64,
) -> Result<u64, DbErr> {
    Ok(sessions::Entity::delete_many()
        .filter(sessions::Column::Id.eq(session_id))
        .filter(sessions::Column::UserId.eq(user_id))
        .exec(conn)
        .await?
        .rows_affected)
}

/// Ends every session of `user_id` except `keep` (if given).
pub async fn delete_sessions_of_user(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
    keep: Option<i64>,
) -> Result<u64, DbErr> {
    let mut query = sessions::Entity::delete_many().filter(sessions::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        query = query.filter(sessions::Column::Id.ne(keep));
    }
    Ok(query.exec(conn).await?.rows_affected)
}

pub async fn sessions_of_user(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
) -> Result<Vec<sessions::Model>, DbErr> {
    sessions::Entity::find()
        .filter(sessions::Column::UserId.eq(user_id))
        .order_by_desc(sessions::Column::LastSeenAt)
        .all(conn)
        .await
}

pub async fn count_live_sessions(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
    now: OffsetDateTime,
) -> Result<u64, DbErr> {
    sessions::Entity::find()
        .filter(sessions::Column::UserId.eq(user_id))
        .filter(sessions::Column::ExpiresAt.gt(now))
        .count(conn)
        .await
}

/// Removes expired sessions and used or expired codes (housekeeping at start and hourly).
pub async fn purge_expired(conn: &impl ConnectionTrait, now: OffsetDateTime) -> Result<u64, DbErr> {
    let sessions = sessions::Entity::delete_many()
        .filter(sessions::Column::ExpiresAt.lte(now))
        .exec(conn)
        .await?
        .rows_affected;
    let codes = activation_codes::Entity::delete_many()
        .filter(activation_codes::Column::ExpiresAt.lte(now))
        .exec(conn)
        .await?
        .rows_affected;
    Ok(sessions + codes)
}

pub async fn find_usable_code(
    conn: &impl ConnectionTrait,
    code_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<activation_codes::Model>, DbErr> {
    activation_codes::Entity::find()
        .filter(activation_codes::Column::CodeHash.eq(code_hash))
        .filter(activation_codes::Column::UsedAt.is_null())
        .filter(activation_codes::Column::ExpiresAt.gt(now))
        .one(conn)
        .await
}

/// Marks a code used; returns false when another request used it first.
pub async fn consume_code(
    conn: &impl ConnectionTrait,
    code_id: i64,
    now: OffsetDateTime,
) -> Result<bool, DbErr> {
    let result = activation_codes::Entity::update_many()
        .col_expr(activation_codes::Column::UsedAt, Expr::value(Some(now)))
        .filter(activation_codes::Column::Id.eq(code_id))
        .filter(activation_codes::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Withdraws every unused code of a user (a new one replaces them, or the account closed).
pub async fn withdraw_codes(conn: &impl ConnectionTrait, user_id: AccountId) -> Result<u64, DbErr> {
    Ok(activation_codes::Entity::delete_many()
        .filter(activation_codes::Column::UserId.eq(user_id))
        .filter(activation_codes::Column::UsedAt.is_null())
        .exec(conn)
        .await?
        .rows_affected)
}

pub async fn newest_pending_code(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
    now: OffsetDateTime,
) -> Result<Option<activation_codes::Model>, DbErr> {
    activation_codes::Entity::find()
        .filter(activation_codes::Column::UserId.eq(user_id))
        .filter(activation_codes::Column::UsedAt.is_null())
        .filter(activation_codes::Column::ExpiresAt.gt(now))
        .order_by_desc(activation_codes::Column::Id)
        .one(conn)
        .await
}

/// The throttle rows for these keys that are locked at `now`.
pub async fn locked_keys(
    conn: &impl ConnectionTrait,
    keys: &[String],
    now: OffsetDateTime,
) -> Result<Vec<sign_in_throttle::Model>, DbErr> {
    sign_in_throttle::Entity::find()
        .filter(sign_in_throttle::Column::Key.is_in(keys.to_vec()))
        .filter(sign_in_throttle::Column::LockedUntil.gt(now))
        .all(conn)
        .await
}

/// Counts one failure for `key` in a single statement (safe under concurrent failures):
/// a new or stale window starts at 1, otherwise the count goes up. Then locks the key
/// when the count reached `max_failures`. Returns the failure count.
pub async fn register_failure(
    conn: &impl ConnectionTrait,
    key: &str,
    now: OffsetDateTime,
    window_start: OffsetDateTime,
    max_failures: i32,
    locked_until: OffsetDateTime,
) -> Result<i32, DbErr> {
    let table = sign_in_throttle::Entity;
    let stale = Expr::col((table, sign_in_throttle::Column::WindowStartedAt)).lt(window_start);
    sign_in_throttle::Entity::insert(sign_in_throttle::ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(1),
        window_started_at: Set(now),
        locked_until: Set(None),
    })
    .on_conflict(
        OnConflict::column(sign_in_throttle::Column::Key)
            .value(
                sign_in_throttle::Column::Failures,
                Expr::case(stale.clone(), 1)
                    .finally(Expr::col((table, sign_in_throttle::Column::Failures)).add(1)),
            )
            .value(
                sign_in_throttle::Column::LockedUntil,
                Expr::case(stale.clone(), Expr::value(Option::<OffsetDateTime>::None))
                    .finally(Expr::col((table, sign_in_throttle::Column::LockedUntil))),
            )
            .value(
                sign_in_throttle::Column::WindowStartedAt,
                Expr::case(stale, Expr::value(now))
                    .finally(Expr::col((table, sign_in_throttle::Column::WindowStartedAt))),
            )
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    sign_in_throttle::Entity::update_many()
        .col_expr(
            sign_in_throttle::Column::LockedUntil,
            Expr::value(Some(locked_until)),
        )
        .filter(sign_in_throttle::Column::Key.eq(key))
        .filter(sign_in_throttle::Column::Failures.gte(max_failures))
        .filter(
            Condition::any()
                .add(sign_in_throttle::Column::LockedUntil.is_null())
                .add(sign_in_throttle::Column::LockedUntil.lte(now)),
        )
        .exec(conn)
        .await?;
    let failures = sign_in_throttle::Entity::find_by_id(key.to_owned())
        .one(conn)
        .await?
        .map_or(1, |row| row.failures);
    Ok(failures)
}

pub async fn clear_throttle(conn: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    sign_in_throttle::Entity::delete_many()
        .filter(sign_in_throttle::Column::Key.eq(key))
        .exec(conn)
        .await?;
    Ok(())
}

pub async fn insert_code(
    conn: &impl ConnectionTrait,
    model: activation_codes::ActiveModel,
) -> Result<(), DbErr> {
    activation_codes::Entity::insert(model)
        .exec_without_returning(conn)
        .await?;
    Ok(())
}
