//! The frame around every page: header with navigation for the actor's role, the
//! one-shot notice, and the footer with the language switch.

use leptos::prelude::*;

use super::api;
use super::context::use_page;
use super::notice::NoticeBanner;
use crate::accounts::api::SignOut;
use crate::accounts::authz;
use crate::i18n::{role_text, Locale, T};
use crate::prefs::SetLanguage;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let page = use_page();
    view! {
        <a class="skip-link" href="#main">{page.t(T::SkipToContent)}</a>
        <Header/>
        <main id="main" tabindex="-1">
            <NoticeBanner/>
            {children()}
        </main>
        <Footer/>
    }
}

#[component]
fn Header() -> impl IntoView {
    let page = use_page();
    let actor = page.actor.clone();
    let current = page.path.clone();
    let locale = page.locale;
    let link = move |href: &'static str, label: T| {
        let is_current = if href == "/" {
            current == "/"
        } else {
            current.starts_with(href)
        };
        view! {
            <li><a href=href aria-current=is_current.then_some("page")>{label.get(locale)}</a></li>
        }
    };
    let nav_items = match &actor {
        Some(actor) => {
            let mut items = vec![link("/", T::NavHome), link("/akun", T::NavAccount)];
            if authz::can_administer_users(actor) {
                items.push(link("/pengguna", T::NavUsers));
            }
            if authz::audit_scope(actor).is_some() {
                items.push(link("/audit", T::NavAudit));
            }
            items
        }
        None => vec![
            link("/", T::NavHome),
            link("/masuk", T::NavSignIn),
            link("/aktivasi", T::NavActivate),
        ],
    };
    view! {
        <header class="site-header">
            <div class="brand">
                <a href="/" class="brand-name">{page.t(T::AppName)}</a>
                <span class="brand-tagline">{page.t(T::Tagline)}</span>
            </div>
            <nav aria-label=page.t(T::MainNavigation)>
                <ul class="nav-list">{nav_items}</ul>
            </nav>
            {actor.map(|actor| {
                view! {
                    <div class="whoami">
                        <span>
                            {page.t(T::SignedInAs)} " " <strong>{actor.display_name.clone()}</strong>
                            " · " {page.t(role_text(actor.role))}
                        </span>
                        <form method="post" action={api::<SignOut>()} class="inline-form">
                            <button type="submit" class="button button-quiet">{page.t(T::NavSignOut)}</button>
                        </form>
                    </div>
                }
            })}
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let page = use_page();
    let back = page.path_and_query();
    view! {
        <footer class="site-footer">
            <form method="post" action={api::<SetLanguage>()} class="language-form">
                <input type="hidden" name="back" value=back/>
                <label for="language-select">{page.t(T::Language)}</label>
                <select id="language-select" name="lang">
                    {Locale::ALL
                        .into_iter()
                        .map(|locale| {
                            view! {
                                <option value=locale.code() selected=locale == page.locale lang=locale.code()>
                                    {locale.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <button type="submit" class="button button-quiet">{page.t(T::LanguageApply)}</button>
            </form>
            <p>{page.t(T::FooterOrg)}</p>
            <p>{page.t(T::FooterTime)}</p>
        </footer>
    }
}
