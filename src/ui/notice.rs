//! The one-shot confirmation after a successful form post, including a freshly issued
//! activation code (shown exactly once).

use leptos::prelude::*;

use super::context::{use_page, Notice};
use super::islands::{CopyButton, PrintButton};
use crate::accounts::dto::IssuedCode;
use crate::i18n::{fill, role_text, T};
use crate::wib;

#[component]
pub fn NoticeBanner() -> impl IntoView {
    let page = use_page();
    let notice = page.flash.as_ref().and_then(|f| f.notice.clone())?;
    let t = |key: T| page.t(key);
    let text = match &notice {
        Notice::SignedIn => t(T::NoticeSignedIn).to_owned(),
        Notice::SignedOut => t(T::NoticeSignedOut).to_owned(),
        Notice::Activated => t(T::NoticeActivated).to_owned(),
        Notice::PasswordChanged => t(T::NoticePasswordChanged).to_owned(),
        Notice::OtherSessionsEnded(n) => fill(t(T::NoticeOtherSessionsEnded), &[("n", &n.to_string())]),
        Notice::SessionEnded => t(T::NoticeSessionEnded).to_owned(),
        Notice::LanguageChanged => t(T::NoticeLanguageChanged).to_owned(),
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
    Some(view! { <div class="alert alert-success" role="status">{text}</div> }.into_any())
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
    let expires = wib::rfc3339_short(&issued.expires_at, page.locale);
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
