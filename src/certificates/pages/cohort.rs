//! `/angkatan/:id/sertifikat`: a cohort's certificates and letters for those who run it.
//! Issue one (a certificate to a trainee who completed, a letter to an active one) or the
//! whole cohort's certificates at once; revoke or reissue with a reason; download each
//! PDF or the print file of all. Every action is a plain form.

use leptos::prelude::*;
use leptos_meta::Title;

use super::DocumentLine;
use crate::certificates::api::{
    get_cohort_documents, IssueCohort, IssueDocument, ReissueDocument, RevokeDocument, CHANGE_FORM,
};
use crate::certificates::authz;
use crate::certificates::dto::{CohortDocuments, DocumentRow, MemberDocuments};
use crate::certificates::model::DocumentKind;
use crate::certificates::paths;
use crate::certificates::texts::T;
use crate::kernel::i18n::{fill, problem_text};
use crate::kernel::{CohortId, Text};
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::trainees::model::enrollment::EnrollmentStatus;
use crate::ui::forms::FormAlert;
use crate::ui::guard::{loaded, path_id, require, NotFound};
use crate::ui::islands::BusySubmit;

#[component]
pub fn CohortDocumentsPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_issue) {
        return denied;
    }
    let Some(id) = path_id::<CohortId>() else {
        return view! { <NotFound/> }.into_any();
    };
    loaded(get_cohort_documents(id), |cohort| view! { <CohortView cohort/> }).into_any()
}

#[component]
fn CohortView(cohort: CohortDocuments) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let title = fill(t(T::CohortTitle), &[("cohort", &cohort.cohort)]);
    let cohort_id = CohortId(cohort.cohort_id);
    let ready = Ready {
        certificate: cohort.missing_certificate.is_empty(),
        letter: cohort.missing_letter.is_empty(),
    };
    let mut missing = cohort.missing_certificate.clone();
    missing.extend(
        cohort
            .missing_letter
            .iter()
            .filter(|p| !cohort.missing_certificate.contains(p))
            .cloned(),
    );
    let print = paths::cohort_print(cohort_id);
    let (issue_form, cohort_form) = (form_id::<IssueDocument>(), form_id::<IssueCohort>());
    let issue_all = api::<IssueCohort>();
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb"><a href=crate::cohorts::paths::cohort(cohort_id)>{cohort.cohort.clone()}</a></p>
        <h1>{title}</h1>
        <p>{t(T::CohortIntro)}</p>
        <FormAlert form=issue_form/>
        <FormAlert form=cohort_form/>
        {(!missing.is_empty()).then(|| view! {
            <div class="alert alert-error" role="alert">
                <p>{fill(t(T::MissingSettings), &[("site", &cohort.site)])}</p>
                <ul>{missing.iter().map(|p| view! { <li>{problem_text(p, locale)}</li> }).collect_view()}</ul>
            </div>
        })}
        <section class="panel" aria-labelledby="issue-all-heading">
            <h2 id="issue-all-heading" class="visually-hidden">{t(T::KindCertificate)}</h2>
            {if cohort.to_certify > 0 && ready.certificate {
                view! {
                    <form method="post" action=issue_all class="stack">
                        <input type="hidden" name="cohort_id" value=cohort.cohort_id.to_string()/>
                        <p class="hint">{t(T::IssueAllHint)}</p>
                        <BusySubmit
                            label=fill(t(T::IssueAll), &[("n", &cohort.to_certify.to_string())])
                            busy=t(T::Issuing).to_owned()/>
                    </form>
                }.into_any()
            } else if cohort.to_certify > 0 {
                ().into_any()
            } else {
                view! { <p>{t(T::NothingToCertify)}</p> }.into_any()
            }}
            {(cohort.certified > 0).then(|| view! {
                <p>
                    <a class="button button-quiet" href=print.clone()>{fill(t(T::PrintAll), &[("n", &cohort.certified.to_string())])}</a>
                    " " <a href=format!("{print}?lang=en") hreflang="en">{t(T::InEnglish)}</a>
                </p>
            })}
        </section>
        {if cohort.members.is_empty() {
            view! { <p class="panel">{t(T::NoMembers)}</p> }.into_any()
        } else {
            view! {
                <ul class="member-papers">
                    {cohort.members.into_iter().map(|member| view! { <Member member ready/> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// Which kinds the site's settings allow issuing now.
#[derive(Clone, Copy)]
struct Ready {
    certificate: bool,
    letter: bool,
}

#[component]
fn Member(member: MemberDocuments, ready: Ready) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let status = EnrollmentStatus::parse(&member.status)
        .map(|s| crate::trainees::texts::status_text(s).get(locale))
        .unwrap_or_default();
    let action = api::<IssueDocument>();
    let issue = move |kind: DocumentKind, label: Text| {
        view! {
            <form method="post" action=action class="inline-form">
                <input type="hidden" name="enrollment_id" value=member.enrollment_id.to_string()/>
                <input type="hidden" name="kind" value=kind.as_str()/>
                <BusySubmit label=t(label).to_owned() busy=t(T::IssuingOne).to_owned()/>
            </form>
        }
    };
    let (certify, letter) = (
        member.may_certify && ready.certificate,
        member.may_letter && ready.letter,
    );
    view! {
        <li class="panel member-paper">
            <h2 class="member-name">{member.name.clone()}" " <span class="badge">{status}</span></h2>
            {(certify || letter).then(|| view! {
                <div class="actions">
                    {certify.then(|| issue(DocumentKind::Certificate, T::IssueCertificate))}
                    {letter.then(|| issue(DocumentKind::Letter, T::IssueLetter))}
                </div>
            })}
            {if member.documents.is_empty() {
                view! { <p class="hint">{t(T::NoDocuments)}</p> }.into_any()
            } else {
                member.documents.into_iter().map(|document| view! { <Paper document/> }).collect_view().into_any()
            }}
        </li>
    }
}

/// A document with, while it is valid, its revoke and reissue form.
#[component]
fn Paper(document: DocumentRow) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let id = document.id;
    let this_one = page.flash_value(CHANGE_FORM, "document_id").as_deref() == Some(id.to_string().as_str());
    let failed = this_one && page.flash_error(CHANGE_FORM).is_some();
    let reason_error = page
        .flash_error(CHANGE_FORM)
        .filter(|_| this_one)
        .and_then(|e| e.field_problem("reason").cloned())
        .map(|p| problem_text(&p, locale));
    let typed = page
        .flash_value(CHANGE_FORM, "reason")
        .filter(|_| this_one)
        .unwrap_or_default();
    let field = format!("reason-{id}");
    let valid = document.revoked.is_none();
    let (reissue, revoke) = (api::<ReissueDocument>(), api::<RevokeDocument>());
    let invalid = reason_error.is_some();
    view! {
        <DocumentLine document/>
        {valid.then(|| view! {
            <details class="paper-change" open=failed>
                <summary>{t(T::ChangeDocument)}</summary>
                {failed.then(|| view! { <FormAlert form=CHANGE_FORM/> })}
                <form method="post" action=reissue class="stack">
                    <input type="hidden" name="document_id" value=id.to_string()/>
                    <div class="field" class:field-invalid=invalid>
                        <label for=field.clone()>{t(T::Reason)}</label>
                        <input id=field.clone() name="reason" type="text" maxlength="300" required value=typed
                            aria-invalid=invalid.then_some("true")
                            aria-describedby=format!("{field}-hint")/>
                        <p class="hint" id=format!("{field}-hint")>{t(T::ReasonHint)}</p>
                        {reason_error.map(|message| view! { <p class="field-error">{message}</p> })}
                    </div>
                    <div class="actions">
                        <button type="submit" class="button">{t(T::Reissue)}</button>
                        <button type="submit" class="button button-danger" formaction=revoke>{t(T::Revoke)}</button>
                    </div>
                </form>
            </details>
        })}
    }
}
