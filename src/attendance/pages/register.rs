//! The printable registers (daftar hadir) on A4: one session's, with a signature column,
//! and one month's of a cohort, trainees × sessions with their totals.

use leptos::prelude::*;
use leptos_meta::Title;
use time::OffsetDateTime;

use crate::attendance::api::{get_cohort_attendance, get_roll_call};
use crate::attendance::authz;
use crate::attendance::dto::{Cell, CohortAttendance, RollCall};
use crate::attendance::model::AttendanceStatus;
use crate::attendance::paths;
use crate::attendance::texts::{status_text, T};
use crate::kernel::i18n::fill;
use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::schedule::pages::{session_date, time_span};
use crate::ui::guard::{loaded, path_id, require, NotFound};
use crate::ui::islands::PrintButton;

#[component]
pub fn SessionRegisterPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_take_roll_calls) {
        return denied;
    }
    let Some(id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    loaded(get_roll_call(id), |roll| view! { <SessionSheet roll/> }).into_any()
}

#[component]
fn SessionSheet(roll: RollCall) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let session = roll.session.clone();
    let title = format!("{} — {}", t(T::RegisterTitle), session.cohort);
    view! {
        <Title text=title.clone()/>
        <p class="no-print"><a href=paths::roll_call(session.id)>{t(T::BackToRollCall)}</a></p>
        <div class="button-row no-print"><PrintButton label=t(T::Print).to_owned()/></div>
        <article class="print-sheet">
            <header>
                <h1>{title}</h1>
                <p>{session_date(&session, locale)} ", " {time_span(&session, locale)}</p>
                <p>{[session.room.clone(), session.unit.clone(), session.instructor.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ")}</p>
            </header>
            <table class="print-table">
                <thead>
                    <tr>
                        <th scope="col">{t(T::No)}</th>
                        <th scope="col">{t(T::Trainee)}</th>
                        <th scope="col">{t(T::Status)}</th>
                        <th scope="col">{t(T::Remark)}</th>
                        <th scope="col" class="signature">{t(T::Signature)}</th>
                    </tr>
                </thead>
                <tbody>
                    {roll.lines.iter().enumerate().map(|(n, line)| view! {
                        <tr>
                            <td>{n + 1}</td>
                            <td>{line.name.clone()}</td>
                            <td>{line.saved.then(|| t(status_text(line.status)))}</td>
                            <td>{line.remark.clone()}</td>
                            <td class="signature"></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="sign-off">{t(T::InstructorSignature)} ": " {session.instructor.clone().unwrap_or_default()}</p>
        </article>
    }
}

#[component]
pub fn MonthRegisterPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_take_roll_calls) {
        return denied;
    }
    let Some(id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    let month = use_page().query_param("bulan").filter(|m| !m.is_empty());
    loaded(
        get_cohort_attendance(id, month),
        |grid| view! { <MonthSheet grid/> },
    )
    .into_any()
}

#[component]
fn MonthSheet(grid: CohortAttendance) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let month = grid
        .month
        .as_deref()
        .and_then(|m| wib::parse_iso_date(&format!("{m}-01")))
        .map(|d| wib::month_year(d, locale))
        .unwrap_or_else(|| t(T::AllMonths).to_owned());
    let title = fill(
        t(T::MonthRegisterTitle),
        &[("cohort", &grid.cohort), ("month", &month)],
    );
    let day = |starts_at: OffsetDateTime| wib::today(starts_at).day().to_string();
    let count =
        |cells: &[Cell], status: AttendanceStatus| cells.iter().filter(|c| **c == Cell::Mark(status)).count();
    view! {
        <Title text=title.clone()/>
        <p class="no-print"><a href=paths::cohort(grid.cohort_id)>{fill(t(T::GridTitle), &[("cohort", &grid.cohort)])}</a></p>
        <div class="button-row no-print"><PrintButton label=t(T::Print).to_owned()/></div>
        <article class="print-sheet print-landscape">
            <header>
                <h1>{title}</h1>
                <p>{grid.site.clone()}</p>
                <p class="hint">{t(T::GridIntro)}</p>
            </header>
            <table class="print-table month-register">
                <thead>
                    <tr>
                        <th scope="col">{t(T::No)}</th>
                        <th scope="col">{t(T::Trainee)}</th>
                        {grid.sessions.iter().map(|s| view! { <th scope="col">{day(s.starts_at)}</th> }).collect_view()}
                        {AttendanceStatus::ALL.iter().map(|s| view! { <th scope="col"><abbr title=t(status_text(*s))>{s.letter()}</abbr></th> }).collect_view()}
                        <th scope="col" class="signature">{t(T::Signature)}</th>
                    </tr>
                </thead>
                <tbody>
                    {grid.rows.iter().enumerate().map(|(n, row)| view! {
                        <tr>
                            <td>{n + 1}</td>
                            <td>{row.name.clone()}</td>
                            {row.cells.iter().map(|cell| view! {
                                <td>{match cell {
                                    Cell::Outside => "–",
                                    Cell::Empty => "",
                                    Cell::Mark(status) => status.letter(),
                                }}</td>
                            }).collect_view()}
                            {AttendanceStatus::ALL.iter().map(|s| view! { <td>{count(&row.cells, *s)}</td> }).collect_view()}
                            <td class="signature"></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </article>
    }
}
