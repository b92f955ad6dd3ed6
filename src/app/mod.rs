//! The app shell: the HTML document, the application component composing every area's
//! routes (and the links higher areas add to the schedule's record pages), the layout
//! with the navigation every area contributes to, the start page and the language
//! preference. Knows every area; no area knows it.

pub mod landing;
pub mod layout;
pub mod prefs;
pub mod texts;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::accounts::pages::AccountRoutes;
use crate::attendance::pages::AttendanceRoutes;
use crate::audit::pages::AuditRoutes;
use crate::certificates::pages::CertificateRoutes;
use crate::cohorts::pages::CohortRoutes;
use crate::integrations::pages::IntegrationRoutes;
use crate::kernel::i18n::Common;
use crate::platform::page::use_page;
use crate::readiness::pages::ReadinessRoutes;
use crate::schedule::pages::ScheduleRoutes;
use crate::trainees::pages::TraineeRoutes;
use crate::ui::guard::NotFound;
use crate::ui::nav::{CohortLinks, SessionChangePanels, SessionLinks};
use landing::Landing;
use layout::Layout;

/// Registers the service worker and tells it whose pages these are (it forgets the kept
/// pages of anyone else). Without JavaScript nothing is registered and nothing is kept.
const WORKER_REGISTRATION: &str = "if('serviceWorker' in navigator){var sj=navigator.serviceWorker;\
sj.register('/sw.js').catch(function(){});\
sj.ready.then(function(r){if(r.active)r.active.postMessage({type:'person',person:document.body.dataset.person});});}";

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let page = use_page();
    let person = crate::platform::offline::person_tag(page.actor.as_ref());
    view! {
        <!DOCTYPE html>
        <html lang=page.locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#9f1d35"/>
                <HydrationScripts options islands=true/>
                <link rel="stylesheet" href="/pkg/siap-jepang.css"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                <MetaTags/>
            </head>
            <body data-person=person>
                <App/>
                // The service worker (the trainee's pages offline); told whose pages these are.
                <script nonce=leptos::nonce::use_nonce() inner_html=WORKER_REGISTRATION></script>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Links higher areas add to the pages of records the schedule renders.
    provide_context(CohortLinks(&[
        crate::trainees::pages::COHORT_LINK,
        crate::attendance::pages::COHORT_LINK,
        crate::readiness::pages::COHORT_LINK,
        crate::certificates::pages::COHORT_LINK,
    ]));
    provide_context(SessionLinks(&[crate::attendance::pages::SESSION_LINK]));
    provide_context(SessionChangePanels(&[crate::attendance::pages::change_panel]));
    let page = use_page();
    view! {
        <Title formatter=move |title: String| {
            if title.is_empty() { page.t(Common::AppName).to_owned() } else { format!("{title} · {}", page.t(Common::AppName)) }
        }/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Landing ssr=SsrMode::Async/>
                    <AccountRoutes/>
                    <AuditRoutes/>
                    <CohortRoutes/>
                    <ScheduleRoutes/>
                    <AttendanceRoutes/>
                    <ReadinessRoutes/>
                    <CertificateRoutes/>
                    <TraineeRoutes/>
                    <IntegrationRoutes/>
                </Routes>
            </Layout>
        </Router>
    }
}
