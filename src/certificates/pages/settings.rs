//! `/pengaturan-dokumen`: each site's signatory, numbering patterns and logo, for admins.
//! One form per site; the logo is a multipart upload that works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::certificates::api::{
    get_document_settings, RemoveLogo, SaveDocumentSettings, LOGO_FORM, SETTINGS_FORM,
};
use crate::certificates::authz;
use crate::certificates::dto::SiteSettings;
use crate::certificates::paths;
use crate::certificates::texts::T;
use crate::kernel::i18n::{fill, problem_text};
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::api;
use crate::ui::forms::FormAlert;
use crate::ui::guard::{loaded, require};

#[component]
pub fn DocumentSettingsPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_configure) {
        return denied;
    }
    let locale = use_page().locale;
    loaded(get_document_settings(), move |settings| {
        view! {
            <Title text=T::SettingsTitle.get(locale)/>
            <h1>{T::SettingsTitle.get(locale)}</h1>
            <p>{T::SettingsIntro.get(locale)}</p>
            {settings.sites.into_iter().map(|site| view! { <SiteForm site/> }).collect_view()}
        }
    })
    .into_any()
}

#[component]
fn SiteForm(site: SiteSettings) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let id = site.site_id;
    let mine = |form: &str| page.flash_value(form, "site_id").as_deref() == Some(id.to_string().as_str());
    let this_settings = mine(SETTINGS_FORM);
    let this_logo = mine(LOGO_FORM);
    let heading = format!("site-{id}-heading");
    let field = move |name: &'static str, label: Text, value: String, hint: Option<String>| {
        let input_id = format!("site-{id}-{name}");
        let error = page
            .flash_error(SETTINGS_FORM)
            .filter(|_| this_settings)
            .and_then(|e| e.field_problem(name).cloned())
            .map(|p| problem_text(&p, locale));
        let typed = page
            .flash_value(SETTINGS_FORM, name)
            .filter(|_| this_settings)
            .unwrap_or(value);
        let described = [
            hint.as_ref().map(|_| format!("{input_id}-hint")),
            error.as_ref().map(|_| format!("{input_id}-error")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let invalid = error.is_some();
        view! {
            <div class="field" class:field-invalid=invalid>
                <label for=input_id.clone()>{t(label)}</label>
                <input id=input_id.clone() name=name type="text" value=typed maxlength="160"
                    aria-invalid=invalid.then_some("true")
                    aria-describedby=(!described.is_empty()).then_some(described)/>
                {hint.map(|h| view! { <p class="hint" id=format!("{input_id}-hint")>{h}</p> })}
                {error.map(|m| view! { <p class="field-error" id=format!("{input_id}-error")>{m}</p> })}
            </div>
        }
    };
    let example = |number: Option<String>| number.map(|n| fill(t(T::Example), &[("number", &n)]));
    let logo_id = format!("site-{id}-logo");
    let (save, remove) = (api::<SaveDocumentSettings>(), api::<RemoveLogo>());
    view! {
        <section class="panel" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{site.site.clone()}" " <span class="hint">"(" {site.site_code.clone()} ")"</span></h2>
            {this_settings.then(|| view! { <FormAlert form=SETTINGS_FORM/> })}
            <form method="post" action=save class="stack">
                <input type="hidden" name="site_id" value=id.to_string()/>
                {field("signatory_name", T::SignatoryName, site.signatory_name.clone(), None)}
                {field("signatory_position", T::SignatoryPosition, site.signatory_position.clone(), None)}
                {field("certificate_pattern", T::CertificatePattern, site.certificate_pattern.clone(),
                    Some(example(site.certificate_example.clone()).unwrap_or_else(|| t(T::PatternHint).to_owned())))}
                {field("letter_pattern", T::LetterPattern, site.letter_pattern.clone(),
                    Some(example(site.letter_example.clone()).unwrap_or_else(|| t(T::PatternHint).to_owned())))}
                <p class="hint">{t(T::PatternHint)}</p>
                <button type="submit" class="button">{fill(t(T::SaveSettings), &[("site", &site.site)])}</button>
            </form>
            {this_logo.then(|| view! { <FormAlert form=LOGO_FORM/> })}
            <p>{if site.has_logo { t(T::HasLogo) } else { t(T::NoLogo) }}</p>
            {if site.signatory_name.is_empty() {
                view! { <p class="hint">{t(T::LogoNeedsSettings)}</p> }.into_any()
            } else {
                view! {
                    <form method="post" action=paths::LOGO enctype="multipart/form-data" class="stack">
                        <input type="hidden" name="site_id" value=id.to_string()/>
                        <div class="field">
                            <label for=logo_id.clone()>{t(T::Logo)}</label>
                            <input id=logo_id name="logo" type="file" accept="image/png,image/jpeg,image/svg+xml" required/>
                        </div>
                        <button type="submit" class="button button-quiet">{t(T::UploadLogo)}</button>
                    </form>
                    {site.has_logo.then(|| view! {
                        <form method="post" action=remove class="inline-form">
                            <input type="hidden" name="site_id" value=id.to_string()/>
                            <button type="submit" class="button button-quiet">{t(T::RemoveLogo)}</button>
                        </form>
                    })}
                }.into_any()
            }}
        </section>
    }
}
