//! Reads of people and sites that other areas ask the accounts area for: sites, the
//! instructors at them, names, and the trainee accounts a registry links to.

use sea_orm::{
    sea_query::{Expr, Func},
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
};
use std::collections::HashMap;

use crate::entities::{sites, user_sites, users};
use crate::kernel::Role;
use crate::platform::query::contains_pattern;

/// The sites `ids` (every site when `None`), by name.
pub async fn sites(conn: &impl ConnectionTrait, ids: Option<&[i64]>) -> Result<Vec<sites::Model>, DbErr> {
    let mut query = sites::Entity::find().order_by_asc(sites::Column::Name);
    if let Some(ids) = ids {
        query = query.filter(sites::Column::Id.is_in(ids.to_vec()));
    }
    query.all(conn).await
}
/// Active instructors at `site_ids` (anywhere when `None`) with all their sites.
pub async fn instructors_at(
    conn: &impl ConnectionTrait,
    site_ids: Option<&[i64]>,
) -> Result<Vec<(users::Model, Vec<i64>)>, DbErr> {
    let mut condition = Condition::all()
        .add(users::Column::Role.eq(Role::Instructor.as_str()))
        .add(users::Column::IsActive.eq(true));
    if let Some(ids) = site_ids {
        let at_sites = user_sites::Entity::find()
            .select_only()
            .column(user_sites::Column::UserId)
            .filter(user_sites::Column::SiteId.is_in(ids.to_vec()))
            .into_query();
        condition = condition.add(users::Column::Id.in_subquery(at_sites));
    }
    let people = users::Entity::find()
        .filter(condition)
        .order_by_asc(users::Column::DisplayName)
        .all(conn)
        .await?;
    let ids: Vec<i64> = people.iter().map(|u| u.id).collect();
    let links = if ids.is_empty() {
        Vec::new()
    } else {
        user_sites::Entity::find()
            .filter(user_sites::Column::UserId.is_in(ids))
            .all(conn)
            .await?
    };
    let mut sites_of: HashMap<i64, Vec<i64>> = HashMap::new();
    for link in links {
        sites_of.entry(link.user_id).or_default().push(link.site_id);
    }
    Ok(people
        .into_iter()
        .map(|user| {
            let sites = sites_of.remove(&user.id).unwrap_or_default();
            (user, sites)
        })
        .collect())
}

/// Display names of `user_ids`.
pub async fn names_of(conn: &impl ConnectionTrait, user_ids: &[i64]) -> Result<HashMap<i64, String>, DbErr> {
    if user_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, String)> = users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .column(users::Column::DisplayName)
        .filter(users::Column::Id.is_in(user_ids.to_vec()))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// The display name of the account whose id is `id`, as a scalar subquery (the audit log's
/// names, through `Ports::user_name`).
pub fn user_name(id: sea_orm::sea_query::SimpleExpr) -> sea_orm::sea_query::SimpleExpr {
    sea_orm::sea_query::Query::select()
        .column((users::Entity, users::Column::DisplayName))
        .from(users::Entity)
        .and_where(Expr::col((users::Entity, users::Column::Id)).eq(id))
        .to_owned()
        .into()
}

/// The name of the site whose id is `id`, as a scalar subquery (`Ports::site_name`).
pub fn site_name(id: sea_orm::sea_query::SimpleExpr) -> sea_orm::sea_query::SimpleExpr {
    sea_orm::sea_query::Query::select()
        .column((sites::Entity, sites::Column::Name))
        .from(sites::Entity)
        .and_where(Expr::col((sites::Entity, sites::Column::Id)).eq(id))
        .to_owned()
        .into()
}

/// The accounts whose name, e-mail, phone or NIK contain `text`, as a subquery of ids
/// (`Ports::people_matching`).
/// An e-mail, phone number or NIK is matched only for people of `sites` (every site when
/// `None`): whoever searches with one learns nothing about anyone else's.
pub fn people_matching(text: &str, sites: Option<&[i64]>) -> sea_orm::sea_query::SelectStatement {
    let mut by_number = Condition::any()
        .add(Expr::expr(Func::lower(Expr::col(users::Column::Email))).like(contains_pattern(text)))
        .add(Expr::col(users::Column::Phone).like(contains_pattern(text)))
        .add(Expr::col(users::Column::Nik).like(contains_pattern(text)));
    if let Some(sites) = sites {
        let staff_at = user_sites::Entity::find()
            .select_only()
            .column(user_sites::Column::UserId)
            .filter(user_sites::Column::SiteId.is_in(sites.to_vec()))
            .into_query();
        by_number = Condition::all().add(by_number).add(
            Condition::any()
                .add(users::Column::HomeSiteId.is_in(sites.to_vec()))
                .add(users::Column::Id.in_subquery(staff_at)),
        );
    }
    users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col(users::Column::DisplayName)))
                        .like(contains_pattern(text)),
                )
                .add(by_number),
        )
        .into_query()
}

/// Active trainee accounts (at `sites`, or anywhere) that meet `unlinked` (asked of the
/// trainees area: no record links them yet), by name: at most `limit`, and how many there
/// are.
pub async fn trainee_accounts_without_record(
    conn: &impl ConnectionTrait,
    sites: Option<&[i64]>,
    unlinked: fn(sea_orm::sea_query::SimpleExpr) -> sea_orm::sea_query::SimpleExpr,
    limit: u64,
) -> Result<(Vec<users::Model>, u64), DbErr> {
    let mut condition = Condition::all()
        .add(users::Column::Role.eq(Role::Trainee.as_str()))
        .add(users::Column::IsActive.eq(true))
        .add(unlinked(Expr::col((users::Entity, users::Column::Id))));
    if let Some(sites) = sites {
        // A trainee account belongs to its home site.
        condition = condition.add(users::Column::HomeSiteId.is_in(sites.to_vec()));
    }
    super::users_page(conn, condition, 0, limit).await
}

/// Trainee accounts at the home site `site_id` with the NIK `nik` or the phone `phone`:
/// the accounts a new record at that site may be linked to. Accounts of other sites are
/// never offered, so registering cannot reach into another site.
pub async fn trainee_accounts_matching(
    conn: &impl ConnectionTrait,
    site_id: i64,
    nik: &str,
    phone: Option<&str>,
) -> Result<Vec<users::Model>, DbErr> {
    let mut matching = Condition::any().add(users::Column::Nik.eq(nik));
    if let Some(phone) = phone {
        matching = matching.add(users::Column::Phone.eq(phone));
    }
    users::Entity::find()
        .filter(users::Column::Role.eq(Role::Trainee.as_str()))
        .filter(users::Column::HomeSiteId.eq(site_id))
        .filter(matching)
        .order_by_asc(users::Column::Id)
        .all(conn)
        .await
}
