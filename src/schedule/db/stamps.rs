//! The schedule's stamps: per cohort, a number database triggers move on with every change
//! its schedule shows (the migration `create_schedule_stamps`), read to know whether what
//! is held in memory is still current.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, QueryTrait};

use crate::entities::{calendar_feeds, schedule_stamps};
use crate::kernel::{AccountId, Reach};
use crate::platform::state::Ports;

/// What "my schedule" reads of a person besides its sessions, in one statement.
#[derive(Debug, Default)]
pub struct ScheduleStamps {
    /// `(cohort, stamp)` of the cohorts within the reach that have had sessions. A
    /// cohort's stamp moves on with every change its schedule shows (the migration
    /// `create_schedule_stamps` keeps them); one that never had a session has none.
    pub cohorts: Vec<(i64, i64)>,
    /// The person's calendar-feed token, if the feed is on.
    pub feed: Option<String>,
}

/// The stamps of the cohorts within `reach` (see [`within_reach`]) and the calendar feed of
/// `user_id`: one statement (the stamps, and the feed as a row of its own).
pub async fn stamps_and_feed(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
    reach: &Reach,
    ports: Ports,
) -> Result<ScheduleStamps, DbErr> {
    use sea_orm::sea_query::{Expr, UnionType};
    let mut select = schedule_stamps::Entity::find()
        .select_only()
        .column(schedule_stamps::Column::CohortId)
        .column(schedule_stamps::Column::Stamp)
        .expr_as(Expr::cust("NULL"), "token")
        .filter(crate::cohorts::db::in_reach(
            schedule_stamps::Column::CohortId,
            reach,
            ports,
        ))
        .into_query();
    select.union(
        UnionType::All,
        calendar_feeds::Entity::find()
            .select_only()
            .expr(Expr::cust("NULL"))
            .expr(Expr::cust("NULL"))
            .column(calendar_feeds::Column::Token)
            .filter(calendar_feeds::Column::UserId.eq(user_id))
            .into_query(),
    );
    let rows = conn
        .query_all_raw(conn.get_database_backend().build(&select))
        .await?;
    let mut stamps = ScheduleStamps::default();
    for row in rows {
        let token: Option<String> = row.try_get_by_index(2)?;
        match (
            row.try_get_by_index::<Option<i64>>(0)?,
            row.try_get_by_index::<Option<i64>>(1)?,
        ) {
            (Some(cohort), Some(stamp)) => stamps.cohorts.push((cohort, stamp)),
            _ => stamps.feed = token,
        }
    }
    Ok(stamps)
}

/// The stamps of the cohorts `ids` that have had sessions: `(cohort, stamp)` (see
/// [`ScheduleStamps`]).
pub async fn stamps_of(conn: &impl ConnectionTrait, ids: &[i64]) -> Result<Vec<(i64, i64)>, DbErr> {
    schedule_stamps::Entity::find()
        .select_only()
        .column(schedule_stamps::Column::CohortId)
        .column(schedule_stamps::Column::Stamp)
        .filter(schedule_stamps::Column::CohortId.is_in(ids.to_vec()))
        .into_tuple()
        .all(conn)
        .await
}
