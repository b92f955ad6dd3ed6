//! `/angkatan/:id/cetak`: one cohort's week on an A4 page (print CSS hides the rest).

use leptos::prelude::*;
use leptos_meta::Title;

use super::time_span;
use crate::cohorts;
use crate::kernel::i18n::fill;
use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::schedule::api::get_printable_week;
use crate::schedule::dto::PrintableWeek;
use crate::schedule::model::SessionStatus;
use crate::schedule::paths;
use crate::schedule::texts::{session_status_text, T};
use crate::ui::guard::{loaded, path_id, require, NotFound};
use crate::ui::islands::PrintButton;
use crate::ui::texts::Ui;

#[component]
pub fn PrintPage() -> impl IntoView {
    if let Err(denied) = require(|_| true) {
        return denied;
    }
    let Some(cohort_id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    let page = use_page();
    let date = page.query_param("minggu");
    view! {
        {loaded(get_printable_week(cohort_id, date.clone()), move |week| view! { <WeekSheet week/> })}
    }
    .into_any()
}

#[component]
fn WeekSheet(week: PrintableWeek) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let cohort = &week.cohort;
    let sunday = week.days.last().map_or(week.monday, |d| d.date);
    let title = fill(t(T::PrintTitle), &[("code", &cohort.code)]);
    let week_label = fill(
        t(T::WeekOf),
        &[
            ("from", &wib::date_short(week.monday)),
            ("to", &wib::date_short(sunday)),
        ],
    );
    let id = cohort.id;
    view! {
        <Title text=format!("{title} · {week_label}")/>
        <nav class="pagination no-print" aria-label=t(Ui::Pagination)>
            <a href=cohorts::paths::cohort(id)>{t(T::BackToCohort)}</a>
            <a href=paths::print_week(id, week.previous) rel="prev">{t(T::PreviousPeriod)}</a>
            <a href=paths::print_week(id, week.next) rel="next">{t(T::NextPeriod)}</a>
            <PrintButton label=t(T::PrintButton).to_owned()/>
        </nav>
        <article class="print-sheet">
            <header>
                <h1>{title}</h1>
                <p>{week_label.clone()}</p>
                <p>
                    {cohort.course.name.clone()} " · " {cohort.site.clone()}
                    {cohort.room.as_ref().map(|room| view! { " · " {room.name.clone()} })}
                </p>
            </header>
            <div class="table-wrap print-wrap" tabindex="0" role="region" aria-label=week_label.clone()>
            <table class="print-table">
                <thead>
                    <tr>
                        <th scope="col">{t(T::ColumnDate)}</th>
                        <th scope="col">{t(T::ColumnTime)}</th>
                        <th scope="col">{t(T::Lesson)}</th>
                        <th scope="col">{t(T::Room)}</th>
                        <th scope="col">{t(T::Instructor)}</th>
                    </tr>
                </thead>
                <tbody>
                    {week.days.into_iter().map(|day| {
                        let date = wib::date_long(day.date, locale);
                        if day.sessions.is_empty() {
                            let note = day.holiday.clone().unwrap_or_else(|| t(T::NoClass).to_owned());
                            view! {
                                <tr class="print-empty"><th scope="row">{date}</th><td colspan="4">{note}</td></tr>
                            }.into_any()
                        } else {
                            day.sessions.into_iter().map(|session| {
                                let changed = session.status != SessionStatus::Scheduled;
                                view! {
                                    <tr>
                                        <th scope="row">{date.clone()}</th>
                                        <td>
                                            {time_span(&session, locale)}
                                            {changed.then(|| view! { " (" {t(session_status_text(session.status))} ")" })}
                                        </td>
                                        <td>{session.unit.clone().unwrap_or_default()}</td>
                                        <td>{session.room.clone().unwrap_or_default()}</td>
                                        <td>{session.instructor.clone().unwrap_or_default()}</td>
                                    </tr>
                                }
                            }).collect_view().into_any()
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        </article>
    }
}
