//! "Perubahan jadwal": the notice of moved and cancelled classes at the top of a trainee's
//! `/jadwal`, until they dismiss it (a plain form: it works without JavaScript).

use leptos::prelude::*;

use crate::kernel::i18n::fill;
use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::schedule::api::DismissScheduleChanges;
use crate::schedule::dto::ScheduleChanges;
use crate::schedule::model::announce::SessionChange;
use crate::schedule::model::SessionStatus;
use crate::schedule::paths;
use crate::schedule::texts::T;
use crate::ui::forms::FormAlert;

/// The notice, when there is anything in it.
#[component]
pub(super) fn ChangesNotice(changes: ScheduleChanges) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let Some(latest) = changes.latest.filter(|_| !changes.changes.is_empty()) else {
        return ().into_any();
    };
    // One sentence with the link to the feed in it.
    let feed = t(T::ChangeFeed);
    let (before, after) = feed.split_once("{link}").unwrap_or((feed, ""));
    view! {
        <section class="panel changes-notice" id="perubahan" aria-labelledby="changes-heading">
            <h2 id="changes-heading">{t(T::ChangesTitle)}</h2>
            <FormAlert form={form_id::<DismissScheduleChanges>()}/>
            <p>{t(T::ChangesIntro)}</p>
            <ul class="plain-list">
                {changes.changes.into_iter().map(|change| view! { <ChangeLine change/> }).collect_view()}
            </ul>
            <p class="hint">
                {before}<a href=format!("{}#kalender", paths::MINE)>{t(T::ChangeFeedLink)}</a>{after}
            </p>
            <form method="post" action={api::<DismissScheduleChanges>()}>
                <input type="hidden" name="seen_up_to" value=wib::rfc3339(latest)/>
                <button type="submit" class="button">{t(T::ChangesDismiss)}</button>
            </form>
        </section>
    }
    .into_any()
}

/// One change: the class, its old and new time (or that it is off), the room, the reason.
#[component]
fn ChangeLine(change: SessionChange) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let was = wib::span_long(change.was_starts_at, change.was_ends_at, locale);
    let what = if change.status == SessionStatus::Cancelled {
        fill(
            t(T::ChangeCancelled),
            &[("cohort", &change.cohort), ("was", &was)],
        )
    } else {
        let now = wib::span_long(change.starts_at, change.ends_at, locale);
        fill(
            t(T::ChangeMoved),
            &[("cohort", &change.cohort), ("was", &was), ("now", &now)],
        )
    };
    let moved = change.status == SessionStatus::Moved;
    view! {
        <li>
            <strong>{what}</strong>
            {change.room.filter(|_| moved).map(|room| view! { " " {t(T::Room)} ": " {room} "." })}
            {change.reason.map(|reason| view! { " " {t(T::Reason)} ": " {reason} })}
        </li>
    }
}
