//! `/peserta`: the registry — search (the query stays on the server), filters, paging,
//! exports, and the ways to register and import.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::cohorts::dto::Choice;
use crate::kernel::i18n::fill;
use crate::kernel::{AccountId, Text};
use crate::platform::page::use_page;
use crate::platform::query_string::{link, ExportQuery};
use crate::platform::response::api;
use crate::trainees::api::{list_trainees, SearchTrainees};
use crate::trainees::authz;
use crate::trainees::dto::{ListAddress, TraineeList};
use crate::trainees::model::enrollment::EnrollmentStatus;
use crate::trainees::model::regency_choices;
use crate::trainees::paths;
use crate::trainees::texts::{status_text, T};
use crate::ui::guard::{loaded, require};
use crate::ui::nav::Pager;
use crate::ui::texts::Ui;

#[component]
pub fn TraineesPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_use_registry) {
        return denied;
    }
    let page = use_page();
    let address: ListAddress = page.filter();
    view! {
        <Title text=page.t(T::TraineesTitle)/>
        {loaded(list_trainees(address), |list| view! { <ListView list/> })}
    }
    .into_any()
}

#[component]
fn ListView(list: TraineeList) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let filter = list.filter.clone();
    let address = ListAddress {
        token: list.token.clone(),
        page: None,
    };
    let export = {
        let address = address.clone();
        move |format: &str| ExportQuery::link(paths::EXPORT, format, &address)
    };
    view! {
        <div class="page-heading">
            <h1>{t(T::TraineesTitle)}</h1>
            <a class="button" href=paths::NEW_TRAINEE>{t(T::NewTrainee)}</a>
            <a class="button button-quiet" href=paths::IMPORT>{t(T::ImportTrainees)}</a>
        </div>
        <form method="post" action={api::<SearchTrainees>()} class="filters" role="search">
            <div class="field">
                <label for="trainees-q">{t(T::SearchLabel)}</label>
                <input id="trainees-q" name="q" type="search" value=filter.q.clone() maxlength=100 autocomplete="off"/>
            </div>
            <div class="field">
                <label for="trainees-cohort">{t(T::FilterCohort)}</label>
                <select id="trainees-cohort" name="cohort">
                    <option value="">{t(Ui::All)}</option>
                    {list.cohorts.iter().map(|c| view! {
                        <option value=c.id.to_string() selected=filter.cohort == Some(c.id)>{c.label.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="trainees-status">{t(T::FilterStatus)}</label>
                <select id="trainees-status" name="status">
                    <option value="">{t(Ui::All)}</option>
                    {EnrollmentStatus::ALL.iter().map(|s| view! {
                        <option value=s.as_str() selected=filter.status.as_deref() == Some(s.as_str())>{t(status_text(*s))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="trainees-regency">{t(T::FilterRegency)}</label>
                <select id="trainees-regency" name="regency">
                    <option value="">{t(Ui::All)}</option>
                    {regency_choices().into_iter().map(|(code, name)| {
                        let chosen = filter.regency.as_deref() == Some(code.as_str());
                        view! { <option value=code selected=chosen>{name}</option> }
                    }).collect_view()}
                    <option value="other" selected=filter.regency.as_deref() == Some("other")>{t(T::OutsideBantenChoice)}</option>
                </select>
            </div>
            {(list.sites.len() > 1).then(|| view! {
                <div class="field">
                    <label for="trainees-site">{t(Ui::Site)}</label>
                    <select id="trainees-site" name="site">
                        <option value="">{t(Ui::All)}</option>
                        {list.sites.iter().map(|s| view! {
                            <option value=s.id.to_string() selected=filter.site == Some(s.id)>{s.label.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <button type="submit" class="button">{t(Ui::ApplyFilters)}</button>
        </form>
        <div class="button-row">
            <a class="button button-quiet" href=export("csv")>{t(T::ExportCsv)}</a>
            <a class="button button-quiet" href=export("xlsx")>{t(T::ExportXlsx)}</a>
        </div>
        <p class="hint" role="status">{fill(t(T::TraineesCount), &[("n", &list.total.to_string())])}</p>
        {if list.items.is_empty() {
            view! { <p>{t(T::NoTrainees)}</p> }.into_any()
        } else {
            view! {
                <ul class="record-list">
                    {list.items.into_iter().map(|trainee| view! {
                        <li class="record">
                            <a href=paths::trainee(trainee.id) class="record-title">{trainee.full_name.clone()}</a>
                            {trainee.enrollment.clone().map(|(code, status)| view! {
                                <span class=format!("badge enrollment-{}", status.as_str())>{code} " · " {t(status_text(status))}</span>
                            })}
                            {trainee.outside_banten.then(|| view! { <span class="badge status-pending">{t(T::OutsideBanten)}</span> })}
                            <div class="hint">
                                <span class="nik">{trainee.nik.clone()}</span>
                                {trainee.phone.clone().map(|p| view! { " · " {p} })}
                                " · " {trainee.regency.clone()} " · " {trainee.site.clone()}
                                {(!trainee.has_account).then(|| view! { " · " {t(T::NoAccount)} })}
                            </div>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <Pager page=list.page pages=list.pages link=move |n| {
            link(paths::TRAINEES, &ListAddress { page: Some(n), ..address.clone() })
        }/>
        <UnlinkedAccounts accounts=list.unlinked.clone() total=list.unlinked_total/>
    }
}

/// Trainee accounts that exist without a record (made before the registry, or by user
/// administration): each links to the form that completes its record.
#[component]
fn UnlinkedAccounts(accounts: Vec<Choice>, total: u64) -> impl IntoView {
    let locale = use_page().locale;
    let t = move |key: Text| key.get(locale);
    (total > 0).then(|| {
        view! {
            <section class="panel" aria-labelledby="unlinked-heading">
                <h2 id="unlinked-heading">{fill(t(T::UnlinkedTitle), &[("n", &total.to_string())])}</h2>
                <p class="hint">{t(T::UnlinkedHint)}</p>
                <ul class="plain-list">
                    {accounts.into_iter().map(|a| view! {
                        <li><a href=paths::new_trainee_for(AccountId(a.id))>{a.label}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
