//! The frame around every page: header with the navigation every area contributes for
//! the actor, the one-shot notice of whichever area posted last, and the footer with the
//! language switch.

use leptos::prelude::*;

use super::prefs::SetLanguage;
use super::texts::{Notice, T};
use crate::accounts::api::SignOut;
use crate::kernel::i18n::{role_text, Common};
use crate::kernel::{Actor, Locale};
use crate::platform::flash::{AreaNotice, NoticeToken};
use crate::platform::page::use_page;
use crate::platform::response::api;
use crate::ui::nav::NavLink;
use crate::ui::notice::NoticeBanner;

/// The areas' navigation entries for `actor`, in the order they appear.
pub fn area_links(actor: Option<&Actor>) -> Vec<NavLink> {
    [
        crate::schedule::pages::nav_links(actor),
        crate::attendance::pages::nav_links(actor),
        crate::readiness::pages::nav_links(actor),
        crate::trainees::pages::nav_links(actor),
        crate::cohorts::pages::nav_links(actor),
        crate::accounts::pages::nav_links(actor),
        crate::audit::pages::nav_links(actor),
        crate::integrations::pages::nav_links(actor),
    ]
    .concat()
}

/// The banner for the flash's notice: each area renders its own.
fn notice_view(token: &NoticeToken) -> Option<AnyView> {
    crate::accounts::pages::notice_view(token)
        .or_else(|| crate::cohorts::pages::notice_view(token))
        .or_else(|| crate::schedule::pages::notice_view(token))
        .or_else(|| crate::trainees::pages::notice_view(token))
        .or_else(|| crate::attendance::pages::notice_view(token))
        .or_else(|| crate::readiness::pages::notice_view(token))
        .or_else(|| crate::integrations::pages::notice_view(token))
        .or_else(|| shell_notice(token))
}

fn shell_notice(token: &NoticeToken) -> Option<AnyView> {
    let page = use_page();
    let text = match Notice::from_token(token)? {
        Notice::LanguageChanged => page.t(T::NoticeLanguageChanged),
    };
    Some(view! { <NoticeBanner text=text.to_owned()/> }.into_any())
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let page = use_page();
    let notice = page
        .flash
        .as_ref()
        .and_then(|flash| flash.notice.as_ref())
        .and_then(notice_view);
    // A post refused before any form could claim it (a malformed request): said on top.
    let alert = page
        .flash
        .as_ref()
        .filter(|flash| flash.form.is_none())
        .and_then(|flash| flash.error.as_ref())
        .map(|error| {
            view! {
                <div class="alert alert-error" role="alert">
                    {crate::kernel::i18n::error_text(error, page.locale)}
                </div>
            }
        });
    view! {
        <a class="skip-link" href="#main">{page.t(T::SkipToContent)}</a>
        <Header/>
        <main id="main" tabindex="-1">
            {alert}
            {notice}
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
    let link = move |link: NavLink| {
        let is_current = if link.href == "/" {
            current == "/"
        } else {
            current.starts_with(link.href)
        };
        view! {
            <li><a href=link.href aria-current=is_current.then_some("page")>{link.label.get(locale)}</a></li>
        }
    };
    let nav_items = std::iter::once(NavLink::new("/", T::NavHome))
        .chain(area_links(actor.as_ref()))
        .map(link)
        .collect_view();
    view! {
        <header class="site-header">
            <div class="brand">
                <a href="/" class="brand-name">{page.t(Common::AppName)}</a>
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
                            <button type="submit" class="button button-quiet">
                                {page.t(crate::accounts::texts::T::NavSignOut)}
                            </button>
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
