//! Schedule pages, the session card they share, how the area's notices read, and its
//! entries in the navigation.

mod calendar;
mod changes;
mod cohort;
mod generate;
mod holidays;
mod mine;
mod print;
mod session;

pub use calendar::CalendarPage;
pub use cohort::CohortPage;
pub use generate::GeneratePage;
pub use holidays::HolidaysPage;
pub use mine::MySchedulePage;
pub use print::PrintPage;
pub use session::SessionPage;

use leptos::prelude::*;
use leptos_router::{components::Route, path, MatchNestedRoutes, SsrMode};

use super::authz;
use super::dto::SessionView;
use super::model::SessionStatus;
use super::paths;
use super::texts::{session_status_text, Notice, T};
use crate::kernel::i18n::fill;
use crate::kernel::{wib, Actor, Locale, Text};
use crate::platform::flash::{AreaNotice, NoticeToken};
use crate::platform::page::use_page;
use crate::ui::nav::NavLink;
use crate::ui::notice::NoticeBanner;

/// "My schedule" first for everyone; the calendar for staff; the holidays.
pub fn nav_links(actor: Option<&Actor>) -> Vec<NavLink> {
    let Some(actor) = actor else {
        return Vec::new();
    };
    let mut links = vec![NavLink::new(paths::MINE, T::NavSchedule).described(T::LinkScheduleDesc)];
    if authz::can_view_calendar(actor) {
        links.push(NavLink::new(paths::CALENDAR, T::NavCalendar).described(T::LinkCalendarDesc));
    }
    if authz::can_edit_holidays(actor) {
        links.push(NavLink::new(paths::HOLIDAYS, T::NavHolidays).described(T::LinkHolidaysDesc));
    }
    links
}

/// The banner for `token`, if it is one of this area's notices.
pub fn notice_view(token: &NoticeToken) -> Option<AnyView> {
    let page = use_page();
    let locale = page.locale;
    let text = match Notice::from_token(token)? {
        Notice::Generated { count, code } => fill(
            T::NoticeGenerated.get(locale),
            &[("n", &count.to_string()), ("code", &code)],
        ),
        Notice::Moved { starts_at, ends_at } => fill(
            T::NoticeMoved.get(locale),
            &[("when", &wib::span_long(starts_at, ends_at, locale))],
        ),
        Notice::Cancelled => T::NoticeCancelled.get(locale).to_owned(),
        Notice::HolidaySaved(name) => fill(T::NoticeHolidaySaved.get(locale), &[("name", &name)]),
        Notice::HolidayDeleted => T::NoticeHolidayDeleted.get(locale).to_owned(),
        Notice::ClosureSaved(name) => fill(T::NoticeClosureSaved.get(locale), &[("name", &name)]),
        Notice::ClosureDeleted => T::NoticeClosureDeleted.get(locale).to_owned(),
        Notice::FeedCreated => T::NoticeFeedCreated.get(locale).to_owned(),
        Notice::FeedRevoked => T::NoticeFeedRevoked.get(locale).to_owned(),
        Notice::ChangesSeen => T::NoticeChangesSeen.get(locale).to_owned(),
    };
    Some(view! { <NoticeBanner text/> }.into_any())
}

/// "08.00–12.00" of a session (WIB).
pub(crate) fn time_span(session: &SessionView, locale: Locale) -> String {
    wib::time_span(session.starts_at, session.ends_at, locale)
}

/// "Senin, 30 November 2026" of a session (WIB).
pub(crate) fn session_date(session: &SessionView, locale: Locale) -> String {
    wib::date_long(wib::today(session.starts_at), locale)
}

/// One session: time, cohort, lesson, room, instructor; a changed session says so
/// plainly ("Dipindah" / "Dibatalkan") with its reason until it has passed.
#[component]
pub fn SessionCard(
    session: SessionView,
    /// Show the date too (lists spanning several days).
    #[prop(optional)]
    with_date: bool,
    /// Link the cohort code to the session page.
    #[prop(optional)]
    link: bool,
    /// More lines other areas add to the card (actions, a mark).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let cancelled = session.status == SessionStatus::Cancelled;
    let status_class = format!("session-card status-{}", session.status.as_str());
    let when = if with_date {
        format!(
            "{}, {}",
            session_date(&session, locale),
            time_span(&session, locale)
        )
    } else {
        time_span(&session, locale)
    };
    let original = session
        .original_starts_at
        .map(|start| fill(t(T::MovedFrom), &[("when", &wib::instant_long(start, locale))]));
    let title = if link {
        view! { <a href=paths::session(session.id)>{session.cohort.clone()}</a> }.into_any()
    } else {
        view! { <span>{session.cohort.clone()}</span> }.into_any()
    };
    view! {
        <li class=status_class>
            <p class="session-when">
                <strong class:struck=cancelled>{when}</strong>
                {(session.status != SessionStatus::Scheduled).then(|| view! {
                    " " <span class=format!("badge change-{}", session.status.as_str())>{t(session_status_text(session.status))}</span>
                })}
            </p>
            <p class="session-title">{title} " · " {session.unit.clone().unwrap_or_else(|| t(T::NoneYet).to_owned())}</p>
            <dl class="session-facts">
                <dt>{t(T::Room)}</dt>
                <dd>{session.room.clone().unwrap_or_else(|| t(T::NoneYet).to_owned())}</dd>
                <dt>{t(T::Instructor)}</dt>
                <dd>{session.instructor.clone().unwrap_or_else(|| t(T::NoneYet).to_owned())}</dd>
            </dl>
            {(session.flagged || cancelled).then(|| view! {
                <p class="session-change">
                    {original.clone().map(|text| view! { {text} ". " })}
                    {session.change_reason.clone().map(|reason| view! { {t(T::Reason)} ": " {reason} })}
                </p>
            })}
            {children.map(|children| children())}
        </li>
    }
}

/// The schedule's pages, a cohort's own page among them, at the addresses [`super::paths`]
/// spells, for the app's router.
#[component(transparent)]
pub fn ScheduleRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/angkatan/:id") view=CohortPage ssr=SsrMode::Async/>
        <Route path=path!("/angkatan/:id/jadwalkan") view=GeneratePage ssr=SsrMode::Async/>
        <Route path=path!("/angkatan/:id/cetak") view=PrintPage ssr=SsrMode::Async/>
        <Route path=path!("/sesi/:id") view=SessionPage ssr=SsrMode::Async/>
        <Route path=path!("/jadwal") view=MySchedulePage ssr=SsrMode::Async/>
        <Route path=path!("/kalender") view=CalendarPage ssr=SsrMode::Async/>
        <Route path=path!("/libur") view=HolidaysPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
