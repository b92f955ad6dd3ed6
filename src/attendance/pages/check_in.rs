//! Self check-in. `/sesi/:id/kode`: the instructor's screen with the rotating code and its
//! QR code (the page reloads itself when the code changes, no JavaScript needed).
//! `/hadir`: a trainee types (or scans) the code on their own phone.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::attendance::api::{get_check_in_code, CheckIn};
use crate::attendance::authz;
use crate::attendance::dto::CheckInDisplay;
use crate::attendance::paths;
use crate::attendance::texts::T;
use crate::kernel::i18n::fill;
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::schedule::pages::time_span;
use crate::ui::forms::{Field, FieldProblem, FormAlert};
use crate::ui::guard::{loaded, path_id, require, NotFound};
use crate::ui::islands::ReloadAfter;

#[component]
pub fn CheckInCodePage() -> impl IntoView {
    if let Err(denied) = require(authz::can_take_roll_calls) {
        return denied;
    }
    let Some(id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    loaded(get_check_in_code(id), |display| view! { <CodeView display/> }).into_any()
}

#[component]
fn CodeView(display: CheckInDisplay) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let session = display.session.clone();
    let title = fill(t(T::CheckInTitle), &[("cohort", &session.cohort)]);
    let open = !display.code.is_empty();
    let shown = if open {
        format!("{} {}", &display.code[..3], &display.code[3..])
    } else {
        String::new()
    };
    let path = display
        .url
        .split_once(paths::CHECK_IN)
        .map_or(paths::CHECK_IN.to_owned(), |(origin, _)| {
            format!("{origin}{}", paths::CHECK_IN)
        });
    view! {
        <Title text=title.clone()/>
        // A new code every 30 seconds: the page reloads itself, with or without JavaScript
        // (the code is essential to the page, so this timing is not a barrier).
        {open.then(|| {
            let seconds = display.seconds_left.max(1);
            view! {
                <noscript><meta http-equiv="refresh" content=seconds.to_string()/></noscript>
                <ReloadAfter seconds/>
            }
        })}
        <p><a href=paths::roll_call(session.id)>{t(T::BackToRollCall)}</a></p>
        <h1>{title}</h1>
        <p class="lead">{time_span(&session, locale)}</p>
        {if open {
            view! {
                <section class="panel check-in-display" aria-labelledby="code-heading">
                    <h2 id="code-heading" class="visually-hidden">{t(T::CodeLabel)}</h2>
                    <p class="check-in-code" data-testid="check-in-code">{shown}</p>
                    <p>{fill(t(T::CodeChangesIn), &[("n", &display.seconds_left.to_string())])}</p>
                    <div class="qr" role="img" aria-label=t(T::QrLabel) inner_html=display.qr_svg.clone()></div>
                    <p class="hint">{fill(t(T::CheckInAddress), &[("url", &path)])}</p>
                </section>
            }.into_any()
        } else {
            view! { <p class="alert alert-info" role="status">{crate::kernel::i18n::problem_text(&crate::kernel::Problem::CheckInClosed, locale)}</p> }.into_any()
        }}
        <section class="panel" aria-labelledby="checked-heading">
            <h2 id="checked-heading">{fill(t(T::CheckedInCount), &[
                ("n", &display.checked_in.len().to_string()),
                ("total", &display.expected.to_string()),
            ])}</h2>
            <ol class="plain-list">
                {display.checked_in.iter().map(|name| view! { <li>{name.clone()}</li> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
pub fn CheckInPage() -> impl IntoView {
    if let Err(denied) = require(authz::is_trainee) {
        return denied;
    }
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let code = page
        .query_param("kode")
        .filter(|c| c.chars().all(|c| c.is_ascii_digit() || c == ' '));
    view! {
        <Title text=t(T::CheckInFormTitle)/>
        <h1>{t(T::CheckInFormTitle)}</h1>
        <section class="panel narrow">
            <p>{t(T::CheckInFormIntro)}</p>
            <FormAlert form={form_id::<CheckIn>()}/>
            <form method="post" action={api::<CheckIn>()} class="stack">
                <Field form={form_id::<CheckIn>()} name="code" label=T::CodeLabel inputmode="numeric" autocomplete="one-time-code"
                    required=true maxlength=7 value=code.unwrap_or_default() autofocus=true/>
                <div class="button-row"><button type="submit" class="button">{t(T::CheckInButton)}</button></div>
            </form>
            <FieldProblem form={form_id::<CheckIn>()} name="check_in"/>
        </section>
    }
    .into_any()
}
