//! Attendance pages: the home (a trainee's own attendance, or the staff's classes and
//! trainees at risk), the roll call, self check-in on both sides, excuses, a cohort's
//! grid with its chart, the printable registers, and whom to tell of a moved session; how
//! the area's notices read; its navigation.

mod chart;
mod check_in;
mod excuses;
mod grid;
mod home;
mod notify;
mod register;
mod roll_call;

pub use check_in::{CheckInCodePage, CheckInPage};
pub use excuses::{ExcuseReviewPage, MyExcusesPage};
pub use grid::CohortAttendancePage;
pub use home::AttendanceHomePage;
pub use notify::change_panel;
pub use register::{MonthRegisterPage, SessionRegisterPage};
pub use roll_call::RollCallPage;

use leptos::prelude::*;
use leptos_router::{components::Route, path, MatchNestedRoutes, SsrMode};

use super::authz;
use super::model::rates::{percent, Rates, Warning};
use super::model::AttendanceStatus;
use super::texts::{status_text, warning_text, Notice, T};
use crate::kernel::i18n::fill;
use crate::kernel::{Actor, CohortId, Locale, SessionId};
use crate::platform::flash::{AreaNotice, NoticeToken};
use crate::platform::page::use_page;
use crate::ui::nav::{NavLink, RecordLink};
use crate::ui::notice::NoticeBanner;

/// A cohort's attendance, on the cohort page.
pub const COHORT_LINK: RecordLink<CohortId> = RecordLink {
    label: T::CohortAttendanceLink,
    href: super::paths::cohort,
    shown_to: crate::ui::nav::any_staff,
};

/// A session's roll call, on the session page.
pub const SESSION_LINK: RecordLink<SessionId> = RecordLink {
    label: T::RollCallLink,
    href: super::paths::roll_call,
    shown_to: crate::ui::nav::any_staff,
};

/// Attendance for everyone signed in; excuses for trainees (asking) and coordinators
/// (deciding).
pub fn nav_links(actor: Option<&Actor>) -> Vec<NavLink> {
    let Some(actor) = actor else {
        return Vec::new();
    };
    let described = if authz::is_trainee(actor) {
        T::LinkAttendanceTrainee
    } else {
        T::LinkAttendanceStaff
    };
    let mut links = vec![NavLink::new(super::paths::HOME, T::NavAttendance).described(described)];
    if authz::is_trainee(actor) {
        links.push(NavLink::new(super::paths::EXCUSES, T::NavExcuses).described(T::ExcusesIntro));
    } else if authz::can_review_excuses(actor) {
        links.push(NavLink::new(super::paths::EXCUSE_REVIEW, T::NavExcuses).described(T::ReviewTitle));
    }
    links
}

/// The banner for `token`, if it is one of this area's notices.
pub fn notice_view(token: &NoticeToken) -> Option<AnyView> {
    let locale = use_page().locale;
    let text = match Notice::from_token(token)? {
        Notice::RollCallSaved { cohort, count } => fill(
            T::NoticeRollCallSaved.get(locale),
            &[("cohort", &cohort), ("n", &count.to_string())],
        ),
        Notice::CheckedIn { cohort, status } => fill(
            T::NoticeCheckedIn.get(locale),
            &[("cohort", &cohort), ("status", status_text(status).get(locale))],
        ),
        Notice::ExcuseSent => T::NoticeExcuseSent.get(locale).to_owned(),
        Notice::ExcuseWithdrawn => T::NoticeExcuseWithdrawn.get(locale).to_owned(),
        Notice::ExcuseDecided(name) => fill(T::NoticeExcuseDecided.get(locale), &[("name", &name)]),
        Notice::PolicySaved(cohort) => fill(T::NoticePolicySaved.get(locale), &[("cohort", &cohort)]),
    };
    Some(view! { <NoticeBanner text/> }.into_any())
}

/// A status as a coloured badge with its name.
#[component]
fn StatusBadge(status: AttendanceStatus) -> impl IntoView {
    let locale = use_page().locale;
    view! { <span class=format!("badge mark-{}", status.as_str())>{status_text(status).get(locale)}</span> }
}

/// `87,5 %` or an em dash.
fn shown_percent(value: Option<u32>, locale: Locale) -> String {
    value.map_or_else(|| "—".to_owned(), |v| percent(v, locale))
}

/// The warnings of a trainee as small badges.
#[component]
fn Warnings(warnings: Vec<Warning>) -> impl IntoView {
    let locale = use_page().locale;
    warnings
        .into_iter()
        .map(|w| {
            let class = match w {
                Warning::Streak(_) => "badge warn-streak",
                _ => "badge warn-rate",
            };
            view! { <span class=class>{warning_text(w, locale)}</span> " " }
        })
        .collect_view()
}

/// "Hadir 12 · Terlambat 1 · …" of some rates.
fn counts_line(rates: &Rates, locale: Locale) -> String {
    fill(
        T::Summary.get(locale),
        &[
            ("present", &rates.present.to_string()),
            ("late", &rates.late.to_string()),
            ("permitted", &rates.permitted.to_string()),
            ("sick", &rates.sick.to_string()),
            ("absent", &rates.absent.to_string()),
        ],
    )
}

/// Attendance's pages, at the addresses [`super::paths`] spells, for the app's router.
#[component(transparent)]
pub fn AttendanceRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/sesi/:id/absen") view=RollCallPage ssr=SsrMode::Async/>
        <Route path=path!("/sesi/:id/kode") view=CheckInCodePage ssr=SsrMode::Async/>
        <Route path=path!("/sesi/:id/daftar-hadir") view=SessionRegisterPage ssr=SsrMode::Async/>
        <Route path=path!("/kehadiran") view=AttendanceHomePage ssr=SsrMode::Async/>
        <Route path=path!("/hadir") view=CheckInPage ssr=SsrMode::Async/>
        <Route path=path!("/izin") view=MyExcusesPage ssr=SsrMode::Async/>
        <Route path=path!("/izin/tinjau") view=ExcuseReviewPage ssr=SsrMode::Async/>
        <Route path=path!("/angkatan/:id/kehadiran") view=CohortAttendancePage ssr=SsrMode::Async/>
        <Route path=path!("/angkatan/:id/kehadiran/cetak") view=MonthRegisterPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
