//! Excuses. `/izin`: a trainee asks for izin or sakit for a coming session (the form is a
//! multipart post, so a photo of a note goes with it without JavaScript) and sees their
//! requests. `/izin/tinjau`: coordinators decide.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::attendance::api::{get_excuse_review, get_my_excuses, DecideExcuse, WithdrawExcuse};
use crate::attendance::authz;
use crate::attendance::dto::{ExcuseReview, ExcuseView, MyExcuses};
use crate::attendance::model::excuse::{ExcuseKind, ExcuseStatus};
use crate::attendance::paths;
use crate::attendance::texts::{excuse_status_text, kind_text, T};
use crate::kernel::i18n::{fill, problem_text};
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::schedule::pages::{session_date, time_span};
use crate::ui::forms::{field_id, FieldProblem, FormAlert, SelectField, TextAreaField};
use crate::ui::guard::{loaded, require};

#[component]
pub fn MyExcusesPage() -> impl IntoView {
    if let Err(denied) = require(authz::is_trainee) {
        return denied;
    }
    let locale = use_page().locale;
    view! {
        <Title text=T::ExcusesTitle.get(locale)/>
        <h1>{T::ExcusesTitle.get(locale)}</h1>
        <p>{T::ExcusesIntro.get(locale)}</p>
        {loaded(get_my_excuses(), |mine| view! { <MyExcusesView mine/> })}
    }
    .into_any()
}

#[component]
fn MyExcusesView(mine: MyExcuses) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let sessions: Vec<(String, String)> = mine
        .sessions
        .iter()
        .map(|s| (s.session_id.to_string(), s.label.clone()))
        .collect();
    let kind = page.flash_value(paths::EXCUSE_FORM, "kind").unwrap_or_default();
    let note_error = page
        .flash_error(paths::EXCUSE_FORM)
        .and_then(|e| e.field_problem("note").cloned())
        .map(|p| problem_text(&p, locale));
    let note_invalid = note_error.is_some();
    let note_id = field_id(paths::EXCUSE_FORM, "note");
    let note_hint_id = field_id(paths::EXCUSE_FORM, "note-hint");
    view! {
        <section class="panel" aria-labelledby="request-heading">
            <h2 id="request-heading">{t(T::RequestTitle)}</h2>
            <FormAlert form=paths::EXCUSE_FORM/>
            <FormAlert form={form_id::<WithdrawExcuse>()}/>
            {if sessions.is_empty() {
                view! {
                    <FieldProblem form=paths::EXCUSE_FORM name="session_id"/>
                    <p>{t(T::NoComingSessions)}</p>
                }.into_any()
            } else {
                view! {
                    <form method="post" action=paths::EXCUSE_POST enctype="multipart/form-data" class="stack">
                        <SelectField form=paths::EXCUSE_FORM name="session_id" label=T::FieldSession options=sessions empty=T::ChooseSession required=true/>
                        <fieldset class="field">
                            <legend>{t(T::FieldKind)}</legend>
                            {[ExcuseKind::Permitted, ExcuseKind::Sick].into_iter().map(|k| {
                                let id = field_id(paths::EXCUSE_FORM, &format!("kind-{}", k.as_str()));
                                let label = if k == ExcuseKind::Sick { T::KindSick } else { T::KindPermitted };
                                view! {
                                    <div class="choice">
                                        <input type="radio" id=id.clone() name="kind" value=k.as_str() required=true
                                            checked=kind == k.as_str()/>
                                        <label for=id>{t(label)}</label>
                                    </div>
                                }
                            }).collect_view()}
                            <FieldProblem form=paths::EXCUSE_FORM name="kind"/>
                        </fieldset>
                        <TextAreaField form=paths::EXCUSE_FORM name="reason" label=T::FieldReason required=true rows=3 maxlength=500/>
                        <div class="field" class:field-invalid=note_invalid>
                            <label for=note_id.clone()>{t(T::FieldNote)}</label>
                            <input id=note_id type="file" name="note" accept="image/jpeg,image/png,image/webp"
                                aria-describedby=note_hint_id.clone()/>
                            <p class="hint" id=note_hint_id>{fill(t(T::FieldNoteHint), &[("n", &mine.note_max_kib.to_string())])}</p>
                            {note_error.map(|message| view! { <p class="field-error">{message}</p> })}
                        </div>
                        <div class="button-row"><button type="submit" class="button">{t(T::SendRequest)}</button></div>
                    </form>
                }.into_any()
            }}
        </section>
        <section class="panel" aria-labelledby="requests-heading">
            <h2 id="requests-heading">{t(T::MyRequests)}</h2>
            {if mine.requests.is_empty() {
                view! { <p>{t(T::NoRequests)}</p> }.into_any()
            } else {
                view! {
                    <ul class="record-list">
                        {mine.requests.into_iter().map(|request| view! { <RequestCard request mine=true/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// One request: the session, what and why, where it stands; the trainee may withdraw a
/// pending one, a coordinator decide it.
#[component]
fn RequestCard(
    request: ExcuseView,
    #[prop(optional)] mine: bool,
    #[prop(optional)] deciding: bool,
) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let id = request.id;
    let when = format!(
        "{} · {}, {}",
        request.session.cohort,
        session_date(&request.session, locale),
        time_span(&request.session, locale)
    );
    let pending = request.status == ExcuseStatus::Pending;
    let mine_failed = page
        .flash_value(form_id::<DecideExcuse>(), "excuse_id")
        .as_deref()
        == Some(id.to_string().as_str());
    view! {
        <li class="record">
            <p class="record-title">{(!mine).then(|| view! { {request.trainee.clone()} " · " })}{when}</p>
            <p>
                <span class=format!("badge excuse-{}", request.status.as_str())>{t(excuse_status_text(request.status))}</span>
                " " <strong>{t(kind_text(request.kind))}</strong> ": " {request.reason.clone()}
            </p>
            {request.has_note.then(|| view! {
                <p><a href=paths::excuse_note(id) target="_blank" rel="noopener">{t(T::ViewNote)}</a></p>
            })}
            {request.decided_by.clone().map(|by| view! {
                <p class="hint">{fill(t(T::ChangedBy), &[("name", &by)])}{request.decision_note.clone().map(|n| view! { " — " {n} })}</p>
            })}
            {(mine && pending).then(|| view! {
                <form method="post" action={api::<WithdrawExcuse>()}>
                    <input type="hidden" name="excuse_id" value=id.to_string()/>
                    <button type="submit" class="button button-quiet">{t(T::Withdraw)}</button>
                </form>
            })}
            {(deciding && pending).then(|| {
                let note_id = format!("decision-note-{id}");
                view! {
                    {mine_failed.then(|| view! { <FormAlert form={form_id::<DecideExcuse>()}/> })}
                    <form method="post" action={api::<DecideExcuse>()} class="stack">
                        <input type="hidden" name="excuse_id" value=id.to_string()/>
                        <div class="field">
                            <label for=note_id.clone()>{t(T::DecisionNote)}</label>
                            <input id=note_id type="text" name="note" maxlength=300 autocomplete="off"/>
                        </div>
                        <div class="button-row">
                            <button type="submit" name="decision" value="approve" class="button">{t(T::Approve)}</button>
                            <button type="submit" name="decision" value="decline" class="button button-quiet">{t(T::Decline)}</button>
                        </div>
                    </form>
                }
            })}
        </li>
    }
}

#[component]
pub fn ExcuseReviewPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_review_excuses) {
        return denied;
    }
    let locale = use_page().locale;
    view! {
        <Title text=T::ReviewTitle.get(locale)/>
        <h1>{T::ReviewTitle.get(locale)}</h1>
        {loaded(get_excuse_review(), |review| view! { <ReviewView review/> })}
    }
    .into_any()
}

#[component]
fn ReviewView(review: ExcuseReview) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    view! {
        <section class="panel" aria-labelledby="pending-heading">
            <h2 id="pending-heading">{t(T::ReviewPending)} " (" {review.pending.len()} ")"</h2>
            {if review.pending.is_empty() {
                view! { <p>{t(T::NoPending)}</p> }.into_any()
            } else {
                view! {
                    <ul class="record-list">
                        {review.pending.into_iter().map(|request| view! { <RequestCard request deciding=true/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {(!review.decided.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="decided-heading">
                <h2 id="decided-heading">{t(T::ReviewDecided)}</h2>
                <ul class="record-list">
                    {review.decided.into_iter().map(|request| view! { <RequestCard request/> }).collect_view()}
                </ul>
            </section>
        })}
    }
}
