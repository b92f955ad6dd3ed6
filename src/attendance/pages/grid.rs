//! `/angkatan/:id/kehadiran`: a cohort's attendance, trainees × sessions (one month, or
//! all), each trainee's rates and warnings, the chart, exports, printable registers and,
//! for its coordinators, the cohort's attendance rules.

use leptos::prelude::*;
use leptos_meta::Title;
use time::OffsetDateTime;

use super::chart::AttendanceChart;
use super::{shown_percent, Warnings};
use crate::attendance::api::{get_cohort_attendance, SavePolicy};
use crate::attendance::authz;
use crate::attendance::dto::{Cell, CohortAttendance, ExportContent};
use crate::attendance::paths;
use crate::attendance::texts::{status_text, T};
use crate::cohorts;
use crate::kernel::i18n::fill;
use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::platform::query_string::{ExportQuery, NoFilter};
use crate::platform::response::{api, form_id};
use crate::ui::forms::{Field, FormAlert};
use crate::ui::guard::{loaded, path_id, require, NotFound};

#[component]
pub fn CohortAttendancePage() -> impl IntoView {
    if let Err(denied) = require(authz::can_take_roll_calls) {
        return denied;
    }
    let Some(id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    let month = use_page().query_param("bulan").filter(|m| !m.is_empty());
    loaded(
        get_cohort_attendance(id, month),
        |grid| view! { <GridView grid/> },
    )
    .into_any()
}

/// "30/11" of a column.
fn column_date(starts_at: OffsetDateTime) -> String {
    let date = wib::today(starts_at);
    format!("{:02}/{:02}", date.day(), u8::from(date.month()))
}

fn month_label(month: &str, locale: crate::kernel::Locale) -> String {
    wib::parse_iso_date(&format!("{month}-01"))
        .map_or_else(|| month.to_owned(), |d| wib::month_year(d, locale))
}

#[component]
fn GridView(grid: CohortAttendance) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let id = grid.cohort_id;
    let title = fill(t(T::GridTitle), &[("cohort", &grid.cohort)]);
    let print_month = grid.month.clone().or_else(|| grid.months.last().cloned());
    view! {
        <Title text=title.clone()/>
        <p><a href=cohorts::paths::cohort(id)>{grid.cohort.clone()}</a></p>
        <h1>{title}</h1>
        <p class="lead">{grid.site.clone()} " · " {fill(t(T::ThresholdMeaning), &[("n", &grid.threshold.to_string())])}</p>
        <AttendanceChart points=grid.chart.clone() threshold=grid.threshold/>
        <form method="get" action=paths::cohort(id) class="inline-fields">
            <div class="field">
                <label for="grid-month">{t(T::Month)}</label>
                <select id="grid-month" name="bulan">
                    <option value="">{t(T::AllMonths)}</option>
                    {grid.months.iter().map(|m| view! {
                        <option value=m.clone() selected=grid.month.as_deref() == Some(m.as_str())>{month_label(m, locale)}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{t(T::Show)}</button>
        </form>
        <p class="hint">{t(T::GridIntro)}</p>
        {if grid.sessions.is_empty() || grid.rows.is_empty() {
            view! { <p>{t(T::NoSessionsYet)}</p> }.into_any()
        } else {
            view! { <GridTable grid=grid.clone()/> }.into_any()
        }}
        <div class="button-row">
            <a class="button button-quiet" href=ExportQuery::link(&paths::cohort_export(id), "csv", NoFilter {})>{t(T::ExportSessionsCsv)}</a>
            <a class="button button-quiet" href=ExportQuery::link(&paths::cohort_export(id), "csv", ExportContent::summary())>{t(T::ExportSummaryCsv)}</a>
            <a class="button button-quiet" href=ExportQuery::link(&paths::cohort_export(id), "xlsx", NoFilter {})>{t(T::ExportXlsx)}</a>
            {print_month.map(|m| view! {
                <a class="button button-quiet" href=paths::month_register(id, &m)>{t(T::PrintMonth)}</a>
            })}
        </div>
        {grid.can_set_policy.then(|| view! { <PolicyForm grid=grid.clone()/> })}
    }
}

#[component]
fn GridTable(grid: CohortAttendance) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    view! {
        <div class="table-wrap grid-wrap" tabindex="0" role="region" aria-labelledby="grid-caption">
            <table class="attendance-grid">
                <caption id="grid-caption">{fill(t(T::GridTitle), &[("cohort", &grid.cohort)])}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="grid-name">{t(T::Trainee)}</th>
                        {grid.sessions.iter().map(|s| view! {
                            <th scope="col" class:untaken=s.held && !s.taken>
                                <a href=paths::roll_call(s.id)>{column_date(s.starts_at)}</a>
                            </th>
                        }).collect_view()}
                        <th scope="col">{t(T::Rate)}</th>
                        <th scope="col">{t(T::Best)}</th>
                    </tr>
                </thead>
                <tbody>
                    {grid.rows.iter().map(|row| view! {
                        <tr class:at-risk=!row.warnings.is_empty()>
                            <th scope="row" class="grid-name">
                                {row.name.clone()}
                                <Warnings warnings=row.warnings.clone()/>
                            </th>
                            {row.cells.iter().map(|cell| match cell {
                                Cell::Outside => view! { <td class="cell-outside">"–"</td> }.into_any(),
                                Cell::Empty => view! { <td></td> }.into_any(),
                                Cell::Mark(status) => view! {
                                    <td class=format!("cell-{}", status.as_str())>
                                        <abbr title=t(status_text(*status))>{status.letter()}</abbr>
                                    </td>
                                }.into_any(),
                            }).collect_view()}
                            <td class="grid-rate">{shown_percent(row.rates.rate, locale)}</td>
                            <td class="grid-rate">{shown_percent(row.rates.best, locale)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn PolicyForm(grid: CohortAttendance) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let policy = grid.policy.clone();
    view! {
        <section class="panel" aria-labelledby="policy-heading">
            <h2 id="policy-heading">{t(T::PolicyTitle)}</h2>
            <FormAlert form={form_id::<SavePolicy>()}/>
            <form method="post" action={api::<SavePolicy>()} class="stack">
                <input type="hidden" name="cohort_id" value=grid.cohort_id.to_string()/>
                <Field form={form_id::<SavePolicy>()} name="late_weight" label=T::FieldLateWeight hint=T::FieldLateWeightHint inputmode="numeric" required=true maxlength=3 value=policy.late_weight.clone()/>
                <Field form={form_id::<SavePolicy>()} name="late_after_minutes" label=T::FieldLateAfter hint=T::FieldLateAfterHint inputmode="numeric" required=true maxlength=3 value=policy.late_after_minutes.clone()/>
                <Field form={form_id::<SavePolicy>()} name="auto_absent_hours" label=T::FieldAutoAbsent hint=T::FieldAutoAbsentHint inputmode="numeric" optional=true maxlength=3 value=policy.auto_absent_hours.clone()/>
                <Field form={form_id::<SavePolicy>()} name="edit_days" label=T::FieldEditDays inputmode="numeric" required=true maxlength=2 value=policy.edit_days.clone()/>
                <Field form={form_id::<SavePolicy>()} name="absence_streak" label=T::FieldStreak inputmode="numeric" required=true maxlength=2 value=policy.absence_streak.clone()/>
                <div class="button-row"><button type="submit" class="button">{t(T::SavePolicy)}</button></div>
            </form>
        </section>
    }
}
