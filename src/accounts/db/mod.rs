//! SeaORM queries for accounts and the sites they belong to (sessions, codes and throttling
//! in `sessions`; what other areas read of people in `people`). No business rules here.

use sea_orm::{
    sea_query::{Expr, Func},
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Set,
};
use std::collections::HashMap;
use time::OffsetDateTime;

use super::authz::AccountScope;
use super::model::LoginId;
use crate::entities::{sites, user_sites, users};
use crate::kernel::{AccountId, Role};
use crate::platform::query::contains_pattern;

mod people;
mod sign_in;
pub use people::*;
pub use sign_in::*;

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

pub async fn find_user(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
) -> Result<Option<users::Model>, DbErr> {
    users::Entity::find_by_id(user_id.get()).one(conn).await
}

pub async fn site_ids_of(conn: &impl ConnectionTrait, user_id: AccountId) -> Result<Vec<i64>, DbErr> {
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
        user_id: AccountId(user.id),
        role: Role::parse(&user.role).unwrap_or(Role::Trainee),
        home_site_id: user.home_site_id,
    }
}

pub async fn set_password_hash(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
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
    user_id: AccountId,
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
    users_page(conn, condition, query.offset, query.limit).await
}

/// One page of the accounts meeting `condition` by name, and how many meet it in all.
pub(super) async fn users_page(
    conn: &impl ConnectionTrait,
    condition: Condition,
    offset: u64,
    limit: u64,
) -> Result<(Vec<users::Model>, u64), DbErr> {
    let total = users::Entity::find()
        .filter(condition.clone())
        .count(conn)
        .await?;
    let rows = users::Entity::find()
        .filter(condition)
        .order_by_asc(users::Column::DisplayName)
        .order_by_asc(users::Column::Id)
        .offset(offset)
        .limit(limit)
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
    user_id: AccountId,
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
        user_id: Set(user_id.get()),
        site_id: Set(*site_id),
    }))
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// Turns an account on or off (off: when, for the record).
pub async fn set_active(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
    active: bool,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    users::Entity::update_many()
        .col_expr(users::Column::IsActive, Expr::value(active))
        .col_expr(
            users::Column::DeactivatedAt,
            Expr::value(if active { None } else { Some(now) }),
        )
        .col_expr(users::Column::UpdatedAt, Expr::value(now))
        .filter(users::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Gives an account another role (and the home site a trainee needs, or none).
pub async fn set_role(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
    role: Role,
    home_site: Option<i64>,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    users::Entity::update_many()
        .col_expr(users::Column::Role, Expr::value(role.as_str()))
        .col_expr(users::Column::HomeSiteId, Expr::value(home_site))
        .col_expr(users::Column::UpdatedAt, Expr::value(now))
        .filter(users::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    Ok(())
}

pub async fn insert_user(
    conn: &impl ConnectionTrait,
    model: users::ActiveModel,
) -> Result<users::Model, DbErr> {
    users::Entity::insert(model).exec_with_returning(conn).await
}
