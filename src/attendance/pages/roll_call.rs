//! `/sesi/:id/absen`: the roll call of one session, made for a phone at the front of the
//! class: everyone starts as Hadir, the instructor taps the exceptions and saves once.
//! A plain form: it works the same without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use super::StatusBadge;
use crate::attendance::api::{get_roll_call, OpenCheckIn, SaveRollCall};
use crate::attendance::authz;
use crate::attendance::dto::{RollCall, RollCallLine};
use crate::attendance::model::excuse::ExcuseStatus;
use crate::attendance::model::AttendanceStatus;
use crate::attendance::paths;
use crate::attendance::texts::{kind_text, source_text, status_text, T};
use crate::kernel::i18n::{fill, problem_text};
use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::schedule;
use crate::schedule::pages::{session_date, time_span};
use crate::ui::forms::{FieldProblem, FormAlert};
use crate::ui::guard::{loaded, path_id, require, NotFound};

#[component]
pub fn RollCallPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_take_roll_calls) {
        return denied;
    }
    let Some(id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    loaded(get_roll_call(id), |roll| view! { <RollCallView roll/> }).into_any()
}

#[component]
fn RollCallView(roll: RollCall) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let session = roll.session.clone();
    let id = session.id;
    let title = fill(t(T::RollCallTitle), &[("cohort", &session.cohort)]);
    let when = format!(
        "{}, {}",
        session_date(&session, locale),
        time_span(&session, locale)
    );
    let place = [session.room.clone(), session.unit.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let taken = roll.taken.clone().map(|taken| {
        let at = wib::instant_short(taken.at, locale);
        if taken.automatic {
            fill(t(T::TakenAutomatically), &[("when", &at)])
        } else {
            fill(
                t(T::TakenBy),
                &[
                    ("name", &taken.by.unwrap_or_else(|| t(T::Automatic).to_owned())),
                    ("when", &at),
                ],
            )
        }
    });
    let count = roll.lines.len();
    let refusal = roll.refusal.clone();
    let can_save = refusal.is_none() && count > 0;
    view! {
        <Title text=title.clone()/>
        <p><a href=schedule::paths::session(id)>{t(T::BackToSession)}</a></p>
        <h1>{title}</h1>
        <p class="lead">{when}{(!place.is_empty()).then(|| view! { " · " {place.clone()} })}</p>
        <p>{taken.unwrap_or_else(|| t(T::NotTaken).to_owned())}</p>
        {refusal.map(|problem| view! { <p class="alert alert-info" role="status">{problem_text(&problem, locale)}</p> })}
        <CheckInPanel roll=roll.clone()/>
        <FormAlert form={form_id::<SaveRollCall>()}/>
        <FieldProblem form={form_id::<SaveRollCall>()} name="roll_call"/>
        {if count == 0 {
            view! { <p>{t(T::RollCallEmpty)}</p> }.into_any()
        } else {
            view! {
                <form method="post" action={api::<SaveRollCall>()} class="roll-call">
                    <input type="hidden" name="session_id" value=id.to_string()/>
                    <p class="hint">{t(T::RollCallIntro)}</p>
                    <ol class="roll-lines">
                        {roll.lines.into_iter().enumerate().map(|(n, line)| view! { <Line n=n + 1 line/> }).collect_view()}
                    </ol>
                    {roll.reason_needed.then(|| view! {
                        <crate::ui::forms::Field form={form_id::<SaveRollCall>()} name="reason" label=T::ChangeReason hint=T::ChangeReasonHint required=true maxlength=300/>
                    })}
                    {can_save.then(|| view! {
                        <div class="button-row sticky-actions">
                            <button type="submit" class="button">{fill(t(T::SaveRollCall), &[("n", &count.to_string())])}</button>
                        </div>
                    })}
                </form>
            }.into_any()
        }}
        <p class="no-print"><a href=paths::session_register(id)>{t(T::PrintRegister)}</a></p>
    }
}

#[component]
fn CheckInPanel(roll: RollCall) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let id = roll.session.id;
    (roll.check_in_possible && roll.refusal.is_none()).then(|| {
        view! {
            <section class="panel" aria-labelledby="check-in-heading">
                <h2 id="check-in-heading">{t(T::SelfCheckIn)}</h2>
                <p class="hint">{t(T::CheckInHint)}</p>
                <FormAlert form={form_id::<OpenCheckIn>()}/>
                <FieldProblem form={form_id::<OpenCheckIn>()} name="check_in"/>
                {if roll.check_in_open {
                    view! { <a class="button" href=paths::check_in_code(id)>{t(T::OpenCheckIn)}</a> }.into_any()
                } else {
                    view! {
                        <form method="post" action={api::<OpenCheckIn>()}>
                            <input type="hidden" name="session_id" value=id.to_string()/>
                            <button type="submit" class="button">{t(T::OpenCheckIn)}</button>
                        </form>
                    }.into_any()
                }}
            </section>
        }
    })
}

/// One trainee: a group of five choices, a remark, and what is known (check-in, excuse,
/// history).
#[component]
fn Line(n: usize, line: RollCallLine) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let id = line.trainee_id;
    let status_name = format!("status[{id}]");
    let remark_name = format!("remark[{id}]");
    // After a refused save, what was chosen comes back.
    let chosen = page
        .flash_value(form_id::<SaveRollCall>(), &status_name)
        .and_then(|v| AttendanceStatus::parse(&v).ok())
        .unwrap_or(line.status);
    let remark = page
        .flash_value(form_id::<SaveRollCall>(), &remark_name)
        .or(line.remark.clone());
    let error = page.flash_error(form_id::<SaveRollCall>()).and_then(|e| {
        e.field_problem(&status_name)
            .or_else(|| e.field_problem(&remark_name))
            .map(|p| problem_text(p, locale))
    });
    let remark_id = format!("remark-{id}");
    let invalid = error.is_some();
    let described = invalid.then(|| format!("line-{id}-error"));
    let remark_open = remark.is_some();
    let legend_id = format!("line-{id}");
    view! {
        <li class="roll-line" class:field-invalid=invalid>
            <fieldset aria-describedby=described>
                <legend id=legend_id>
                    <span class="roll-number">{n} "."</span> " " {line.name.clone()}
                </legend>
                <div class="status-choices">
                    {AttendanceStatus::ALL.iter().map(|status| {
                        let input_id = format!("s-{id}-{}", status.as_str());
                        view! {
                            <span class=format!("status-choice choice-{}", status.as_str())>
                                <input type="radio" id=input_id.clone() name=status_name.clone() value=status.as_str()
                                    checked=*status == chosen/>
                                <label for=input_id>
                                    {t(status_text(*status))}
                                    <span class="visually-hidden">{format!(" · {}", line.name)}</span>
                                </label>
                            </span>
                        }
                    }).collect_view()}
                </div>
                {error.map(|message| view! { <p class="field-error" id=format!("line-{id}-error")>{message}</p> })}
                <Known line=line.clone()/>
                <details class="remark" open=remark_open>
                    <summary>{t(T::Remark)}</summary>
                    <label for=remark_id.clone() class="visually-hidden">{fill(t(T::RemarkFor), &[("name", &line.name)])}</label>
                    <input id=remark_id type="text" name=remark_name maxlength=200 value=remark autocomplete="off"/>
                </details>
            </fieldset>
        </li>
    }
}

/// What the instructor should know about a line: a check-in, an excuse, the saved
/// status's history.
#[component]
fn Known(line: RollCallLine) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let checked_in = line.checked_in_at.map(|at| {
        let time = wib::time_of_day(wib::to_wib(at).time(), locale);
        fill(t(T::CheckedInAt), &[("time", &time)])
    });
    let excuse = line.excuse.clone().map(|excuse| {
        let template = if excuse.status == ExcuseStatus::Approved {
            T::ExcuseApproved
        } else {
            T::ExcusePending
        };
        format!(
            "{}: {}",
            t(kind_text(excuse.kind)),
            fill(t(template), &[("reason", &excuse.reason)])
        )
    });
    view! {
        {checked_in.map(|text| view! { <p class="hint">{text}</p> })}
        {excuse.map(|text| view! { <p class="hint">{text}</p> })}
        {(!line.history.is_empty()).then(|| view! {
            <details class="history">
                <summary>{t(T::History)}</summary>
                <ol class="plain-list">
                    {line.history.iter().map(|change| view! {
                        <li>
                            {wib::instant_short(change.at, locale)} ": "
                            {change.from.map(|from| view! { {t(status_text(from))} " → " })}
                            <StatusBadge status=change.to/>
                            " (" {t(source_text(change.source))} ")"
                            {change.by.clone().map(|by| view! { " " {fill(t(T::ChangedBy), &[("name", &by)])} })}
                            {change.remark.clone().map(|r| view! { " — " {r} })}
                            {change.reason.clone().map(|r| view! { " — " <em>{r}</em> })}
                        </li>
                    }).collect_view()}
                </ol>
            </details>
        })}
    }
}
