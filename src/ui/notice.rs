//! The one-shot confirmation after a successful form post. Each area decides what its
//! notices say (and may render richer ones, such as a freshly issued code); this is the
//! plain form they share.

use leptos::prelude::*;

/// A short confirmation, announced politely to screen readers.
#[component]
pub fn NoticeBanner(text: String) -> impl IntoView {
    view! { <div class="alert alert-success" role="status">{text}</div> }
}
