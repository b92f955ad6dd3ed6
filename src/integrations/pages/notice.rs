//! How the integrations area's notices read, including a key just made (shown once).

use leptos::prelude::*;

use crate::integrations::dto::IssuedKey;
use crate::integrations::texts::{Notice, T};
use crate::kernel::i18n::fill;
use crate::kernel::wib;
use crate::platform::flash::{AreaNotice, NoticeToken};
use crate::platform::page::use_page;
use crate::ui::islands::CopyButton;
use crate::ui::notice::NoticeBanner;

/// The banner for `token`, if it is one of this area's notices.
pub fn notice_view(token: &NoticeToken) -> Option<AnyView> {
    let notice = Notice::from_token(token)?;
    let page = use_page();
    match notice {
        Notice::KeyCreated(issued) => Some(view! { <KeyCard issued/> }.into_any()),
        Notice::KeyRevoked(name, prefix) => {
            let text = fill(page.t(T::NoticeRevoked), &[("name", &name), ("prefix", &prefix)]);
            Some(view! { <NoticeBanner text/> }.into_any())
        }
    }
}

/// A key just made, with a button to copy it: the only time it is shown.
#[component]
fn KeyCard(issued: IssuedKey) -> impl IntoView {
    let page = use_page();
    let validity = match issued.expires_at {
        Some(at) => fill(
            page.t(T::KeyExpires),
            &[("when", &wib::instant_short(at, page.locale))],
        ),
        None => page.t(T::KeyNeverExpires).to_owned(),
    };
    view! {
        <section class="code-card" role="status" aria-labelledby="key-card-heading">
            <h2 id="key-card-heading">{fill(page.t(T::KeyCreatedTitle), &[("name", &issued.name)])}</h2>
            <p class="code code-long" data-testid="issued-key">{issued.key.clone()}</p>
            <p>{page.t(T::KeyShownOnce)}</p>
            <p>{validity}</p>
            <div class="button-row">
                <CopyButton text=issued.key.clone() label=page.t(T::CopyKey).to_owned() done=page.t(T::Copied).to_owned()/>
            </div>
        </section>
    }
}
