//! `/peserta/:id`: a trainee's record, account, enrollments with their history, and the
//! form to apply them to a cohort.

use leptos::prelude::*;
use leptos_meta::Title;

use super::EnrollmentHistory;
use crate::accounts;
use crate::kernel::i18n::fill;
use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::trainees::api::{get_trainee, Enroll};
use crate::trainees::authz;
use crate::trainees::dto::TraineeDetail;
use crate::trainees::paths;
use crate::trainees::texts::{education_text, sex_text, source_text, T};
use crate::ui::forms::{field_id, FormAlert};
use crate::ui::guard::{loaded, path_id, require, NotFound};

#[component]
pub fn TraineePage() -> impl IntoView {
    if let Err(denied) = require(authz::can_use_registry) {
        return denied;
    }
    let Some(id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    let locale = use_page().locale;
    view! {
        <p><a href=paths::TRAINEES>{T::BackToTrainees.get(locale)}</a></p>
        {loaded(get_trainee(id), |detail| view! { <DetailView detail/> })}
    }
    .into_any()
}

/// The facts of a record, shared by the coordinator's page and the trainee's own.
#[component]
pub fn RecordFacts(detail: TraineeDetail) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let none = || t(T::NoneChosen).to_owned();
    let birth = wib::date_short(detail.birth_date);
    let row = move |label: Text, value: String| view! { <dt>{t(label)}</dt> <dd>{value}</dd> };
    view! {
        <dl class="facts">
            {row(T::FieldNik, detail.nik.clone())}
            {row(T::FieldBirthPlace, format!("{}{}{}", detail.birth_place, if detail.birth_place.is_empty() { "" } else { ", " }, birth))}
            {row(T::FieldSex, t(sex_text(detail.sex)).to_owned())}
            {row(T::FieldAddress, if detail.address.is_empty() { none() } else { detail.address.clone() })}
            {row(T::FieldRegency, detail.regency.clone())}
            {row(T::FieldPhone, detail.phone.clone().unwrap_or_else(none))}
            {row(T::FieldEmail, detail.email.clone().unwrap_or_else(none))}
            {row(T::FieldEducation, t(education_text(detail.education)).to_owned())}
            {row(T::FieldProgramme, detail.programme.clone().unwrap_or_else(none))}
            {row(T::FieldGuardianName, match (&detail.guardian_name, &detail.guardian_relation) {
                (Some(name), Some(relation)) => format!("{name} ({relation})"),
                (Some(name), None) => name.clone(),
                _ => none(),
            })}
            {row(T::FieldGuardianPhone, detail.guardian_phone.clone().unwrap_or_else(none))}
            {row(T::FieldSource, t(source_text(detail.source)).to_owned())}
            {row(T::FieldIdPmi, detail.id_pmi.clone().unwrap_or_else(none))}
            {row(T::FieldSiskop2mi, detail.siskop2mi_no.clone().unwrap_or_else(none))}
            {row(T::FieldSite, detail.site.clone())}
        </dl>
        {detail.outside_banten.then(|| view! {
            <p class="alert alert-info">{fill(t(T::NikOutsideBanten), &[("province", &detail.nik_province)])}</p>
        })}
    }
}

#[component]
fn DetailView(detail: TraineeDetail) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let id = detail.id;
    let account = detail.account.clone();
    let enrollments = detail.enrollments.clone();
    let cohorts = detail.cohorts_to_join.clone();
    view! {
        <Title text=detail.full_name.clone()/>
        <div class="page-heading">
            <h1>{detail.full_name.clone()}</h1>
            {detail.can_edit.then(|| view! { <a class="button button-quiet" href=paths::edit_trainee(id)>{t(T::EditTrainee)}</a> })}
        </div>
        <section class="panel" aria-labelledby="record-heading">
            <h2 id="record-heading">{t(T::ProfileTitle)}</h2>
            <RecordFacts detail=detail.clone()/>
            {detail.notes.clone().map(|notes| view! { <p class="hint">{t(T::FieldNotes)} ": " {notes}</p> })}
        </section>
        <section class="panel" aria-labelledby="account-heading">
            <h2 id="account-heading">{t(T::AccountTitle)}</h2>
            {match account {
                Some(account) => {
                    let status = if !account.active { T::AccountDeactivated } else if account.activated { T::AccountActive } else { T::AccountPending };
                    view! {
                        <p>
                            <span class="badge">{t(status)}</span> " "
                            <a href=accounts::paths::user(account.user_id)>{t(T::OpenAccount)}</a>
                        </p>
                    }.into_any()
                }
                None => view! { <p>{t(T::NoAccount)}</p> }.into_any(),
            }}
        </section>
        <section class="panel" aria-labelledby="enrollments-heading">
            <h2 id="enrollments-heading">{t(T::EnrollmentsTitle)}</h2>
            <FormAlert form={form_id::<Enroll>()}/>
            <EnrollmentHistory enrollments/>
            {(!cohorts.is_empty()).then(|| view! {
                <form method="post" action={api::<Enroll>()} class="inline-fields">
                    <input type="hidden" name="trainee_id" value=id.to_string()/>
                    <div class="field">
                        <label for={field_id(form_id::<Enroll>(), "cohort")}>{t(T::EnrollTitle)}</label>
                        <select id={field_id(form_id::<Enroll>(), "cohort")} name="cohort_id">
                            {cohorts.iter().map(|c| view! { <option value=c.id.to_string()>{c.label.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button">{t(T::EnrollButton)}</button>
                </form>
            })}
        </section>
    }
    .into_any()
}
