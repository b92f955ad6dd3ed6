//! "Kabari peserta" on the page of a moved or cancelled session, for whoever may change it:
//! each trainee with a one-tap WhatsApp link (the message filled in), and the message for
//! the cohort's group in a read-only box to copy (a button with JavaScript, selecting the
//! text without).

use leptos::prelude::*;

use crate::attendance::api::get_change_notice;
use crate::attendance::dto::{ChangeNotice, ToTell};
use crate::attendance::texts::T;
use crate::kernel::{SessionId, Text};
use crate::platform::page::use_page;
use crate::schedule::model::SessionStatus;
use crate::ui::guard::loaded;
use crate::ui::islands::CopyButton;

/// The part for the session page (the app gives it to the schedule's session page).
pub fn change_panel(session_id: SessionId) -> AnyView {
    view! { <ChangeNoticePanel session_id/> }.into_any()
}

#[component]
fn ChangeNoticePanel(session_id: SessionId) -> impl IntoView {
    loaded(get_change_notice(session_id), |notice| {
        notice.map(|notice| view! { <Notice notice/> })
    })
}

#[component]
fn Notice(notice: ChangeNotice) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let intro = if notice.change.status == SessionStatus::Cancelled {
        T::TellCancelled
    } else {
        T::TellMoved
    };
    let message = notice.group_message.clone();
    view! {
        <section class="panel" id="kabari" aria-labelledby="tell-heading">
            <h2 id="tell-heading">{t(T::TellTitle)}</h2>
            <p>{t(intro)}</p>
            {if notice.trainees.is_empty() {
                view! { <p class="hint">{t(T::TellNobody)}</p> }.into_any()
            } else {
                view! {
                    <ul class="record-list">
                        {notice.trainees.into_iter().map(|person| view! { <Person person/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <div class="field">
                <label for="group-message">{t(T::GroupMessage)}</label>
                <p class="hint" id="group-message-hint">{t(T::GroupMessageHint)}</p>
                <textarea id="group-message" readonly rows="5" aria-describedby="group-message-hint">{message.clone()}</textarea>
            </div>
            <div class="button-row">
                <CopyButton text=message label=t(T::CopyMessage).to_owned() done=t(T::Copied).to_owned()/>
            </div>
        </section>
    }
}

/// One trainee: name, phone, and the WhatsApp link when there is a number to reach.
#[component]
fn Person(person: ToTell) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let name = person.name.clone();
    view! {
        <li class="record">
            <span class="record-title">{person.name.clone()}</span>
            {match (person.phone, person.whatsapp) {
                (Some(phone), Some(link)) => view! {
                    <span>{phone}</span>
                    <a class="button button-quiet" href=link target="_blank" rel="noopener noreferrer">
                        {t(T::WhatsApp)}
                        <span class="visually-hidden">{format!(" · {name}")}</span>
                    </a>
                }.into_any(),
                (Some(phone), None) => view! { <span>{phone}</span> }.into_any(),
                (None, _) => view! { <span class="hint">{t(T::NoPhone)}</span> }.into_any(),
            }}
        </li>
    }
}
