//! Form fields that show what was typed and why it was refused, after a post without
//! JavaScript redirected back here.

use leptos::prelude::*;

use super::texts::Ui;
use crate::kernel::i18n::{error_text, problem_text};
use crate::kernel::Text;
use crate::platform::page::use_page;

fn field_id(form: &str, name: &str) -> String {
    format!("{form}-{name}")
}

/// The form-level message (what failed, nothing saved) for `form`, if its last post failed.
#[component]
pub fn FormAlert(form: &'static str) -> impl IntoView {
    let page = use_page();
    page.flash_error(form).map(|error| {
        view! {
            <div class="alert alert-error" role="alert" tabindex="-1" id=format!("{form}-alert")>
                {error_text(&error, page.locale)}
            </div>
        }
    })
}

/// A labelled input with hint and error message wired through `aria-describedby`.
#[component]
pub fn Field(
    form: &'static str,
    name: &'static str,
    label: Text,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<Text>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] optional: bool,
    /// Shown when the form is not coming back from a failed post.
    #[prop(optional, into)]
    value: Option<String>,
    #[prop(optional)] autofocus: bool,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let page = use_page();
    let id = field_id(form, name);
    let error = page
        .flash_error(form)
        .and_then(|e| e.field_problem(name).cloned())
        .map(|problem| problem_text(&problem, page.locale));
    let typed = if kind == "password" {
        None
    } else {
        page.flash_value(form, name).or(value)
    };
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = error.as_ref().map(|_| format!("{id}-error"));
    let described_by = [hint_id.clone(), error_id.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let has_error = error.is_some();
    view! {
        <div class="field" class:field-invalid=has_error>
            <label for=id.clone()>
                {page.t(label)}
                {optional.then(|| view! { " " <span class="optional">{page.t(Ui::Optional)}</span> })}
            </label>
            <input
                id=id.clone()
                name=name
                type=kind
                value=typed
                required=required
                autocomplete=autocomplete
                inputmode=inputmode
                autofocus=autofocus || has_error
                maxlength=maxlength
                aria-invalid=has_error.then_some("true")
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
            />
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{page.t(hint)}</p> })}
            {error.map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
        </div>
    }
}

/// The error message of a field that is not a plain input (radio groups, checkboxes).
#[component]
pub fn FieldProblem(form: &'static str, name: &'static str) -> impl IntoView {
    let page = use_page();
    page.flash_error(form)
        .and_then(|e| e.field_problem(name).cloned())
        .map(|problem| {
            view! { <p class="field-error" id=format!("{form}-{name}-error")>{problem_text(&problem, page.locale)}</p> }
        })
}
