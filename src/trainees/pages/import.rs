//! The import wizard: `/peserta/impor` (upload) → `/peserta/impor/:id` (every problem
//! with its row, then confirm) → the same page with the result. Plain forms: it works
//! without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::kernel::i18n::{fill, problem_text};
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::trainees::api::{get_import_form, get_import_review, ConfirmImport};
use crate::trainees::authz;
use crate::trainees::dto::{ImportForm, ImportReview};
use crate::trainees::paths;
use crate::trainees::texts::{field_text, T};
use crate::ui::forms::{field_id, FieldProblem, FormAlert, SelectField};
use crate::ui::guard::{loaded, path_id, require, NotFound};
use crate::ui::islands::BusySubmit;

#[component]
pub fn ImportPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_use_registry) {
        return denied;
    }
    let locale = use_page().locale;
    view! {
        <Title text=T::ImportTitle.get(locale)/>
        <p><a href=paths::TRAINEES>{T::BackToTrainees.get(locale)}</a></p>
        <h1>{T::ImportTitle.get(locale)}</h1>
        {loaded(get_import_form(), |form| view! { <UploadForm form/> })}
    }
    .into_any()
}

#[component]
fn UploadForm(form: ImportForm) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let to_options = |list: &[crate::cohorts::dto::Choice]| {
        list.iter()
            .map(|c| (c.id.to_string(), c.label.clone()))
            .collect::<Vec<_>>()
    };
    let single_site = if form.sites.len() == 1 {
        form.sites[0].id.to_string()
    } else {
        String::new()
    };
    let file_error = page
        .flash_error(paths::IMPORT_FORM)
        .and_then(|e| e.field_problem("file").cloned())
        .map(|p| problem_text(&p, locale));
    let file_invalid = file_error.is_some();
    let file_id = field_id(paths::IMPORT_FORM, "file");
    view! {
        <section class="panel">
            <p>{t(T::ImportIntro)}</p>
            <FormAlert form=paths::IMPORT_FORM/>
            <form method="post" action=paths::UPLOAD enctype="multipart/form-data" class="stack">
                <SelectField form=paths::IMPORT_FORM name="site_id" label=T::FieldSite options=to_options(&form.sites) selected=single_site
                    empty=T::Choose required=true/>
                <SelectField form=paths::IMPORT_FORM name="cohort_id" label=T::FieldImportCohort options=to_options(&form.cohorts) empty=T::NoneChosen/>
                <div class="field" class:field-invalid=file_invalid>
                    <label for=file_id.clone()>{t(T::FieldFile)}</label>
                    <input id=file_id.clone() name="file" type="file" accept=".csv,text/csv,text/plain" required
                        aria-describedby=format!("{file_id}-hint") aria-invalid=file_invalid.then_some("true")/>
                    <p class="hint" id=format!("{file_id}-hint")>{fill(t(T::FieldFileHint), &[("n", &form.max_kib.to_string())])}</p>
                    {file_error.map(|text| view! { <p class="field-error" id=format!("{file_id}-error")>{text}</p> })}
                </div>
                <div class="button-row"><button type="submit" class="button">{t(T::CheckFile)}</button></div>
            </form>
        </section>
    }
}

#[component]
pub fn ImportReviewPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_use_registry) {
        return denied;
    }
    let Some(id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    let locale = use_page().locale;
    view! {
        <p><a href=paths::TRAINEES>{T::BackToTrainees.get(locale)}</a></p>
        {loaded(get_import_review(id), |review| view! { <ReviewView review/> })}
    }
    .into_any()
}

#[component]
fn ReviewView(review: ImportReview) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let title = fill(t(T::ReviewTitle), &[("file", &review.file_name)]);
    if let Some(imported) = review.imported {
        return view! {
            <Title text=title.clone()/>
            <h1>{title}</h1>
            <section class="panel">
                <p class="alert alert-success" role="status">{fill(t(T::ImportedResult), &[("n", &imported.to_string())])}</p>
                <div class="button-row">
                    <a class="button" href=paths::TRAINEES>{t(T::TraineesTitle)}</a>
                    <a class="button button-quiet" href=paths::IMPORT>{t(T::UploadAnother)}</a>
                </div>
            </section>
        }
        .into_any();
    }
    let refused_total = review.rows - review.accepted;
    let more = refused_total as usize - review.refused.len().min(refused_total as usize);
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <section class="panel">
            <p>{review.site.clone()} {review.cohort.clone().map(|c| view! { " · " {c} })}</p>
            <p role="status"><strong>{fill(t(T::ReviewCounts), &[
                ("rows", &review.rows.to_string()),
                ("accepted", &review.accepted.to_string()),
                ("refused", &refused_total.to_string()),
            ])}</strong></p>
            <FormAlert form={form_id::<ConfirmImport>()}/>
            {if review.accepted > 0 {
                view! {
                    <form method="post" action={api::<ConfirmImport>()} class="stack">
                        <input type="hidden" name="import_id" value=review.id.to_string()/>
                        <p class="hint">{t(T::ConfirmHint)}</p>
                        <FieldProblem form={form_id::<ConfirmImport>()} name="file"/>
                        <div class="button-row">
                            <BusySubmit label=fill(t(T::ConfirmImport), &[("n", &review.accepted.to_string())]) busy=t(T::Importing).to_owned()/>
                            <a class="button button-quiet" href=paths::IMPORT>{t(T::UploadAnother)}</a>
                        </div>
                    </form>
                }.into_any()
            } else {
                view! {
                    <p class="alert alert-error" role="alert">{t(T::NothingToImport)}</p>
                    <a class="button" href=paths::IMPORT>{t(T::UploadAnother)}</a>
                }.into_any()
            }}
        </section>
        {(!review.refused.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="refused-heading">
                <h2 id="refused-heading">{t(T::RefusedRows)}</h2>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="refused-heading">
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{t(T::Row)}</th>
                                <th scope="col">{t(T::FieldFullName)}</th>
                                <th scope="col">{t(T::FieldNik)}</th>
                                <th scope="col">{t(T::Reason)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {review.refused.iter().map(|row| view! {
                                <tr>
                                    <td data-label=t(T::Row)>{row.row}</td>
                                    <td data-label=t(T::FieldFullName)>{row.name.clone()}</td>
                                    <td data-label=t(T::FieldNik)><span class="nik">{row.nik.clone()}</span></td>
                                    <td data-label=t(T::Reason)>
                                        <ul class="plain-list">
                                            {row.problems.iter().map(|p| view! {
                                                <li>{t(field_text(&p.field))} ": " {problem_text(&p.problem, locale)}</li>
                                            }).collect_view()}
                                        </ul>
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {(more > 0).then(|| view! { <p class="hint">{fill(t(T::MoreRefused), &[("n", &more.to_string())])}</p> })}
            </section>
        })}
        {(!review.sample.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="ready-heading">
                <h2 id="ready-heading">{t(T::ReadyRows)}</h2>
                <ul class="plain-list">
                    {review.sample.iter().map(|(row, name)| view! { <li>{t(T::Row)} " " {*row} ": " {name.clone()}</li> }).collect_view()}
                </ul>
            </section>
        })}
    }
    .into_any()
}
