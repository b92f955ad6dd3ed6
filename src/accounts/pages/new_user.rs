use leptos::prelude::*;
use leptos_meta::Title;

use crate::accounts::api::{get_user_form_options, CreateUser};
use crate::accounts::authz;
use crate::accounts::dto::UserFormOptions;
use crate::accounts::paths;
use crate::accounts::texts::T;
use crate::kernel::i18n::role_text;
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::ui::forms::{field_id, Field, FieldProblem, FormAlert};
use crate::ui::guard::{loaded, require};
use crate::ui::texts::Ui;

#[component]
pub fn NewUserPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_administer_users) {
        return denied;
    }
    let page = use_page();
    view! {
        <Title text=page.t(T::NewUserTitle)/>
        <h1>{page.t(T::NewUserTitle)}</h1>
        {loaded(get_user_form_options(), move |options| view! { <NewUserForm options/> })}
    }
    .into_any()
}

#[component]
fn NewUserForm(options: UserFormOptions) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let form = form_id::<CreateUser>();
    let sites_hint = field_id(form, "sites-hint");
    let chosen_role = page
        .flash_value(form, "role")
        .or_else(|| page.query_param("role"))
        .unwrap_or_else(|| "trainee".to_owned());
    let chosen_sites: Vec<i64> = page
        .flash_value(form, "sites")
        .map(|v| v.split(',').filter_map(|id| id.parse().ok()).collect())
        .unwrap_or_default();
    let single_site = options.sites.len() == 1;
    view! {
        <section class="panel">
            <p>{t(T::NewUserIntro)}</p>
            <FormAlert form=form/>
            <form method="post" action={api::<CreateUser>()} class="stack">
                <fieldset>
                    <legend>{t(T::FieldRole)}</legend>
                    {options.roles.iter().map(|role| {
                        let id = field_id(form, &format!("role-{}", role.as_str()));
                        view! {
                            <div class="choice">
                                <input type="radio" id=id.clone() name="role" value=role.as_str()
                                    checked=chosen_role == role.as_str()/>
                                <label for=id>{t(role_text(*role))}</label>
                            </div>
                        }
                    }).collect_view()}
                    <FieldProblem form=form name="role"/>
                </fieldset>
                <Field form=form name="display_name" label=T::FieldName required=true autocomplete="off" maxlength=120/>
                <Field form=form name="phone" label=T::FieldPhone hint=T::FieldPhoneHint kind="tel"
                    inputmode="tel" autocomplete="off" optional=true maxlength=20/>
                <Field form=form name="nik" label=T::FieldNik hint=T::FieldNikHint inputmode="numeric"
                    autocomplete="off" optional=true maxlength=20/>
                <Field form=form name="email" label=T::FieldEmail hint=T::FieldEmailHint kind="email"
                    autocomplete="off" optional=true maxlength=254/>
                <fieldset aria-describedby=sites_hint.clone()>
                    <legend>{t(T::FieldSites)}</legend>
                    <p class="hint" id=sites_hint.clone()>{t(T::FieldSitesHint)}</p>
                    {options.sites.iter().enumerate().map(|(index, site)| {
                        let id = field_id(form, &format!("site-{}", site.id));
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone() name=format!("sites[{index}]") value=site.id.to_string()
                                    checked=single_site || chosen_sites.contains(&site.id)/>
                                <label for=id>{site.name.clone()}</label>
                            </div>
                        }
                    }).collect_view()}
                    <FieldProblem form=form name="sites"/>
                </fieldset>
                <div class="button-row">
                    <button type="submit" class="button">{t(T::CreateButton)}</button>
                    <a href=paths::USERS class="button button-quiet">{t(Ui::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}
