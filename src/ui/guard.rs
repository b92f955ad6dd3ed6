//! Page access: every guarded page starts with [`require`], which applies one rule of its
//! area's `authz` and otherwise redirects to sign-in (anonymous) or answers 403.

use leptos::prelude::*;

use super::texts::Ui;
use crate::kernel::i18n::{error_text, Common};
use crate::kernel::{Actor, AppError};
use crate::platform::page::{sign_in_then, use_page};
use crate::platform::response::{redirect, set_status};

/// The actor, if signed in and allowed by `rule`; otherwise the view to show instead.
pub fn require(rule: fn(&Actor) -> bool) -> Result<Actor, AnyView> {
    let page = use_page();
    match &page.actor {
        None => {
            redirect(&sign_in_then(&page.path_and_query()));
            Err(view! { <p>{page.t(Common::ErrUnauthenticated)}</p> }.into_any())
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
        <leptos_meta::Title text=page.t(Ui::ForbiddenTitle)/>
        <section class="panel">
            <h1>{page.t(Ui::ForbiddenTitle)}</h1>
            <p>{page.t(Ui::ForbiddenText)}</p>
            <p><a href="/">{page.t(Ui::BackHome)}</a></p>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let page = use_page();
    set_status(404);
    view! {
        <leptos_meta::Title text=page.t(Ui::NotFoundTitle)/>
        <section class="panel">
            <h1>{page.t(Ui::NotFoundTitle)}</h1>
            <p>{page.t(Ui::NotFoundText)}</p>
            <p><a href="/">{page.t(Ui::BackHome)}</a></p>
        </section>
    }
}

/// What a page shows when its data could not be loaded: the message for the error
/// (the status code was already set by the server function).
#[component]
pub fn LoadError(error: AppError) -> impl IntoView {
    let page = use_page();
    match error {
        AppError::NotFound => view! { <NotFound/> }.into_any(),
        AppError::Forbidden => view! { <Forbidden/> }.into_any(),
        other => view! {
            <section class="panel">
                <h1>{page.t(Ui::ErrorTitle)}</h1>
                <p class="alert alert-error" role="alert">{error_text(&other, page.locale)}</p>
            </section>
        }
        .into_any(),
    }
}

/// The `{id}` of the page's path as the record's id type, or `None` when it is not a
/// number.
pub fn path_id<Id: std::str::FromStr>() -> Option<Id> {
    leptos_router::hooks::use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|id| id.parse::<Id>().ok())
}

/// Shows what `load` fetches with `show`, or the error it ends in ([`LoadError`]). On the
/// server the data is awaited and rendered into the HTML (pages work without JavaScript);
/// "Loading…" shows only while a client-side navigation waits.
pub fn loaded<T, V>(
    load: impl std::future::Future<Output = Result<T, AppError>> + Send + 'static,
    show: impl FnOnce(T) -> V + Send + 'static,
) -> impl IntoView
where
    T: Send + 'static,
    V: IntoView + 'static,
{
    let locale = use_page().locale;
    view! {
        <Suspense fallback=move || view! { <p>{Ui::Loading.get(locale)}</p> }>
            {Suspend::new(async move {
                match load.await {
                    Ok(value) => show(value).into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
