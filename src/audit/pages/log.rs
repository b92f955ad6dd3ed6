//! The audit-log page: filters and a newest-first list.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::audit::api::list_audit;
use crate::audit::authz;
use crate::audit::model::{AuditAction, AuditFilter, AuditPage as AuditPageData, Outcome};
use crate::audit::paths;
use crate::audit::texts::{action_text, outcome_text, T};
use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::platform::query_string::link;
use crate::ui::guard::{loaded, require};
use crate::ui::texts::Ui;

/// `{"login":"x","reason":"y"}` as `login: x · reason: y`.
fn readable_detail(detail: Option<&str>) -> String {
    let Some(detail) = detail else {
        return String::new();
    };
    match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(detail) {
        Ok(map) => map
            .iter()
            .map(|(key, value)| match value {
                serde_json::Value::String(text) => format!("{key}: {text}"),
                other => format!("{key}: {other}"),
            })
            .collect::<Vec<_>>()
            .join(" · "),
        Err(_) => detail.to_owned(),
    }
}

fn older_link(filter: &AuditFilter, before: i64) -> String {
    let filter = AuditFilter {
        before: Some(before),
        ..filter.clone()
    };
    link(paths::LOG, &filter)
}

#[component]
pub fn AuditPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_read_audit) {
        return denied;
    }
    let page = use_page();
    let filter: AuditFilter = page.filter();
    view! {
        <Title text=page.t(T::AuditTitle)/>
        <h1>{page.t(T::AuditTitle)}</h1>
        {loaded(list_audit(filter.clone()), move |data| view! { <AuditView data filter/> })}
    }
    .into_any()
}

#[component]
fn AuditView(data: AuditPageData, filter: AuditFilter) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let older = data.next_before.map(|before| older_link(&filter, before));
    let paged = filter.before.is_some();
    view! {
        <form method="get" action=paths::LOG class="filters" role="search">
            <div class="field">
                <label for="audit-action">{t(T::FilterAction)}</label>
                <select id="audit-action" name="action">
                    <option value="">{t(Ui::All)}</option>
                    {AuditAction::ALL.into_iter().map(|action| view! {
                        <option value=action.as_str() selected=filter.action.as_deref() == Some(action.as_str())>{t(action_text(action))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="audit-outcome">{t(T::FilterOutcome)}</label>
                <select id="audit-outcome" name="outcome">
                    <option value="">{t(Ui::All)}</option>
                    {Outcome::ALL.into_iter().map(|outcome| view! {
                        <option value=outcome.as_str() selected=filter.outcome.as_deref() == Some(outcome.as_str())>{t(outcome_text(outcome))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="audit-person">{t(T::FilterPerson)}</label>
                <input id="audit-person" name="person" type="search" value=filter.person.clone() maxlength=100/>
            </div>
            <div class="field">
                <label for="audit-from">{t(T::FilterFrom)}</label>
                <input id="audit-from" name="from" type="date" value=filter.from.clone()/>
            </div>
            <div class="field">
                <label for="audit-to">{t(T::FilterTo)}</label>
                <input id="audit-to" name="to" type="date" value=filter.to.clone()/>
            </div>
            <button type="submit" class="button">{t(Ui::ApplyFilters)}</button>
        </form>
        {if data.entries.is_empty() {
            view! { <p>{t(T::NoEntries)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-label=t(T::AuditTitle)>
                    <table class="audit-table">
                        <thead>
                            <tr>
                                <th scope="col">{t(T::ColumnTime)}</th>
                                <th scope="col">{t(T::FilterAction)}</th>
                                <th scope="col">{t(T::FilterOutcome)}</th>
                                <th scope="col">{t(T::ColumnActor)}</th>
                                <th scope="col">{t(T::ColumnSubject)}</th>
                                <th scope="col">{t(Ui::Site)}</th>
                                <th scope="col">{t(Ui::IpAddress)}</th>
                                <th scope="col">{t(T::ColumnDetail)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {data.entries.into_iter().map(|entry| {
                                let action = AuditAction::parse(&entry.action).map_or_else(|| entry.action.clone(), |a| t(action_text(a)).to_owned());
                                let outcome = Outcome::parse(&entry.outcome).map_or_else(|| entry.outcome.clone(), |o| t(outcome_text(o)).to_owned());
                                view! {
                                    <tr class=format!("outcome-{}", entry.outcome)>
                                        <td data-label=t(T::ColumnTime)>{wib::instant_short(entry.occurred_at, locale)}</td>
                                        <td data-label=t(T::FilterAction)>{action}</td>
                                        <td data-label=t(T::FilterOutcome)>{outcome}</td>
                                        <td data-label=t(T::ColumnActor)>{entry.actor.clone().unwrap_or_default()}</td>
                                        <td data-label=t(T::ColumnSubject)>{entry.subject.clone().unwrap_or_default()}</td>
                                        <td data-label=t(Ui::Site)>{entry.site.clone().unwrap_or_default()}</td>
                                        <td data-label=t(Ui::IpAddress)>{entry.ip.clone().unwrap_or_default()}</td>
                                        <td data-label=t(T::ColumnDetail) class="detail">{readable_detail(entry.detail.as_deref())}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <nav class="pagination" aria-label=t(Ui::Pagination)>
            {paged.then(|| view! { <a href=paths::LOG>{t(T::NewestEntries)}</a> })}
            {older.map(|href| view! { <a href=href rel="next">{t(T::OlderEntries)}</a> })}
        </nav>
    }
}
