//! The catalogue page: programmes, courses with their units, classrooms; and the forms to
//! add them for those who may.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::cohorts::api::{get_catalogue, AddCourse, AddProgramme, AddRoom};
use crate::cohorts::authz;
use crate::cohorts::dto::Catalogue;
use crate::cohorts::model::{CourseLevel, LanguageTarget, Track};
use crate::cohorts::texts::{level_text, target_text, track_text, T};
use crate::kernel::i18n::fill;
use crate::kernel::Text;
use crate::platform::page::use_page;
use crate::platform::response::{api, form_id};
use crate::ui::forms::{Field, FormAlert, SelectField, TextAreaField};
use crate::ui::guard::{loaded, require};
use crate::ui::texts::Ui;

#[component]
pub fn CataloguePage() -> impl IntoView {
    if let Err(denied) = require(authz::can_view_catalogue) {
        return denied;
    }
    let page = use_page();
    view! {
        <Title text=page.t(T::CatalogueTitle)/>
        <h1>{page.t(T::CatalogueTitle)}</h1>
        {loaded(get_catalogue(), move |catalogue| view! { <CatalogueView catalogue/> })}
    }
    .into_any()
}

fn choices<C: Copy>(
    all: &[C],
    value: fn(C) -> &'static str,
    text: fn(C) -> Text,
    locale: crate::kernel::Locale,
) -> Vec<(String, String)> {
    all.iter()
        .map(|item| (value(*item).to_owned(), text(*item).get(locale).to_owned()))
        .collect()
}

#[component]
fn CatalogueView(catalogue: Catalogue) -> impl IntoView {
    view! {
        <ProgrammesSection catalogue=catalogue.clone()/>
        <CoursesSection catalogue=catalogue.clone()/>
        <RoomsSection catalogue/>
    }
}

#[component]
fn ProgrammesSection(catalogue: Catalogue) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let can_edit = catalogue.can_edit_catalogue;
    view! {
        <section class="panel" id="program" aria-labelledby="programmes-heading">
            <h2 id="programmes-heading">{t(T::ProgrammesTitle)}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="programmes-heading">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{t(T::ColumnName)}</th>
                            <th scope="col">{t(T::ColumnCode)}</th>
                            <th scope="col">{t(T::ColumnTrack)}</th>
                            <th scope="col">{t(T::ColumnSector)}</th>
                            <th scope="col">{t(T::ColumnTarget)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {catalogue.programmes.iter().map(|p| view! {
                            <tr>
                                <td data-label=t(T::ColumnName)>{p.name.clone()}</td>
                                <td data-label=t(T::ColumnCode)>{p.code.clone()}</td>
                                <td data-label=t(T::ColumnTrack)>{t(track_text(p.track))}</td>
                                <td data-label=t(T::ColumnSector)>{p.sector.clone().unwrap_or_default()}</td>
                                <td data-label=t(T::ColumnTarget)>{t(target_text(p.language_target))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {can_edit.then(|| view! {
                <details class="add-form" open={use_page().flash_error(form_id::<AddProgramme>()).is_some()}>
                    <summary>{t(T::AddProgramme)}</summary>
                    <FormAlert form={form_id::<AddProgramme>()}/>
                    <form method="post" action={api::<AddProgramme>()} class="stack">
                        <Field form={form_id::<AddProgramme>()} name="code" label=T::FieldCode required=true maxlength=30/>
                        <Field form={form_id::<AddProgramme>()} name="name" label=T::FieldName required=true maxlength=120/>
                        <SelectField form={form_id::<AddProgramme>()} name="track" label=T::FieldTrack
                            options=choices(Track::ALL, Track::as_str, track_text, locale)/>
                        <Field form={form_id::<AddProgramme>()} name="sector" label=T::FieldSector hint=T::FieldSectorHint optional=true maxlength=60/>
                        <SelectField form={form_id::<AddProgramme>()} name="language_target" label=T::FieldTarget
                            options=choices(LanguageTarget::ALL, LanguageTarget::as_str, target_text, locale)/>
                        <div class="button-row"><button type="submit" class="button">{t(T::AddProgramme)}</button></div>
                    </form>
                </details>
            })}
        </section>
    }
    .into_any()
}

#[component]
fn CoursesSection(catalogue: Catalogue) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let can_edit = catalogue.can_edit_catalogue;
    view! {
        <section class="panel" id="kursus" aria-labelledby="courses-heading">
            <h2 id="courses-heading">{t(T::CoursesTitle)}</h2>
            <ul class="record-list">
                {catalogue.courses.iter().map(|course| view! {
                    <li class="record">
                        <span class="record-title">{course.name.clone()}</span>
                        <span class="badge">{t(level_text(course.level))}</span>
                        <span class="badge">{fill(t(T::HoursValue), &[("n", &course.total_hours.to_string())])}</span>
                        <div class="hint">
                            {course.code.clone()}
                            {course.textbook.clone().map(|book| view! { " · " {book} })}
                        </div>
                        <details class="units">
                            <summary>{fill(t(T::UnitsCount), &[("n", &course.units.len().to_string())])}</summary>
                            <ol>{course.units.iter().map(|unit| view! { <li>{unit.clone()}</li> }).collect_view()}</ol>
                        </details>
                    </li>
                }).collect_view()}
            </ul>
            {can_edit.then(|| view! {
                <details class="add-form" open={use_page().flash_error(form_id::<AddCourse>()).is_some()}>
                    <summary>{t(T::AddCourse)}</summary>
                    <FormAlert form={form_id::<AddCourse>()}/>
                    <form method="post" action={api::<AddCourse>()} class="stack">
                        <Field form={form_id::<AddCourse>()} name="code" label=T::FieldCode required=true maxlength=30/>
                        <Field form={form_id::<AddCourse>()} name="name" label=T::FieldName required=true maxlength=120/>
                        <SelectField form={form_id::<AddCourse>()} name="level" label=T::FieldLevel
                            options=choices(CourseLevel::ALL, CourseLevel::as_str, level_text, locale)/>
                        <Field form={form_id::<AddCourse>()} name="total_hours" label=T::FieldTotalHours hint=T::FieldTotalHoursHint
                            inputmode="numeric" required=true maxlength=5/>
                        <Field form={form_id::<AddCourse>()} name="textbook" label=T::FieldTextbook optional=true maxlength=120/>
                        <TextAreaField form={form_id::<AddCourse>()} name="units" label=T::FieldUnits hint=T::FieldUnitsHint required=true rows=8/>
                        <div class="button-row"><button type="submit" class="button">{t(T::AddCourse)}</button></div>
                    </form>
                </details>
            })}
        </section>
    }
    .into_any()
}

#[component]
fn RoomsSection(catalogue: Catalogue) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let room_sites: Vec<(String, String)> = catalogue
        .room_sites
        .iter()
        .map(|site| (site.id.to_string(), site.label.clone()))
        .collect();
    view! {
        <section class="panel" id="ruang" aria-labelledby="rooms-heading">
            <h2 id="rooms-heading">{t(T::RoomsTitle)}</h2>
            {if catalogue.rooms.is_empty() {
                view! { <p>{t(T::NoRooms)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="rooms-heading">
                        <table class="data-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t(Ui::Site)}</th>
                                    <th scope="col">{t(T::ColumnName)}</th>
                                    <th scope="col">{t(T::ColumnCapacity)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {catalogue.rooms.iter().map(|room| view! {
                                    <tr>
                                        <td data-label=t(Ui::Site)>{room.site.clone()}</td>
                                        <td data-label=t(T::ColumnName)>{room.name.clone()}</td>
                                        <td data-label=t(T::ColumnCapacity)>{room.capacity}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {(!room_sites.is_empty()).then(|| view! {
                <details class="add-form" open={use_page().flash_error(form_id::<AddRoom>()).is_some()}>
                    <summary>{t(T::AddRoom)}</summary>
                    <FormAlert form={form_id::<AddRoom>()}/>
                    <form method="post" action={api::<AddRoom>()} class="stack">
                        <SelectField form={form_id::<AddRoom>()} name="site_id" label=T::FieldSite options=room_sites.clone()/>
                        <Field form={form_id::<AddRoom>()} name="name" label=T::FieldRoomName required=true maxlength=60/>
                        <Field form={form_id::<AddRoom>()} name="capacity" label=T::FieldCapacity inputmode="numeric" required=true maxlength=3/>
                        <div class="button-row"><button type="submit" class="button">{t(T::AddRoom)}</button></div>
                    </form>
                </details>
            })}
        </section>
    }
    .into_any()
}
