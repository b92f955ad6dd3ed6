//! The only parts of the UI that ship code to the browser. Each island renders nothing
//! interactive without JavaScript (its button stays hidden), so pages work the same
//! without it.

use leptos::prelude::*;

/// Shows or hides the password typed into the input with id `target`.
#[island]
pub fn PasswordReveal(target: String, show: String, hide: String) -> impl IntoView {
    let (visible, set_visible) = signal(false);
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    let toggle = move |_| {
        let now_visible = !visible.get_untracked();
        set_visible.set(now_visible);
        set_input_type(&target, if now_visible { "text" } else { "password" });
    };
    view! {
        <button
            type="button"
            class="button button-quiet reveal"
            hidden=move || !ready.get()
            aria-pressed=move || if visible.get() { "true" } else { "false" }
            on:click=toggle
        >
            {move || if visible.get() { hide.clone() } else { show.clone() }}
        </button>
    }
}

fn set_input_type(id: &str, kind: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let _ = input.set_attribute("type", kind);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (id, kind);
}

fn copy_to_clipboard(text: &str) -> bool {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
        return true;
    }
    let _ = text;
    false
}

/// Copies `text` to the clipboard.
#[island]
pub fn CopyButton(text: String, label: String, done: String) -> impl IntoView {
    let (copied, set_copied) = signal(false);
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    let copy = move |_| set_copied.set(copy_to_clipboard(&text));
    view! {
        <button type="button" class="button button-quiet" hidden=move || !ready.get() on:click=copy>
            {move || if copied.get() { done.clone() } else { label.clone() }}
        </button>
    }
}

/// Opens the browser's print dialog (to hand a code over on paper).
#[island]
pub fn PrintButton(label: String) -> impl IntoView {
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <button type="button" class="button button-quiet" hidden=move || !ready.get() on:click=print>
            {label}
        </button>
    }
}

/// A submit button that asks for confirmation first (with JavaScript; without it the
/// form submits directly).
#[island]
pub fn ConfirmSubmit(label: String, question: String, class: String) -> impl IntoView {
    let confirm = move |ev: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            if !window.confirm_with_message(&question).unwrap_or(true) {
                ev.prevent_default();
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&ev, &question);
    };
    view! {
        <button type="submit" class=class on:click=confirm>{label}</button>
    }
}

/// A submit button for work that takes a few seconds (a large import): with JavaScript,
/// once pressed it says so, shows a progress bar and ignores further presses; without it,
/// a plain submit button.
#[island]
pub fn BusySubmit(label: String, busy: String) -> impl IntoView {
    let (working, set_working) = signal(false);
    let progress_label = busy.clone();
    let press = move |ev: leptos::ev::MouseEvent| {
        if working.get_untracked() {
            ev.prevent_default();
        } else {
            set_working.set(true);
        }
    };
    view! {
        <button type="submit" class="button" aria-busy=move || working.get().then_some("true") on:click=press>
            {move || if working.get() { busy.clone() } else { label.clone() }}
        </button>
        <progress hidden=move || !working.get() aria-label=progress_label></progress>
    }
}

/// Reloads the page after `seconds`: for a screen whose content changes on a clock (the
/// check-in code). Without JavaScript the page's `<noscript>` refresh does the same.
#[island]
pub fn ReloadAfter(seconds: u32) -> impl IntoView {
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        set_timeout(
            || {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            },
            std::time::Duration::from_secs(u64::from(seconds)),
        );
        #[cfg(not(feature = "hydrate"))]
        let _ = seconds;
    });
}
