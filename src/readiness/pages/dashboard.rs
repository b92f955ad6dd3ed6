//! `/kesiapan`: the coordinators' dashboard: the funnel (a table and an SVG chart), the
//! verdicts, filters (site, cohort, verdict, blocker, a document running out), the table
//! of trainees with their blockers, and the exports with the same filters.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{BlockerList, VerdictBadge};
use crate::kernel::i18n::fill;
use crate::kernel::{wib, CohortId, Text};
use crate::platform::page::use_page;
use crate::platform::query_string::{link, ExportQuery};
use crate::readiness::api::get_dashboard;
use crate::readiness::authz;
use crate::readiness::dto::{Dashboard, DashboardFilter, Funnel};
use crate::readiness::model::{DocumentKind, Verdict};
use crate::readiness::paths;
use crate::readiness::texts::{blocker_key_text, document_text, verdict_text, T};
use crate::ui::guard::{loaded, require};
use crate::ui::nav::Pager;

#[component]
pub fn DashboardPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_open_dashboard) {
        return denied;
    }
    let page = use_page();
    loaded(
        get_dashboard(page.filter()),
        |dashboard| view! { <DashboardView dashboard/> },
    )
    .into_any()
}

/// The dashboard's address with `filter` (`within_days` only with a document chosen).
fn dashboard_link(path: &str, format: Option<&str>, filter: &DashboardFilter, page: Option<u64>) -> String {
    let filter = DashboardFilter {
        within_days: filter.expiring.as_ref().and(filter.within_days),
        page,
        ..filter.clone()
    };
    match format {
        Some(format) => ExportQuery::link(path, format, &filter),
        None => link(path, &filter),
    }
}

/// The dashboard showing only the trainees with `verdict`.
fn verdict_link(verdict: Verdict) -> String {
    let filter = DashboardFilter {
        verdict: Some(verdict.as_str().to_owned()),
        ..DashboardFilter::default()
    };
    link(paths::DASHBOARD, &filter)
}

#[component]
fn FunnelChart(funnel: Funnel) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    let stages = [
        (T::StageEnrolled, funnel.enrolled),
        (T::StageLanguage, funnel.language),
        (T::StageSkills, funnel.skills),
        (T::StageDocuments, funnel.documents),
        (T::StageReady, funnel.ready),
    ];
    let max = funnel.enrolled.max(1);
    let row_height = 34;
    let height = row_height * 5 + 8;
    view! {
        <figure class="funnel">
            <svg viewBox=format!("0 0 360 {height}") role="img" aria-labelledby="funnel-title" class="chart">
                <title id="funnel-title">{t(T::FunnelChart)}</title>
                {stages.iter().enumerate().map(|(i, (label, n))| {
                    let y = i32::try_from(i).unwrap_or(0) * row_height + 4;
                    let width = 200 * n / max;
                    view! {
                        <g>
                            <text x="0" y=y + 20 class="chart-label">{t(*label)}</text>
                            <rect x="140" y=y + 4 width=width.max(1) height="22" class=format!("funnel-bar funnel-{i}")/>
                            <text x=145 + width y=y + 20 class="chart-value">{n.to_string()}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}

#[component]
fn DashboardView(dashboard: Dashboard) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let filter = dashboard.filter.clone();
    let funnel = dashboard.funnel;
    let stage_rows = [
        (T::StageEnrolled, funnel.enrolled),
        (T::StageLanguage, funnel.language),
        (T::StageSkills, funnel.skills),
        (T::StageDocuments, funnel.documents),
        (T::StageReady, funnel.ready),
    ];
    let verdict_counts = [Verdict::Ready, Verdict::InProgress, Verdict::NotReady]
        .into_iter()
        .zip(dashboard.verdicts)
        .collect::<Vec<_>>();
    let selected = |value: Option<i64>, id: i64| value == Some(id);
    let today = wib::date_long(dashboard.today, locale);
    let (csv, xlsx) = (
        dashboard_link(paths::EXPORT, Some("csv"), &filter, None),
        dashboard_link(paths::EXPORT, Some("xlsx"), &filter, None),
    );
    let pager_filter = filter.clone();
    let count = fill(t(T::CountOf), &[("n", &dashboard.total.to_string())]);
    let within = filter.within_days.unwrap_or(30).to_string();
    view! {
        <Title text=t(T::DashboardTitle)/>
        <h1>{t(T::DashboardTitle)}</h1>
        <p>{fill(t(T::DashboardIntro), &[("today", &today)])}" " <a href=paths::RULES>{t(T::Rules)}</a></p>
        <div class="readiness-summary">
            <section class="panel" aria-labelledby="funnel-heading">
                <h2 id="funnel-heading">{t(T::Funnel)}</h2>
                <FunnelChart funnel/>
                <table class="data-table">
                    <tbody>
                        {stage_rows.into_iter().map(|(label, n)| view! { <tr><th scope="row">{t(label)}</th><td class="num">{n.to_string()}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section class="panel" aria-labelledby="verdict-heading">
                <h2 id="verdict-heading">{t(T::Verdict)}</h2>
                <ul class="verdict-counts">
                    {verdict_counts.into_iter().map(|(verdict, n)| view! {
                        <li><a href=verdict_link(verdict)><VerdictBadge verdict/></a>" " {n.to_string()}</li>
                    }).collect_view()}
                </ul>
            </section>
        </div>
        <form method="get" action=paths::DASHBOARD class="filters panel" aria-label=t(T::Filters)>
            <div class="field">
                <label for="f-site">{t(T::Site)}</label>
                <select id="f-site" name="site_id">
                    <option value="">{t(T::AllSites)}</option>
                    {dashboard.sites.iter().map(|(id, name)| view! { <option value=id.to_string() selected=selected(filter.site_id, *id)>{name.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-cohort">{t(T::Cohort)}</label>
                <select id="f-cohort" name="cohort_id">
                    <option value="">{t(T::AllCohorts)}</option>
                    {dashboard.cohorts.iter().map(|(id, code)| view! { <option value=id.to_string() selected=selected(filter.cohort_id.map(CohortId::get), *id)>{code.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-verdict">{t(T::Verdict)}</label>
                <select id="f-verdict" name="verdict">
                    <option value="">{t(T::AnyVerdict)}</option>
                    {Verdict::ALL.iter().map(|v| view! { <option value=v.as_str() selected=filter.verdict.as_deref() == Some(v.as_str())>{verdict_text(*v).get(locale)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-blocker">{t(T::Blocker)}</label>
                <select id="f-blocker" name="blocker">
                    <option value="">{t(T::AnyBlocker)}</option>
                    {dashboard.blockers.iter().map(|(key, n)| view! { <option value=key.clone() selected=filter.blocker.as_deref() == Some(key.as_str())>{format!("{} ({n})", blocker_key_text(key, locale))}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-expiring">{t(T::Expiring)}</label>
                <select id="f-expiring" name="expiring">
                    <option value="">{t(T::NoExpiring)}</option>
                    {DocumentKind::ALL.iter().map(|k| view! { <option value=k.as_str() selected=filter.expiring.as_deref() == Some(k.as_str())>{document_text(*k).get(locale)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-within">{t(T::WithinDays)}</label>
                <input id="f-within" name="within_days" inputmode="numeric" maxlength="4" value=within/>
            </div>
            <div class="actions">
                <button type="submit" class="button">{t(T::Apply)}</button>
                <a href=paths::DASHBOARD>{t(T::Reset)}</a>
            </div>
        </form>
        <p class="button-row">
            <span>{count}</span>
            <a href=csv download>{t(T::ExportCsv)}</a>
            <a href=xlsx download>{t(T::ExportXlsx)}</a>
        </p>
        {if dashboard.rows.is_empty() {
            view! { <p>{t(T::NoRows)}</p> }.into_any()
        } else {
            let expiring = filter.expiring.is_some();
            view! {
                <div class="table-wrap">
                    <table class="data-table readiness-table">
                        <thead><tr>
                            <th scope="col">{t(T::Trainee)}</th>
                            <th scope="col">{t(T::Cohort)}</th>
                            <th scope="col">{t(T::Verdict)}</th>
                            {expiring.then(|| view! { <th scope="col">{t(T::ValidUntil)}</th> })}
                            <th scope="col">{t(T::Blockers)}</th>
                        </tr></thead>
                        <tbody>
                            {dashboard.rows.into_iter().map(|row| {
                                let until = row.valid_until.map(|d| wib::date_long(d, locale));
                                view! {
                                    <tr>
                                        <th scope="row"><a href=paths::trainee(row.trainee_id)>{row.name}</a></th>
                                        <td>{row.cohort}<br/><span class="hint">{row.programme}</span></td>
                                        <td><VerdictBadge verdict=row.verdict/></td>
                                        {expiring.then(|| view! { <td>{until.clone().unwrap_or_default()}</td> })}
                                        <td><BlockerList blockers=row.blockers/></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <Pager page=dashboard.page pages=dashboard.pages link=move |n| {
                    dashboard_link(paths::DASHBOARD, None, &pager_filter, Some(n))
                }/>
            }.into_any()
        }}
    }
}
