//! `/peserta/baru` and `/peserta/:id/ubah`: the trainee record form, every rule checked on
//! the server (the NIK against the birth date and sex, the regency, the phone…).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::kernel::i18n::fill;
use crate::kernel::{AccountId, Text};
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::trainees::api::{get_trainee_form, SaveTrainee};
use crate::trainees::authz;
use crate::trainees::dto::TraineeForm;
use crate::trainees::model::{regency_choices, Education, Source};
use crate::trainees::paths;
use crate::trainees::texts::{education_text, source_text, T};
use crate::ui::forms::{Field, FormAlert, SelectField, TextAreaField};
use crate::ui::guard::{loaded, path_id, require, NotFound};
use crate::ui::texts::Ui;

#[component]
pub fn NewTraineePage() -> impl IntoView {
    if let Err(denied) = require(authz::can_use_registry) {
        return denied;
    }
    let page = use_page();
    let locale = page.locale;
    let account = page.query_param("akun").and_then(|a| a.parse::<AccountId>().ok());
    view! {
        <Title text=T::NewTraineeTitle.get(locale)/>
        <h1>{T::NewTraineeTitle.get(locale)}</h1>
        {loaded(get_trainee_form(None, account), |form| view! { <TraineeFormView form/> })}
    }
    .into_any()
}

#[component]
pub fn EditTraineePage() -> impl IntoView {
    if let Err(denied) = require(authz::can_use_registry) {
        return denied;
    }
    let Some(id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    let locale = use_page().locale;
    view! {
        {loaded(get_trainee_form(Some(id), None), move |form| {
            let title = fill(T::EditTraineeTitle.get(locale), &[("name", &form.values.full_name)]);
            view! { <Title text=title.clone()/> <h1>{title}</h1> <TraineeFormView form/> }
        })}
    }
    .into_any()
}

#[component]
fn TraineeFormView(form: TraineeForm) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let v = form.values.clone();
    let to_options = |list: &[crate::cohorts::dto::Choice]| {
        list.iter()
            .map(|c| (c.id.to_string(), c.label.clone()))
            .collect::<Vec<_>>()
    };
    let mut regencies = regency_choices();
    regencies.push(("other".to_owned(), t(T::OtherRegency).to_owned()));
    let educations: Vec<(String, String)> = Education::ALL
        .iter()
        .map(|e| (e.as_str().to_owned(), t(education_text(*e)).to_owned()))
        .collect();
    let sources: Vec<(String, String)> = Source::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), t(source_text(*s)).to_owned()))
        .collect();
    let sexes = vec![
        ("P".to_owned(), t(T::SexFemale).to_owned()),
        ("L".to_owned(), t(T::SexMale).to_owned()),
    ];
    let sex = match v.sex.as_str() {
        "F" => "P".to_owned(),
        "M" => "L".to_owned(),
        other => other.to_owned(),
    };
    let action = api::<SaveTrainee>();
    let form_name = form_id::<SaveTrainee>();
    let cancel = match form.trainee_id {
        Some(id) => paths::trainee(id),
        None => paths::TRAINEES.to_owned(),
    };
    view! {
        <section class="panel">
            <FormAlert form=form_name/>
            <form method="post" action=action class="stack">
                {form.trainee_id.map(|id| view! { <input type="hidden" name="trainee_id" value=id.to_string()/> })}
                <Field form=form_name name="nik" label=T::FieldNik hint=T::FieldNikHint inputmode="numeric" required=true maxlength=20
                    autocomplete="off" value=v.nik.clone()/>
                <Field form=form_name name="full_name" label=T::FieldFullName required=true maxlength=120 autocomplete="off" value=v.full_name.clone()/>
                <div class="two-columns">
                    <Field form=form_name name="birth_place" label=T::FieldBirthPlace maxlength=60 value=v.birth_place.clone()/>
                    <Field form=form_name name="birth_date" label=T::FieldBirthDate kind="date" required=true value=v.birth_date.clone()/>
                </div>
                <SelectField form=form_name name="sex" label=T::FieldSex options=sexes selected=sex empty=T::Choose required=true/>
                <TextAreaField form=form_name name="address" label=T::FieldAddress rows=2 maxlength=300 value=v.address.clone()/>
                <SelectField form=form_name name="regency_code" label=T::FieldRegency hint=T::FieldRegencyHint options=regencies
                    selected=v.regency_code.clone() empty=T::FromNik/>
                <Field form=form_name name="regency_other" label=T::FieldRegencyOther optional=true maxlength=80 value=v.regency_other.clone()/>
                <Field form=form_name name="phone" label=T::FieldPhone kind="tel" inputmode="tel" optional=true maxlength=20 value=v.phone.clone()/>
                <Field form=form_name name="email" label=T::FieldEmail kind="email" optional=true maxlength=254 value=v.email.clone()/>
                <SelectField form=form_name name="education" label=T::FieldEducation options=educations selected=v.education.clone()/>
                <SelectField form=form_name name="programme_id" label=T::FieldProgramme options=to_options(&form.programmes)
                    selected=v.programme_id.clone() empty=T::NoneChosen/>
                <fieldset>
                    <legend>{t(T::GuardianTitle)}</legend>
                    <div class="stack">
                        <Field form=form_name name="guardian_name" label=T::FieldGuardianName optional=true maxlength=120 value=v.guardian_name.clone()/>
                        <Field form=form_name name="guardian_relation" label=T::FieldGuardianRelation optional=true maxlength=40 value=v.guardian_relation.clone()/>
                        <Field form=form_name name="guardian_phone" label=T::FieldGuardianPhone kind="tel" inputmode="tel" optional=true maxlength=20
                            value=v.guardian_phone.clone()/>
                    </div>
                </fieldset>
                <SelectField form=form_name name="source" label=T::FieldSource options=sources selected=v.source.clone()/>
                <fieldset>
                    <legend>{t(T::RegistryNumbersTitle)}</legend>
                    <div class="stack">
                        <Field form=form_name name="id_pmi" label=T::FieldIdPmi hint=T::FieldIdPmiHint optional=true maxlength=60
                            autocomplete="off" value=v.id_pmi.clone().unwrap_or_default()/>
                        <Field form=form_name name="siskop2mi_no" label=T::FieldSiskop2mi hint=T::FieldSiskop2miHint optional=true maxlength=60
                            autocomplete="off" value=v.siskop2mi_no.clone().unwrap_or_default()/>
                    </div>
                </fieldset>
                <TextAreaField form=form_name name="notes" label=T::FieldNotes optional=true rows=3 maxlength=1000 value=v.notes.clone()/>
                <SelectField form=form_name name="site_id" label=T::FieldSite options=to_options(&form.sites) selected=v.site_id.clone()
                    empty=T::Choose required=true/>
                {form.trainee_id.is_none().then(|| view! {
                    <div class="choice">
                        <input type="checkbox" id="trainee-create_account" name="create_account" value="1"
                            aria-describedby="trainee-create_account-hint" checked=form.account_id.is_none()/>
                        <label for="trainee-create_account">{t(T::FieldCreateAccount)}</label>
                    </div>
                    <p class="hint" id="trainee-create_account-hint">{t(T::FieldCreateAccountHint)}</p>
                })}
                <div class="button-row">
                    <button type="submit" class="button">{t(T::SaveTrainee)}</button>
                    <a class="button button-quiet" href=cancel>{t(Ui::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}
