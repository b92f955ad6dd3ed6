//! Trainee pages: the registry list, a record, the record form, a cohort's roster, the
//! import wizard and a trainee's own details; how the area's notices read; its navigation.

mod detail;
mod form;
mod import;
mod list;
mod profile;
mod roster;

pub use detail::TraineePage;
pub use form::{EditTraineePage, NewTraineePage};
pub use import::{ImportPage, ImportReviewPage};
pub use list::TraineesPage;
pub use profile::ProfilePage;
pub use roster::RosterPage;

use leptos::prelude::*;
use leptos_router::{components::Route, path, MatchNestedRoutes, SsrMode};
use time::Date;

use super::authz;
use super::dto::EnrollmentView;
use super::texts::{status_text, Notice, T};
use crate::cohorts;
use crate::kernel::i18n::fill;
use crate::kernel::{wib, Actor, CohortId, Text};
use crate::platform::flash::{AreaNotice, NoticeToken};
use crate::platform::page::use_page;
use crate::ui::nav::{NavLink, RecordLink};
use crate::ui::notice::NoticeBanner;

/// A cohort's roster, on the cohort page.
pub const COHORT_LINK: RecordLink<CohortId> = RecordLink {
    label: T::RosterLink,
    href: super::paths::roster,
    shown_to: crate::ui::nav::any_staff,
};

/// The registry for coordinators and admins; "my details" for trainees.
pub fn nav_links(actor: Option<&Actor>) -> Vec<NavLink> {
    match actor {
        Some(actor) if authz::can_use_registry(actor) => {
            vec![NavLink::new(super::paths::TRAINEES, T::NavTrainees).described(T::LinkTraineesDesc)]
        }
        Some(actor) if authz::can_edit_own_contact(actor) => {
            vec![NavLink::new(super::paths::PROFILE, T::NavProfile).described(T::LinkProfileDesc)]
        }
        _ => Vec::new(),
    }
}

/// The banner for `token`, if it is one of this area's notices.
pub fn notice_view(token: &NoticeToken) -> Option<AnyView> {
    let locale = use_page().locale;
    let text = match Notice::from_token(token)? {
        Notice::TraineeSaved(name) => fill(T::NoticeTraineeSaved.get(locale), &[("name", &name)]),
        Notice::Enrolled(cohort) => fill(T::NoticeEnrolled.get(locale), &[("cohort", &cohort)]),
        Notice::StatusChanged { name, status } => fill(
            T::NoticeStatusChanged.get(locale),
            &[("name", &name), ("status", status_text(status).get(locale))],
        ),
        Notice::SeatOffered(name) => fill(T::NoticeSeatOffered.get(locale), &[("name", &name)]),
        Notice::ContactSaved => T::NoticeContactSaved.get(locale).to_owned(),
    };
    Some(view! { <NoticeBanner text/> }.into_any())
}

/// A person's enrollments, each with its dates and who moved it when and why.
#[component]
pub fn EnrollmentHistory(enrollments: Vec<EnrollmentView>) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let show = |date: Option<Date>| date.map(wib::date_short);
    if enrollments.is_empty() {
        return view! { <p>{t(T::NoEnrollments)}</p> }.into_any();
    }
    view! {
        <ul class="record-list">
            {enrollments.into_iter().map(|e| view! {
                <li class="record">
                    <a class="record-title" href=cohorts::paths::cohort(e.cohort_id)>{e.cohort.clone()}</a>
                    <span class=format!("badge enrollment-{}", e.status.as_str())>{t(status_text(e.status))}</span>
                    <div class="hint">
                        {show(e.joined_on).map(|d| view! { {t(T::Joined)} " " {d} })}
                        {show(e.left_on).map(|d| view! { " · " {t(T::Left)} " " {d} })}
                    </div>
                    <details class="history">
                        <summary>{t(T::HistoryTitle)}</summary>
                        <ol class="plain-list">
                            {e.history.iter().map(|ev| view! {
                                <li>
                                    {wib::instant_short(ev.at, locale)} ": "
                                    {ev.from.map(|f| view! { {t(status_text(f))} " → " })}
                                    <strong>{t(status_text(ev.to))}</strong>
                                    {ev.actor.clone().map(|a| view! { " " {t(T::By)} " " {a} })}
                                    {ev.reason.clone().map(|r| view! { " — " {r} })}
                                </li>
                            }).collect_view()}
                        </ol>
                    </details>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The registry's pages, at the addresses [`super::paths`] spells, for the app's router.
/// `/peserta/baru` and `/peserta/impor` come before `/peserta/:id`, which they would match.
#[component(transparent)]
pub fn TraineeRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/peserta") view=TraineesPage ssr=SsrMode::Async/>
        <Route path=path!("/peserta/baru") view=NewTraineePage ssr=SsrMode::Async/>
        <Route path=path!("/peserta/impor") view=ImportPage ssr=SsrMode::Async/>
        <Route path=path!("/peserta/impor/:id") view=ImportReviewPage ssr=SsrMode::Async/>
        <Route path=path!("/peserta/:id") view=TraineePage ssr=SsrMode::Async/>
        <Route path=path!("/peserta/:id/ubah") view=EditTraineePage ssr=SsrMode::Async/>
        <Route path=path!("/angkatan/:id/peserta") view=RosterPage ssr=SsrMode::Async/>
        <Route path=path!("/profil") view=ProfilePage ssr=SsrMode::Async/>
    }
    .into_inner()
}
