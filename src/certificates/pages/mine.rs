//! `/sertifikat-saya`: a trainee's own certificates and letters, to download.

use leptos::prelude::*;
use leptos_meta::Title;

use super::DocumentLine;
use crate::certificates::api::get_my_documents;
use crate::certificates::authz;
use crate::certificates::texts::T;
use crate::platform::page::use_page;
use crate::ui::guard::{loaded, require};

#[component]
pub fn MyDocumentsPage() -> impl IntoView {
    if let Err(denied) = require(authz::is_trainee) {
        return denied;
    }
    let locale = use_page().locale;
    loaded(get_my_documents(), move |mine| {
        view! {
            <Title text=T::MineTitle.get(locale)/>
            <h1>{T::MineTitle.get(locale)}</h1>
            <p>{T::MineIntro.get(locale)}</p>
            <section class="panel">
                {if mine.documents.is_empty() {
                    view! { <p>{T::MineNone.get(locale)}</p> }.into_any()
                } else {
                    mine.documents.into_iter().map(|document| view! { <DocumentLine document/> }).collect_view().into_any()
                }}
            </section>
        }
    })
    .into_any()
}
