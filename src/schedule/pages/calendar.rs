//! `/kalender`: every class of a week or a month at the reader's sites (an instructor's own
//! classes), optionally one site or one cohort; holidays marked.

use leptos::prelude::*;
use leptos_meta::Title;

use super::time_span;
use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::platform::query_string;
use crate::schedule::api::get_calendar;
use crate::schedule::authz;
use crate::schedule::dto::{CalendarDay, CalendarFilter, CalendarView};
use crate::schedule::model::SessionStatus;
use crate::schedule::paths;
use crate::schedule::texts::{session_status_text, T};
use crate::ui::guard::{loaded, require};
use crate::ui::texts::Ui;
use time::Date;

fn link(filter: &CalendarFilter, date: Date) -> String {
    let filter = CalendarFilter {
        date: Some(wib::iso_date(date)),
        ..filter.clone()
    };
    query_string::link(paths::CALENDAR, &filter)
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_view_calendar) {
        return denied;
    }
    let page = use_page();
    let filter: CalendarFilter = page.filter();
    view! {
        <Title text=page.t(T::CalendarTitle)/>
        <h1>{page.t(T::CalendarTitle)}</h1>
        {loaded(get_calendar(filter.clone()), move |calendar| view! { <CalendarBody calendar filter/> })}
    }
    .into_any()
}

#[component]
fn CalendarBody(calendar: CalendarView, filter: CalendarFilter) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let anchor = filter
        .date
        .as_deref()
        .and_then(wib::parse_date)
        .unwrap_or(calendar.today);
    let heading = match (calendar.days.first(), calendar.days.last()) {
        _ if calendar.month => wib::month_year(anchor, locale),
        (Some(first), Some(last)) => crate::kernel::i18n::fill(
            t(T::WeekOf),
            &[
                ("from", &wib::date_short(first.date)),
                ("to", &wib::date_short(last.date)),
            ],
        ),
        _ => String::new(),
    };
    let days: Vec<CalendarDay> = if calendar.month {
        calendar.days.into_iter().filter(|d| !d.outside).collect()
    } else {
        calendar.days
    };
    view! {
        <form method="get" action=paths::CALENDAR class="filters" role="search">
            <div class="field">
                <label for="calendar-view">{t(T::FilterView)}</label>
                <select id="calendar-view" name="view">
                    <option value="week" selected=!calendar.month>{t(T::ViewWeek)}</option>
                    <option value="month" selected=calendar.month>{t(T::ViewMonth)}</option>
                </select>
            </div>
            <div class="field">
                <label for="calendar-date">{t(T::FieldDate)}</label>
                <input id="calendar-date" name="date" type="date" value=wib::iso_date(anchor)/>
            </div>
            {(!calendar.sites.is_empty()).then(|| view! {
                <div class="field">
                    <label for="calendar-site">{t(Ui::Site)}</label>
                    <select id="calendar-site" name="site">
                        <option value="">{t(Ui::All)}</option>
                        {calendar.sites.iter().map(|site| view! {
                            <option value=site.id.to_string() selected=filter.site == Some(site.id)>{site.label.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="calendar-cohort">{t(T::FilterCohort)}</label>
                <select id="calendar-cohort" name="cohort">
                    <option value="">{t(Ui::All)}</option>
                    {calendar.cohorts.iter().map(|cohort| view! {
                        <option value=cohort.id.to_string() selected=filter.cohort == Some(cohort.id)>{cohort.label.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{t(T::ShowButton)}</button>
        </form>
        <nav class="pagination" aria-label=t(Ui::Pagination)>
            <a href=link(&filter, calendar.previous) rel="prev">{t(T::PreviousPeriod)}</a>
            <a href=link(&filter, calendar.today)>{t(T::TodayLink)}</a>
            <a href=link(&filter, calendar.next) rel="next">{t(T::NextPeriod)}</a>
        </nav>
        <h2>{heading}</h2>
        <ol class=if calendar.month { "calendar-days month" } else { "calendar-days" }>
            {days.into_iter().map(|day| {
                let date = day.date;
                let is_today = day.date == calendar.today;
                let empty = day.sessions.is_empty() && day.holiday.is_none();
                view! {
                    <li class="calendar-day" class:today=is_today class:empty=empty>
                        <h3>{wib::date_long(date, locale)}</h3>
                        {day.holiday.clone().map(|name| view! { <p class="holiday">{name}</p> })}
                        <ul class="calendar-entries">
                            {day.sessions.into_iter().map(|session| {
                                let changed = session.status != SessionStatus::Scheduled;
                                view! {
                                    <li class:struck=session.status == SessionStatus::Cancelled>
                                        <a href=paths::session(session.id)>
                                            {time_span(&session, locale)} " " {session.cohort.clone()}
                                        </a>
                                        {session.room.clone().map(|room| view! { " · " {room} })}
                                        {changed.then(|| view! { " " <span class="badge">{t(session_status_text(session.status))}</span> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
