//! SeaORM queries for accounts, sessions, codes and throttling. No business rules here.

use sea_orm::{
    sea_query::{Expr, Func, OnConflict},
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Set,
};
use std::collections::HashMap;
use time::OffsetDateTime;

use super::authz::AccountScope;
use super::model::LoginId;
use crate::entities::{activation_codes, sessions, sign_in_throttle, sites, user_sites, users};
use crate::kernel::Role;
use crate::platform::query::{contains_pattern, join_on};

pub async fn find_user_by_login(
    conn: &impl ConnectionTrait,
    login: &LoginId,
) -> Result<Option<users::Model>, DbErr> {
    let condition = match login {
        LoginId::Email(email) => users::Column::Email.eq(email.as_str()),
        LoginId::Phone(phone) => users::Column::Phone.eq(phone.as_str()),
        LoginId::Nik(nik) => users::Column::Nik.eq(nik.as_str()),
    };
    users::Entity::find().filter(condition).one(conn).await
}

pub async fn find_user(conn: &impl ConnectionTrait, user_id: i64) -> Result<Option<users::Model>, DbErr> {
    users::Entity::find_by_id(user_id).one(conn).await
}

pub async fn site_ids_of(conn: &impl ConnectionTrait, user_id: i64) -> Result<Vec<i64>, DbErr> {
    user_sites::Entity::find()
        .select_only()
        .column(user_sites::Column::SiteId)
        .filter(user_sites::Column::UserId.eq(user_id))
        .order_by_asc(user_sites::Column::SiteId)
        .into_tuple()
        .all(conn)
        .await
}

pub async fn sites_by_ids(conn: &impl ConnectionTrait, ids: &[i64]) -> Result<Vec<sites::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    sites::Entity::find()
        .filter(sites::Column::Id.is_in(ids.to_vec()))
        .order_by_asc(sites::Column::Name)
        .all(conn)
        .await
}

pub async fn all_sites(conn: &impl ConnectionTrait) -> Result<Vec<sites::Model>, DbErr> {
    sites::Entity::find()
        .order_by_asc(sites::Column::Name)
        .all(conn)
        .await
}

/// What authorization needs to know about a user.
pub fn scope_of(user: &users::Model) -> AccountScope {
    AccountScope {
        user_id: user.id,
        role: Role::parse(&user.role).unwrap_or(Role::Trainee),
        home_site_id: user.home_site_id,
    }
}

pub async fn set_password_hash(
    conn: &impl ConnectionTrait,
    user_id: i64,
    hash: &str,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    users::Entity::update_many()
        .col_expr(users::Column::PasswordHash, Expr::value(Some(hash.to_owned())))
        .col_expr(users::Column::PasswordChangedAt, Expr::value(Some(now)))
        .col_expr(users::Column::UpdatedAt, Expr::value(now))
        .filter(users::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Replaces a hash by one of the same password with newer parameters, unless the password
/// changed in the meantime. The password's change time stays.
pub async fn renew_password_hash(
    conn: &impl ConnectionTrait,
    user_id: i64,
    old_hash: &str,
    new_hash: &str,
) -> Result<(), DbErr> {
    users::Entity::update_many()
        .col_expr(
            users::Column::PasswordHash,
            Expr::value(Some(new_hash.to_owned())),
        )
        .filter(users::Column::Id.eq(user_id))
        .filter(users::Column::PasswordHash.eq(old_hash))
        .exec(conn)
        .await?;
    Ok(())
}

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
    pub user_id: i64,
    pub role: String,
    pub display_name: String,
    pub is_active: bool,
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
    user_id: i64,
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
    user_id: i64,
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
    user_id: i64,
) -> Result<Vec<sessions::Model>, DbErr> {
    sessions::Entity::find()
        .filter(sessions::Column::UserId.eq(user_id))
        .order_by_desc(sessions::Column::LastSeenAt)
        .all(conn)
        .await
}

pub async fn count_live_sessions(
    conn: &impl ConnectionTrait,
    user_id: i64,
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
pub async fn withdraw_codes(conn: &impl ConnectionTrait, user_id: i64) -> Result<u64, DbErr> {
    Ok(activation_codes::Entity::delete_many()
        .filter(activation_codes::Column::UserId.eq(user_id))
        .filter(activation_codes::Column::UsedAt.is_null())
        .exec(conn)
        .await?
        .rows_affected)
}

pub async fn newest_pending_code(
    conn: &impl ConnectionTrait,
    user_id: i64,
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

/// Which of these login values are already used by another account: field name → taken.
pub async fn taken_logins(
    conn: &impl ConnectionTrait,
    email: Option<&str>,
    phone: Option<&str>,
    nik: Option<&str>,
) -> Result<Vec<&'static str>, DbErr> {
    let mut any = Condition::any();
    if let Some(email) = email {
        any = any.add(users::Column::Email.eq(email));
    }
    if let Some(phone) = phone {
        any = any.add(users::Column::Phone.eq(phone));
    }
    if let Some(nik) = nik {
        any = any.add(users::Column::Nik.eq(nik));
    }
    if email.is_none() && phone.is_none() && nik.is_none() {
        return Ok(Vec::new());
    }
    let clashes = users::Entity::find().filter(any).all(conn).await?;
    let mut taken = Vec::new();
    for user in clashes {
        if email.is_some() && user.email.as_deref() == email {
            taken.push("email");
        }
        if phone.is_some() && user.phone.as_deref() == phone {
            taken.push("phone");
        }
        if nik.is_some() && user.nik.as_deref() == nik {
            taken.push("nik");
        }
    }
    taken.sort_unstable();
    taken.dedup();
    Ok(taken)
}

/// The rows of one page of the user list plus the total, in two queries.
pub struct UserQuery<'a> {
    pub search: Option<&'a str>,
    pub role: Option<Role>,
    pub site_id: Option<i64>,
    /// `Some(true)`: active with password; `Some(false)`: deactivated; pending handled by `pending`.
    pub active: Option<bool>,
    pub pending: bool,
    /// Restrict to trainees whose home site is one of these (coordinator scope).
    pub trainees_of_sites: Option<&'a [i64]>,
    pub offset: u64,
    pub limit: u64,
}

pub async fn list_users(
    conn: &impl ConnectionTrait,
    query: &UserQuery<'_>,
) -> Result<(Vec<users::Model>, u64), DbErr> {
    let mut condition = Condition::all();
    if let Some(sites) = query.trainees_of_sites {
        condition = condition
            .add(users::Column::Role.eq(Role::Trainee.as_str()))
            .add(users::Column::HomeSiteId.is_in(sites.to_vec()));
    }
    if let Some(role) = query.role {
        condition = condition.add(users::Column::Role.eq(role.as_str()));
    }
    if let Some(site_id) = query.site_id {
        let staff_at_site = user_sites::Entity::find()
            .select_only()
            .column(user_sites::Column::UserId)
            .filter(user_sites::Column::SiteId.eq(site_id))
            .into_query();
        condition = condition.add(
            Condition::any()
                .add(users::Column::HomeSiteId.eq(site_id))
                .add(users::Column::Id.in_subquery(staff_at_site)),
        );
    }
    if query.pending {
        condition = condition
            .add(users::Column::IsActive.eq(true))
            .add(users::Column::PasswordHash.is_null());
    } else if let Some(active) = query.active {
        condition = condition.add(users::Column::IsActive.eq(active));
        if active {
            condition = condition.add(users::Column::PasswordHash.is_not_null());
        }
    }
    if let Some(search) = query.search.map(str::trim).filter(|s| !s.is_empty()) {
        let digits: String = search.chars().filter(char::is_ascii_digit).collect();
        let mut any = Condition::any()
            .add(
                Expr::expr(Func::lower(Expr::col(users::Column::DisplayName))).like(contains_pattern(search)),
            )
            .add(Expr::expr(Func::lower(Expr::col(users::Column::Email))).like(contains_pattern(search)));
        if digits.len() >= 4 {
            // "0812…" is stored as "+62812…": search the significant digits.
            let significant = digits.trim_start_matches('0').trim_start_matches("62");
            any = any
                .add(Expr::col(users::Column::Phone).like(contains_pattern(significant)))
                .add(Expr::col(users::Column::Nik).like(contains_pattern(&digits)));
        }
        condition = condition.add(any);
    }
    let total = users::Entity::find()
        .filter(condition.clone())
        .count(conn)
        .await?;
    let rows = users::Entity::find()
        .filter(condition)
        .order_by_asc(users::Column::DisplayName)
        .order_by_asc(users::Column::Id)
        .offset(query.offset)
        .limit(query.limit)
        .all(conn)
        .await?;
    Ok((rows, total))
}

/// Site names for the users of a page: home site for trainees, first scoped site for staff.
pub async fn site_names_for(
    conn: &impl ConnectionTrait,
    rows: &[users::Model],
) -> Result<HashMap<i64, String>, DbErr> {
    let user_ids: Vec<i64> = rows.iter().map(|u| u.id).collect();
    let links: Vec<(i64, i64)> = if user_ids.is_empty() {
        Vec::new()
    } else {
        user_sites::Entity::find()
            .select_only()
            .columns([user_sites::Column::UserId, user_sites::Column::SiteId])
            .filter(user_sites::Column::UserId.is_in(user_ids))
            .order_by_asc(user_sites::Column::SiteId)
            .into_tuple()
            .all(conn)
            .await?
    };
    let mut site_ids: Vec<i64> = rows.iter().filter_map(|u| u.home_site_id).collect();
    site_ids.extend(links.iter().map(|(_, site)| *site));
    site_ids.sort_unstable();
    site_ids.dedup();
    let names: HashMap<i64, String> = sites_by_ids(conn, &site_ids)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let mut by_user = HashMap::new();
    for user in rows {
        let site = user
            .home_site_id
            .or_else(|| links.iter().find(|(u, _)| *u == user.id).map(|(_, s)| *s));
        if let Some(name) = site.and_then(|id| names.get(&id)) {
            by_user.insert(user.id, name.clone());
        }
    }
    Ok(by_user)
}

pub async fn replace_user_sites(
    conn: &impl ConnectionTrait,
    user_id: i64,
    site_ids: &[i64],
) -> Result<(), DbErr> {
    user_sites::Entity::delete_many()
        .filter(user_sites::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    if site_ids.is_empty() {
        return Ok(());
    }
    user_sites::Entity::insert_many(site_ids.iter().map(|site_id| user_sites::ActiveModel {
        user_id: Set(user_id),
        site_id: Set(*site_id),
    }))
    .exec_without_returning(conn)
    .await?;
    Ok(())
}
