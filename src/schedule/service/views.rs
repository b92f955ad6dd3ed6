//! Reading the schedule: "my schedule", a cohort's sessions, one session, the calendar of
//! a site and the printable week. Each reads a fixed number of queries, however many
//! sessions it shows.

use sea_orm::Condition;
use time::{Date, Duration, Month, OffsetDateTime};

use super::{days_off, planned_minutes, session_views, view_of, with_labels, Labelled};
use crate::cohorts::authz as cohort_authz;
use crate::cohorts::dto::Choice;
use crate::cohorts::model::CohortStatus;
use crate::entities::{class_sessions, cohorts};
use crate::kernel::{wib, AccountId, Actor, AppError, CohortId, Reach, SessionId};
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::schedule::authz;
use crate::schedule::db;
use crate::schedule::dto::{
    CalendarDay, CalendarFilter, CalendarView, CohortSchedule, FeedView, MySchedule, PrintableWeek,
    SessionDetail, SessionView,
};
use crate::schedule::model::generation::{lesson_hours, week_of};
use crate::schedule::model::SessionStatus;

/// At most this many sessions in one view (an admin's national week stays bounded).
const VIEW_LIMIT: u64 = 2000;

/// "My schedule": today, the rest of this week, and the next four weeks, for the reader's
/// role (a trainee's cohorts, an instructor's classes, a coordinator's sites). The feed's
/// address starts with `origin` (`https://host`).
///
/// # Errors
/// Database failures only.
pub async fn my_schedule(env: Env<'_>, actor: &Actor, origin: &str) -> Result<MySchedule, AppError> {
    let now = env.clock.now();
    let today = wib::today(now);
    let tomorrow = wib::start_of_day(today + Duration::days(1));
    let week_end = wib::start_of_day(wib::monday_of(today) + Duration::days(7));
    let horizon = week_end + Duration::days(28);
    let reach = actor.reach();
    let (sessions, feed) = my_sessions(
        env,
        actor.user_id,
        &reach,
        (today, now),
        (wib::start_of_day(today), horizon),
    )
    .await?;
    let feed = FeedView {
        url: feed.map(|token| format!("{origin}{}", crate::schedule::paths::feed(&token))),
    };
    // Whether there is anything to wait for: asked only when nothing is coming (a
    // trainee with classes ahead has a cohort).
    let has_cohorts = !sessions.is_empty()
        || match &reach {
            Reach::Everything => true,
            Reach::Sites(sites) => !sites.is_empty(),
            Reach::Teaching(_) | Reach::Own(_) => {
                crate::cohorts::db::any_within_reach(env.db, &reach, env.ports).await?
            }
        };
    let mut schedule = MySchedule {
        today,
        today_sessions: Vec::new(),
        this_week: Vec::new(),
        upcoming: Vec::new(),
        has_cohorts,
        feed,
    };
    for (starts_at, view) in sessions {
        if starts_at < tomorrow {
            schedule.today_sessions.push(view);
        } else if starts_at < week_end {
            schedule.this_week.push(view);
        } else if schedule.upcoming.len() < 40 {
            schedule.upcoming.push(view);
        }
    }
    Ok(schedule)
}

/// The sessions of "my schedule" from `from` until `until` (the window of `today`) as
/// shown at `now`, with their starts, by start, and the feed token of `user_id`: a trainee's and an
/// instructor's from the memory their cohorts share (see [`super::window`]), after one
/// statement for their cohorts' stamps and the feed; a coordinator's and an admin's (many
/// cohorts, read by few) from the database.
async fn my_sessions(
    env: Env<'_>,
    user_id: AccountId,
    reach: &Reach,
    (today, now): (Date, OffsetDateTime),
    (from, until): (OffsetDateTime, OffsetDateTime),
) -> Result<(Vec<(OffsetDateTime, SessionView)>, Option<String>), AppError> {
    let shown = |(session, labels): &Labelled| (session.starts_at, view_of(session, labels.as_ref(), now));
    let teacher = match reach {
        Reach::Own(_) => None,
        Reach::Teaching(user_id) => Some(*user_id),
        Reach::Everything | Reach::Sites(_) => {
            let sessions = db::sessions_in(
                env.db,
                db::mine(reach, env.ports),
                Condition::all(),
                from,
                until,
                VIEW_LIMIT,
            )
            .await?;
            let shown_sessions = with_labels(env.db, sessions).await?.iter().map(shown).collect();
            let feed = db::feed_of(env.db, user_id).await?.map(|f| f.token);
            return Ok((shown_sessions, feed));
        }
    };
    let stamps = db::stamps_and_feed(env.db, user_id, reach, env.ports).await?;
    let windows = super::window::windows_of(env, stamps.cohorts, today, (from, until)).await?;
    // As `db::mine` has it: of an instructor's cohorts, the sessions they teach or that
    // nobody was given yet.
    let mut sessions: Vec<&Labelled> = windows
        .iter()
        .flat_map(|w| w.sessions.iter())
        .filter(|(s, _)| teacher.is_none_or(|me| s.instructor_id.is_none_or(|id| id == me.get())))
        .collect();
    sessions.sort_by_key(|(s, _)| (s.starts_at, s.id));
    sessions.truncate(usize::try_from(VIEW_LIMIT).unwrap_or(usize::MAX));
    Ok((sessions.into_iter().map(shown).collect(), stamps.feed))
}

/// A cohort with its whole schedule.
///
/// # Errors
/// `NotFound` when missing or out of reach.
pub async fn cohort_schedule(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
) -> Result<CohortSchedule, AppError> {
    let cohort = crate::cohorts::service::cohort_detail(env, actor, cohort_id).await?;
    let sessions = db::sessions_of_cohort(env.db, cohort_id).await?;
    let views = session_views(env.db, &sessions, env.clock.now()).await?;
    Ok(CohortSchedule {
        today: wib::today(env.clock.now()),
        schedulable: cohort.can_manage && cohort.status.is_schedulable(),
        planned_hours: lesson_hours(planned_minutes(&sessions)),
        sessions: views,
        cohort,
    })
}

/// A cohort's sessions on the days `from` to `until` (WIB, both included), cancelled and
/// moved ones with their reason, in order (the partner API).
///
/// # Errors
/// `NotFound` when missing or out of reach.
pub async fn sessions_between(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
    from: Date,
    until: Date,
) -> Result<Vec<SessionView>, AppError> {
    crate::cohorts::service::visible_cohort(env, actor, cohort_id).await?;
    let sessions: Vec<class_sessions::Model> = db::sessions_of_cohort(env.db, cohort_id)
        .await?
        .into_iter()
        .filter(|s| (from..=until).contains(&wib::today(s.starts_at)))
        .collect();
    session_views(env.db, &sessions, env.clock.now()).await
}

/// The session `id` if its cohort is within the actor's reach (an instructor opens every
/// session of a cohort they teach, as its page lists them); sessions out of reach look
/// missing.
///
/// # Errors
/// `NotFound`.
pub async fn visible_session(
    env: Env<'_>,
    actor: &Actor,
    session_id: SessionId,
) -> Result<class_sessions::Model, AppError> {
    db::session_within_reach(env.db, session_id.get(), (&actor.reach(), env.ports))
        .await?
        .ok_or_else(|| out_of_reach(actor, "session", session_id))
}

/// One session with the choices for moving it.
///
/// # Errors
/// `NotFound` when missing or out of reach.
pub async fn session_detail(
    env: Env<'_>,
    actor: &Actor,
    session_id: SessionId,
) -> Result<SessionDetail, AppError> {
    let session = visible_session(env, actor, session_id).await?;
    let (cohort, ties) = crate::cohorts::service::visible_cohort(env, actor, CohortId(session.cohort_id))
        .await
        .map_err(|_| out_of_reach(actor, "session", session_id))?;
    let status = CohortStatus::parse(&cohort.status).unwrap_or(CohortStatus::Planned);
    let can_manage = cohort_authz::can_manage_cohort(actor, &ties)
        && status.is_schedulable()
        && session.status != SessionStatus::Cancelled;
    let can_announce =
        authz::can_announce_changes(actor, &ties) && session.status != SessionStatus::Scheduled;
    let (instructors, rooms) = if can_manage {
        let instructor_ids = crate::cohorts::service::instructors_of(env, CohortId(cohort.id)).await?;
        choices_for_cohort(env, &cohort, &instructor_ids).await?
    } else {
        (Vec::new(), Vec::new())
    };
    let view = session_views(env.db, std::slice::from_ref(&session), env.clock.now())
        .await?
        .remove(0);
    Ok(SessionDetail {
        session: view,
        can_manage,
        can_announce,
        instructors,
        rooms,
        instructor_id: session.instructor_id,
        room_id: session.room_id,
    })
}

/// The cohort's instructors and the rooms at its site, as choices.
pub(super) async fn choices_for_cohort(
    env: Env<'_>,
    cohort: &cohorts::Model,
    instructor_ids: &[i64],
) -> Result<(Vec<Choice>, Vec<Choice>), AppError> {
    let names = crate::accounts::db::names_of(env.db, instructor_ids).await?;
    let mut instructors: Vec<Choice> = instructor_ids
        .iter()
        .map(|id| Choice {
            id: *id,
            label: names.get(id).cloned().unwrap_or_default(),
        })
        .collect();
    instructors.sort_by(|a, b| a.label.cmp(&b.label));
    let rooms = crate::cohorts::db::rooms(env.db, Some(&[cohort.site_id]))
        .await?
        .into_iter()
        .map(|room| Choice {
            id: room.id,
            label: format!("{} ({})", room.name, room.capacity),
        })
        .collect();
    Ok((instructors, rooms))
}

/// Days from `first` to `last` with their days off (national, and those of `sites`) and
/// sessions.
async fn days_between(
    env: Env<'_>,
    sessions: &[class_sessions::Model],
    sites: Option<&[i64]>,
    (first, last): (Date, Date),
    month: Option<Month>,
) -> Result<Vec<CalendarDay>, AppError> {
    let holidays = days_off(env.db, sites, (first, last), true).await?;
    let views: Vec<SessionView> = session_views(env.db, sessions, env.clock.now()).await?;
    let mut days = Vec::new();
    let mut date = first;
    while date <= last {
        let start = wib::start_of_day(date);
        let end = start + Duration::days(1);
        days.push(CalendarDay {
            date,
            holiday: Some(
                holidays
                    .iter()
                    .filter(|h| h.date == date)
                    .map(|h| h.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" · "),
            )
            .filter(|names| !names.is_empty()),
            sessions: sessions
                .iter()
                .zip(&views)
                .filter(|(s, _)| s.starts_at >= start && s.starts_at < end)
                .map(|(_, view)| view.clone())
                .collect(),
            outside: month.is_some_and(|m| date.month() != m),
        });
        date += Duration::days(1);
    }
    Ok(days)
}

fn first_of_month(date: Date) -> Date {
    date.replace_day(1).unwrap_or(date)
}

/// The calendar of a week (Monday to Sunday) or a month (whole weeks), for the reader's
/// sites or classes, optionally one site or cohort.
///
/// # Errors
/// `Forbidden` for trainees.
pub async fn calendar(
    env: Env<'_>,
    actor: &Actor,
    filter: &CalendarFilter,
) -> Result<CalendarView, AppError> {
    if !authz::can_view_calendar(actor) {
        return Err(AppError::Forbidden);
    }
    let today = wib::today(env.clock.now());
    let anchor = filter.date.as_deref().and_then(wib::parse_date).unwrap_or(today);
    let month = filter.view.as_deref() == Some("month");
    let (first, last, previous, next) = if month {
        let start = first_of_month(anchor);
        let next_month = first_of_month(start + Duration::days(32));
        let previous_month = first_of_month(start - Duration::days(1));
        let last_day = next_month - Duration::days(1);
        (
            wib::monday_of(start),
            wib::monday_of(last_day) + Duration::days(6),
            previous_month,
            next_month,
        )
    } else {
        let monday = wib::monday_of(anchor);
        (
            monday,
            monday + Duration::days(6),
            monday - Duration::days(7),
            monday + Duration::days(7),
        )
    };
    let reach = actor.reach();
    let mut extra = Condition::all();
    if let Some(site) = filter.site {
        extra = extra.add(db::at_site(site));
    }
    if let Some(cohort) = filter.cohort {
        extra = extra.add(db::of_cohort(CohortId(cohort)));
    }
    let sessions = db::sessions_in(
        env.db,
        db::mine(&reach, env.ports),
        extra,
        wib::start_of_day(first),
        wib::start_of_day(last + Duration::days(1)),
        VIEW_LIMIT,
    )
    .await?;
    // The days off of the site shown (if the reader sees it), or of every site they see.
    let seen = super::holidays::sites_seen(env, actor).await?;
    let own_sites = match (filter.site, seen) {
        (Some(site), None) => Some(vec![site]),
        (Some(site), Some(seen)) => Some(seen.into_iter().filter(|s| *s == site).collect()),
        (None, seen) => seen,
    };
    let days = days_between(
        env,
        &sessions,
        own_sites.as_deref(),
        (first, last),
        month.then(|| first_of_month(anchor).month()),
    )
    .await?;
    let sites = match actor.sites_run() {
        Some([]) => Vec::new(),
        run => crate::accounts::db::sites(env.db, run).await?,
    };
    let visible_cohorts =
        crate::cohorts::db::cohorts_meeting(env.db, &reach, env.ports, (first, last), 500).await?;
    Ok(CalendarView {
        month,
        first,
        previous,
        next,
        today,
        days,
        sites: sites
            .into_iter()
            .map(|s| Choice {
                id: s.id,
                label: s.name,
            })
            .collect(),
        cohorts: visible_cohorts
            .into_iter()
            .map(|c| Choice {
                id: c.id,
                label: c.code,
            })
            .collect(),
    })
}

/// One cohort's week, Monday to Sunday, for printing.
///
/// # Errors
/// `NotFound` when missing or out of reach.
pub async fn printable_week(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
    date: Option<&str>,
) -> Result<PrintableWeek, AppError> {
    let cohort = crate::cohorts::service::cohort_detail(env, actor, cohort_id).await?;
    let today = wib::today(env.clock.now());
    let anchor = date.and_then(wib::parse_date).unwrap_or_else(|| {
        // Before the cohort starts, its first week is the useful one.
        let starts = cohort.starts_on;
        today.max(starts)
    });
    let monday = wib::monday_of(anchor);
    let sunday = week_of(monday)[6];
    let sessions = db::sessions_in(
        env.db,
        db::of_cohort(cohort_id),
        Condition::all(),
        wib::start_of_day(monday),
        wib::start_of_day(sunday + Duration::days(1)),
        VIEW_LIMIT,
    )
    .await?;
    let days = days_between(env, &sessions, Some(&[cohort.site_id]), (monday, sunday), None).await?;
    Ok(PrintableWeek {
        cohort,
        monday,
        previous: monday - Duration::days(7),
        next: monday + Duration::days(7),
        days,
    })
}
