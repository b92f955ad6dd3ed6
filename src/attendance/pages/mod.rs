//! Attendance pages: the home (a trainee's own attendance, or the staff's classes and
//! trainees at risk), the roll call, self check-in on both sides, excuses, a cohort's
//! grid with its chart, and the printable registers; how the area's notices read; its
//! navigation.

mod chart;
mod check_in;
mod excuses;
mod grid;
mod home;
mod register;
mod roll_call;

pub use check_in::{CheckInCodePage, CheckInPage};
pub use excuses::{ExcuseReviewPage, MyExcusesPage};
pub use grid::CohortAttendancePage;
pub use home::AttendanceHomePage;
pub use register::{MonthRegisterPage, SessionRegisterPage};
pub use roll_call::RollCallPage;

use leptos::prelude::*;

use super::authz;
use super::model::rates::{percent, Rates, Warning};
use super::model::AttendanceStatus;
use super::texts::{status_text, warning_text, Notice, T};
use crate::kernel::i18n::fill;
use crate::kernel::{Actor, Locale};
use crate::platform::flash::{AreaNotice, NoticeToken};
use crate::platform::page::use_page;
use crate::ui::nav::NavLink;
use crate::ui::notice::NoticeBanner;

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
    let mut links = vec![NavLink::new("/kehadiran", T::NavAttendance).described(described)];
    if authz::is_trainee(actor) {
        links.push(NavLink::new(super::EXCUSES_PATH, T::NavExcuses).described(T::ExcusesIntro));
    } else if authz::can_review_excuses(actor) {
        links.push(NavLink::new("/izin/tinjau", T::NavExcuses).described(T::ReviewTitle));
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
