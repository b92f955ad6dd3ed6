//! Trainee records in the order partner systems page through them: by id, after a cursor,
//! changed since a time, at a site or enrolled in a cohort.

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
};
use time::OffsetDateTime;

use crate::entities::{enrollments, trainees};

/// Which records, how many.
#[derive(Debug, Clone, Copy)]
pub struct FeedQuery<'a> {
    /// The sites within reach (`None`: every site).
    pub sites: Option<&'a [i64]>,
    pub site_id: Option<i64>,
    /// Records with an enrollment (of any status) in this cohort.
    pub cohort_id: Option<i64>,
    pub updated_since: Option<OffsetDateTime>,
    /// Only records with a larger id.
    pub after: Option<i64>,
    pub limit: u64,
}

/// Up to `limit` records matching the query, by id: one statement.
///
/// # Errors
/// Database errors.
pub async fn feed(conn: &impl ConnectionTrait, query: &FeedQuery<'_>) -> Result<Vec<trainees::Model>, DbErr> {
    let mut condition = Condition::all();
    if let Some(sites) = query.sites {
        condition = condition.add(trainees::Column::SiteId.is_in(sites.to_vec()));
    }
    if let Some(site) = query.site_id {
        condition = condition.add(trainees::Column::SiteId.eq(site));
    }
    if let Some(cohort) = query.cohort_id {
        let enrolled = enrollments::Entity::find()
            .select_only()
            .column(enrollments::Column::TraineeId)
            .filter(enrollments::Column::CohortId.eq(cohort));
        condition = condition.add(trainees::Column::Id.in_subquery(enrolled.into_query()));
    }
    if let Some(since) = query.updated_since {
        // In UTC, as stored: SQLite compares the instants as text.
        condition = condition.add(trainees::Column::UpdatedAt.gte(since.to_offset(time::UtcOffset::UTC)));
    }
    if let Some(after) = query.after {
        condition = condition.add(trainees::Column::Id.gt(after));
    }
    trainees::Entity::find()
        .filter(condition)
        .order_by_asc(trainees::Column::Id)
        .limit(query.limit)
        .all(conn)
        .await
}
