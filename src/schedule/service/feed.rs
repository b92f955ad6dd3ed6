//! Calendar feeds: a secret, revocable address per person for phone and Google calendars,
//! and a cohort's schedule as a download.

use sea_orm::Condition;
use serde_json::json;
use time::Duration;

use super::session_views;
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::kernel::{wib, AccountId, Actor, AppError, CohortId, Role};
use crate::platform::context::Client;
use crate::platform::state::Env;
use crate::schedule::db;
use crate::schedule::ical;

/// A feed covers a month back and half a year ahead.
const FEED_PAST_DAYS: i64 = 31;
const FEED_FUTURE_DAYS: i64 = 190;
const FEED_LIMIT: u64 = 5000;

fn new_token() -> String {
    crate::platform::secrets::random_token(32)
}

async fn audit_feed(
    env: Env<'_>,
    txn: &impl sea_orm::ConnectionTrait,
    actor: &Actor,
    client: &Client,
    on: bool,
) -> Result<(), AppError> {
    record(
        txn,
        env.clock.now(),
        AuditEvent::new(AuditAction::CalendarFeedChange, Outcome::Success)
            .actor(actor.user_id)
            .subject(actor.user_id)
            .ip(client.ip.clone())
            .detail(json!({ "feed": if on { "new_address" } else { "off" } })),
    )
    .await?;
    Ok(())
}

/// Turns the feed on with a new secret address; an earlier address stops working.
///
/// # Errors
/// Database failures only.
pub async fn reset_feed(env: Env<'_>, client: &Client, actor: &Actor) -> Result<(), AppError> {
    let txn = env.begin().await?;
    db::set_feed(&txn, actor.user_id, &new_token(), env.clock.now()).await?;
    audit_feed(env, &txn, actor, client, true).await?;
    txn.commit().await?;
    Ok(())
}

/// Turns the feed off; its address stops working.
///
/// # Errors
/// Database failures only.
pub async fn revoke_feed(env: Env<'_>, client: &Client, actor: &Actor) -> Result<(), AppError> {
    let txn = env.begin().await?;
    db::delete_feed(&txn, actor.user_id).await?;
    audit_feed(env, &txn, actor, client, false).await?;
    txn.commit().await?;
    Ok(())
}

/// The calendar behind a feed token, for whoever holds the address. `None` for unknown
/// tokens and for deactivated accounts.
///
/// # Errors
/// Database failures only.
pub async fn feed_calendar(env: Env<'_>, token: &str, host: &str) -> Result<Option<String>, AppError> {
    if token.is_empty()
        || token.len() > 64
        || !token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Ok(None);
    }
    let Some(feed) = db::feed_by_token(env.db, token).await? else {
        return Ok(None);
    };
    let Some(user) = crate::accounts::db::find_user(env.db, AccountId(feed.user_id)).await? else {
        return Ok(None);
    };
    let Ok(role) = Role::parse(&user.role) else {
        return Ok(None);
    };
    if !user.is_active {
        return Ok(None);
    }
    let actor = Actor {
        user_id: AccountId(user.id),
        role,
        display_name: user.display_name.clone(),
        site_ids: crate::accounts::db::site_ids_of(env.db, AccountId(user.id)).await?,
        session_id: 0,
        integration: None,
    };
    let now = env.clock.now();
    let today = wib::today(now);
    let sessions = db::sessions_in(
        env.db,
        db::mine(&actor.reach(), env.ports),
        Condition::all(),
        wib::start_of_day(today - Duration::days(FEED_PAST_DAYS)),
        wib::start_of_day(today + Duration::days(FEED_FUTURE_DAYS)),
        FEED_LIMIT,
    )
    .await?;
    let views = session_views(env.db, &sessions, now).await?;
    Ok(Some(ical::calendar(
        &format!("Siap Jepang – {}", user.display_name),
        &views,
        host,
        now,
    )))
}

/// A cohort's whole schedule as iCalendar, with the file name to offer.
///
/// # Errors
/// `NotFound` when missing or out of reach.
pub async fn cohort_calendar(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
    host: &str,
) -> Result<(String, String), AppError> {
    let (cohort, _) = crate::cohorts::service::visible_cohort(env, actor, cohort_id).await?;
    let sessions = db::sessions_in(
        env.db,
        db::of_cohort(CohortId(cohort.id)),
        Condition::all(),
        wib::start_of_day(cohort.starts_on),
        wib::start_of_day(cohort.ends_on + Duration::days(1)),
        FEED_LIMIT,
    )
    .await?;
    let now = env.clock.now();
    let views = session_views(env.db, &sessions, now).await?;
    Ok((
        format!("jadwal-{}.ics", cohort.code.to_lowercase()),
        ical::calendar(&format!("Siap Jepang – {}", cohort.code), &views, host, now),
    ))
}

/// Every session of one cohort (by code) or of all cohorts, as iCalendar, for the
/// operator's command line (no actor: whoever runs the binary on the server is trusted).
///
/// # Errors
/// `NotFound` for an unknown cohort code.
pub async fn export_calendar(
    env: Env<'_>,
    cohort_code: Option<&str>,
    host: &str,
) -> Result<String, AppError> {
    let (name, sessions) = match cohort_code {
        Some(code) => {
            let cohort = crate::cohorts::db::cohort_by_code(env.db, code)
                .await?
                .ok_or(AppError::NotFound)?;
            (
                format!("Siap Jepang – {}", cohort.code),
                db::sessions_of_cohort(env.db, CohortId(cohort.id)).await?,
            )
        }
        None => ("Siap Jepang".to_owned(), db::all_sessions(env.db).await?),
    };
    let now = env.clock.now();
    let views = session_views(env.db, &sessions, now).await?;
    Ok(ical::calendar(&name, &views, host, now))
}
