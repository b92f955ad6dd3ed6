//! `/angkatan/:id/jadwalkan`: a weekly pattern, its preview (every date, the holidays
//! skipped, every conflict), and the confirmation that writes all sessions at once.
//! The preview is a plain GET form, so it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::cohorts;
use crate::kernel::i18n::{fill, problem_text};
use crate::kernel::{wib, CohortId, Text};
use crate::platform::flash::Flash;
use crate::platform::page::{use_page, PageCtx};
use crate::platform::response::{api, form_id};
use crate::schedule::api::{get_generation, GenerateSessions};
use crate::schedule::dto::{GenerationPage, GenerationPreview};
use crate::schedule::model::generation::PatternInput;
use crate::schedule::paths;
use crate::schedule::texts::T;
use crate::ui::forms::{field_id, Field, FieldProblem, FormAlert, SelectField};
use crate::ui::guard::{loaded, path_id, require, NotFound};
use time::{Date, OffsetDateTime};

/// The pattern in the query string, if the form was sent.
fn pattern_from_query(page: &PageCtx) -> Option<PatternInput> {
    page.query_param("from")?;
    let value = |name: &str| page.query_param(name).unwrap_or_default();
    Some(PatternInput {
        weekdays: page.query_params("weekdays"),
        start_time: value("start_time"),
        end_time: value("end_time"),
        every_weeks: value("every_weeks"),
        from: value("from"),
        until: value("until"),
        until_date: value("until_date"),
        target_hours: value("target_hours"),
    })
}

#[component]
pub fn GeneratePage() -> impl IntoView {
    if let Err(denied) = require(crate::cohorts::authz::can_plan_cohorts) {
        return denied;
    }
    let Some(cohort_id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    let page = use_page();
    let pattern = pattern_from_query(&page);
    let instructor_id = page.query_param("instructor_id");
    let room_id = page.query_param("room_id");
    view! {
        {loaded(get_generation(cohort_id, pattern, instructor_id, room_id), |data| view! { <GenerateView data/> })}
    }
    .into_any()
}

#[component]
fn GenerateView(data: GenerationPage) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let cohort = data.cohort.clone();
    let title = fill(t(T::GenerateTitle), &[("code", &cohort.code)]);
    let schedulable = cohort.status.is_schedulable();
    // A refused preview shows its reasons next to the fields, like a refused post does.
    let preview_error = match &data.preview {
        Some(Err(error)) => Some(error.clone()),
        _ => None,
    };
    if page.flash_error(form_id::<GenerateSessions>()).is_none() {
        if let Some(error) = preview_error {
            let values = [
                "start_time",
                "end_time",
                "every_weeks",
                "from",
                "until_date",
                "target_hours",
                "instructor_id",
                "room_id",
            ]
            .into_iter()
            .filter_map(|name| page.query_param(name).map(|value| (name.to_owned(), value)))
            .collect();
            provide_context(PageCtx {
                flash: Some(Flash {
                    form: Some(form_id::<GenerateSessions>().to_owned()),
                    error: Some(error),
                    values,
                    notice: None,
                }),
                ..page.clone()
            });
        }
    }
    view! {
        <Title text=title.clone()/>
        <p><a href=cohorts::paths::cohort(cohort.id)>{t(T::BackToCohort)}</a></p>
        <h1>{title}</h1>
        {if schedulable {
            view! {
                <PatternForm data=data.clone()/>
                {match data.preview {
                    Some(Ok(preview)) => view! { <Preview preview cohort_id=cohort.id/> }.into_any(),
                    _ => ().into_any(),
                }}
            }.into_any()
        } else {
            view! { <p class="alert alert-error" role="alert">{t(T::NotSchedulable)}</p> }.into_any()
        }}
    }
}

const WEEKDAYS: [(&str, time::Weekday); 7] = [
    ("1", time::Weekday::Monday),
    ("2", time::Weekday::Tuesday),
    ("3", time::Weekday::Wednesday),
    ("4", time::Weekday::Thursday),
    ("5", time::Weekday::Friday),
    ("6", time::Weekday::Saturday),
    ("7", time::Weekday::Sunday),
];

#[component]
fn PatternForm(data: GenerationPage) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let chosen_days = page.query_params("weekdays");
    let until_hours = page.query_param("until").as_deref() == Some("hours");
    let value = |name: &str, default: String| page.query_param(name).unwrap_or(default);
    let cohort = &data.cohort;
    let default_from = {
        let today = wib::today(time::OffsetDateTime::now_utc());
        wib::iso_date(if today > cohort.starts_on && today <= cohort.ends_on {
            today
        } else {
            cohort.starts_on
        })
    };
    let choices = |list: &[crate::cohorts::dto::Choice]| {
        list.iter()
            .map(|c| (c.id.to_string(), c.label.clone()))
            .collect::<Vec<_>>()
    };
    let default_instructor = data
        .instructors
        .first()
        .map(|c| c.id.to_string())
        .unwrap_or_default();
    let default_room = cohort.room.as_ref().map(|r| r.id.to_string()).unwrap_or_default();
    let form = form_id::<GenerateSessions>();
    let (until_date_id, until_hours_id) = (field_id(form, "until-date"), field_id(form, "until-hours"));
    view! {
        <section class="panel">
            <p>{t(T::GenerateIntro)}</p>
            <FormAlert form=form/>
            <form method="get" action=paths::generate(cohort.id) class="stack">
                <fieldset>
                    <legend>{t(T::FieldWeekdays)}</legend>
                    <div class="weekday-choices">
                        {WEEKDAYS.iter().map(|(number, day)| {
                            let id = field_id(form, &format!("day-{number}"));
                            view! {
                                <div class="choice">
                                    <input type="checkbox" id=id.clone() name="weekdays" value=*number
                                        checked=chosen_days.iter().any(|d| d == number)/>
                                    <label for=id>{wib::weekday(*day, locale)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    <FieldProblem form=form name="weekdays"/>
                </fieldset>
                <div class="two-columns">
                    <Field form=form name="start_time" label=T::FieldStartTime kind="time" required=true
                        value=value("start_time", "08:00".into())/>
                    <Field form=form name="end_time" label=T::FieldEndTime kind="time" required=true
                        value=value("end_time", "12:00".into())/>
                </div>
                <Field form=form name="every_weeks" label=T::FieldEveryWeeks hint=T::FieldEveryWeeksHint inputmode="numeric"
                    maxlength=1 value=value("every_weeks", "1".into())/>
                <Field form=form name="from" label=T::FieldFrom kind="date" required=true value=value("from", default_from)/>
                <fieldset>
                    <legend>{t(T::FieldUntil)}</legend>
                    <div class="choice">
                        <input type="radio" id=until_date_id.clone() name="until" value="date" checked=!until_hours/>
                        <label for=until_date_id>{t(T::UntilDate)}</label>
                    </div>
                    <div class="choice">
                        <input type="radio" id=until_hours_id.clone() name="until" value="hours" checked=until_hours/>
                        <label for=until_hours_id>{t(T::UntilHours)}</label>
                    </div>
                    <Field form=form name="until_date" label=T::FieldUntilDate kind="date"
                        value=value("until_date", wib::iso_date(cohort.ends_on))/>
                    <Field form=form name="target_hours" label=T::FieldTargetHours inputmode="numeric" maxlength=4
                        value=value("target_hours", data.remaining_hours.to_string())/>
                    <p class="hint">{fill(t(T::RemainingHours), &[("n", &data.remaining_hours.to_string())])}</p>
                </fieldset>
                <SelectField form=form name="instructor_id" label=T::FieldInstructor options=choices(&data.instructors)
                    selected=page.query_param("instructor_id").unwrap_or(default_instructor) empty=T::NoInstructor/>
                <SelectField form=form name="room_id" label=T::FieldRoom options=choices(&data.rooms)
                    selected=page.query_param("room_id").unwrap_or(default_room) empty=T::NoRoom/>
                <div class="button-row">
                    <button type="submit" class="button">{t(T::PreviewButton)}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn Preview(preview: GenerationPreview, cohort_id: CohortId) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let clashing = preview.rows.iter().filter(|r| !r.conflicts.is_empty()).count();
    let hidden: Vec<(String, String)> = [
        "start_time",
        "end_time",
        "every_weeks",
        "from",
        "until",
        "until_date",
        "target_hours",
        "instructor_id",
        "room_id",
    ]
    .into_iter()
    .filter_map(|name| page.query_param(name).map(|value| (name.to_owned(), value)))
    .chain(
        page.query_params("weekdays")
            .into_iter()
            .enumerate()
            .map(|(index, day)| (format!("weekdays[{index}]"), day)),
    )
    .collect();
    let show_date = move |date: &Date| wib::date_long(*date, locale);
    let show_time = move |start: &OffsetDateTime, end: &OffsetDateTime| wib::time_span(*start, *end, locale);
    view! {
        <section class="panel" aria-labelledby="preview-heading">
            <h2 id="preview-heading">
                {fill(t(T::PreviewTitle), &[("n", &preview.rows.len().to_string()), ("hours", &preview.lesson_hours.to_string())])}
            </h2>
            <p class="hint">{t(T::PreviewNothingSaved)}</p>
            {(clashing > 0).then(|| view! {
                <p class="alert alert-error" role="alert">{fill(t(T::ConflictsFound), &[("n", &clashing.to_string())])}</p>
            })}
            {(!preview.skipped.is_empty()).then(|| view! {
                <h3>{t(T::SkippedHolidays)}</h3>
                <ul class="plain-list">
                    {preview.skipped.iter().map(|day| view! { <li>{show_date(&day.0)} " – " {day.1.clone()}</li> }).collect_view()}
                </ul>
            })}
            <form method="post" action={api::<GenerateSessions>()} class="stack">
                <input type="hidden" name="cohort_id" value=cohort_id.to_string()/>
                {hidden.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect_view()}
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="preview-heading">
                    <table class="data-table preview-table">
                        <thead>
                            <tr>
                                <th scope="col">{t(T::ColumnDate)}</th>
                                <th scope="col">{t(T::ColumnTime)}</th>
                                <th scope="col">{t(T::ColumnConflict)}</th>
                                <th scope="col">{t(T::SkipDate)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {preview.rows.iter().enumerate().map(|(index, row)| {
                                let id = format!("skip-{index}");
                                let clash = !row.conflicts.is_empty();
                                view! {
                                    <tr class:clash=clash>
                                        <td data-label=t(T::ColumnDate)>{show_date(&row.date)}</td>
                                        <td data-label=t(T::ColumnTime)>{show_time(&row.starts_at, &row.ends_at)}</td>
                                        <td data-label=t(T::ColumnConflict)>
                                            {if clash {
                                                row.conflicts.iter().map(|p| view! { <p class="field-error">{problem_text(p, locale)}</p> }).collect_view().into_any()
                                            } else {
                                                t(T::NoneYet).into_any()
                                            }}
                                        </td>
                                        <td data-label=t(T::SkipDate)>
                                            <input type="checkbox" id=id.clone() name=format!("skip[{index}]") value=wib::iso_date(row.date) checked=clash/>
                                            <label for=id class="visually-hidden">{format!("{} {}", t(T::SkipDate), show_date(&row.date))}</label>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <FieldProblem form={form_id::<GenerateSessions>()} name="skip"/>
                <div class="button-row">
                    <button type="submit" class="button">{t(T::ConfirmButton)}</button>
                </div>
            </form>
        </section>
    }
}
