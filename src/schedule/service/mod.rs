//! Schedule use cases: the views of the schedule, session generation, moving and
//! cancelling sessions and telling people about it, holidays and calendar feeds. Each write
//! runs in one transaction and writes its audit entry inside it (but a trainee's mark of
//! the changes they have read, which changes nothing anyone else sees).

mod announce;
mod changes;
mod feed;
mod generate;
mod holidays;
mod views;
mod window;

pub use announce::{change_announcement, dismiss_changes, schedule_changes, Announcement};
pub use changes::{cancel_session, move_session};
pub use feed::{cohort_calendar, export_calendar, feed_calendar, reset_feed, revoke_feed};
pub use generate::{generate_sessions, generation_page};
pub use holidays::{delete_closure, delete_holiday, holiday_list, save_closure, save_holiday};
pub use views::{
    calendar, cohort_schedule, my_schedule, printable_week, session_detail, sessions_between, visible_session,
};
pub use window::{spans_of, CohortSpans, StampedSpans};

use sea_orm::ConnectionTrait;
use time::{Date, OffsetDateTime};

use super::dto::SessionView;
use super::model::{change_is_news, Holiday, SessionStatus};
use crate::entities::class_sessions;
use crate::kernel::input::parse_choice;
use crate::kernel::{AppError, CohortId, FieldError, Problem, SessionId};

/// The days without class between two dates, as the rules see them: the national
/// holidays and cuti bersama, and the days off of `sites` (every site when `None`). With
/// `name_sites`, a site's day off is named with its site (a calendar over many sites).
async fn days_off(
    conn: &impl ConnectionTrait,
    sites: Option<&[i64]>,
    (from, to): (Date, Date),
    name_sites: bool,
) -> Result<Vec<Holiday>, AppError> {
    let mut days: Vec<Holiday> = super::db::holidays_between(conn, from, to)
        .await?
        .into_iter()
        .map(|h| Holiday {
            date: h.date,
            name: h.name,
        })
        .collect();
    if sites.is_some_and(<[i64]>::is_empty) {
        return Ok(days);
    }
    let closures = super::db::closures_between(conn, sites, from, to).await?;
    let site_names: std::collections::HashMap<i64, String> = if name_sites && !closures.is_empty() {
        crate::accounts::db::sites(conn, None)
            .await?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect()
    } else {
        std::collections::HashMap::new()
    };
    days.extend(closures.into_iter().map(|c| Holiday {
        date: c.date,
        name: match site_names.get(&c.site_id) {
            Some(site) => format!("{} ({site})", c.name),
            None => c.name,
        },
    }));
    days.sort_by_key(|h| h.date);
    Ok(days)
}

/// A session with the names it is shown with.
type Labelled = (class_sessions::Model, Option<super::db::SessionLabels>);

/// `sessions` with their names, looked up for all of them at once (one statement).
async fn with_labels(
    conn: &impl ConnectionTrait,
    sessions: Vec<class_sessions::Model>,
) -> Result<Vec<Labelled>, AppError> {
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let mut labels = super::db::session_labels(conn, &ids).await?;
    Ok(sessions
        .into_iter()
        .map(|s| {
            let label = labels.remove(&s.id);
            (s, label)
        })
        .collect())
}

/// Sessions as people see them, with their names looked up for all of them at once (one
/// query whatever the number of sessions).
pub async fn session_views(
    conn: &impl ConnectionTrait,
    sessions: &[class_sessions::Model],
    now: OffsetDateTime,
) -> Result<Vec<SessionView>, AppError> {
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let labels = super::db::session_labels(conn, &ids).await?;
    Ok(sessions
        .iter()
        .map(|s| view_of(s, labels.get(&s.id), now))
        .collect())
}

fn view_of(
    session: &class_sessions::Model,
    labels: Option<&super::db::SessionLabels>,
    now: OffsetDateTime,
) -> SessionView {
    let status = SessionStatus::parse(&session.status).unwrap_or(SessionStatus::Scheduled);
    let (cohort, room, instructor, unit) = labels
        .map(|l| {
            (
                l.cohort.clone(),
                l.room.clone(),
                l.instructor.clone(),
                l.unit.clone(),
            )
        })
        .unwrap_or_default();
    SessionView {
        id: SessionId(session.id),
        cohort_id: CohortId(session.cohort_id),
        cohort,
        starts_at: session.starts_at,
        ends_at: session.ends_at,
        room,
        instructor,
        unit,
        status,
        change_reason: session.change_reason.clone(),
        original_starts_at: session.original_starts_at,
        flagged: change_is_news(status, session.ends_at, now),
    }
}

/// The instructor and room chosen for sessions of `cohort`: the instructor must teach it,
/// the room must be at its site and hold the whole cohort. Problems go to `errors`.
async fn session_choices(
    conn: &impl ConnectionTrait,
    cohort: &crate::entities::cohorts::Model,
    cohort_instructors: &[i64],
    instructor: &str,
    room: &str,
    errors: &mut Vec<FieldError>,
) -> Result<(Option<i64>, Option<i64>), AppError> {
    let instructor_id = match parse_choice(instructor) {
        Ok(Some(id)) if !cohort_instructors.contains(&id) => {
            errors.push(FieldError::new("instructor_id", Problem::InvalidChoice));
            None
        }
        Ok(id) => id,
        Err(problem) => {
            errors.push(FieldError::new("instructor_id", problem));
            None
        }
    };
    let room_id = match parse_choice(room) {
        Ok(Some(id)) => match crate::cohorts::db::room(conn, id).await? {
            Some(room) if room.site_id == cohort.site_id => {
                if room.capacity < cohort.capacity {
                    let capacity = u32::try_from(room.capacity).unwrap_or(0);
                    errors.push(FieldError::new("room_id", Problem::RoomTooSmall { capacity }));
                }
                Some(id)
            }
            _ => {
                errors.push(FieldError::new("room_id", Problem::InvalidChoice));
                None
            }
        },
        Ok(None) => None,
        Err(problem) => {
            errors.push(FieldError::new("room_id", problem));
            None
        }
    };
    Ok((instructor_id, room_id))
}

/// Minutes of the sessions that are not cancelled.
fn planned_minutes(sessions: &[class_sessions::Model]) -> i64 {
    sessions
        .iter()
        .filter(|s| s.status != SessionStatus::Cancelled)
        .map(|s| (s.ends_at - s.starts_at).whole_minutes())
        .sum()
}
