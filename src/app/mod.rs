//! The app shell: the HTML document, the application component and its routes, the
//! layout with the navigation every area contributes to, the start page and the language
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

use crate::accounts::pages::{AccountPage, ActivatePage, NewUserPage, SignInPage, UserPage, UsersPage};
use crate::attendance::pages::{
    AttendanceHomePage, CheckInCodePage, CheckInPage, CohortAttendancePage, ExcuseReviewPage,
    MonthRegisterPage, MyExcusesPage, RollCallPage, SessionRegisterPage,
};
use crate::audit::pages::AuditPage;
use crate::cohorts::pages::{CataloguePage, CohortsPage, EditCohortPage, NewCohortPage};
use crate::kernel::i18n::Common;
use crate::platform::page::use_page;
use crate::readiness::pages::{
    CohortProgressPage, DashboardPage, MyReadinessPage, RulesPage, TraineeReadinessPage,
};
use crate::schedule::pages::{
    CalendarPage, CohortPage, GeneratePage, HolidaysPage, MySchedulePage, PrintPage, SessionPage,
};
use crate::trainees::pages::{
    EditTraineePage, ImportPage, ImportReviewPage, NewTraineePage, ProfilePage, RosterPage, TraineePage,
    TraineesPage,
};
use crate::ui::guard::NotFound;
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
    let page = use_page();
    view! {
        <Title formatter=move |title: String| {
            if title.is_empty() { page.t(Common::AppName).to_owned() } else { format!("{title} · {}", page.t(Common::AppName)) }
        }/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Landing ssr=SsrMode::Async/>
                    <Route path=path!("/masuk") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/aktivasi") view=ActivatePage ssr=SsrMode::Async/>
                    <Route path=path!("/akun") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/pengguna") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/pengguna/baru") view=NewUserPage ssr=SsrMode::Async/>
                    <Route path=path!("/pengguna/:id") view=UserPage ssr=SsrMode::Async/>
                    <Route path=path!("/audit") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/program") view=CataloguePage ssr=SsrMode::Async/>
                    <Route path=path!("/angkatan") view=CohortsPage ssr=SsrMode::Async/>
                    <Route path=path!("/angkatan/baru") view=NewCohortPage ssr=SsrMode::Async/>
                    <Route path=path!("/angkatan/:id/ubah") view=EditCohortPage ssr=SsrMode::Async/>
                    <Route path=path!("/angkatan/:id") view=CohortPage ssr=SsrMode::Async/>
                    <Route path=path!("/angkatan/:id/jadwalkan") view=GeneratePage ssr=SsrMode::Async/>
                    <Route path=path!("/angkatan/:id/cetak") view=PrintPage ssr=SsrMode::Async/>
                    <Route path=path!("/sesi/:id") view=SessionPage ssr=SsrMode::Async/>
                    <Route path=path!("/sesi/:id/absen") view=RollCallPage ssr=SsrMode::Async/>
                    <Route path=path!("/sesi/:id/kode") view=CheckInCodePage ssr=SsrMode::Async/>
                    <Route path=path!("/sesi/:id/daftar-hadir") view=SessionRegisterPage ssr=SsrMode::Async/>
                    <Route path=path!("/kehadiran") view=AttendanceHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/hadir") view=CheckInPage ssr=SsrMode::Async/>
                    <Route path=path!("/izin") view=MyExcusesPage ssr=SsrMode::Async/>
                    <Route path=path!("/izin/tinjau") view=ExcuseReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/angkatan/:id/kehadiran") view=CohortAttendancePage ssr=SsrMode::Async/>
                    <Route path=path!("/angkatan/:id/kehadiran/cetak") view=MonthRegisterPage ssr=SsrMode::Async/>
                    <Route path=path!("/kesiapan") view=DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/kesiapan/aturan") view=RulesPage ssr=SsrMode::Async/>
                    <Route path=path!("/kesiapan/peserta/:id") view=TraineeReadinessPage ssr=SsrMode::Async/>
                    <Route path=path!("/kesiapan-saya") view=MyReadinessPage ssr=SsrMode::Async/>
                    <Route path=path!("/angkatan/:id/nilai") view=CohortProgressPage ssr=SsrMode::Async/>
                    <Route path=path!("/jadwal") view=MySchedulePage ssr=SsrMode::Async/>
                    <Route path=path!("/kalender") view=CalendarPage ssr=SsrMode::Async/>
                    <Route path=path!("/libur") view=HolidaysPage ssr=SsrMode::Async/>
                    <Route path=path!("/peserta") view=TraineesPage ssr=SsrMode::Async/>
                    <Route path=path!("/peserta/baru") view=NewTraineePage ssr=SsrMode::Async/>
                    <Route path=path!("/peserta/impor") view=ImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/peserta/impor/:id") view=ImportReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/peserta/:id") view=TraineePage ssr=SsrMode::Async/>
                    <Route path=path!("/peserta/:id/ubah") view=EditTraineePage ssr=SsrMode::Async/>
                    <Route path=path!("/angkatan/:id/peserta") view=RosterPage ssr=SsrMode::Async/>
                    <Route path=path!("/profil") view=ProfilePage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
