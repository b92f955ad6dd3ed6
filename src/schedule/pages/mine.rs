//! `/jadwal`: a trainee's classes (an instructor's, a coordinator's sites') today, the rest
//! of this week and what comes after, and the personal calendar feed; for a trainee, first
//! the classes moved or cancelled since they last looked. The trainee's start page after
//! signing in; readable at 360 px.

use leptos::prelude::*;
use leptos_meta::Title;

use super::changes::ChangesNotice;
use super::SessionCard;
use crate::kernel::{wib, AppError, Role, Text};
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::schedule::api::{get_my_schedule, get_schedule_changes, ResetFeed, RevokeFeed};
use crate::schedule::authz;
use crate::schedule::dto::{FeedView, MySchedule, SessionView};
use crate::schedule::texts::T;
use crate::ui::forms::FormAlert;
use crate::ui::guard::{loaded, require};
use crate::ui::islands::CopyButton;

#[component]
pub fn MySchedulePage() -> impl IntoView {
    let actor = match require(authz::can_view_own_schedule) {
        Ok(actor) => actor,
        Err(denied) => return denied,
    };
    let page = use_page();
    // One load for the changes (a trainee's) and the schedule: two pending on one page
    // stalled every page under load (the load driver's 200 requests in flight).
    let follows_changes = authz::can_follow_changes(&actor);
    let load = async move {
        // The notice is a side dish: if it fails, the schedule still shows.
        let changes = if follows_changes {
            get_schedule_changes().await.ok()
        } else {
            None
        };
        Ok::<_, AppError>((changes, get_my_schedule().await?))
    };
    view! {
        <Title text=page.t(T::ScheduleTitle)/>
        <h1>{page.t(T::ScheduleTitle)}</h1>
        {loaded(load, move |(changes, schedule)| view! {
            {changes.map(|changes| view! { <ChangesNotice changes/> })}
            <ScheduleView schedule/>
        })}
    }
    .into_any()
}

#[component]
fn Section(
    id: &'static str,
    heading: String,
    sessions: Vec<SessionView>,
    empty: Text,
    with_date: bool,
) -> impl IntoView {
    let page = use_page();
    let staff = page.actor.as_ref().is_some_and(|a| a.role != Role::Trainee);
    view! {
        <section class="panel" aria-labelledby=id>
            <h2 id=id>{heading}</h2>
            {if sessions.is_empty() {
                view! { <p>{page.t(empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="session-cards">
                        {sessions.into_iter().map(|session| view! { <SessionCard session with_date link=staff/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn ScheduleView(schedule: MySchedule) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let today = wib::date_long(schedule.today, locale);
    let trainee = page.actor.as_ref().is_some_and(|a| a.role == Role::Trainee);
    let no_cohort = (!schedule.has_cohorts).then(|| {
        let text = if trainee {
            T::NoCohortTrainee
        } else {
            T::NoCohortStaff
        };
        view! { <p class="alert alert-info" role="status">{page.t(text)}</p> }
    });
    view! {
        {no_cohort}
        <Section id="today-heading" heading=format!("{} · {today}", page.t(T::Today)) sessions=schedule.today_sessions
            empty=T::NoClassesToday with_date=false/>
        <Section id="week-heading" heading=page.t(T::ThisWeek).to_owned() sessions=schedule.this_week
            empty=T::NoClassesWeek with_date=true/>
        <Section id="upcoming-heading" heading=page.t(T::Upcoming).to_owned() sessions=schedule.upcoming
            empty=T::NoUpcoming with_date=true/>
        <Feed feed=schedule.feed/>
    }
}

#[component]
fn Feed(feed: FeedView) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    view! {
        <section class="panel" id="kalender" aria-labelledby="feed-heading">
            <h2 id="feed-heading">{t(T::FeedTitle)}</h2>
            <FormAlert form={form_id::<ResetFeed>()}/>
            <FormAlert form={form_id::<RevokeFeed>()}/>
            <p>{t(T::FeedIntro)}</p>
            {match feed.url {
                Some(url) => view! {
                    <div class="field">
                        <label for="feed-url">{t(T::FeedUrl)}</label>
                        <input id="feed-url" type="text" readonly value=url.clone()/>
                    </div>
                    <div class="button-row">
                        <CopyButton text=url label=t(T::CopyAddress).to_owned() done=t(T::Copied).to_owned()/>
                        <form method="post" action={api::<ResetFeed>()} class="inline-form">
                            <button type="submit" class="button button-quiet">{t(T::FeedRegenerate)}</button>
                        </form>
                        <form method="post" action={api::<RevokeFeed>()} class="inline-form">
                            <button type="submit" class="button button-quiet">{t(T::FeedRevoke)}</button>
                        </form>
                    </div>
                }.into_any(),
                None => view! {
                    <p class="hint">{t(T::FeedOff)}</p>
                    <form method="post" action={api::<ResetFeed>()}>
                        <button type="submit" class="button">{t(T::FeedCreate)}</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
