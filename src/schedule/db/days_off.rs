//! The days without class: national holidays and cuti bersama (every site), and each
//! site's own days off.

use crate::kernel::AccountId;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use time::{Date, OffsetDateTime};

use crate::entities::{holidays, site_closures};

pub async fn holidays_between(
    conn: &impl ConnectionTrait,
    from: Date,
    to: Date,
) -> Result<Vec<holidays::Model>, DbErr> {
    holidays::Entity::find()
        .filter(holidays::Column::Date.gte(from))
        .filter(holidays::Column::Date.lte(to))
        .order_by_asc(holidays::Column::Date)
        .all(conn)
        .await
}

pub async fn holiday(conn: &impl ConnectionTrait, id: i64) -> Result<Option<holidays::Model>, DbErr> {
    holidays::Entity::find_by_id(id).one(conn).await
}

pub async fn holiday_on(conn: &impl ConnectionTrait, date: Date) -> Result<Option<holidays::Model>, DbErr> {
    holidays::Entity::find()
        .filter(holidays::Column::Date.eq(date))
        .one(conn)
        .await
}

/// The years that have holidays, ascending.
pub async fn holiday_dates(conn: &impl ConnectionTrait) -> Result<Vec<Date>, DbErr> {
    holidays::Entity::find()
        .select_only()
        .column(holidays::Column::Date)
        .order_by_asc(holidays::Column::Date)
        .into_tuple()
        .all(conn)
        .await
}

pub async fn insert_holiday(
    conn: &impl ConnectionTrait,
    model: holidays::ActiveModel,
) -> Result<holidays::Model, DbErr> {
    holidays::Entity::insert(model).exec_with_returning(conn).await
}

pub async fn update_holiday(conn: &impl ConnectionTrait, model: holidays::ActiveModel) -> Result<(), DbErr> {
    holidays::Entity::update(model).exec(conn).await?;
    Ok(())
}

pub async fn delete_holiday(conn: &impl ConnectionTrait, id: i64) -> Result<u64, DbErr> {
    Ok(holidays::Entity::delete_by_id(id).exec(conn).await?.rows_affected)
}

/// The days off of sites `site_ids` (every site when `None`) between two dates, by date.
pub async fn closures_between(
    conn: &impl ConnectionTrait,
    site_ids: Option<&[i64]>,
    from: Date,
    to: Date,
) -> Result<Vec<site_closures::Model>, DbErr> {
    let mut query = site_closures::Entity::find()
        .filter(site_closures::Column::Date.gte(from))
        .filter(site_closures::Column::Date.lte(to));
    if let Some(site_ids) = site_ids {
        query = query.filter(site_closures::Column::SiteId.is_in(site_ids.to_vec()));
    }
    query
        .order_by_asc(site_closures::Column::Date)
        .order_by_asc(site_closures::Column::SiteId)
        .all(conn)
        .await
}

pub async fn closure(conn: &impl ConnectionTrait, id: i64) -> Result<Option<site_closures::Model>, DbErr> {
    site_closures::Entity::find_by_id(id).one(conn).await
}

/// The day off of `site_id` on `date`, if there is one.
pub async fn closure_on(
    conn: &impl ConnectionTrait,
    site_id: i64,
    date: Date,
) -> Result<Option<site_closures::Model>, DbErr> {
    site_closures::Entity::find()
        .filter(site_closures::Column::SiteId.eq(site_id))
        .filter(site_closures::Column::Date.eq(date))
        .one(conn)
        .await
}

/// The years that have a day off at `site_ids` (every site when `None`).
pub async fn closure_dates(
    conn: &impl ConnectionTrait,
    site_ids: Option<&[i64]>,
) -> Result<Vec<Date>, DbErr> {
    let mut query = site_closures::Entity::find()
        .select_only()
        .column(site_closures::Column::Date);
    if let Some(site_ids) = site_ids {
        query = query.filter(site_closures::Column::SiteId.is_in(site_ids.to_vec()));
    }
    query.into_tuple().all(conn).await
}

pub async fn insert_closure(
    conn: &impl ConnectionTrait,
    site_id: i64,
    date: Date,
    name: &str,
    by: AccountId,
    now: OffsetDateTime,
) -> Result<site_closures::Model, DbErr> {
    site_closures::Entity::insert(site_closures::ActiveModel {
        site_id: Set(site_id),
        date: Set(date),
        name: Set(name.to_owned()),
        created_by: Set(Some(by.get())),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await
}

pub async fn delete_closure(conn: &impl ConnectionTrait, id: i64) -> Result<u64, DbErr> {
    Ok(site_closures::Entity::delete_by_id(id)
        .exec(conn)
        .await?
        .rows_affected)
}
