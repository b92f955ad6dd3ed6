//! One trainee's readiness. `/kesiapan/peserta/:id`: their site's coordinators record
//! results and verify or reject documents. `/kesiapan-saya`: the trainee sees in plain
//! words what is done and what is still to do, and hands in their documents and scans.
//! Every document is a `<details>` with its own forms, so 15 of them stay usable at 360 px.

use leptos::prelude::*;
use leptos_meta::Title;
use time::Date;

use super::{Checklist, VerdictBadge};
use crate::kernel::i18n::{fill, problem_text};
use crate::kernel::{wib, Text, TraineeId};
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::readiness::api::{
    document_form, get_my_readiness, get_trainee_readiness, DeleteResult, RecordResult, ReviewDocument,
    SubmitDocument,
};
use crate::readiness::authz;
use crate::readiness::dto::{DocumentView, ResultView, TraineeReadiness};
use crate::readiness::model::{DocumentStatus, JlptLevel, ResultKind};
use crate::readiness::paths;
use crate::readiness::texts::{assessment_text, document_status_text, document_text, result_text, T};
use crate::ui::forms::{Field, FormAlert, SelectField};
use crate::ui::guard::{loaded, path_id, require, NotFound};
use crate::ui::islands::ConfirmSubmit;

#[component]
pub fn TraineeReadinessPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_open_dashboard) {
        return denied;
    }
    let Some(id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    loaded(
        get_trainee_readiness(id),
        |record| view! { <RecordView record staff=true/> },
    )
    .into_any()
}

#[component]
pub fn MyReadinessPage() -> impl IntoView {
    if let Err(denied) = require(authz::is_trainee) {
        return denied;
    }
    loaded(
        get_my_readiness(),
        |record| view! { <RecordView record staff=false/> },
    )
    .into_any()
}

fn date(value: Option<Date>, locale: crate::kernel::Locale) -> String {
    value
        .map(|d| wib::date_long(d, locale))
        .unwrap_or_else(|| "—".to_owned())
}

#[component]
fn RecordView(record: TraineeReadiness, staff: bool) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let title = if staff {
        fill(t(T::DetailTitle), &[("name", &record.name)])
    } else {
        t(T::MineTitle).to_owned()
    };
    let enrolled = record.cohort.is_some();
    let phone = record.phone.clone().filter(|_| staff);
    let trainee_id = record.trainee_id;
    let attendance = record.attendance.and_then(|a| {
        a.rate.map(|rate| {
            format!(
                "{} / {} %",
                crate::attendance::model::rates::percent(rate, locale),
                a.threshold
            )
        })
    });
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        {(!staff).then(|| view! { <p>{t(T::MineIntro)}</p> })}
        <section class="panel readiness-head">
            {match (record.cohort.clone(), record.programme.clone()) {
                (Some(cohort), Some(programme)) => view! {
                    <p><VerdictBadge verdict=record.verdict/>" " <strong>{programme}</strong>" · "{cohort}</p>
                }.into_any(),
                _ => view! { <p>{t(T::NotEnrolled)}</p> }.into_any(),
            }}
            {attendance.map(|a| view! { <p>{t(T::Attendance)}": " {a}</p> })}
            {phone.map(|phone| {
                let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
                let wa = digits.strip_prefix('0').map_or(digits.clone(), |rest| format!("62{rest}"));
                view! { <p>{t(T::Contact)}": " <a href=format!("tel:{digits}")>{phone.clone()}</a>" · "<a href=format!("https://wa.me/{wa}")>"WhatsApp"</a></p> }
            })}
        </section>
        {enrolled.then(|| view! {
            <section class="panel" aria-labelledby="checklist-heading">
                <h2 id="checklist-heading">{t(T::Checklist)}</h2>
                <Checklist checks=record.checks.clone()/>
            </section>
        })}
        <section class="panel" aria-labelledby="documents-heading">
            <h2 id="documents-heading">{t(T::Documents)}</h2>
            {record.documents.into_iter().map(|document| view! { <DocumentItem document staff trainee_id/> }).collect_view()}
        </section>
        <ResultsSection results=record.results staff trainee_id/>
        <section class="panel" aria-labelledby="scores-heading">
            <h2 id="scores-heading">{t(T::Scores)}</h2>
            {if record.scores.is_empty() {
                view! { <p>{t(T::NoScores)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table class="data-table">
                        <thead><tr><th scope="col">{t(T::Title)}</th><th scope="col">{t(T::HeldOn)}</th><th scope="col" class="num">{t(T::Score)}</th></tr></thead>
                        <tbody>
                            {record.scores.into_iter().map(|s| {
                                let kind = crate::readiness::model::AssessmentKind::parse(&s.kind).map(|k| assessment_text(k).get(locale)).unwrap_or_default();
                                let passed = s.score >= s.pass_score;
                                view! {
                                    <tr>
                                        <td>{s.assessment}<br/><span class="hint">{kind}</span></td>
                                        <td>{date(Some(s.held_on), locale)}</td>
                                        <td class="num" class:below=!passed>{format!("{} / {}", s.score, s.max_score)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table></div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn DocumentItem(document: DocumentView, staff: bool, trainee_id: TraineeId) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let form = document_form(document.kind);
    let failed = page.flash_error(form).is_some();
    let kind = document.kind.as_str();
    let id = |name: &str| format!("{form}-{name}");
    let typed =
        |name: &str, fallback: Option<String>| page.flash_value(form, name).or(fallback).unwrap_or_default();
    let problem = |name: &str| {
        page.flash_error(form)
            .and_then(|e| e.field_problem(name).cloned())
            .map(|p| view! { <p class="field-error" id=format!("{form}-{name}-error")>{problem_text(&p, locale)}</p> })
    };
    let status = document.status;
    let name = document_text(document.kind).get(locale);
    let decided = document.decided_by.clone().map(|by| {
        let when = document
            .decided_at
            .map(|w| wib::instant_short(w, locale))
            .unwrap_or_default();
        fill(t(T::DecidedBy), &[("name", &by), ("when", &when)])
    });
    let scan_link = document.id.filter(|_| document.has_scan).map(paths::scan);
    let action = if staff {
        api::<ReviewDocument>()
    } else {
        api::<SubmitDocument>()
    };
    let open = failed
        || (!staff
            && document.required
            && matches!(status, DocumentStatus::Missing | DocumentStatus::Rejected));
    let input = |name: &'static str, label: Text, kind: &'static str, value: Option<String>| {
        let has_error = page
            .flash_error(form)
            .and_then(|e| e.field_problem(name).cloned())
            .is_some();
        view! {
            <div class="field" class:field-invalid=has_error>
                <label for=id(name)>{t(label)}</label>
                <input id=id(name) name=name type=kind value=typed(name, value) maxlength="60"
                    aria-invalid=has_error.then_some("true")
                    aria-describedby=has_error.then(|| format!("{form}-{name}-error"))/>
                {problem(name)}
            </div>
        }
    };
    view! {
        <details class="document" open=open>
            <summary>
                <span class=format!("doc-status doc-{}", status.as_str())>{document_status_text(status).get(locale)}</span>
                " " <strong>{name}</strong>
                " " <span class="hint">"(" {if document.required { t(T::Required) } else { t(T::Optional) }} ")"</span>
            </summary>
            {failed.then(|| view! { <FormAlert form=form/> })}
            <dl class="facts">
                <dt>{t(T::Number)}</dt><dd>{document.number.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{t(T::IssuedOn)}</dt><dd>{date(document.issued_on, locale)}</dd>
                <dt>{t(T::ExpiresOn)}</dt><dd>{date(document.expires_on, locale)}</dd>
            </dl>
            {document.reason.clone().filter(|_| status == DocumentStatus::Rejected).map(|r| view! { <p class="field-error">{fill(t(T::RejectedBecause), &[("reason", &r)])}</p> })}
            {decided.map(|d| view! { <p class="hint">{document_status_text(status).get(locale)}" " {d}</p> })}
            {scan_link.map(|href| view! { <p><a href=href>{t(T::ViewScan)}</a></p> })}
            <form method="post" action=action class="stack">
                {staff.then(|| view! { <input type="hidden" name="trainee_id" value=trainee_id.to_string()/> })}
                <input type="hidden" name="kind" value=kind/>
                {input("number", T::Number, "text", document.number.clone())}
                {input("issued_on", T::IssuedOn, "date", document.issued_on.map(wib::iso_date))}
                {input("expires_on", T::ExpiresOn, "date", document.expires_on.map(wib::iso_date))}
                {staff.then(|| {
                    let chosen = typed("decision", Some(if status == DocumentStatus::Rejected { "rejected".into() } else { "verified".into() }));
                    view! {
                        <fieldset>
                            <legend>{t(T::Decision)}</legend>
                            <label><input type="radio" name="decision" value="verified" checked=chosen == "verified"/>" " {t(T::Verify)}</label>
                            <label><input type="radio" name="decision" value="rejected" checked=chosen == "rejected"/>" " {t(T::Reject)}</label>
                        </fieldset>
                        {problem("decision")}
                        {input("reason", T::Reason, "text", document.reason.clone())}
                    }
                })}
                <button type="submit" class="button">{if staff { t(T::SaveDocument) } else { t(T::SubmitDocument) }}</button>
            </form>
            <form method="post" action=paths::UPLOAD enctype="multipart/form-data" class="stack">
                {staff.then(|| view! { <input type="hidden" name="trainee_id" value=trainee_id.to_string()/> })}
                <input type="hidden" name="kind" value=kind/>
                <div class="field">
                    <label for=id("scan")>{t(T::UploadScan)}</label>
                    <input id=id("scan") name="scan" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" required/>
                    {problem("scan")}
                </div>
                <button type="submit" class="button button-quiet">{t(T::Upload)}</button>
            </form>
        </details>
    }
}

#[component]
fn ResultsSection(results: Vec<ResultView>, staff: bool, trainee_id: TraineeId) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let kinds: Vec<(String, String)> = ResultKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), result_text(*k).get(locale).to_owned()))
        .collect();
    let levels: Vec<(String, String)> = JlptLevel::ALL
        .iter()
        .map(|l| (l.as_str().to_owned(), l.as_str().to_owned()))
        .collect();
    let passed_typed = page
        .flash_value(form_id::<RecordResult>(), "passed")
        .is_some_and(|passed| crate::kernel::input::ticked(&passed));
    view! {
        <section class="panel" aria-labelledby="results-heading">
            <h2 id="results-heading">{t(T::Results)}</h2>
            {if results.is_empty() {
                view! { <p>{t(T::NoResults)}</p> }.into_any()
            } else {
                view! {
                    <ul class="results">
                        {results.into_iter().map(|r| {
                            let mut text = result_text(r.kind).get(locale).to_owned();
                            if let Some(level) = &r.level { text.push(' '); text.push_str(level); }
                            if let Some(score) = r.score { text.push_str(&format!(" — {score}")); }
                            let outcome = if r.passed { t(T::Passed) } else { t(T::Failed) };
                            let detail = [Some(date(Some(r.taken_on), locale)), r.certificate_no.clone(), r.field.clone()]
                                .into_iter().flatten().collect::<Vec<_>>().join(" · ");
                            view! {
                                <li>
                                    <strong>{text}</strong>": " <span class:below=!r.passed>{outcome}</span>
                                    <br/><span class="hint">{detail}</span>
                                    {staff.then(|| view! {
                                        <form method="post" action={api::<DeleteResult>()} class="inline-form">
                                            <input type="hidden" name="result_id" value=r.id.to_string()/>
                                            <ConfirmSubmit label=t(T::DeleteResult).to_owned() question=t(T::DeleteResultQ).to_owned() class="button button-danger".to_owned()/>
                                        </form>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {staff.then(|| view! {
                <details open={page.flash_error(form_id::<RecordResult>()).or_else(|| page.flash_error(form_id::<DeleteResult>())).is_some()}>
                    <summary>{t(T::AddResult)}</summary>
                    <FormAlert form={form_id::<RecordResult>()}/>
                    <FormAlert form={form_id::<DeleteResult>()}/>
                    <form method="post" action={api::<RecordResult>()} class="stack">
                        <input type="hidden" name="trainee_id" value=trainee_id.to_string()/>
                        <SelectField form={form_id::<RecordResult>()} name="kind" label=T::Test options=kinds required=true/>
                        <SelectField form={form_id::<RecordResult>()} name="level" label=T::Level options=levels empty=T::NoExpiring/>
                        <Field form={form_id::<RecordResult>()} name="score" label=T::Score hint=T::ScoreHint inputmode="numeric" optional=true maxlength=3/>
                        <div class="field">
                            <label><input type="checkbox" name="passed" value="on" checked=passed_typed/>" " {t(T::Passed)}</label>
                        </div>
                        <Field form={form_id::<RecordResult>()} name="taken_on" label=T::TakenOn kind="date" required=true/>
                        <Field form={form_id::<RecordResult>()} name="certificate_no" label=T::CertificateNo optional=true maxlength=60/>
                        <Field form={form_id::<RecordResult>()} name="field" label=T::Field optional=true maxlength=80/>
                        <button type="submit" class="button">{t(T::SaveResult)}</button>
                    </form>
                </details>
            })}
        </section>
    }
}
