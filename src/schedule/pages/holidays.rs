//! `/libur`: national holidays and cuti bersama by year, which admins add, change and
//! remove; and the days off of the reader's sites, which their coordinators keep.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::kernel::{wib, Text};
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::schedule::api::{
    get_holidays, holiday_form, DeleteClosure, DeleteHoliday, SaveClosure, SaveHoliday,
};
use crate::schedule::authz;
use crate::schedule::dto::{ClosureView, HolidayList};
use crate::schedule::model::HolidayKind;
use crate::schedule::paths;
use crate::schedule::texts::{holiday_kind_text, T};
use crate::ui::forms::{Field, FormAlert, SelectField};
use crate::ui::guard::{loaded, require};
use crate::ui::islands::ConfirmSubmit;
use crate::ui::texts::Ui;

#[component]
pub fn HolidaysPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_read_holidays) {
        return denied;
    }
    let page = use_page();
    let year = page.query_param("tahun").and_then(|y| y.parse().ok());
    view! {
        <Title text=page.t(T::HolidaysTitle)/>
        <h1>{page.t(T::HolidaysTitle)}</h1>
        {loaded(get_holidays(year), move |list| view! { <HolidayListView list/> })}
    }
    .into_any()
}

#[component]
fn HolidayListView(list: HolidayList) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let editing = page
        .query_param("ubah")
        .and_then(|id| id.parse::<i64>().ok())
        .and_then(|id| list.holidays.iter().find(|h| h.id == id).cloned());
    let form = holiday_form(editing.is_some());
    let kinds: Vec<(String, String)> = HolidayKind::ALL
        .iter()
        .map(|kind| (kind.as_str().to_owned(), t(holiday_kind_text(*kind)).to_owned()))
        .collect();
    let year = list.year;
    let closures = list.closures.clone();
    let closure_sites = list.closure_sites.clone();
    view! {
        <p>{t(T::HolidaysIntro)}</p>
        {(!list.can_edit).then(|| view! { <p class="hint">{t(T::HolidaysAdminsOnly)}</p> })}
        <nav class="pagination" aria-label=t(T::Year)>
            {list.years.iter().map(|y| view! {
                <a href=paths::holidays(*y) aria-current=(*y == year).then_some("page")>{*y}</a>
            }).collect_view()}
        </nav>
        <FormAlert form={form_id::<DeleteHoliday>()}/>
        {if list.holidays.is_empty() {
            view! { <p>{t(T::NoHolidays)}</p> }.into_any()
        } else {
            view! {
                <ul class="record-list">
                    {list.holidays.iter().map(|holiday| {
                        let date = wib::date_long(holiday.date, locale);
                        view! {
                            <li class="record">
                                <span class="record-title">{date}</span>
                                <span class=format!("badge holiday-{}", holiday.kind.as_str())>{t(holiday_kind_text(holiday.kind))}</span>
                                {(!holiday.confirmed).then(|| view! { <span class="badge status-pending">{t(T::Unconfirmed)}</span> })}
                                <div class="hint">{holiday.name.clone()}</div>
                                {list.can_edit.then(|| view! {
                                    <div class="button-row">
                                        <a class="button button-quiet" href=paths::edit_holiday(year, holiday.id)>
                                            {t(T::EditHoliday)}
                                        </a>
                                    </div>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {list.can_edit.then(|| {
            let heading = editing.as_ref().map_or_else(|| t(T::AddHoliday).to_owned(), |h| h.name.clone());
            view! {
                <section class="panel" id="holiday-form" aria-labelledby="holiday-form-heading">
                    <h2 id="holiday-form-heading">{heading}</h2>
                    <FormAlert form=form/>
                    <form method="post" action={api::<SaveHoliday>()} class="stack">
                        {editing.as_ref().map(|h| view! { <input type="hidden" name="holiday_id" value=h.id.to_string()/> })}
                        <Field form=form name="date" label=T::FieldDate kind="date" required=true
                            value=editing.as_ref().map(|h| wib::iso_date(h.date)).unwrap_or_default()/>
                        <Field form=form name="name" label=T::FieldHolidayName required=true maxlength=120
                            value=editing.as_ref().map(|h| h.name.clone()).unwrap_or_default()/>
                        <SelectField form=form name="kind" label=T::FieldKind options=kinds.clone()
                            selected=editing.as_ref().map(|h| h.kind.as_str().to_owned()).unwrap_or_default()/>
                        <div class="choice">
                            <input type="checkbox" id="holiday-confirmed" name="confirmed" value="1"
                                checked=editing.as_ref().is_none_or(|h| h.confirmed)/>
                            <label for="holiday-confirmed">{t(T::FieldConfirmed)}</label>
                        </div>
                        <div class="button-row">
                            <button type="submit" class="button">{t(T::SaveHoliday)}</button>
                            {editing.is_some().then(|| view! {
                                <a class="button button-quiet" href=paths::holidays(year)>{t(Ui::Cancel)}</a>
                            })}
                        </div>
                    </form>
                    {editing.as_ref().map(|h| view! {
                        <form method="post" action={api::<DeleteHoliday>()} class="delete-form">
                            <input type="hidden" name="holiday_id" value=h.id.to_string()/>
                            <ConfirmSubmit label=t(T::DeleteHoliday).to_owned() question=t(T::DeleteHolidayConfirm).to_owned()
                                class="button button-danger".to_owned()/>
                        </form>
                    })}
                </section>
            }
        })}
        <ClosuresSection closures sites=closure_sites/>
    }
}

/// The days off of the reader's sites, and (for their coordinators) adding and removing
/// them.
#[component]
fn ClosuresSection(closures: Vec<ClosureView>, sites: Vec<crate::cohorts::dto::Choice>) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let options: Vec<(String, String)> = sites
        .iter()
        .map(|s| (s.id.to_string(), s.label.clone()))
        .collect();
    let single = if sites.len() == 1 {
        sites[0].id.to_string()
    } else {
        String::new()
    };
    let can_add = !sites.is_empty();
    view! {
        <section class="panel" id="lokasi" aria-labelledby="closures-heading">
            <h2 id="closures-heading">{t(T::ClosuresTitle)}</h2>
            <p class="hint">{t(T::ClosuresIntro)}</p>
            <FormAlert form={form_id::<DeleteClosure>()}/>
            {if closures.is_empty() {
                view! { <p>{t(T::NoClosures)}</p> }.into_any()
            } else {
                view! {
                    <ul class="record-list">
                        {closures.into_iter().map(|closure| {
                            let date = wib::date_long(closure.date, locale);
                            view! {
                                <li class="record">
                                    <span class="record-title">{date}</span>
                                    <span class="badge holiday-site">{closure.site.clone()}</span>
                                    <div class="hint">{closure.name.clone()}</div>
                                    {closure.can_delete.then(|| view! {
                                        <form method="post" action={api::<DeleteClosure>()} class="delete-form">
                                            <input type="hidden" name="closure_id" value=closure.id.to_string()/>
                                            <ConfirmSubmit label=t(T::DeleteClosure).to_owned() question=t(T::DeleteClosureConfirm).to_owned()
                                                class="button button-quiet".to_owned()/>
                                        </form>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {can_add.then(|| view! {
                <h3 id="closure-form-heading">{t(T::AddClosure)}</h3>
                <FormAlert form={form_id::<SaveClosure>()}/>
                <form method="post" action={api::<SaveClosure>()} class="stack" aria-labelledby="closure-form-heading">
                    <SelectField form={form_id::<SaveClosure>()} name="site_id" label=T::FieldSite options=options.clone() selected=single.clone()/>
                    <Field form={form_id::<SaveClosure>()} name="date" label=T::FieldDate kind="date" required=true/>
                    <Field form={form_id::<SaveClosure>()} name="name" label=T::FieldHolidayName required=true maxlength=120/>
                    <div class="button-row">
                        <button type="submit" class="button">{t(T::SaveClosure)}</button>
                    </div>
                </form>
            })}
        </section>
    }
}
