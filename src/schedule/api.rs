//! Server functions for the schedule. Each one takes its input (a form's fields flattened
//! into one struct where there are several), and in one step authorises, runs one use case
//! and answers (data) or replies (form post → redirect with a flash).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::dto::{
    CalendarFilter, CalendarView, ClosureInput, CohortSchedule, GenerationInput, GenerationPage,
    HolidayInput, HolidayList, MoveInput, MySchedule, PrintableWeek, ScheduleChanges, SessionDetail,
};
use super::model::generation::PatternInput;
use crate::kernel::{AppError, CohortId, SessionId};

#[cfg(feature = "ssr")]
use super::{authz, paths, service, texts::Notice};
#[cfg(feature = "ssr")]
use crate::kernel::actor::signed_in;
#[cfg(feature = "ssr")]
use crate::platform::context::{Ctx, Failure, Success};
#[cfg(feature = "ssr")]
use crate::platform::response::form_id;

/// "My schedule" and the reader's calendar-feed address.
#[server(prefix = "/api", endpoint = "schedule/mine", input = GetUrl)]
pub async fn get_my_schedule() -> Result<MySchedule, AppError> {
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_view_own_schedule, async |actor| {
        service::my_schedule(ctx.env(), actor, &ctx.origin()).await
    })
    .await
}

/// The trainee's classes moved or cancelled since they last dismissed the notice.
#[server(prefix = "/api", endpoint = "schedule/changes", input = GetUrl)]
pub async fn get_schedule_changes() -> Result<ScheduleChanges, AppError> {
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_follow_changes, async |actor| {
        service::schedule_changes(ctx.env(), actor).await
    })
    .await
}

/// Dismisses the notice of changes: marks them read up to `seen_up_to`, the latest change
/// it showed (RFC 3339), so that a change made since is shown still.
#[server(prefix = "/api", endpoint = "schedule/changes-seen")]
pub async fn dismiss_schedule_changes(seen_up_to: String) -> Result<(), AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_follow_changes,
        async |actor| service::dismiss_changes(ctx.env(), actor, &seen_up_to).await,
        |()| Success::to(paths::MINE).notice(Notice::ChangesSeen),
        Failure::form(form_id::<DismissScheduleChanges>()),
    )
    .await
}

#[server(prefix = "/api", endpoint = "schedule/cohort", input = GetUrl)]
pub async fn get_cohort_schedule(cohort_id: CohortId) -> Result<CohortSchedule, AppError> {
    let ctx = Ctx::current()?;
    ctx.serve(signed_in, async |actor| {
        service::cohort_schedule(ctx.env(), actor, cohort_id).await
    })
    .await
}

/// The generation page; with a pattern, its preview (nothing is written).
#[server(prefix = "/api", endpoint = "schedule/generation", input = GetUrl)]
pub async fn get_generation(
    cohort_id: CohortId,
    pattern: Option<PatternInput>,
    instructor_id: Option<String>,
    room_id: Option<String>,
) -> Result<GenerationPage, AppError> {
    let ctx = Ctx::current()?;
    let input = pattern.map(|pattern| GenerationInput {
        pattern,
        instructor_id: instructor_id.unwrap_or_default(),
        room_id: room_id.unwrap_or_default(),
        skip: Vec::new(),
    });
    ctx.serve(crate::cohorts::authz::can_plan_cohorts, async |actor| {
        service::generation_page(ctx.env(), actor, cohort_id, input.as_ref()).await
    })
    .await
}

/// Writes the previewed sessions, leaving out the dates in `skip`.
#[server(prefix = "/api", endpoint = "schedule/generate")]
pub async fn generate_sessions(
    cohort_id: CohortId,
    #[server(flatten)] generation: GenerationInput,
) -> Result<u64, AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        crate::cohorts::authz::can_plan_cohorts,
        async |actor| {
            service::generate_sessions(ctx.env(), ctx.client(), actor, cohort_id, &generation).await
        },
        |(count, code)| {
            Success::to(crate::cohorts::paths::cohort(cohort_id)).notice(Notice::Generated {
                count: *count,
                code: code.clone(),
            })
        },
        Failure::of::<GenerateSessions>(&generation),
    )
    .await
    .map(|(count, _)| count)
}

#[server(prefix = "/api", endpoint = "schedule/session", input = GetUrl)]
pub async fn get_session(session_id: SessionId) -> Result<SessionDetail, AppError> {
    let ctx = Ctx::current()?;
    ctx.serve(signed_in, async |actor| {
        service::session_detail(ctx.env(), actor, session_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "schedule/move")]
pub async fn move_session(
    session_id: SessionId,
    #[server(flatten)] change: MoveInput,
) -> Result<(), AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        crate::cohorts::authz::can_plan_cohorts,
        async |actor| service::move_session(ctx.env(), ctx.client(), actor, session_id, &change).await,
        |(starts_at, ends_at)| {
            Success::to(paths::session(session_id)).notice(Notice::Moved {
                starts_at: *starts_at,
                ends_at: *ends_at,
            })
        },
        Failure::of::<MoveSession>(&change),
    )
    .await
    .map(|_| ())
}

#[server(prefix = "/api", endpoint = "schedule/cancel")]
pub async fn cancel_session(session_id: SessionId, reason: String) -> Result<(), AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        crate::cohorts::authz::can_plan_cohorts,
        async |actor| service::cancel_session(ctx.env(), ctx.client(), actor, session_id, &reason).await,
        |_| Success::to(paths::session(session_id)).notice(Notice::Cancelled),
        Failure::form(form_id::<CancelSession>()).keep("reason", &reason),
    )
    .await
    .map(|_| ())
}

#[server(prefix = "/api", endpoint = "schedule/calendar", input = GetUrl)]
pub async fn get_calendar(filter: CalendarFilter) -> Result<CalendarView, AppError> {
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_view_calendar, async |actor| {
        service::calendar(ctx.env(), actor, &filter).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "schedule/print", input = GetUrl)]
pub async fn get_printable_week(
    cohort_id: CohortId,
    date: Option<String>,
) -> Result<PrintableWeek, AppError> {
    let ctx = Ctx::current()?;
    ctx.serve(signed_in, async |actor| {
        service::printable_week(ctx.env(), actor, cohort_id, date.as_deref()).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "schedule/holidays", input = GetUrl)]
pub async fn get_holidays(year: Option<i32>) -> Result<HolidayList, AppError> {
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_read_holidays, async |actor| {
        service::holiday_list(ctx.env(), actor, year).await
    })
    .await
}

/// Adds a holiday (no `holiday_id`) or changes one.
#[server(prefix = "/api", endpoint = "schedule/save-holiday")]
pub async fn save_holiday(
    #[server(default)] holiday_id: String,
    #[server(flatten)] holiday: HolidayInput,
) -> Result<(), AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_edit_holidays,
        async |actor| {
            let id = crate::kernel::input::parse_choice(&holiday_id).map_err(|_| AppError::BadRequest)?;
            service::save_holiday(ctx.env(), ctx.client(), actor, id, &holiday).await
        },
        |(name, year)| Success::to(paths::holidays(*year)).notice(Notice::HolidaySaved(name.clone())),
        Failure::form(holiday_form(!holiday_id.is_empty())).keep_all(&holiday),
    )
    .await
    .map(|_| ())
}

/// The id of the holiday form [`SaveHoliday`] was posted from: the form that changes a
/// holiday (`editing`) or the one that adds one. The page shows one of them at a time.
pub fn holiday_form(editing: bool) -> &'static str {
    if editing {
        "edit-holiday"
    } else {
        "add-holiday"
    }
}

#[server(prefix = "/api", endpoint = "schedule/delete-holiday")]
pub async fn delete_holiday(holiday_id: i64) -> Result<(), AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_edit_holidays,
        async |actor| service::delete_holiday(ctx.env(), ctx.client(), actor, holiday_id).await,
        |year| Success::to(paths::holidays(*year)).notice(Notice::HolidayDeleted),
        Failure::form(form_id::<DeleteHoliday>()),
    )
    .await
    .map(|_| ())
}

/// Adds a day off at one of the actor's sites (generation there skips it).
#[server(prefix = "/api", endpoint = "schedule/save-closure")]
pub async fn save_closure(#[server(flatten)] closure: ClosureInput) -> Result<(), AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_edit_closures,
        async |actor| service::save_closure(ctx.env(), ctx.client(), actor, &closure).await,
        |(name, year)| {
            Success::to(format!("{}#lokasi", paths::holidays(*year)))
                .notice(Notice::ClosureSaved(name.clone()))
        },
        Failure::of::<SaveClosure>(&closure),
    )
    .await
    .map(|_| ())
}

/// Removes a site's day off.
#[server(prefix = "/api", endpoint = "schedule/delete-closure")]
pub async fn delete_closure(closure_id: i64) -> Result<(), AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_edit_closures,
        async |actor| service::delete_closure(ctx.env(), ctx.client(), actor, closure_id).await,
        |year| Success::to(format!("{}#lokasi", paths::holidays(*year))).notice(Notice::ClosureDeleted),
        Failure::form(form_id::<DeleteClosure>()),
    )
    .await
    .map(|_| ())
}

/// A new secret calendar address (the old one stops working).
#[server(prefix = "/api", endpoint = "schedule/feed-reset")]
pub async fn reset_feed() -> Result<(), AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_view_own_schedule,
        async |actor| service::reset_feed(ctx.env(), ctx.client(), actor).await,
        |()| Success::to(format!("{}#kalender", paths::MINE)).notice(Notice::FeedCreated),
        Failure::form(form_id::<ResetFeed>()),
    )
    .await
}

#[server(prefix = "/api", endpoint = "schedule/feed-revoke")]
pub async fn revoke_feed() -> Result<(), AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_view_own_schedule,
        async |actor| service::revoke_feed(ctx.env(), ctx.client(), actor).await,
        |()| Success::to(format!("{}#kalender", paths::MINE)).notice(Notice::FeedRevoked),
        Failure::form(form_id::<RevokeFeed>()),
    )
    .await
}
