//! `/sesi/:id`: one session, and for its coordinators the forms to move or cancel it and,
//! once it was, whom to tell (a higher area's part, composed by the app).

use leptos::prelude::*;
use leptos_meta::Title;

use super::SessionCard;
use crate::cohorts;
use crate::kernel::i18n::fill;
use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::schedule::api::{get_session, CancelSession, MoveSession};
use crate::schedule::dto::SessionDetail;
use crate::schedule::texts::T;
use crate::ui::forms::{Field, FormAlert, SelectField};
use crate::ui::guard::{loaded, path_id, require, NotFound};
use crate::ui::islands::ConfirmSubmit;
use crate::ui::nav::{SessionChangePanels, SessionLinks};

#[component]
pub fn SessionPage() -> impl IntoView {
    if let Err(denied) = require(|_| true) {
        return denied;
    }
    let Some(session_id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    view! {
        {loaded(get_session(session_id), move |detail| view! { <SessionView detail/> })}
    }
    .into_any()
}

#[component]
fn SessionView(detail: SessionDetail) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let session = detail.session.clone();
    let title = fill(t(T::SessionTitle), &[("cohort", &session.cohort)]);
    let start = wib::to_wib(session.starts_at);
    let end = wib::to_wib(session.ends_at);
    let choices = |list: &[crate::cohorts::dto::Choice]| {
        list.iter()
            .map(|c| (c.id.to_string(), c.label.clone()))
            .collect::<Vec<_>>()
    };
    let id = session.id.to_string();
    let staff = page
        .actor
        .as_ref()
        .is_some_and(|a| a.role != crate::kernel::Role::Trainee);
    view! {
        <Title text=title.clone()/>
        <p><a href=cohorts::paths::cohort(session.cohort_id)>{t(T::BackToCohort)}</a></p>
        <h1>{title}</h1>
        <ul class="session-cards">
            <SessionCard session=session.clone() with_date=true/>
        </ul>
        // Staff take the session's roll call (the attendance area's page, composed by the app).
        {staff.then(|| view! {
            <p class="button-row">
                {use_context::<SessionLinks>().unwrap_or_default().0.iter().map(|link| view! {
                    <a class="button" href=(link.href)(session.id)>{t(link.label)}</a>
                }).collect_view()}
            </p>
        })}
        // Moved or cancelled: whom to tell, and what (the trainees are a higher area's).
        {detail.can_announce.then(|| {
            use_context::<SessionChangePanels>().unwrap_or_default().0.iter()
                .map(|panel| panel(session.id)).collect_view()
        })}
        {detail.can_manage.then(|| view! {
            <section class="panel" aria-labelledby="move-heading">
                <h2 id="move-heading">{t(T::MoveTitle)}</h2>
                <p class="hint">{t(T::MoveIntro)}</p>
                <FormAlert form={form_id::<MoveSession>()}/>
                <form method="post" action={api::<MoveSession>()} class="stack">
                    <input type="hidden" name="session_id" value=id.clone()/>
                    <Field form={form_id::<MoveSession>()} name="date" label=T::FieldDate kind="date" required=true
                        value=wib::iso_date(start.date())/>
                    <div class="two-columns">
                        <Field form={form_id::<MoveSession>()} name="start_time" label=T::FieldStartTime kind="time" required=true
                            value=wib::iso_time(start.time())/>
                        <Field form={form_id::<MoveSession>()} name="end_time" label=T::FieldEndTime kind="time" required=true
                            value=wib::iso_time(end.time())/>
                    </div>
                    <SelectField form={form_id::<MoveSession>()} name="room_id" label=T::FieldRoom options=choices(&detail.rooms)
                        selected=detail.room_id.map(|r| r.to_string()).unwrap_or_default() empty=T::NoRoom/>
                    <SelectField form={form_id::<MoveSession>()} name="instructor_id" label=T::FieldInstructor options=choices(&detail.instructors)
                        selected=detail.instructor_id.map(|i| i.to_string()).unwrap_or_default() empty=T::NoInstructor/>
                    <Field form={form_id::<MoveSession>()} name="reason" label=T::FieldReason hint=T::FieldReasonHint required=true maxlength=500/>
                    <div class="button-row"><button type="submit" class="button">{t(T::MoveButton)}</button></div>
                </form>
            </section>
            <section class="panel" aria-labelledby="cancel-heading">
                <h2 id="cancel-heading">{t(T::CancelTitle)}</h2>
                <FormAlert form={form_id::<CancelSession>()}/>
                <form method="post" action={api::<CancelSession>()} class="stack">
                    <input type="hidden" name="session_id" value=id.clone()/>
                    <Field form={form_id::<CancelSession>()} name="reason" label=T::FieldReason hint=T::FieldReasonHint required=true maxlength=500/>
                    <div class="button-row">
                        <ConfirmSubmit label=t(T::CancelButton).to_owned() question=t(T::CancelConfirm).to_owned()
                            class="button button-danger".to_owned()/>
                    </div>
                </form>
            </section>
        })}
    }
}
