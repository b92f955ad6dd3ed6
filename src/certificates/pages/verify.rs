//! `/verifikasi/:code`: the public page a certificate's QR code leads to. No sign-in, no
//! search: it says whether the document of this code is valid, revoked (and since when)
//! or unknown, and shows only what the paper itself shows.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::certificates::api::verify_document;
use crate::certificates::dto::Verification;
use crate::certificates::texts::{kind_text, T};
use crate::kernel::i18n::fill;
use crate::kernel::{wib, AppError, Text};
use crate::platform::page::use_page;
use crate::ui::guard::{loaded, LoadError};

#[component]
pub fn VerifyPage() -> impl IntoView {
    let code = leptos_router::hooks::use_params_map()
        .get_untracked()
        .get("code")
        .unwrap_or_default();
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    view! {
        <Title text=t(T::VerifyTitle)/>
        // Codes in the address are not for search engines.
        <Meta name="robots" content="noindex"/>
        {loaded(
            async move { Ok::<_, AppError>(verify_document(code).await) },
            move |answer| match answer {
                Ok(found) => view! { <Found found/> }.into_any(),
                Err(AppError::NotFound) => view! {
                    <section class="panel verify verify-unknown">
                        <h1>{t(T::UnknownTitle)}</h1>
                        <p>{t(T::UnknownText)}</p>
                    </section>
                }
                .into_any(),
                Err(AppError::Throttled { .. }) => view! {
                    <section class="panel verify">
                        <h1>{t(T::VerifyTitle)}</h1>
                        <p class="alert alert-error" role="alert">{t(T::TooMany)}</p>
                    </section>
                }
                .into_any(),
                Err(error) => view! { <LoadError error/> }.into_any(),
            },
        )}
    }
}

#[component]
fn Found(found: Verification) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let date = move |d| wib::date_long(d, locale);
    let revoked = found.revoked_on;
    view! {
        <section class="panel verify" class:verify-valid=revoked.is_none() class:verify-revoked=revoked.is_some()>
            <h1>{t(T::VerifyTitle)}</h1>
            {match revoked {
                None => view! {
                    <p class="verify-verdict"><span aria-hidden="true">"✓ "</span>{t(T::Valid)}</p>
                    <p class="hint">{t(T::ValidHint)}</p>
                }.into_any(),
                Some(on) => view! {
                    <p class="verify-verdict" role="alert"><span aria-hidden="true">"✗ "</span>{t(T::RevokedTitle)}</p>
                    <p>{fill(t(T::RevokedText), &[("date", &date(on))])}</p>
                }.into_any(),
            }}
            <dl class="facts">
                <dt>{t(T::Kind)}</dt><dd>{kind_text(found.kind).get(locale)}</dd>
                <dt>{t(T::Number)}</dt><dd>{found.number.clone()}</dd>
                <dt>{t(T::Name)}</dt><dd>{found.name.clone()}</dd>
                <dt>{t(T::Programme)}</dt><dd>{found.programme.clone()}</dd>
                <dt>{t(T::Cohort)}</dt><dd>{found.cohort.clone()}</dd>
                <dt>{t(T::Period)}</dt><dd>{format!("{} – {}", date(found.starts_on), date(found.ends_on))}</dd>
                <dt>{t(T::Hours)}</dt><dd>{fill(t(T::HoursOf), &[("a", &found.hours_attended.to_string()), ("b", &found.hours_total.to_string())])}</dd>
                <dt>{t(T::Site)}</dt><dd>{found.site.clone()}</dd>
                <dt>{t(T::IssuedOn)}</dt><dd>{date(found.issued_on)}</dd>
            </dl>
        </section>
    }
}
