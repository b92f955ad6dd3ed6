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
use crate::cohorts::pages::CohortRoutes;
use crate::integrations::pages::IntegrationRoutes;
use crate::kernel::i18n::Common;
use crate::platform::page::use_page;
use crate::readiness::pages::ReadinessRoutes;
use crate::schedule::pages::ScheduleRoutes;
use crate::trainees::pages::TraineeRoutes;
use crate::ui::guard::NotFound;
use crate::ui::nav::{CohortLinks, SessionLinks};
use landing::Landing;
use layout::Layout;

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let page = use_page();
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
                <MetaTags/>
            </head>
            <body>
                <App/>
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
    ]));
    provide_context(SessionLinks(&[crate::attendance::pages::SESSION_LINK]));
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
                    <TraineeRoutes/>
                    <IntegrationRoutes/>
                </Routes>
            </Layout>
        </Router>
    }
}
