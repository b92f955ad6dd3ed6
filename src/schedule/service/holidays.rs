//! The holiday calendar: national holidays and cuti bersama are data, read by everyone,
//! kept by coordinators and admins.

use sea_orm::{ActiveValue::Unchanged, Set};
use serde_json::json;

use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::holidays;
use crate::kernel::input::{parse_date, parse_text};
use crate::kernel::{wib, Actor, AppError, FieldError, Problem};
use crate::platform::context::Client;
use crate::platform::state::Env;
use crate::schedule::authz;
use crate::schedule::db;
use crate::schedule::dto::{HolidayList, HolidayView};
use crate::schedule::model::HolidayKind;

/// The holidays of `year` (this year when `None`) and the years that have any.
///
/// # Errors
/// Database failures only.
pub async fn holiday_list(env: Env<'_>, actor: &Actor, year: Option<i32>) -> Result<HolidayList, AppError> {
    if !authz::can_read_holidays(actor) {
        return Err(AppError::Forbidden);
    }
    let this_year = wib::today(env.clock.now()).year();
    let year = year.filter(|y| (2000..=2100).contains(y)).unwrap_or(this_year);
    let first =
        time::Date::from_calendar_date(year, time::Month::January, 1).map_err(|_| AppError::BadRequest)?;
    let last =
        time::Date::from_calendar_date(year, time::Month::December, 31).map_err(|_| AppError::BadRequest)?;
    let rows = db::holidays_between(env.db, first, last).await?;
    let mut years: Vec<i32> = db::holiday_dates(env.db)
        .await?
        .iter()
        .map(|d| d.year())
        .collect();
    years.extend([this_year, this_year + 1, year]);
    years.sort_unstable();
    years.dedup();
    Ok(HolidayList {
        year,
        years,
        holidays: rows
            .into_iter()
            .map(|h| HolidayView {
                id: h.id,
                date: wib::iso_date(h.date),
                name: h.name,
                kind: HolidayKind::parse(&h.kind).unwrap_or(HolidayKind::National),
                confirmed: h.confirmed,
            })
            .collect(),
        can_edit: authz::can_edit_holidays(actor),
    })
}

/// A holiday as typed.
#[derive(Debug, Clone, Default)]
pub struct HolidayInput {
    pub date: String,
    pub name: String,
    pub kind: String,
    pub confirmed: bool,
}

/// Adds a holiday (`id` `None`) or changes one. One holiday per date.
///
/// # Errors
/// `Forbidden`, `NotFound`, `Invalid` (including a date that already has a holiday).
pub async fn save_holiday(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    id: Option<i64>,
    input: &HolidayInput,
) -> Result<(String, i32), AppError> {
    if !authz::can_edit_holidays(actor) {
        return Err(AppError::Forbidden);
    }
    let mut errors = Vec::new();
    let date = parse_date(&input.date)
        .map_err(|p| errors.push(FieldError::new("date", p)))
        .ok();
    let name = parse_text(&input.name, 120, false)
        .map_err(|p| errors.push(FieldError::new("name", p)))
        .ok()
        .flatten();
    let kind = HolidayKind::parse(&input.kind)
        .map_err(|p| errors.push(FieldError::new("kind", p)))
        .ok();
    let (Some(date), Some(name), Some(kind)) = (date, name, kind) else {
        return Err(AppError::Invalid(errors));
    };
    if let Some(existing) = db::holiday_on(env.db, date).await? {
        if Some(existing.id) != id {
            return Err(AppError::invalid("date", Problem::Taken));
        }
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    let mut model = holidays::ActiveModel {
        date: Set(date),
        name: Set(name.clone()),
        kind: Set(kind.as_str().to_owned()),
        confirmed: Set(input.confirmed),
        updated_at: Set(now),
        ..Default::default()
    };
    let written = match id {
        Some(id) => {
            db::holiday(&txn, id).await?.ok_or(AppError::NotFound)?;
            model.id = Unchanged(id);
            db::update_holiday(&txn, model).await
        }
        None => db::insert_holiday(&txn, model).await.map(|_| ()),
    };
    match written {
        Ok(()) => {}
        Err(e) if crate::cohorts::db::is_unique_violation(&e) => {
            return Err(AppError::invalid("date", Problem::Taken))
        }
        Err(e) => return Err(e.into()),
    }
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::HolidaySave, Outcome::Success)
            .actor(actor.user_id)
            .ip(client.ip.clone())
            .detail(json!({ "date": wib::iso_date(date), "name": name, "kind": kind.as_str(), "confirmed": input.confirmed })),
    )
    .await?;
    txn.commit().await?;
    Ok((name, date.year()))
}

/// Removes a holiday. Sessions generated earlier stay as they are.
///
/// # Errors
/// `Forbidden`, `NotFound`.
pub async fn delete_holiday(env: Env<'_>, client: &Client, actor: &Actor, id: i64) -> Result<i32, AppError> {
    if !authz::can_edit_holidays(actor) {
        return Err(AppError::Forbidden);
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    let holiday = db::holiday(&txn, id).await?.ok_or(AppError::NotFound)?;
    db::delete_holiday(&txn, id).await?;
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::HolidayDelete, Outcome::Success)
            .actor(actor.user_id)
            .ip(client.ip.clone())
            .detail(json!({ "date": wib::iso_date(holiday.date), "name": holiday.name })),
    )
    .await?;
    txn.commit().await?;
    Ok(holiday.date.year())
}
