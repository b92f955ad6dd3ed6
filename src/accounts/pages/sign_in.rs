use leptos::prelude::*;
use leptos_meta::Title;

use crate::accounts::api::SignIn;
use crate::accounts::paths;
use crate::accounts::texts::T;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::ui::forms::{field_id, Field, FormAlert};
use crate::ui::islands::PasswordReveal;

#[component]
pub fn SignInPage() -> impl IntoView {
    let page = use_page();
    let next = page.query_param("next").unwrap_or_default();
    view! {
        <Title text=page.t(T::SignInTitle)/>
        <section class="panel narrow">
            <h1>{page.t(T::SignInTitle)}</h1>
            <p>{page.t(T::SignInIntro)}</p>
            <FormAlert form={form_id::<SignIn>()}/>
            <form method="post" action={api::<SignIn>()} class="stack">
                <input type="hidden" name="next" value=next/>
                <Field form={form_id::<SignIn>()} name="login" label=T::FieldLogin hint=T::FieldLoginHint
                    autocomplete="username" required=true autofocus=true maxlength=254/>
                <div class="password-row">
                    <Field form={form_id::<SignIn>()} name="password" label=T::FieldPassword kind="password"
                        autocomplete="current-password" required=true maxlength=512/>
                    <PasswordReveal target={field_id(form_id::<SignIn>(), "password")}
                        show=page.t(T::ShowPassword).to_owned() hide=page.t(T::HidePassword).to_owned()/>
                </div>
                <button type="submit" class="button">{page.t(T::SignInButton)}</button>
            </form>
            <p class="hint">{page.t(T::SignInNoPassword)} " " <a href=paths::ACTIVATE>{page.t(T::NavActivate)}</a></p>
            <p class="hint">{page.t(T::ForgotPassword)}</p>
        </section>
    }
}
