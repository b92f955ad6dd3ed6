//! `/integrasi`: the integration keys (never the keys themselves), a form for a new one,
//! and a button to revoke each live one.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::integrations::api::{list_keys, CreateKey, RevokeKey};
use crate::integrations::authz;
use crate::integrations::dto::{KeyList, KeySite, KeyView};
use crate::integrations::model::{KeyState, Scope};
use crate::integrations::texts::{scope_text, state_text, T};
use crate::kernel::i18n::fill;
use crate::kernel::wib;
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::ui::forms::{field_id, Field, FieldProblem, FormAlert};
use crate::ui::guard::{loaded, require};
use crate::ui::islands::ConfirmSubmit;

#[component]
pub fn KeysPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_manage_keys) {
        return denied;
    }
    let page = use_page();
    view! {
        <Title text=page.t(T::KeysTitle)/>
        <h1>{page.t(T::KeysTitle)}</h1>
        <p>{page.t(T::KeysIntro)}</p>
        {loaded(list_keys(), move |list: KeyList| view! {
            <NewKeyForm sites=list.sites.clone()/>
            <KeyListView keys=list.keys/>
        })}
    }
    .into_any()
}

#[component]
fn NewKeyForm(sites: Vec<KeySite>) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let form = form_id::<CreateKey>();
    let listed = |field: &str| -> Vec<String> {
        page.flash_value(form, field)
            .map(|v| v.split(',').map(str::to_owned).collect())
            .unwrap_or_default()
    };
    let chosen_scopes = listed("scopes");
    let chosen_sites = listed("sites");
    let scopes_hint = field_id(form, "scopes-hint");
    let sites_hint = field_id(form, "sites-hint");
    view! {
        <section class="panel" aria-labelledby="new-key-heading">
            <h2 id="new-key-heading">{t(T::NewKeyTitle)}</h2>
            <FormAlert form=form/>
            <form method="post" action={api::<CreateKey>()} class="stack">
                <Field form=form name="name" label=T::FieldName hint=T::FieldNameHint required=true
                    autocomplete="off" maxlength=80/>
                <fieldset aria-describedby=scopes_hint.clone()>
                    <legend>{t(T::FieldScopes)}</legend>
                    <p class="hint" id=scopes_hint.clone()>{t(T::FieldScopesHint)}</p>
                    {Scope::ALL.into_iter().enumerate().map(|(index, scope)| {
                        let id = field_id(form, &format!("scope-{index}"));
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone() name=format!("scopes[{index}]") value=scope.as_str()
                                    checked=chosen_scopes.iter().any(|s| s == scope.as_str())/>
                                <label for=id>{t(scope_text(scope))}</label>
                            </div>
                        }
                    }).collect_view()}
                    <FieldProblem form=form name="scopes"/>
                </fieldset>
                <fieldset aria-describedby=sites_hint.clone()>
                    <legend>{t(T::FieldSites)}</legend>
                    <p class="hint" id=sites_hint.clone()>{t(T::FieldSitesHint)}</p>
                    {sites.into_iter().enumerate().map(|(index, site)| {
                        let id = field_id(form, &format!("site-{}", site.id));
                        let value = site.id.to_string();
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone() name=format!("sites[{index}]") value=value.clone()
                                    checked=chosen_sites.contains(&value)/>
                                <label for=id>{format!("{} ({})", site.name, site.code)}</label>
                            </div>
                        }
                    }).collect_view()}
                    <FieldProblem form=form name="sites"/>
                </fieldset>
                <Field form=form name="expires_days" label=T::FieldExpiry hint=T::FieldExpiryHint
                    inputmode="numeric" autocomplete="off" optional=true value=String::from("365") maxlength=3/>
                <div class="button-row">
                    <button type="submit" class="button">{t(T::CreateKey)}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn KeyListView(keys: Vec<KeyView>) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let when = move |at| wib::instant_short(at, locale);
    view! {
        <section aria-labelledby="keys-heading">
            <h2 id="keys-heading">{t(T::KeysListTitle)}</h2>
            <FormAlert form={form_id::<RevokeKey>()}/>
            <p class="hint" role="status">{fill(t(T::KeysCount), &[("n", &keys.len().to_string())])}</p>
            {if keys.is_empty() {
                view! { <p>{t(T::NoKeys)}</p> }.into_any()
            } else {
                view! {
                    <ul class="record-list">
                        {keys.into_iter().map(|key| {
                            let created = match &key.created_by {
                                Some(who) => fill(t(T::CreatedBy), &[("when", &when(key.created_at)), ("who", who)]),
                                None => fill(t(T::CreatedByCli), &[("when", &when(key.created_at))]),
                            };
                            let life = match (key.revoked_at, key.expires_at) {
                                (Some(at), _) => fill(t(T::RevokedOn), &[("when", &when(at))]),
                                (None, Some(at)) => fill(t(T::ExpiresOn), &[("when", &when(at))]),
                                (None, None) => t(T::NoExpiry).to_owned(),
                            };
                            let used = match key.last_used_at {
                                Some(at) => fill(t(T::LastUsed), &[("when", &when(at))]),
                                None => t(T::NeverUsed).to_owned(),
                            };
                            let sites = if key.sites.is_empty() { t(T::AllSites).to_owned() } else { key.sites.join(", ") };
                            let scopes = key.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ");
                            view! {
                                <li class="record" data-testid="integration-key">
                                    <span class="record-title">{key.name.clone()}</span>
                                    <span class=format!("badge status-{}", key.state.as_str())>{t(state_text(key.state))}</span>
                                    <div class="hint"><code>{key.prefix.clone()}</code>" · "{sites}</div>
                                    <div class="hint">{scopes}</div>
                                    <div class="hint">{created}" · "{life}</div>
                                    <div class="hint">{used}" · "{fill(t(T::Requests), &[("n", &key.request_count.to_string())])}</div>
                                    {(key.state != KeyState::Revoked).then(|| view! {
                                        <form method="post" action={api::<RevokeKey>()}>
                                            <input type="hidden" name="key_id" value=key.id.to_string()/>
                                            <ConfirmSubmit label=fill(t(T::Revoke), &[("prefix", &key.prefix)])
                                                question=t(T::RevokeConfirm).to_owned()
                                                class="button button-danger".to_owned()/>
                                        </form>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
