//! `/kesiapan/aturan`: each programme's requirements in words (staff), with a form per
//! programme for admins.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::kernel::i18n::fill;
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::readiness::api::{get_rules, SaveRules};
use crate::readiness::authz;
use crate::readiness::dto::{ProgrammeRules, Rules};
use crate::readiness::model::verdict::Requirement;
use crate::readiness::model::{DocumentKind, JlptLevel, ResultKind};
use crate::readiness::texts::{document_text, requirement_text, result_text, T};
use crate::ui::forms::{field_id, FormAlert};
use crate::ui::guard::{loaded, require};

#[component]
pub fn RulesPage() -> impl IntoView {
    if let Err(denied) = require(authz::is_staff) {
        return denied;
    }
    loaded(get_rules(), |rules| view! { <RulesView rules/> }).into_any()
}

#[component]
fn RulesView(rules: Rules) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let may_edit = rules.may_edit;
    view! {
        <Title text=t(T::RulesTitle)/>
        <h1>{t(T::RulesTitle)}</h1>
        <p>{t(T::RulesIntro)}</p>
        <FormAlert form={form_id::<SaveRules>()}/>
        {rules.programmes.into_iter().map(|programme| view! {
            <section class="panel">
                <h2>{programme.name.clone()}" " <span class="hint">"(" {programme.code.clone()} {programme.defaults.then(|| format!(", {}", t(T::DefaultRules)))} ")"</span></h2>
                <ul>
                    {programme.requirements.iter().map(|r| view! { <li>{requirement_text(r, locale)}</li> }).collect_view()}
                </ul>
                {may_edit.then(|| view! { <RulesForm programme=programme.clone()/> })}
            </section>
        }).collect_view()}
    }
}

#[component]
fn RulesForm(programme: ProgrammeRules) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let id = programme.programme_id;
    let field = |name: &str| field_id(form_id::<SaveRules>(), &format!("{id}-{name}"));
    let (jlpt, jft) = programme
        .requirements
        .iter()
        .find_map(|r| match r {
            Requirement::Language { jlpt, jft_min } => Some((*jlpt, *jft_min)),
            _ => None,
        })
        .unwrap_or((None, None));
    let passed = |kind: ResultKind| programme.requirements.contains(&Requirement::Passed(kind));
    let attendance = programme.requirements.contains(&Requirement::Attendance);
    let document = |kind: DocumentKind| {
        programme.requirements.iter().find_map(|r| match r {
            Requirement::Document {
                kind: k,
                max_age_days,
                min_valid_days,
            } if *k == kind => Some((*max_age_days, *min_valid_days)),
            _ => None,
        })
    };
    let save = fill(t(T::SaveRules), &[("programme", &programme.code)]);
    view! {
        <details>
            <summary>{t(T::EditRules)}</summary>
            <form method="post" action={api::<SaveRules>()} class="stack">
                <input type="hidden" name="programme_id" value=id.to_string()/>
                <div class="inline-fields">
                    <div class="field">
                        <label for=field("jlpt")>{t(T::LanguageJlpt)}</label>
                        <select id=field("jlpt") name="jlpt">
                            <option value="">{t(T::NoLanguage)}</option>
                            {JlptLevel::ALL.iter().map(|l| view! { <option value=l.as_str() selected=jlpt == Some(*l)>{l.as_str()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=field("jft")>{t(T::LanguageJft)}</label>
                        <input id=field("jft") name="jft" inputmode="numeric" maxlength="3" value=jft.map(|s| s.to_string()).unwrap_or_default()/>
                    </div>
                </div>
                <fieldset>
                    <legend>{t(T::RequireTest)}</legend>
                    {[ResultKind::SswSkills, ResultKind::CareJapanese, ResultKind::CareSkills].into_iter().map(|kind| view! {
                        <label><input type="checkbox" name=format!("passed[{}]", kind.as_str()) value="on" checked=passed(kind)/>" " {result_text(kind).get(locale)}</label>
                    }).collect_view()}
                    <label><input type="checkbox" name="attendance" value="on" checked=attendance/>" " {t(T::RequireAttendance)}</label>
                </fieldset>
                <div class="table-wrap">
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col">{t(T::Document)}</th>
                            <th scope="col">{t(T::RequireDocument)}</th>
                            <th scope="col">{t(T::MaxAgeDays)}</th>
                            <th scope="col">{t(T::MinValidDays)}</th>
                        </tr></thead>
                        <tbody>
                            {DocumentKind::ALL.iter().map(|kind| {
                                let rule = document(*kind);
                                let name = document_text(*kind).get(locale);
                                let k = kind.as_str();
                                view! {
                                    <tr>
                                        <th scope="row"><label for=field(&format!("doc-{k}"))>{name}</label></th>
                                        <td><input type="checkbox" id=field(&format!("doc-{k}")) name=format!("doc[{k}]") value="on" checked=rule.is_some()/></td>
                                        <td><input aria-label=format!("{name}: {}", t(T::MaxAgeDays)) name=format!("max_age[{k}]") inputmode="numeric" maxlength="4" size="4" value=rule.and_then(|r| r.0).map(|d| d.to_string()).unwrap_or_default()/></td>
                                        <td><input aria-label=format!("{name}: {}", t(T::MinValidDays)) name=format!("min_valid[{k}]") inputmode="numeric" maxlength="4" size="4" value=rule.and_then(|r| r.1).map(|d| d.to_string()).unwrap_or_default()/></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <button type="submit" class="button">{save}</button>
            </form>
        </details>
    }
}
