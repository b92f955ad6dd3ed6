//! How the accounts area's notices read, including a freshly issued activation code
//! (shown exactly once).

use leptos::prelude::*;

use crate::accounts::dto::IssuedCode;
use crate::accounts::texts::{Notice, T};
use crate::kernel::i18n::{fill, role_text};
use crate::kernel::wib;
use crate::platform::flash::{AreaNotice, NoticeToken};
use crate::platform::page::use_page;
use crate::ui::islands::{CopyButton, PrintButton};
use crate::ui::notice::NoticeBanner;

/// The banner for `token`, if it is one of this area's notices.
pub fn notice_view(token: &NoticeToken) -> Option<AnyView> {
    let notice = Notice::from_token(token)?;
    let page = use_page();
    let t = |key| page.t(key);
    let text = match &notice {
        Notice::SignedIn => t(T::NoticeSignedIn).to_owned(),
        Notice::SignedOut => t(T::NoticeSignedOut).to_owned(),
        Notice::Activated => t(T::NoticeActivated).to_owned(),
        Notice::PasswordChanged => t(T::NoticePasswordChanged).to_owned(),
        Notice::OtherSessionsEnded(n) => fill(t(T::NoticeOtherSessionsEnded), &[("n", &n.to_string())]),
        Notice::SessionEnded => t(T::NoticeSessionEnded).to_owned(),
        Notice::Deactivated(name) => fill(t(T::NoticeDeactivated), &[("name", name)]),
        Notice::Reactivated(name) => fill(t(T::NoticeReactivated), &[("name", name)]),
        Notice::RoleChanged(name, role) => fill(
            t(T::NoticeRoleChanged),
            &[("name", name), ("role", t(role_text(*role)))],
        ),
        Notice::AccountCreated(issued) => {
            return Some(view! { <CodeCard issued=issued.clone() created=true/> }.into_any());
        }
        Notice::CodeIssued(issued) => {
            return Some(view! { <CodeCard issued=issued.clone() created=false/> }.into_any());
        }
    };
    Some(view! { <NoticeBanner text/> }.into_any())
}

/// A one-time code with the ways to hand it over: read it out, copy it, print it, or send
/// it on WhatsApp with the instructions prefilled.
#[component]
fn CodeCard(issued: IssuedCode, created: bool) -> impl IntoView {
    let page = use_page();
    let heading = if created {
        fill(page.t(T::AccountCreatedTitle), &[("name", &issued.display_name)])
    } else {
        fill(page.t(T::CodeFor), &[("name", &issued.display_name)])
    };
    let expires = wib::instant_short(issued.expires_at, page.locale);
    view! {
        <section class="code-card" role="status" aria-labelledby="code-card-heading">
            <h2 id="code-card-heading">{heading}</h2>
            <p class="code" data-testid="issued-code">{issued.code.clone()}</p>
            <p>{fill(page.t(T::CodeShownOnce), &[("expires", &expires)])}</p>
            {(!created).then(|| view! { <p>{page.t(T::NoticeCodeIssued)}</p> })}
            <div class="button-row">
                {issued.whatsapp_link.clone().map(|link| view! {
                    <a class="button" href=link target="_blank" rel="noopener noreferrer">{page.t(T::SendWhatsApp)}</a>
                })}
                <CopyButton text=issued.code.clone() label=page.t(T::CopyCode).to_owned() done=page.t(T::Copied).to_owned()/>
                <PrintButton label=page.t(T::PrintCode).to_owned()/>
            </div>
        </section>
    }
    .into_any()
}
