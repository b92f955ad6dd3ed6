//! `/angkatan/:id/peserta`: a cohort's roster by status, the waitlist in order, and for
//! its coordinators the moves of the lifecycle, one small form per person.

use leptos::prelude::*;
use leptos_meta::Title;
use time::Date;

use crate::cohorts;
use crate::kernel::i18n::{error_text, fill, problem_text};
use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::platform::query_string::{ExportQuery, NoFilter};
use crate::platform::response::{api, form_id};
use crate::trainees::api::{get_roster, ChangeStatus, Enroll};
use crate::trainees::authz;
use crate::trainees::dto::{Roster, RosterEntry};
use crate::trainees::model::enrollment::EnrollmentStatus;
use crate::trainees::paths;
use crate::trainees::texts::{action_text, status_text, T};
use crate::ui::forms::{Field, FormAlert};
use crate::ui::guard::{loaded, path_id, require, NotFound};

#[component]
pub fn RosterPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_view_rosters) {
        return denied;
    }
    let Some(id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    let locale = use_page().locale;
    view! {
        <p><a href=cohorts::paths::cohort(id)>{T::BackToCohort.get(locale)}</a></p>
        {loaded(get_roster(id), |roster| view! { <RosterView roster/> })}
    }
    .into_any()
}

#[component]
fn RosterView(roster: Roster) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let title = fill(t(T::RosterTitle), &[("code", &roster.code)]);
    let id = roster.cohort_id;
    let groups: Vec<(EnrollmentStatus, Vec<RosterEntry>)> = EnrollmentStatus::ALL
        .iter()
        .map(|status| {
            (
                *status,
                roster
                    .entries
                    .iter()
                    .filter(|e| e.status == *status)
                    .cloned()
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, entries)| !entries.is_empty())
        .collect();
    let roster_for_rows = roster.clone();
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <section class="panel">
            <p>{fill(t(T::SeatsSummary), &[("taken", &roster.seats_taken.to_string()), ("capacity", &roster.capacity.to_string())])}</p>
            <div class="button-row">
                <a class="button button-quiet" href=ExportQuery::link(&paths::roster_export(id), "csv", NoFilter {})>{t(T::ExportEnrollmentsCsv)}</a>
                <a class="button button-quiet" href=ExportQuery::link(&paths::roster_export(id), "xlsx", NoFilter {})>{t(T::ExportEnrollmentsXlsx)}</a>
            </div>
            <FormAlert form={form_id::<ChangeStatus>()}/>
            {roster.can_manage.then(|| view! {
                <FormAlert form={form_id::<Enroll>()}/>
                <form method="post" action={api::<Enroll>()} class="inline-fields">
                    <input type="hidden" name="cohort_id" value=id.to_string()/>
                    <Field form={form_id::<Enroll>()} name="nik" label=T::AddToCohort hint=T::AddToCohortHint inputmode="numeric" maxlength=20 autocomplete="off"/>
                    <button type="submit" class="button">{t(T::EnrollButton)}</button>
                </form>
            })}
        </section>
        {if groups.is_empty() {
            view! { <p>{t(T::RosterEmpty)}</p> }.into_any()
        } else {
            groups.into_iter().map(|(status, entries)| {
                let heading_id = format!("roster-{}", status.as_str());
                let roster = roster_for_rows.clone();
                view! {
                    <section class="panel" aria-labelledby=heading_id.clone()>
                        <h2 id=heading_id.clone()>{t(status_text(status))} " (" {entries.len()} ")"</h2>
                        <ul class="record-list">
                            {entries.into_iter().map(|entry| view! { <RosterRow entry roster=roster.clone()/> }).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view().into_any()
        }}
    }
}

#[component]
fn RosterRow(entry: RosterEntry, roster: Roster) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let next = entry.status.next();
    let id = entry.enrollment_id;
    // A refused change comes back to the row it was made on.
    let mine = page
        .flash_value(form_id::<ChangeStatus>(), "enrollment_id")
        .as_deref()
        == Some(id.to_string().as_str());
    let problem = mine
        .then(|| page.flash_error(form_id::<ChangeStatus>()))
        .flatten()
        .map(|error| {
            match error
                .field_problem("status")
                .or(error.field_problem("reason"))
                .or(error.field_problem("date"))
                .or(error.field_problem("target_cohort"))
            {
                Some(problem) => problem_text(problem, locale),
                None => error_text(&error, locale),
            }
        });
    let show = |date: Option<Date>| date.map(wib::date_short);
    view! {
        <li class="record">
            <a class="record-title" href=paths::trainee(entry.trainee_id)>{entry.full_name.clone()}</a>
            {entry.waitlist_position.map(|n| view! { <span class="badge">{fill(t(T::WaitlistPosition), &[("n", &n.to_string())])}</span> })}
            <div class="hint">
                <span class="nik">{entry.nik.clone()}</span>
                {entry.phone.clone().map(|p| view! { " · " {p} })}
                {show(entry.joined_on).map(|d| view! { " · " {t(T::Joined)} " " {d} })}
                {show(entry.left_on).map(|d| view! { " · " {t(T::Left)} " " {d} })}
            </div>
            {problem.map(|text| view! { <p class="field-error" role="alert">{text}</p> })}
            {(roster.can_manage && !next.is_empty()).then(|| {
                let transfer = next.contains(&EnrollmentStatus::Transferred) && !roster.transfer_targets.is_empty();
                view! {
                    <details class="status-change" open=mine>
                        <summary>{t(T::ChangeStatus)}</summary>
                        <form method="post" action={api::<ChangeStatus>()} class="stack">
                            <input type="hidden" name="enrollment_id" value=id.to_string()/>
                            <div class="field">
                                <label for=format!("status-{id}")>{t(T::ChangeStatus)}</label>
                                <select id=format!("status-{id}") name="status">
                                    {next.iter().filter(|s| **s != EnrollmentStatus::Transferred || transfer).map(|s| view! {
                                        <option value=s.as_str()>{t(action_text(*s))}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for=format!("reason-{id}")>{t(T::FieldReason)}</label>
                                <input id=format!("reason-{id}") name="reason" type="text" maxlength=500
                                    aria-describedby=format!("reason-{id}-hint")/>
                                <p class="hint" id=format!("reason-{id}-hint")>{t(T::FieldReasonHint)}</p>
                            </div>
                            {next.iter().any(|s| matches!(s, EnrollmentStatus::Active | EnrollmentStatus::Completed | EnrollmentStatus::Withdrawn | EnrollmentStatus::Transferred)).then(|| view! {
                                <div class="field">
                                    <label for=format!("date-{id}")>{t(T::FieldDate)}</label>
                                    <input id=format!("date-{id}") name="date" type="date" aria-describedby=format!("date-{id}-hint")/>
                                    <p class="hint" id=format!("date-{id}-hint")>{t(T::FieldDateHint)}</p>
                                </div>
                            })}
                            {transfer.then(|| view! {
                                <div class="field">
                                    <label for=format!("target-{id}")>{t(T::FieldTarget)}</label>
                                    <select id=format!("target-{id}") name="target_cohort">
                                        <option value="">{t(T::NoneChosen)}</option>
                                        {roster.transfer_targets.iter().map(|c| view! { <option value=c.id.to_string()>{c.label.clone()}</option> }).collect_view()}
                                    </select>
                                </div>
                            })}
                            <div class="button-row"><button type="submit" class="button">{t(T::ApplyChange)}</button></div>
                        </form>
                    </details>
                }
            })}
        </li>
    }
}
