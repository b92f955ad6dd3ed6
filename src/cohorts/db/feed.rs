//! Cohorts in the order partner systems page through them: by id, after a cursor, changed
//! since a time.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use time::OffsetDateTime;

use super::within_reach;
use crate::cohorts::model::CohortStatus;
use crate::entities::cohorts;
use crate::kernel::Reach;
use crate::platform::state::Ports;

/// Which cohorts, from where, how many.
#[derive(Clone, Copy)]
pub struct FeedQuery<'a> {
    pub reach: &'a Reach,
    pub ports: Ports,
    pub site_id: Option<i64>,
    pub status: Option<CohortStatus>,
    pub updated_since: Option<OffsetDateTime>,
    /// Only cohorts with a larger id.
    pub after: Option<i64>,
    pub limit: u64,
}

/// Up to `limit` cohorts within reach matching the query, by id: one statement.
///
/// # Errors
/// Database errors.
pub async fn feed(conn: &impl ConnectionTrait, query: &FeedQuery<'_>) -> Result<Vec<cohorts::Model>, DbErr> {
    let mut condition = within_reach(query.reach, query.ports);
    if let Some(site) = query.site_id {
        condition = condition.add(cohorts::Column::SiteId.eq(site));
    }
    if let Some(status) = query.status {
        condition = condition.add(cohorts::Column::Status.eq(status));
    }
    if let Some(since) = query.updated_since {
        // In UTC, as stored: SQLite compares the instants as text.
        let since = since.to_offset(time::UtcOffset::UTC);
        condition = condition.add(cohorts::Column::UpdatedAt.gte(since));
    }
    if let Some(after) = query.after {
        condition = condition.add(cohorts::Column::Id.gt(after));
    }
    cohorts::Entity::find()
        .filter(condition)
        .order_by_asc(cohorts::Column::Id)
        .limit(query.limit)
        .all(conn)
        .await
}
