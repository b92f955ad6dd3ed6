use leptos::prelude::*;
use leptos_meta::Title;

use crate::accounts::api::{get_my_account, ChangePassword, EndOtherSessions, EndSession};
use crate::accounts::authz;
use crate::accounts::dto::MyAccount;
use crate::accounts::texts::T;
use crate::kernel::i18n::role_text;
use crate::kernel::wib;
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::ui::forms::{field_id, Field, FormAlert};
use crate::ui::guard::{loaded, require};
use crate::ui::islands::PasswordReveal;
use crate::ui::texts::Ui;

#[component]
pub fn AccountPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_view_own_account) {
        return denied;
    }
    let page = use_page();
    view! {
        <Title text=page.t(T::AccountTitle)/>
        <h1>{page.t(T::AccountTitle)}</h1>
        {loaded(get_my_account(), move |account| view! { <AccountView account/> })}
    }
    .into_any()
}

#[component]
fn AccountView(account: MyAccount) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let row = |label: Text, value: Option<String>| {
        value.map(|value| view! { <dt>{t(label)}</dt> <dd>{value}</dd> })
    };
    let has_others = account.sessions.iter().any(|s| !s.current);
    view! {
        <section class="panel" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t(T::ProfileTitle)}</h2>
            <dl class="facts">
                {row(T::FieldName, Some(account.display_name.clone()))}
                {row(T::FieldRole, Some(t(role_text(account.role)).to_owned()))}
                {row(T::FieldEmail, account.email.clone())}
                {row(T::FieldPhone, account.phone.clone())}
                {row(T::FieldNik, account.nik.clone())}
                {row(T::FieldSites, (!account.sites.is_empty()).then(|| account.sites.join(", ")))}
                {row(
                    T::PasswordChangedAt,
                    Some(account.password_changed_at.map_or_else(|| t(T::Never).to_owned(), |at| wib::instant_short(at, locale))),
                )}
            </dl>
        </section>

        <section class="panel" aria-labelledby="password-heading">
            <h2 id="password-heading">{t(T::ChangePasswordTitle)}</h2>
            <p class="hint">{t(T::ChangePasswordNote)}</p>
            <FormAlert form={form_id::<ChangePassword>()}/>
            <form method="post" action={api::<ChangePassword>()} class="stack">
                <Field form={form_id::<ChangePassword>()} name="current_password" label=T::FieldCurrentPassword kind="password"
                    autocomplete="current-password" required=true maxlength=512/>
                <div class="password-row">
                    <Field form={form_id::<ChangePassword>()} name="password" label=T::FieldNewPassword kind="password"
                        hint=T::FieldNewPasswordHint autocomplete="new-password" required=true maxlength=512/>
                    <PasswordReveal target={field_id(form_id::<ChangePassword>(), "password")}
                        show=t(T::ShowPassword).to_owned() hide=t(T::HidePassword).to_owned()/>
                </div>
                <Field form={form_id::<ChangePassword>()} name="password_confirm" label=T::FieldPasswordConfirm kind="password"
                    autocomplete="new-password" required=true maxlength=512/>
                <button type="submit" class="button">{t(T::ChangePasswordButton)}</button>
            </form>
        </section>

        <section class="panel" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t(T::SessionsTitle)}</h2>
            <FormAlert form={form_id::<EndSession>()}/>
            <FormAlert form={form_id::<EndOtherSessions>()}/>
            <ul class="session-list">
                {account
                    .sessions
                    .into_iter()
                    .map(|session| {
                        view! {
                            <li class="session" class:session-current=session.current>
                                <div>
                                    <strong>{session.device.clone()}</strong>
                                    {session.current.then(|| view! { " " <span class="badge">{t(T::ThisDevice)}</span> })}
                                </div>
                                <div class="hint">
                                    {t(T::SessionSince)} ": " {wib::instant_short(session.created_at, locale)}
                                    " · " {t(T::SessionLastSeen)} ": " {wib::instant_short(session.last_seen_at, locale)}
                                    {session.ip.clone().map(|ip| view! { " · " {t(Ui::IpAddress)} ": " {ip} })}
                                </div>
                                {(!session.current).then(|| view! {
                                    <form method="post" action={api::<EndSession>()} class="inline-form">
                                        <input type="hidden" name="session_id" value=session.id.to_string()/>
                                        <button type="submit" class="button button-quiet">{t(T::EndSession)}</button>
                                    </form>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {has_others.then(|| view! {
                <form method="post" action={api::<EndOtherSessions>()}>
                    <button type="submit" class="button button-danger">{t(T::EndOtherSessions)}</button>
                </form>
            })}
        </section>
    }
}
