//! Certificates pages: a cohort's certificates and letters (issue, revoke, reissue,
//! download, print), "Sertifikat saya", the sites' document settings, and the public
//! verification page; how the area's notices read; its navigation.

mod cohort;
mod mine;
mod settings;
mod verify;

pub use cohort::CohortDocumentsPage;
pub use mine::MyDocumentsPage;
pub use settings::DocumentSettingsPage;
pub use verify::VerifyPage;

use leptos::prelude::*;
use leptos_router::{components::Route, path, MatchNestedRoutes, SsrMode};

use super::authz;
use super::dto::DocumentRow;
use super::texts::{kind_text, notice_text, Notice, T};
use crate::kernel::i18n::fill;
use crate::kernel::{wib, Actor, CohortId};
use crate::platform::flash::{AreaNotice, NoticeToken};
use crate::platform::page::use_page;
use crate::ui::nav::{NavLink, RecordLink};
use crate::ui::notice::NoticeBanner;

/// A cohort's certificates and letters, on the cohort page.
pub const COHORT_LINK: RecordLink<CohortId> = RecordLink {
    label: T::CohortLink,
    href: super::paths::cohort,
    shown_to: authz::can_issue,
};

/// "Sertifikat saya" for trainees; the document settings for admins.
pub fn nav_links(actor: Option<&Actor>) -> Vec<NavLink> {
    match actor {
        Some(actor) if authz::is_trainee(actor) => {
            vec![NavLink::new(super::paths::MINE, T::NavMine).described(T::LinkMine)]
        }
        Some(actor) if authz::can_configure(actor) => {
            vec![NavLink::new(super::paths::SETTINGS, T::NavSettings).described(T::LinkSettings)]
        }
        _ => Vec::new(),
    }
}

/// The banner for `token`, if it is one of this area's notices.
pub fn notice_view(token: &NoticeToken) -> Option<AnyView> {
    let text = notice_text(Notice::from_token(token)?, use_page().locale);
    Some(view! { <NoticeBanner text/> }.into_any())
}

/// One document in a list: kind, number, state, code and its downloads.
#[component]
fn DocumentLine(document: DocumentRow) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: crate::kernel::Text| key.get(locale);
    let pdf = super::paths::pdf(document.id);
    let state = match &document.revoked {
        Some(revoked) => fill(
            t(T::RevokedOn),
            &[
                ("date", &wib::date_plain(wib::today(revoked.at), locale)),
                ("reason", &revoked.reason),
            ],
        ),
        None => t(T::Current).to_owned(),
    };
    let download = fill(t(T::DownloadOf), &[("number", &document.number)]);
    view! {
        <div class="paper" class:paper-revoked=document.revoked.is_some()>
            <p>
                <strong>{kind_text(document.kind).get(locale)}</strong>" · "
                <span class="paper-number">{document.number.clone()}</span>
                <br/>
                <span class=if document.revoked.is_some() { "badge badge-muted" } else { "badge badge-ok" }>{state}</span>
                {document.replaced_by.clone().map(|n| view! { " " <span class="hint">{fill(t(T::ReplacedBy), &[("number", &n)])}</span> })}
            </p>
            <p class="hint">
                {t(T::IssuedOn)}" " {wib::date_plain(wib::today(document.issued_at), locale)}
                " · " {t(T::Code)}" " <span class="paper-code">{document.code.clone()}</span>
            </p>
            <p class="paper-links">
                <a href=pdf.clone() aria-label=download>{t(T::Download)}</a>
                " · " <a href=format!("{pdf}?lang=en") hreflang="en">{t(T::InEnglish)}</a>
                " · " <a href=super::paths::verify(&document.code)>{t(T::VerifyPage)}</a>
            </p>
        </div>
    }
}

/// The area's pages, at the addresses [`super::paths`] spells, for the app's router.
#[component(transparent)]
pub fn CertificateRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/angkatan/:id/sertifikat") view=CohortDocumentsPage ssr=SsrMode::Async/>
        <Route path=path!("/sertifikat-saya") view=MyDocumentsPage ssr=SsrMode::Async/>
        <Route path=path!("/pengaturan-dokumen") view=DocumentSettingsPage ssr=SsrMode::Async/>
        <Route path=path!("/verifikasi/:code") view=VerifyPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
