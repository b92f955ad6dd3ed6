use crate::kernel::AccountId;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::accounts::api::{get_user, ChangeRole, DeactivateUser, IssueCode, ReactivateUser};
use crate::accounts::authz;
use crate::accounts::dto::{AccountStatus, UserDetail};
use crate::accounts::paths;
use crate::accounts::texts::{status_text, T};
use crate::kernel::i18n::role_text;
use crate::kernel::wib;
use crate::kernel::Role;
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::ui::forms::{field_id, FieldProblem, FormAlert};
use crate::ui::guard::{loaded, require, NotFound};
use crate::ui::islands::ConfirmSubmit;

#[component]
pub fn UserPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_administer_users) {
        return denied;
    }
    let page = use_page();
    let Some(user_id) = use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok())
    else {
        return view! { <NotFound/> }.into_any();
    };
    view! {
        <p><a href=paths::USERS>{page.t(T::BackToUsers)}</a></p>
        {loaded(get_user(AccountId(user_id)), move |user| view! { <UserView user/> })}
    }
    .into_any()
}

#[component]
fn UserView(user: UserDetail) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let row = move |label: Text, value: Option<String>| {
        value.map(|value| view! { <dt>{t(label)}</dt> <dd>{value}</dd> })
    };
    let id = user.id.to_string();
    let nik_region = user.nik_region.clone().map(|region| {
        if user.nik_outside_banten {
            format!("{region} ({})", t(T::OutsideBanten))
        } else {
            region
        }
    });
    let manage = (user.can_manage).then(|| {
        let id = id.clone();
        let is_active = user.status != AccountStatus::Deactivated;
        let code_label = if user.status == AccountStatus::Pending { T::IssueActivationCode } else { T::IssueResetCode };
        view! {
            <section class="panel" aria-labelledby="actions-heading">
                <h2 id="actions-heading">{t(T::AccountActions)}</h2>
                <FormAlert form={form_id::<IssueCode>()}/>
                <FormAlert form={form_id::<DeactivateUser>()}/>
                <FormAlert form={form_id::<ReactivateUser>()}/>
                {is_active.then(|| view! {
                    <form method="post" action={api::<IssueCode>()} class="stack">
                        <input type="hidden" name="user_id" value=id.clone()/>
                        <button type="submit" class="button">{t(code_label)}</button>
                        {(user.status == AccountStatus::Active).then(|| view! { <p class="hint">{t(T::IssueResetNote)}</p> })}
                    </form>
                })}
                {if is_active {
                    view! {
                        <form method="post" action={api::<DeactivateUser>()}>
                            <input type="hidden" name="user_id" value=id.clone()/>
                            <ConfirmSubmit label=t(T::Deactivate).to_owned() question=t(T::DeactivateConfirm).to_owned()
                                class="button button-danger".to_owned()/>
                        </form>
                    }.into_any()
                } else {
                    view! {
                        <form method="post" action={api::<ReactivateUser>()}>
                            <input type="hidden" name="user_id" value=id.clone()/>
                            <button type="submit" class="button">{t(T::Reactivate)}</button>
                        </form>
                    }.into_any()
                }}
            </section>
        }
    });
    let change_role = (user.can_change_role).then(|| {
        let current = page.flash_value(form_id::<ChangeRole>(), "role").unwrap_or_else(|| user.role.as_str().to_owned());
        let role_id = field_id(form_id::<ChangeRole>(), "role");
        view! {
            <section class="panel" aria-labelledby="role-heading">
                <h2 id="role-heading">{t(T::ChangeRoleTitle)}</h2>
                <p class="hint">{t(T::ChangeRoleNote)}</p>
                <FormAlert form={form_id::<ChangeRole>()}/>
                <form method="post" action={api::<ChangeRole>()} class="stack">
                    <input type="hidden" name="user_id" value=id.clone()/>
                    <div class="field">
                        <label for=role_id.clone()>{t(T::FieldRole)}</label>
                        <select id=role_id name="role">
                            {Role::ALL.into_iter().map(|role| view! {
                                <option value=role.as_str() selected=current == role.as_str()>{t(role_text(role))}</option>
                            }).collect_view()}
                        </select>
                        <FieldProblem form={form_id::<ChangeRole>()} name="role"/>
                    </div>
                    <button type="submit" class="button">{t(T::ChangeRoleButton)}</button>
                </form>
            </section>
        }
    });
    view! {
        <Title text=user.display_name.clone()/>
        <div class="page-heading">
            <h1>{user.display_name.clone()}</h1>
            <span class="badge">{t(role_text(user.role))}</span>
            <span class=format!("badge status-{}", user.status.as_str())>{t(status_text(user.status))}</span>
        </div>
        <section class="panel">
            <dl class="facts">
                {row(T::FieldEmail, user.email.clone())}
                {row(T::FieldPhone, user.phone.clone())}
                {row(T::FieldNik, user.nik.clone())}
                {row(T::NikRegion, nik_region)}
                {row(T::FieldSites, (!user.sites.is_empty()).then(|| user.sites.iter().map(|s| s.name.clone()).collect::<Vec<_>>().join(", ")))}
                {row(T::CreatedAt, Some(wib::instant_short(user.created_at, locale)))}
                {row(T::CreatedBy, user.created_by.clone())}
                {row(T::PasswordChangedAt, Some(user.password_changed_at.map_or_else(|| t(T::Never).to_owned(), |at| wib::instant_short(at, locale))))}
                {row(T::ActiveSessions, Some(user.active_sessions.to_string()))}
                {row(T::PendingCodeUntil, user.pending_code_expires_at.map(|at| wib::instant_short(at, locale)))}
            </dl>
        </section>
        {manage}
        {change_role}
    }
}
