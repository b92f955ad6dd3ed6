//! Page access: every guarded page starts with [`require`], which applies one rule from
//! `accounts::authz` and otherwise redirects to sign-in (anonymous) or answers 403.

use leptos::prelude::*;

use super::context::{encode, use_page};
use super::{redirect, set_status};
use crate::accounts::authz::Actor;
use crate::i18n::T;

/// The actor, if signed in and allowed by `rule`; otherwise the view to show instead.
pub fn require(rule: fn(&Actor) -> bool) -> Result<Actor, AnyView> {
    let page = use_page();
    match &page.actor {
        None => {
            redirect(&format!("/masuk?next={}", encode(&page.path_and_query())));
            Err(view! { <p>{page.t(T::ErrUnauthenticated)}</p> }.into_any())
        }
        Some(actor) if rule(actor) => Ok(actor.clone()),
        Some(_) => {
            set_status(403);
            Err(view! { <Forbidden/> }.into_any())
        }
    }
}

#[component]
pub fn Forbidden() -> impl IntoView {
    let page = use_page();
    view! {
        <leptos_meta::Title text=page.t(T::ForbiddenTitle)/>
        <section class="panel">
            <h1>{page.t(T::ForbiddenTitle)}</h1>
            <p>{page.t(T::ForbiddenText)}</p>
            <p><a href="/">{page.t(T::BackHome)}</a></p>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let page = use_page();
    set_status(404);
    view! {
        <leptos_meta::Title text=page.t(T::NotFoundTitle)/>
        <section class="panel">
            <h1>{page.t(T::NotFoundTitle)}</h1>
            <p>{page.t(T::NotFoundText)}</p>
            <p><a href="/">{page.t(T::BackHome)}</a></p>
        </section>
    }
}

/// What a page shows when its data could not be loaded: the message for the error
/// (the status code was already set by the server function).
#[component]
pub fn LoadError(error: crate::error::AppError) -> impl IntoView {
    let page = use_page();
    match error {
        crate::error::AppError::NotFound => view! { <NotFound/> }.into_any(),
        crate::error::AppError::Forbidden => view! { <Forbidden/> }.into_any(),
        other => view! {
            <section class="panel">
                <h1>{page.t(T::ErrorTitle)}</h1>
                <p class="alert alert-error" role="alert">{crate::i18n::error_text(&other, page.locale)}</p>
            </section>
        }
        .into_any(),
    }
}
