//! Readiness pages: the coordinators' dashboard, one trainee's record (documents,
//! results, checklist), "Kesiapan saya", a cohort's lessons and scores, and the tracks'
//! requirements; how the area's notices read; its navigation.

mod dashboard;
mod progress;
mod records;
mod rules;

pub use dashboard::DashboardPage;
pub use progress::CohortProgressPage;
pub use records::{MyReadinessPage, TraineeReadinessPage};
pub use rules::RulesPage;

use leptos::prelude::*;
use leptos_router::{components::Route, path, MatchNestedRoutes, SsrMode};

use super::authz;
use super::model::verdict::{Check, Finding};
use super::model::Verdict;
use super::texts::{blocker_text, notice_text, requirement_text, verdict_text, Notice, T};
use crate::kernel::{Actor, CohortId};
use crate::platform::flash::{AreaNotice, NoticeToken};
use crate::platform::page::use_page;
use crate::ui::nav::{NavLink, RecordLink};
use crate::ui::notice::NoticeBanner;

/// A cohort's lessons and scores, on the cohort page.
pub const COHORT_LINK: RecordLink<CohortId> = RecordLink {
    label: T::ScoresLink,
    href: super::paths::progress,
    shown_to: crate::ui::nav::any_staff,
};

/// The dashboard for coordinators and admins; "Kesiapan saya" for trainees.
pub fn nav_links(actor: Option<&Actor>) -> Vec<NavLink> {
    match actor {
        Some(actor) if authz::is_trainee(actor) => {
            vec![NavLink::new(super::paths::MINE, T::NavMine).described(T::LinkReadinessTrainee)]
        }
        Some(actor) if authz::can_open_dashboard(actor) => {
            vec![NavLink::new(super::paths::DASHBOARD, T::NavReadiness).described(T::LinkReadinessStaff)]
        }
        _ => Vec::new(),
    }
}

/// The banner for `token`, if it is one of this area's notices.
pub fn notice_view(token: &NoticeToken) -> Option<AnyView> {
    let text = notice_text(Notice::from_token(token)?, use_page().locale);
    Some(view! { <NoticeBanner text/> }.into_any())
}

/// The verdict as a coloured badge with its name.
#[component]
fn VerdictBadge(verdict: Verdict) -> impl IntoView {
    let locale = use_page().locale;
    view! { <span class=format!("badge verdict-{}", verdict.as_str())>{verdict_text(verdict).get(locale)}</span> }
}

/// Blockers in words; underway ones marked so.
#[component]
fn BlockerList(blockers: Vec<Finding>) -> impl IntoView {
    let locale = use_page().locale;
    if blockers.is_empty() {
        return view! { <span class="hint">{T::NoneMissing.get(locale)}</span> }.into_any();
    }
    view! {
        <ul class="blockers">
            {blockers.into_iter().map(|f| view! {
                <li class:pending=f.pending>
                    {blocker_text(&f.blocker, locale)}
                    {f.pending.then(|| view! { " " <span class="hint">"(" {T::Pending.get(locale)} ")"</span> })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Every requirement: done (✓) or what is missing.
#[component]
fn Checklist(checks: Vec<Check>) -> impl IntoView {
    let locale = use_page().locale;
    view! {
        <ul class="checklist">
            {checks.into_iter().map(|check| {
                let done = check.finding.is_none();
                view! {
                    <li class:done=done class:todo=!done>
                        <span class="check-mark" aria-hidden="true">{if done { "✓" } else { "✗" }}</span>
                        <span class="visually-hidden">{if done { T::Done.get(locale) } else { T::ToDo.get(locale) }}": "</span>
                        <strong>{requirement_text(&check.requirement, locale)}</strong>
                        {check.finding.map(|f| view! {
                            <br/><span class="check-detail">
                                {blocker_text(&f.blocker, locale)}
                                {f.pending.then(|| view! { " (" {T::Pending.get(locale)} ")" })}
                            </span>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Readiness's pages, at the addresses [`super::paths`] spells, for the app's router.
#[component(transparent)]
pub fn ReadinessRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/kesiapan") view=DashboardPage ssr=SsrMode::Async/>
        <Route path=path!("/kesiapan/aturan") view=RulesPage ssr=SsrMode::Async/>
        <Route path=path!("/kesiapan/peserta/:id") view=TraineeReadinessPage ssr=SsrMode::Async/>
        <Route path=path!("/kesiapan-saya") view=MyReadinessPage ssr=SsrMode::Async/>
        <Route path=path!("/angkatan/:id/nilai") view=CohortProgressPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
