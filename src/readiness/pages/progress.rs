//! `/angkatan/:id/nilai`: a cohort's lessons and scores for its instructors and
//! coordinators: the unit taught in each session held (one form), the assessments with
//! every trainee's score, a new assessment, and one assessment's scores entered for the
//! whole cohort at once (`?penilaian=ID`).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::cohorts;
use crate::kernel::i18n::{fill, problem_text};
use crate::kernel::{wib, Text, TraineeId};
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::readiness::api::{get_cohort_progress, CreateAssessment, SaveLessons, SaveScores};
use crate::readiness::authz;
use crate::readiness::dto::CohortProgress;
use crate::readiness::model::AssessmentKind;
use crate::readiness::paths;
use crate::readiness::texts::{assessment_text, T};
use crate::ui::forms::{Field, FormAlert, SelectField};
use crate::ui::guard::{loaded, path_id, require, NotFound};

#[component]
pub fn CohortProgressPage() -> impl IntoView {
    if let Err(denied) = require(authz::is_staff) {
        return denied;
    }
    let Some(id) = path_id() else {
        return view! { <NotFound/> }.into_any();
    };
    loaded(
        get_cohort_progress(id),
        |progress| view! { <ProgressView progress/> },
    )
    .into_any()
}

#[component]
fn ProgressView(progress: CohortProgress) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let title = fill(t(T::ProgressTitle), &[("cohort", &progress.cohort)]);
    let chosen = page
        .query_param("penilaian")
        .and_then(|v| v.parse::<i64>().ok())
        .and_then(|id| progress.assessments.iter().position(|a| a.id == id));
    let kinds: Vec<(String, String)> = AssessmentKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), assessment_text(*k).get(locale).to_owned()))
        .collect();
    let taught_text = fill(
        t(T::LessonsProgress),
        &[
            ("n", &progress.units_taught.to_string()),
            ("total", &progress.units.len().to_string()),
        ],
    );
    let total_units = progress.units.len().max(1);
    let cohort_id = progress.cohort_id;
    let units = progress.units.clone();
    let assessments = progress.assessments.clone();
    let rows = progress.rows.clone();
    let score_form = chosen.map(|index| {
        let assessment = assessments[index].clone();
        let lines: Vec<(TraineeId, String, Option<u16>)> =
            rows.iter().map(|r| (r.trainee_id, r.name.clone(), r.scores[index])).collect();
        let heading = fill(t(T::ScoresOf), &[("title", &assessment.title)]);
        view! {
            <section class="panel" id="skor" aria-labelledby="scores-heading">
                <h2 id="scores-heading">{heading}</h2>
                <p class="hint">{format!("0–{} · {} {}", assessment.max_score, t(T::PassScore), assessment.pass_score)}</p>
                <FormAlert form={form_id::<SaveScores>()}/>
                <form method="post" action={api::<SaveScores>()} class="stack">
                    <input type="hidden" name="assessment_id" value=assessment.id.to_string()/>
                    <div class="score-grid">
                        {lines.into_iter().map(|(trainee, name, score)| {
                            let field = format!("score[{trainee}]");
                            let typed = page.flash_value(form_id::<SaveScores>(), &field).or(score.map(|s| s.to_string())).unwrap_or_default();
                            let problem = page.flash_error(form_id::<SaveScores>()).and_then(|e| e.field_problem(&field).cloned());
                            let invalid = problem.is_some();
                            let input_id = format!("score-{trainee}");
                            view! {
                                <div class="field" class:field-invalid=invalid>
                                    <label for=input_id.clone()>{name}</label>
                                    <input id=input_id.clone() name=field.clone() inputmode="numeric" maxlength="4" value=typed
                                        aria-invalid=invalid.then_some("true")
                                        aria-describedby=invalid.then(|| format!("{input_id}-error"))/>
                                    {problem.map(|p| view! { <p class="field-error" id=format!("{input_id}-error")>{problem_text(&p, locale)}</p> })}
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    <button type="submit" class="button">{t(T::SaveScores)}</button>
                </form>
            </section>
        }
    });
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <p><a href=cohorts::paths::cohort(cohort_id)>{progress.cohort.clone()}</a></p>
        {score_form}
        <section class="panel" aria-labelledby="assessments-heading">
            <h2 id="assessments-heading">{t(T::Assessments)}</h2>
            {if assessments.is_empty() {
                view! { <p>{t(T::NoAssessments)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table score-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t(T::Trainee)}</th>
                                    {assessments.iter().map(|a| view! {
                                        <th scope="col">
                                            <a href=paths::assessment(cohort_id, a.id)>{a.title.clone()}</a>
                                            <br/><span class="hint">{wib::date_compact(a.held_on, locale)}</span>
                                        </th>
                                    }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {rows.iter().map(|row| view! {
                                    <tr>
                                        <th scope="row">{row.name.clone()}</th>
                                        {row.scores.iter().zip(&assessments).map(|(score, a)| {
                                            let below = score.is_some_and(|s| s < a.pass_score);
                                            view! { <td class="num" class:below=below>{score.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}</td> }
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                                <tr>
                                    <th scope="row">{t(T::Average)}</th>
                                    {assessments.iter().map(|a| view! { <td class="num">{a.average.map(|v| v.to_string()).unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                                </tr>
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <details open={page.flash_error(form_id::<CreateAssessment>()).is_some()}>
                <summary>{t(T::NewAssessment)}</summary>
                <FormAlert form={form_id::<CreateAssessment>()}/>
                <form method="post" action={api::<CreateAssessment>()} class="stack">
                    <input type="hidden" name="cohort_id" value=cohort_id.to_string()/>
                    <SelectField form={form_id::<CreateAssessment>()} name="kind" label=T::Kind options=kinds hint=T::MockJftHint required=true/>
                    <Field form={form_id::<CreateAssessment>()} name="title" label=T::Title required=true maxlength=120/>
                    <Field form={form_id::<CreateAssessment>()} name="held_on" label=T::HeldOn kind="date" required=true value=wib::iso_date(progress.today)/>
                    <Field form={form_id::<CreateAssessment>()} name="max_score" label=T::MaxScore inputmode="numeric" maxlength=4 value="100".to_owned()/>
                    <Field form={form_id::<CreateAssessment>()} name="pass_score" label=T::PassScore inputmode="numeric" maxlength=4 value="60".to_owned()/>
                    <button type="submit" class="button">{t(T::CreateAssessment)}</button>
                </form>
            </details>
        </section>
        <section class="panel" aria-labelledby="lessons-heading">
            <h2 id="lessons-heading">{t(T::Lessons)}</h2>
            <p>{taught_text}</p>
            <progress max=total_units.to_string() value=progress.units_taught.to_string() aria-label=t(T::Lessons)></progress>
            {if progress.lessons.is_empty() {
                view! { <p>{t(T::NoLessons)}</p> }.into_any()
            } else {
                view! {
                    <FormAlert form={form_id::<SaveLessons>()}/>
                    <form method="post" action={api::<SaveLessons>()} class="stack">
                        <input type="hidden" name="cohort_id" value=cohort_id.to_string()/>
                        {progress.lessons.into_iter().map(|line| {
                            let select_id = format!("unit-{}", line.session_id);
                            let when = wib::instant_short(line.when, locale);
                            let planned = line.planned.map(|p| format!(" · {}: {p}", t(T::Planned))).unwrap_or_default();
                            view! {
                                <div class="field">
                                    <label for=select_id.clone()>{when}<span class="hint">{planned}</span></label>
                                    <select id=select_id name=format!("unit[{}]", line.session_id)>
                                        <option value="">{t(T::NotRecorded)}</option>
                                        {units.iter().map(|(id, title)| view! {
                                            <option value=id.to_string() selected=line.taught_unit_id == Some(*id)>{title.clone()}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                            }
                        }).collect_view()}
                        <button type="submit" class="button">{t(T::SaveLessons)}</button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}
