//! `/profil`: a trainee's own record; they correct their contact details and address
//! themselves (never the NIK or KTP data).

use leptos::prelude::*;
use leptos_meta::Title;

use super::detail::RecordFacts;
use super::EnrollmentHistory;
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::trainees::api::{get_profile, SaveContact};
use crate::trainees::authz;
use crate::trainees::dto::Profile;
use crate::trainees::model::regency_choices;
use crate::trainees::texts::T;
use crate::ui::forms::{Field, FormAlert, SelectField, TextAreaField};
use crate::ui::guard::{loaded, require};

#[component]
pub fn ProfilePage() -> impl IntoView {
    if let Err(denied) = require(authz::can_edit_own_contact) {
        return denied;
    }
    let locale = use_page().locale;
    view! {
        <Title text=T::MyDetailsTitle.get(locale)/>
        <h1>{T::MyDetailsTitle.get(locale)}</h1>
        {loaded(
            async {
                // No record yet is not an error for the trainee: it is explained.
                match get_profile().await {
                    Err(crate::kernel::AppError::NotFound) => Ok(None),
                    other => other.map(Some),
                }
            },
            move |profile| match profile {
                Some(profile) => view! { <ProfileView profile/> }.into_any(),
                None => view! {
                    <p class="alert alert-info" role="status">{T::NoRecord.get(locale)}</p>
                }
                .into_any(),
            },
        )}
    }
    .into_any()
}

#[component]
fn ProfileView(profile: Profile) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let c = profile.contact.clone();
    let mut regencies = regency_choices();
    regencies.push(("other".to_owned(), t(T::OtherRegency).to_owned()));
    view! {
        <section class="panel" aria-labelledby="record-heading">
            <h2 id="record-heading">{profile.detail.full_name.clone()}</h2>
            <p class="hint">{t(T::MyDetailsIntro)}</p>
            <RecordFacts detail=profile.detail.clone()/>
        </section>
        <section class="panel" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{t(T::ContactTitle)}</h2>
            <FormAlert form={form_id::<SaveContact>()}/>
            <form method="post" action={api::<SaveContact>()} class="stack">
                <Field form={form_id::<SaveContact>()} name="phone" label=T::FieldPhone kind="tel" inputmode="tel" optional=true maxlength=20 value=c.phone.clone()/>
                <Field form={form_id::<SaveContact>()} name="email" label=T::FieldEmail kind="email" optional=true maxlength=254 value=c.email.clone()/>
                <TextAreaField form={form_id::<SaveContact>()} name="address" label=T::FieldAddress rows=2 maxlength=300 value=c.address.clone()/>
                <SelectField form={form_id::<SaveContact>()} name="regency_code" label=T::FieldRegency options=regencies selected=c.regency_code.clone() empty=T::FromNik/>
                <Field form={form_id::<SaveContact>()} name="regency_other" label=T::FieldRegencyOther optional=true maxlength=80 value=c.regency_other.clone()/>
                <Field form={form_id::<SaveContact>()} name="guardian_name" label=T::FieldGuardianName optional=true maxlength=120 value=c.guardian_name.clone()/>
                <Field form={form_id::<SaveContact>()} name="guardian_relation" label=T::FieldGuardianRelation optional=true maxlength=40 value=c.guardian_relation.clone()/>
                <Field form={form_id::<SaveContact>()} name="guardian_phone" label=T::FieldGuardianPhone kind="tel" inputmode="tel" optional=true maxlength=20
                    value=c.guardian_phone.clone()/>
                <div class="button-row"><button type="submit" class="button">{t(T::SaveContact)}</button></div>
            </form>
        </section>
        <section class="panel" aria-labelledby="enrollments-heading">
            <h2 id="enrollments-heading">{t(T::EnrollmentsTitle)}</h2>
            <EnrollmentHistory enrollments=profile.detail.enrollments.clone()/>
        </section>
    }
}
