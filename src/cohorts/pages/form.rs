//! The new-cohort and edit-cohort pages: one form, every rule checked on the server.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::cohorts::api::{get_cohort_form, CreateCohort, UpdateCohort};
use crate::cohorts::authz;
use crate::cohorts::dto::CohortForm;
use crate::cohorts::paths;
use crate::cohorts::texts::{status_text, T};
use crate::kernel::i18n::fill;
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::ui::forms::{field_id, Field, FieldProblem, FormAlert, SelectField};
use crate::ui::guard::{loaded, path_id, require, NotFound};
use crate::ui::texts::Ui;

#[component]
pub fn NewCohortPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_plan_cohorts) {
        return denied;
    }
    let page = use_page();
    view! {
        <Title text=page.t(T::NewCohortTitle)/>
        <h1>{page.t(T::NewCohortTitle)}</h1>
        {loaded(get_cohort_form(None), move |form| view! { <CohortFormView form/> })}
    }
    .into_any()
}

#[component]
pub fn EditCohortPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_plan_cohorts) {
        return denied;
    }
    let Some(cohort_id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    let page = use_page();
    let locale = page.locale;
    view! {
        {loaded(get_cohort_form(Some(cohort_id)), move |form| {
            let title = fill(T::EditCohortTitle.get(locale), &[("code", &form.values.code)]);
            view! {
                <Title text=title.clone()/>
                <h1>{title}</h1>
                <CohortFormView form/>
            }
        })}
    }
    .into_any()
}

#[component]
fn CohortFormView(form: CohortForm) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let values = form.values.clone();
    let id_text = |id: Option<i64>| id.map(|id| id.to_string()).unwrap_or_default();
    let to_options = |choices: &[crate::cohorts::dto::Choice]| {
        choices
            .iter()
            .map(|c| (c.id.to_string(), c.label.clone()))
            .collect::<Vec<_>>()
    };
    let rooms: Vec<(String, String)> = form
        .rooms
        .iter()
        .map(|room| (room.id.to_string(), format!("{} ({})", room.label, room.capacity)))
        .collect();
    let statuses: Vec<(String, String)> = form
        .statuses
        .iter()
        .map(|status| (status.as_str().to_owned(), t(status_text(*status)).to_owned()))
        .collect();
    // One form for both: it posts to, and is named after, the function it calls.
    let (action, submit, form_name) = match form.cohort_id {
        Some(_) => (api::<UpdateCohort>(), t(T::SaveCohort), form_id::<UpdateCohort>()),
        None => (
            api::<CreateCohort>(),
            t(T::CreateCohort),
            form_id::<CreateCohort>(),
        ),
    };
    let chosen_instructors: Vec<i64> = page
        .flash_value(form_name, "instructor_ids")
        .map(|v| v.split(',').filter_map(|id| id.parse().ok()).collect())
        .unwrap_or_else(|| values.instructor_ids.clone());
    let sites = form.sites.clone();
    let site_name = move |ids: &[i64]| {
        sites
            .iter()
            .filter(|s| ids.contains(&s.id))
            .map(|s| s.label.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let hint_id = field_id(form_name, "instructor_ids-hint");
    let described_by = hint_id.clone();
    let back = form
        .cohort_id
        .map_or_else(|| paths::COHORTS.to_owned(), paths::cohort);
    view! {
        <section class="panel">
            <FormAlert form=form_name/>
            <form method="post" action=action class="stack">
                {form.cohort_id.map(|id| view! { <input type="hidden" name="cohort_id" value=id.to_string()/> })}
                <Field form=form_name name="code" label=T::FieldCohortCode hint=T::FieldCohortCodeHint required=true
                    maxlength=30 autocomplete="off" value=values.code.clone()/>
                <SelectField form=form_name name="course_id" label=T::FieldCourse options=to_options(&form.courses)
                    selected=id_text(values.course_id) empty=T::Choose required=true/>
                <SelectField form=form_name name="programme_id" label=T::FieldProgramme options=to_options(&form.programmes)
                    selected=id_text(values.programme_id) empty=T::Choose required=true/>
                <SelectField form=form_name name="site_id" label=T::FieldSite options=to_options(&form.sites)
                    selected=id_text(values.site_id) empty=T::Choose required=true/>
                <Field form=form_name name="capacity" label=T::FieldCohortCapacity inputmode="numeric" required=true
                    maxlength=3 value=values.capacity.clone()/>
                <SelectField form=form_name name="room_id" label=T::FieldRoom hint=T::FieldRoomHint options=rooms
                    selected=id_text(values.room_id) empty=T::NoRoom/>
                <Field form=form_name name="starts_on" label=T::FieldStartsOn kind="date" required=true value=values.starts_on.clone()/>
                <Field form=form_name name="ends_on" label=T::FieldEndsOn kind="date" required=true value=values.ends_on.clone()/>
                <Field form=form_name name="attendance_threshold" label=T::FieldThreshold hint=T::FieldThresholdHint
                    inputmode="numeric" maxlength=3 value=values.attendance_threshold.clone()/>
                <SelectField form=form_name name="status" label=T::FieldStatus options=statuses
                    selected=values.status.map(|s| s.as_str().to_owned()).unwrap_or_default()/>
                <fieldset aria-describedby=described_by>
                    <legend>{t(T::FieldInstructors)}</legend>
                    <p class="hint" id=hint_id>{t(T::FieldInstructorsHint)}</p>
                    {if form.instructors.is_empty() {
                        view! { <p>{t(T::NoInstructors)}</p> }.into_any()
                    } else {
                        form.instructors.iter().enumerate().map(|(index, person)| {
                            let id = field_id(form_name, &format!("instructor-{}", person.id));
                            view! {
                                <div class="choice">
                                    <input type="checkbox" id=id.clone() name=format!("instructor_ids[{index}]")
                                        value=person.id.to_string() checked=chosen_instructors.contains(&person.id)/>
                                    <label for=id>{person.name.clone()} <span class="hint">" · " {site_name(&person.site_ids)}</span></label>
                                </div>
                            }
                        }).collect_view().into_any()
                    }}
                    <FieldProblem form=form_name name="instructor_ids"/>
                </fieldset>
                <div class="button-row">
                    <button type="submit" class="button">{submit}</button>
                    <a class="button button-quiet" href=back>{t(Ui::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}
