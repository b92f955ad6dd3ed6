//! Cohorts as other systems read them (the partner API): within the caller's reach, by id,
//! with the codes of their site, programme and course.

use std::collections::HashMap;

use crate::cohorts::db;
use crate::cohorts::dto::{CohortFacts, CohortFeed};
use crate::cohorts::model::CohortStatus;
use crate::entities::cohorts;
use crate::kernel::{Actor, AppError, CohortId};
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;

/// Up to `feed.limit` cohorts within the actor's reach, by id, after `feed.after`. A fixed
/// number of queries.
///
/// # Errors
/// `Internal` on database failures.
pub async fn cohort_feed(
    env: Env<'_>,
    actor: &Actor,
    feed: &CohortFeed,
) -> Result<Vec<CohortFacts>, AppError> {
    let reach = actor.reach();
    let rows = db::feed(
        env.db,
        &db::FeedQuery {
            reach: &reach,
            ports: env.ports,
            site_id: feed.site_id,
            status: feed.status,
            updated_since: feed.updated_since,
            after: feed.after.map(CohortId::get),
            limit: feed.limit,
        },
    )
    .await?;
    facts_of(env, rows).await
}

/// One cohort within the actor's reach.
///
/// # Errors
/// `NotFound` for a cohort that does not exist or is out of reach.
pub async fn cohort_facts(env: Env<'_>, actor: &Actor, id: CohortId) -> Result<CohortFacts, AppError> {
    let cohort = db::cohort_within_reach(env.db, id.get(), &actor.reach(), env.ports)
        .await?
        .ok_or_else(|| out_of_reach(actor, "cohort", id))?;
    Ok(facts_of(env, vec![cohort]).await?.remove(0))
}

async fn facts_of(env: Env<'_>, rows: Vec<cohorts::Model>) -> Result<Vec<CohortFacts>, AppError> {
    let sites: HashMap<i64, String> = crate::accounts::db::sites(env.db, None)
        .await?
        .into_iter()
        .map(|s| (s.id, s.code))
        .collect();
    let programmes: HashMap<i64, String> = db::all_programmes(env.db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.code))
        .collect();
    let courses: HashMap<i64, (String, String)> = db::all_courses(env.db)
        .await?
        .into_iter()
        .map(|c| (c.id, (c.code, c.level)))
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| {
            let (course, level) = courses.get(&row.course_id).cloned().unwrap_or_default();
            CohortFacts {
                id: CohortId(row.id),
                site: sites.get(&row.site_id).cloned().unwrap_or_default(),
                programme: programmes.get(&row.programme_id).cloned().unwrap_or_default(),
                course,
                level,
                status: CohortStatus::parse(&row.status).unwrap_or(CohortStatus::Planned),
                starts_on: row.starts_on,
                ends_on: row.ends_on,
                capacity: u32::try_from(row.capacity).unwrap_or_default(),
                seats_taken: u32::try_from(row.seats_taken).unwrap_or_default(),
                attendance_threshold: u8::try_from(row.attendance_threshold).unwrap_or_default(),
                updated_at: row.updated_at,
                code: row.code,
            }
        })
        .collect())
}
