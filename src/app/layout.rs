//! The frame around every page: header with the navigation every area contributes for
//! the actor, the one-shot notice of whichever area posted last, and the footer with the
//! language switch.

use leptos::prelude::*;

use super::prefs::SetLanguage;
use super::texts::{Notice, T};
use crate::accounts::api::SignOut;
use crate::kernel::i18n::{role_text, Common};
use crate::kernel::{Actor, Locale, Text};
use crate::platform::flash::{AreaNotice, NoticeToken};
use crate::platform::offline;
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
        crate::certificates::pages::nav_links(actor),
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
        .or_else(|| crate::certificates::pages::notice_view(token))
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
            <OfflineBanner/>
            {alert}
            {notice}
            {children()}
        </main>
        <Footer/>
    }
}

/// On a page the phone may keep, the banner the service worker reveals when it shows the
/// kept copy without a connection: when the page was rendered, in the page's language.
#[component]
fn OfflineBanner() -> impl IntoView {
    let page = use_page();
    if !offline::may_keep(page.actor.as_ref(), &page.path, &page.query) {
        return None;
    }
    #[cfg(feature = "ssr")]
    let rendered = crate::kernel::wib::stamp(time::OffsetDateTime::now_utc(), page.locale);
    #[cfg(not(feature = "ssr"))]
    let rendered = String::new();
    let text = crate::kernel::i18n::fill(page.t(T::OfflineBanner), &[("time", &rendered)]);
    Some(view! {
        <p id=offline::BANNER_ID class="alert alert-info offline-banner" role="status" hidden>{text}</p>
    })
}

/// The navigation entry for `path`: the longest link that is the path or one of its
/// parents (`/kesiapan` is not the current page on `/kesiapan-saya`).
pub fn current_link<'a>(links: &'a [NavLink], path: &str) -> Option<&'a NavLink> {
    links
        .iter()
        .filter(|link| {
            path == link.href
                || (link.href != "/"
                    && path
                        .strip_prefix(link.href)
                        .is_some_and(|rest| rest.starts_with('/')))
        })
        .max_by_key(|link| link.href.len())
}

/// The header: the brand and the current page on one line, the navigation and the
/// signed-in person behind a menu (`<details>`, no script needed) on phones, inline on
/// wide screens.
#[component]
fn Header() -> impl IntoView {
    let page = use_page();
    let actor = page.actor.clone();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let links: Vec<NavLink> = std::iter::once(NavLink::new("/", T::NavHome))
        .chain(area_links(actor.as_ref()))
        .collect();
    let current = current_link(&links, &page.path).copied();
    let nav = |class: &'static str| {
        let items = links
            .iter()
            .map(|link| {
                let is_current = current.is_some_and(|c| c.href == link.href);
                view! {
                    <li><a href=link.href aria-current=is_current.then_some("page")>{link.label.get(locale)}</a></li>
                }
            })
            .collect_view();
        view! {
            <nav class=class aria-label=t(T::MainNavigation)>
                <ul class="nav-list">{items}</ul>
            </nav>
        }
    };
    let whoami = |class: &'static str| {
        actor.as_ref().map(|actor| {
            view! {
                <div class=class>
                    <span>
                        {t(T::SignedInAs)} " " <strong>{actor.display_name.clone()}</strong>
                        " · " {t(role_text(actor.role))}
                    </span>
                    <form method="post" action={api::<SignOut>()} class="inline-form sign-out-form">
                        <button type="submit" class="button button-quiet">
                            {t(crate::accounts::texts::T::NavSignOut)}
                        </button>
                    </form>
                </div>
            }
        })
    };
    view! {
        <header class="site-header">
            <div class="header-bar">
                <a href="/" class="brand-name">{t(Common::AppName)}</a>
                {current
                    .filter(|link| link.href != "/")
                    .map(|link| view! { <span class="header-current">{link.label.get(locale)}</span> })}
            </div>
            // After the bar, so the open menu pushes the page down instead of covering it
            // (focus never hides under it); its button is drawn at the end of the bar.
            <details class="nav-menu">
                <summary>{t(T::Menu)}</summary>
                <div class="nav-menu-panel">
                    {nav("nav-in-menu")}
                    {whoami("whoami")}
                </div>
            </details>
            <div class="header-wide">
                {nav("nav-inline")}
                {whoami("whoami whoami-inline")}
            </div>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_page_is_the_longest_link_on_a_path_boundary() {
        let links = [
            NavLink::new("/", T::NavHome),
            NavLink::new("/kesiapan", T::NavHome),
            NavLink::new("/kesiapan-saya", T::NavHome),
            NavLink::new("/izin", T::NavHome),
            NavLink::new("/izin/tinjau", T::NavHome),
        ];
        let href = |path: &str| current_link(&links, path).map(|link| link.href);
        assert_eq!(href("/"), Some("/"));
        assert_eq!(href("/kesiapan-saya"), Some("/kesiapan-saya"));
        assert_eq!(href("/kesiapan"), Some("/kesiapan"));
        assert_eq!(href("/kesiapan/angkatan/3"), Some("/kesiapan"));
        assert_eq!(href("/izin/tinjau"), Some("/izin/tinjau"));
        assert_eq!(href("/izin/9"), Some("/izin"));
        assert_eq!(href("/sesi/4"), None);
    }
}
