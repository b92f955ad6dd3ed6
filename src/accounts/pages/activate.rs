use leptos::prelude::*;
use leptos_meta::Title;

use crate::accounts::api::Activate;
use crate::accounts::texts::T;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::ui::forms::{field_id, Field, FormAlert};
use crate::ui::islands::PasswordReveal;

#[component]
pub fn ActivatePage() -> impl IntoView {
    let page = use_page();
    let code = page.query_param("kode");
    view! {
        <Title text=page.t(T::ActivateTitle)/>
        <section class="panel narrow">
            <h1>{page.t(T::ActivateTitle)}</h1>
            <p>{page.t(T::ActivateIntro)}</p>
            <FormAlert form={form_id::<Activate>()}/>
            <form method="post" action={api::<Activate>()} class="stack">
                <Field form={form_id::<Activate>()} name="code" label=T::FieldCode hint=T::FieldCodeHint
                    autocomplete="one-time-code" required=true value=code.unwrap_or_default() maxlength=20/>
                <div class="password-row">
                    <Field form={form_id::<Activate>()} name="password" label=T::FieldNewPassword kind="password"
                        hint=T::FieldNewPasswordHint autocomplete="new-password" required=true maxlength=512/>
                    <PasswordReveal target={field_id(form_id::<Activate>(), "password")}
                        show=page.t(T::ShowPassword).to_owned() hide=page.t(T::HidePassword).to_owned()/>
                </div>
                <Field form={form_id::<Activate>()} name="password_confirm" label=T::FieldPasswordConfirm kind="password"
                    autocomplete="new-password" required=true maxlength=512/>
                <button type="submit" class="button">{page.t(T::ActivateButton)}</button>
            </form>
        </section>
    }
}
