//! The cohort list: filters and one card per cohort.

use leptos::prelude::*;
use leptos_meta::Title;
use time::Date;

use crate::cohorts::api::list_cohorts;
use crate::cohorts::authz;
use crate::cohorts::dto::{CohortFilter, CohortList};
use crate::cohorts::model::CohortStatus;
use crate::cohorts::paths;
use crate::cohorts::texts::{status_text, T};
use crate::kernel::i18n::fill;
use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::platform::query_string::link;
use crate::ui::guard::{loaded, require};
use crate::ui::nav::Pager;
use crate::ui::texts::Ui;

fn page_link(filter: &CohortFilter, page: u64) -> String {
    let filter = CohortFilter {
        page: Some(page),
        ..filter.clone()
    };
    link(paths::COHORTS, &filter)
}

/// "01/12/2026 – 31/05/2027".
pub fn period(starts_on: Date, ends_on: Date) -> String {
    format!("{} – {}", wib::date_short(starts_on), wib::date_short(ends_on))
}

#[component]
pub fn CohortsPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_list_cohorts) {
        return denied;
    }
    let page = use_page();
    let filter: CohortFilter = page.filter();
    view! {
        <Title text=page.t(T::CohortsTitle)/>
        {loaded(list_cohorts(filter.clone()), move |list| view! { <CohortListView list filter/> })}
    }
    .into_any()
}

#[component]
fn CohortListView(list: CohortList, filter: CohortFilter) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    view! {
        <div class="page-heading">
            <h1>{t(T::CohortsTitle)}</h1>
            {list.can_create.then(|| view! { <a class="button" href=paths::NEW_COHORT>{t(T::NewCohort)}</a> })}
        </div>
        <form method="get" action=paths::COHORTS class="filters" role="search">
            <div class="field">
                <label for="cohorts-q">{t(T::SearchCode)}</label>
                <input id="cohorts-q" name="q" type="search" value=filter.q.clone() maxlength=30/>
            </div>
            <div class="field">
                <label for="cohorts-site">{t(Ui::Site)}</label>
                <select id="cohorts-site" name="site">
                    <option value="">{t(Ui::All)}</option>
                    {list.sites.iter().map(|site| view! {
                        <option value=site.id.to_string() selected=filter.site == Some(site.id)>{site.label.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="cohorts-status">{t(T::FilterStatus)}</label>
                <select id="cohorts-status" name="status">
                    <option value="">{t(Ui::All)}</option>
                    {CohortStatus::ALL.iter().map(|status| view! {
                        <option value=status.as_str() selected=filter.status.as_deref() == Some(status.as_str())>{t(status_text(*status))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="cohorts-programme">{t(T::FilterProgramme)}</label>
                <select id="cohorts-programme" name="programme">
                    <option value="">{t(Ui::All)}</option>
                    {list.programmes.iter().map(|programme| view! {
                        <option value=programme.id.to_string() selected=filter.programme == Some(programme.id)>{programme.label.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{t(Ui::ApplyFilters)}</button>
        </form>
        <p class="hint" role="status">{fill(t(T::CohortsCount), &[("n", &list.total.to_string())])}</p>
        {if list.items.is_empty() {
            view! { <p>{t(T::NoCohorts)}</p> }.into_any()
        } else {
            view! {
                <ul class="record-list">
                    {list.items.into_iter().map(|cohort| view! {
                        <li class="record">
                            <a href=paths::cohort(cohort.id) class="record-title">{cohort.code.clone()}</a>
                            <span class=format!("badge cohort-{}", cohort.status.as_str())>{t(status_text(cohort.status))}</span>
                            <div class="hint">{cohort.course.clone()} " · " {cohort.programme.clone()}</div>
                            <div class="hint">
                                {cohort.site.clone()} " · " {period(cohort.starts_on, cohort.ends_on)} " · "
                                {t(T::ColumnMembers)} " "
                                {fill(t(T::MembersOf), &[("n", &cohort.members.to_string()), ("cap", &cohort.capacity.to_string())])}
                            </div>
                            {(!cohort.instructors.is_empty()).then(|| view! {
                                <div class="hint">{t(T::ColumnInstructors)} ": " {cohort.instructors.join(", ")}</div>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <Pager page=list.page pages=list.pages link=move |n| page_link(&filter, n)/>
    }
}
