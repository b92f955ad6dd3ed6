//! `/angkatan/:id`: a cohort's facts and its whole schedule, with the ways to plan, print
//! and download it.

use leptos::prelude::*;
use leptos_meta::Title;
use time::Date;

use super::SessionCard;
use crate::cohorts;
use crate::cohorts::pages::period;
use crate::cohorts::texts::{level_text, status_text, target_text};
use crate::kernel::i18n::fill;
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::schedule::api::get_cohort_schedule;
use crate::schedule::dto::{CohortSchedule, SessionView};
use crate::schedule::paths;
use crate::schedule::texts::T;
use crate::ui::guard::{loaded, path_id, NotFound};
use crate::ui::nav::CohortLinks;

#[component]
pub fn CohortPage() -> impl IntoView {
    if let Err(denied) = crate::ui::guard::require(|_| true) {
        return denied;
    }
    let Some(cohort_id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    view! {
        {loaded(get_cohort_schedule(cohort_id), move |schedule| view! { <CohortView schedule/> })}
    }
    .into_any()
}

fn is_past(session: &SessionView, today: Date) -> bool {
    crate::kernel::wib::today(session.ends_at) < today
}

#[component]
fn CohortView(schedule: CohortSchedule) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let cohort = schedule.cohort;
    let id = cohort.id;
    let today = schedule.today;
    let (past, coming): (Vec<SessionView>, Vec<SessionView>) =
        schedule.sessions.into_iter().partition(|s| is_past(s, today));
    let past_count = past.len();
    let instructors = cohort
        .instructors
        .iter()
        .map(|p| p.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let staff = page
        .actor
        .as_ref()
        .is_some_and(|a| a.role != crate::kernel::Role::Trainee);
    let row = move |label: Text, value: String| view! { <dt>{t(label)}</dt> <dd>{value}</dd> };
    view! {
        <Title text=cohort.code.clone()/>
        <div class="page-heading">
            <h1>{cohort.code.clone()}</h1>
            <span class=format!("badge cohort-{}", cohort.status.as_str())>{t(status_text(cohort.status))}</span>
        </div>
        <section class="panel">
            <dl class="facts">
                {row(T::FactCourse, format!("{} · {} · {} JP", cohort.course.name, t(level_text(cohort.course.level)), cohort.course.total_hours))}
                {row(T::FactProgramme, cohort.programme.name.clone())}
                {row(T::FactTarget, t(target_text(cohort.programme.language_target)).to_owned())}
                {row(T::FactSite, cohort.site.clone())}
                {row(T::FactRoom, cohort.room.as_ref().map_or_else(|| t(T::NoneYet).to_owned(), |r| format!("{} ({})", r.name, r.capacity)))}
                {row(T::FactPeriod, period(cohort.starts_on, cohort.ends_on))}
                {row(T::FactMembers, fill(t(crate::cohorts::texts::T::MembersOf), &[("n", &cohort.members.to_string()), ("cap", &cohort.capacity.to_string())]))}
                {row(T::FactThreshold, format!("{} %", cohort.attendance_threshold))}
                {row(T::FactInstructors, if instructors.is_empty() { t(T::NoneYet).to_owned() } else { instructors })}
            </dl>
            <div class="button-row">
                {cohort.can_manage.then(|| view! {
                    <a class="button button-quiet" href=cohorts::paths::edit_cohort(id)>{t(T::EditCohort)}</a>
                })}
                {schedule.schedulable.then(|| view! {
                    <a class="button" href=paths::generate(id)>{t(T::GenerateSessions)}</a>
                })}
                // The roster, attendance and scores: higher areas' pages, composed by the app.
                {staff.then(|| use_context::<CohortLinks>().unwrap_or_default().0.iter().filter(|link| page.actor.as_ref().is_some_and(|a| (link.shown_to)(a))).map(|link| view! {
                    <a class="button button-quiet" href=(link.href)(id)>{t(link.label)}</a>
                }).collect_view())}
                <a class="button button-quiet" href=paths::print(id)>{t(T::PrintWeek)}</a>
                <a class="button button-quiet" href=paths::cohort_ics(id) download="">{t(T::DownloadIcs)}</a>
            </div>
        </section>
        <section class="panel" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t(T::SessionsTitle)}</h2>
            <p class="hint">
                {fill(t(T::PlannedHours), &[("planned", &schedule.planned_hours.to_string()), ("total", &cohort.course.total_hours.to_string())])}
            </p>
            {if coming.is_empty() && past.is_empty() {
                view! { <p>{t(T::NoSessions)}</p> }.into_any()
            } else {
                view! {
                    <ul class="session-cards">
                        {coming.into_iter().map(|session| view! { <SessionCard session with_date=true link=true/> }).collect_view()}
                    </ul>
                    {(past_count > 0).then(|| view! {
                        <details>
                            <summary>{fill(t(T::PastSessions), &[("n", &past_count.to_string())])}</summary>
                            <ul class="session-cards">
                                {past.into_iter().map(|session| view! { <SessionCard session with_date=true link=true/> }).collect_view()}
                            </ul>
                        </details>
                    })}
                }.into_any()
            }}
        </section>
    }
}
