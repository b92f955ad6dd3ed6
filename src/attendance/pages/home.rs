//! `/kehadiran`: a trainee's own attendance and what it means for readiness; for staff,
//! today's classes to take, sessions left unmarked and trainees who need attention.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{counts_line, shown_percent, StatusBadge, Warnings};
use crate::attendance::api::{get_my_attendance, get_overview};
use crate::attendance::authz;
use crate::attendance::dto::{AtRisk, MyAttendance, MyCohort, Overview, SessionLine};
use crate::attendance::model::rates::Warning;
use crate::attendance::paths;
use crate::attendance::texts::T;
use crate::kernel::i18n::fill;
use crate::kernel::{CohortId, Text};
use crate::platform::page::use_page;
use crate::schedule::pages::SessionCard;
use crate::trainees;
use crate::ui::guard::{loaded, require};

#[component]
pub fn AttendanceHomePage() -> impl IntoView {
    let actor = match require(authz::can_open_attendance) {
        Ok(actor) => actor,
        Err(denied) => return denied,
    };
    let locale = use_page().locale;
    let title = if authz::is_trainee(&actor) {
        T::MyTitle
    } else {
        T::HomeTitle
    };
    view! {
        <Title text=title.get(locale)/>
        <h1>{title.get(locale)}</h1>
        {if authz::is_trainee(&actor) {
            loaded(get_my_attendance(), |mine| view! { <MyView mine/> }).into_any()
        } else {
            loaded(get_overview(), |overview| view! { <OverviewView overview/> }).into_any()
        }}
    }
    .into_any()
}

#[component]
fn MyView(mine: MyAttendance) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    view! {
        {mine.check_in_now.map(|session| view! {
            <p class="alert alert-info check-in-now">
                {fill(t(T::CheckInNow), &[("cohort", &session.cohort)])} " "
                <a class="button" href=paths::CHECK_IN>{t(T::CheckInButton)}</a>
            </p>
        })}
        <p><a href=paths::EXCUSES>{t(T::RequestTitle)}</a></p>
        {if mine.cohorts.is_empty() {
            view! { <p>{t(T::NoCohorts)}</p> }.into_any()
        } else {
            mine.cohorts.into_iter().map(|cohort| view! { <MyCohortView cohort/> }).collect_view().into_any()
        }}
    }
}

#[component]
fn MyCohortView(cohort: MyCohort) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let rates = cohort.rates;
    let meaning = if cohort.warnings.contains(&Warning::CannotReach) {
        T::CannotReachTrainee
    } else if cohort.warnings.contains(&Warning::BelowThreshold) {
        T::BelowThresholdTrainee
    } else {
        T::OnTrack
    };
    let heading = format!("attendance-{}", cohort.cohort_id);
    view! {
        <section class="panel" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{cohort.cohort.clone()}</h2>
            {match rates.rate {
                Some(rate) => view! {
                    <p class="rate-figure">{fill(t(T::MyRate), &[("rate", &shown_percent(Some(rate), locale))])}</p>
                    <p>{fill(t(T::MyBest), &[("rate", &shown_percent(rates.best, locale))])}</p>
                }.into_any(),
                None => view! { <p>{t(T::NoRateYet)}</p> }.into_any(),
            }}
            <p>{fill(t(T::ThresholdMeaning), &[("n", &cohort.threshold.to_string())])} " " <strong>{t(meaning)}</strong></p>
            <p class="hint">{fill(t(T::Counts), &[
                ("present", &rates.present.to_string()),
                ("late", &rates.late.to_string()),
                ("permitted", &rates.permitted.to_string()),
                ("sick", &rates.sick.to_string()),
                ("absent", &rates.absent.to_string()),
                ("remaining", &rates.remaining.to_string()),
            ])}</p>
            <Warnings warnings=cohort.warnings.clone()/>
            <ul class="session-cards">
                {cohort.sessions.into_iter().map(|line| view! { <MySessionCard line/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn MySessionCard(line: SessionLine) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let over = line.over;
    view! {
        <SessionCard session=line.session.clone() with_date=true>
            <p class="session-mark">
                {match line.mark {
                    Some(status) => view! { <StatusBadge status/> }.into_any(),
                    None if over => view! { <span class="badge">{t(T::NotMarkedYet)}</span> }.into_any(),
                    None => view! { <span class="badge">{t(T::Coming)}</span> }.into_any(),
                }}
                {line.remark.clone().map(|remark| view! { " " {remark} })}
            </p>
        </SessionCard>
    }
}

#[component]
fn OverviewView(overview: Overview) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let coordinator = page.actor.as_ref().is_some_and(authz::can_review_excuses);
    view! {
        {(overview.pending_excuses > 0).then(|| view! {
            <p class="alert alert-info">
                <a href=paths::EXCUSE_REVIEW>{fill(t(T::PendingExcuses), &[("n", &overview.pending_excuses.to_string())])}</a>
            </p>
        })}
        <section class="panel" aria-labelledby="today-heading">
            <h2 id="today-heading">{t(T::TodayTitle)}</h2>
            {if overview.today.is_empty() {
                view! { <p>{t(T::NoClassesToday)}</p> }.into_any()
            } else {
                view! {
                    <ul class="session-cards">
                        {overview.today.into_iter().map(|line| view! { <TakeCard line/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="panel" aria-labelledby="unmarked-heading">
            <h2 id="unmarked-heading">{t(T::UnmarkedTitle)} " (" {overview.unmarked.len()} ")"</h2>
            <p class="hint">{t(T::UnmarkedHint)}</p>
            {if overview.unmarked.is_empty() {
                view! { <p>{t(T::NoUnmarked)}</p> }.into_any()
            } else {
                view! {
                    <ul class="session-cards">
                        {overview.unmarked.into_iter().map(|line| view! { <TakeCard line with_date=true/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {coordinator.then(|| view! { <AtRiskList people=overview.at_risk.clone()/> })}
        {(!overview.cohorts.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="grids-heading">
                <h2 id="grids-heading">{t(T::CohortGrids)}</h2>
                <ul class="plain-list">
                    {overview.cohorts.iter().map(|c| view! {
                        <li><a href=paths::cohort(CohortId(c.id))>{c.label.clone()}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// A session to take (or taken): its card with the roll call button.
#[component]
fn TakeCard(line: SessionLine, #[prop(optional)] with_date: bool) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let id = line.session.id;
    view! {
        <SessionCard session=line.session.clone() with_date>
            <p class="session-actions">
                {line.taken.then(|| view! { <span class="badge mark-hadir">{t(T::RollCallTaken)}</span> " " })}
                <a class="button" href=paths::roll_call(id)>
                    {t(if line.taken { T::EditRollCall } else { T::TakeRollCall })}
                </a>
            </p>
        </SessionCard>
    }
}

#[component]
fn AtRiskList(people: Vec<AtRisk>) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    view! {
        <section class="panel" aria-labelledby="risk-heading">
            <h2 id="risk-heading">{t(T::AtRiskTitle)} " (" {people.len()} ")"</h2>
            <p class="hint">{t(T::AtRiskHint)}</p>
            {if people.is_empty() {
                view! { <p>{t(T::NoAtRisk)}</p> }.into_any()
            } else {
                view! {
                    <ul class="record-list">
                        {people.into_iter().map(|person| {
                            let phone = person.phone.clone();
                            view! {
                                <li class="record">
                                    <a class="record-title" href=trainees::paths::trainee(person.trainee_id)>{person.name.clone()}</a>
                                    " " <a href=paths::cohort(person.cohort_id)>{person.cohort.clone()}</a>
                                    <p>
                                        <strong>{shown_percent(person.rates.rate, locale)}</strong>
                                        " · " {t(T::Best)} " " {shown_percent(person.rates.best, locale)}
                                        " · " {counts_line(&person.rates, locale)}
                                    </p>
                                    <Warnings warnings=person.warnings.clone()/>
                                    {phone.map(|phone| view! {
                                        <p class="button-row">
                                            <a class="button button-quiet" href=format!("tel:{phone}")>{t(T::Call)}</a>
                                            <a class="button button-quiet" href=format!("https://wa.me/{}", phone.trim_start_matches('+'))
                                                target="_blank" rel="noopener noreferrer">{t(T::WhatsApp)}</a>
                                        </p>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
