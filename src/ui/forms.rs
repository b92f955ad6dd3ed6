//! Form fields that show what was typed and why it was refused, after a post without
//! JavaScript redirected back here.

use leptos::prelude::*;

use super::texts::Ui;
use crate::kernel::i18n::{error_text, problem_text};
use crate::kernel::Text;
use crate::platform::page::use_page;

/// The element id of field `name` of `form` (a form id's `/` becomes `-`).
pub fn field_id(form: &str, name: &str) -> String {
    format!("{form}-{name}").replace('/', "-")
}

/// The form-level message (what failed, nothing saved) for `form`, if its last post failed.
#[component]
pub fn FormAlert(form: &'static str) -> impl IntoView {
    let page = use_page();
    page.flash_error(form).map(|error| {
        view! {
            <div class="alert alert-error" role="alert" tabindex="-1" id=field_id(form, "alert")>
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
            view! { <p class="field-error" id=format!("{}-error", field_id(form, name))>{problem_text(&problem, page.locale)}</p> }
        })
}

/// Hint and error of a field, and the `aria-describedby` that ties them to the control.
fn described(form: &str, name: &str, hint: bool) -> (Option<String>, Option<String>, Option<String>) {
    let page = use_page();
    let id = field_id(form, name);
    let error = page
        .flash_error(form)
        .and_then(|e| e.field_problem(name).cloned())
        .map(|problem| problem_text(&problem, page.locale));
    let hint_id = hint.then(|| format!("{id}-hint"));
    let error_id = error.as_ref().map(|_| format!("{id}-error"));
    let described_by = [hint_id, error_id]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (
        error,
        (!described_by.is_empty()).then_some(described_by),
        Some(id),
    )
}

/// A labelled select list. `options` are `(value, label)`; the value typed before a failed
/// post wins over `selected`. With `empty`, a first choice with the empty value.
#[component]
pub fn SelectField(
    form: &'static str,
    name: &'static str,
    label: Text,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: Option<String>,
    #[prop(optional)] hint: Option<Text>,
    #[prop(optional)] empty: Option<Text>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let page = use_page();
    let (error, described_by, id) = described(form, name, hint.is_some());
    let id = id.unwrap_or_default();
    let chosen = page.flash_value(form, name).or(selected).unwrap_or_default();
    let has_error = error.is_some();
    view! {
        <div class="field" class:field-invalid=has_error>
            <label for=id.clone()>{page.t(label)}</label>
            <select
                id=id.clone()
                name=name
                required=required
                aria-invalid=has_error.then_some("true")
                aria-describedby=described_by
            >
                {empty.map(|text| view! { <option value="">{page.t(text)}</option> })}
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_chosen = value == chosen;
                        view! { <option value=value selected=is_chosen>{text}</option> }
                    })
                    .collect_view()}
            </select>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{page.t(hint)}</p> })}
            {error.map(|message| view! { <p class="field-error" id=format!("{id}-error")>{message}</p> })}
        </div>
    }
}

/// A labelled multi-line text input.
#[component]
pub fn TextAreaField(
    form: &'static str,
    name: &'static str,
    label: Text,
    #[prop(optional)] hint: Option<Text>,
    #[prop(optional)] required: bool,
    #[prop(optional)] optional: bool,
    #[prop(optional, into)] value: Option<String>,
    #[prop(default = 6)] rows: u32,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let page = use_page();
    let (error, described_by, id) = described(form, name, hint.is_some());
    let id = id.unwrap_or_default();
    let typed = page.flash_value(form, name).or(value).unwrap_or_default();
    let has_error = error.is_some();
    view! {
        <div class="field" class:field-invalid=has_error>
            <label for=id.clone()>
                {page.t(label)}
                {optional.then(|| view! { " " <span class="optional">{page.t(Ui::Optional)}</span> })}
            </label>
            <textarea
                id=id.clone()
                name=name
                rows=rows
                required=required
                maxlength=maxlength
                aria-invalid=has_error.then_some("true")
                aria-describedby=described_by
            >
                {typed}
            </textarea>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{page.t(hint)}</p> })}
            {error.map(|message| view! { <p class="field-error" id=format!("{id}-error")>{message}</p> })}
        </div>
    }
}
