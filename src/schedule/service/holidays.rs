//! The holiday calendar: national holidays and cuti bersama are data, read by everyone,
//! kept by admins (they change generation at every site); a site's own days off are kept
//! by its coordinators.

use sea_orm::{ActiveValue::Unchanged, Set};
use serde_json::json;

use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::cohorts::dto::Choice;
use crate::entities::holidays;
use crate::kernel::input::{parse_date, parse_text};
use crate::kernel::{wib, Actor, AppError, FieldError, Problem};
use crate::platform::context::Client;
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::schedule::authz;
use crate::schedule::db;
use crate::schedule::dto::{ClosureInput, ClosureView, HolidayInput, HolidayList, HolidayView};
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
    let sites = sites_seen(env, actor).await?;
    let closures = db::closures_between(env.db, sites.as_deref(), first, last).await?;
    let mut years: Vec<i32> = db::holiday_dates(env.db)
        .await?
        .iter()
        .chain(db::closure_dates(env.db, sites.as_deref()).await?.iter())
        .map(|d| d.year())
        .collect();
    let all_sites = crate::accounts::db::sites(env.db, None).await?;
    let site_name = |id: i64| {
        all_sites
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
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
                date: h.date,
                name: h.name,
                kind: HolidayKind::parse(&h.kind).unwrap_or(HolidayKind::National),
                confirmed: h.confirmed,
            })
            .collect(),
        can_edit: authz::can_edit_holidays(actor),
        closures: closures
            .into_iter()
            .map(|c| ClosureView {
                id: c.id,
                site: site_name(c.site_id),
                date: c.date,
                name: c.name,
                can_delete: authz::can_close_site(actor, c.site_id),
            })
            .collect(),
        closure_sites: all_sites
            .iter()
            .filter(|s| authz::can_close_site(actor, s.id))
            .map(|s| Choice {
                id: s.id,
                label: s.name.clone(),
            })
            .collect(),
    })
}

/// Whose days off a reader sees: every site for admins; for everyone else the sites they
/// work at or belong to, and the sites of the cohorts within their reach (a trainee of
/// UPT Serang in a BBPLK Serang class sees BBPLK Serang's days off).
///
/// # Errors
/// Database failures only.
pub(crate) async fn sites_seen(env: Env<'_>, actor: &Actor) -> Result<Option<Vec<i64>>, AppError> {
    let Some(own) = actor.sites_of_work() else {
        return Ok(None);
    };
    let mut sites = own.to_vec();
    sites.extend(
        crate::cohorts::service::cohorts_in_reach(env, actor)
            .await?
            .into_iter()
            .map(|c| c.site_id),
    );
    sites.sort_unstable();
    sites.dedup();
    Ok(Some(sites))
}

/// Adds a day off at one of the actor's sites; session generation there skips it.
/// Returns its name and year.
///
/// # Errors
/// `Forbidden`; `Invalid` (a site not theirs, a bad date or name, a day already off there).
pub async fn save_closure(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &ClosureInput,
) -> Result<(String, i32), AppError> {
    if !authz::can_edit_closures(actor) {
        return Err(AppError::Forbidden);
    }
    let mut errors = Vec::new();
    let known: Vec<i64> = crate::accounts::db::sites(env.db, None)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let site_id = match crate::kernel::input::parse_choice(&input.site_id) {
        Ok(Some(site)) if known.contains(&site) && authz::can_close_site(actor, site) => Some(site),
        Ok(None) => {
            errors.push(FieldError::new("site_id", Problem::Required));
            None
        }
        _ => {
            errors.push(FieldError::new("site_id", Problem::InvalidChoice));
            None
        }
    };
    let date = parse_date(&input.date)
        .map_err(|p| errors.push(FieldError::new("date", p)))
        .ok();
    let name = parse_text(&input.name, 120, false)
        .map_err(|p| errors.push(FieldError::new("name", p)))
        .ok()
        .flatten();
    let (Some(site_id), Some(date), Some(name)) = (site_id, date, name) else {
        return Err(AppError::Invalid(errors));
    };
    if db::closure_on(env.db, site_id, date).await?.is_some() {
        return Err(AppError::invalid("date", Problem::AlreadyDayOff));
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    match db::insert_closure(&txn, site_id, date, &name, actor.user_id, now).await {
        Ok(_) => {}
        Err(e) if crate::cohorts::db::is_unique_violation(&e) => {
            return Err(AppError::invalid("date", Problem::AlreadyDayOff))
        }
        Err(e) => return Err(e.into()),
    }
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::ClosureSave, Outcome::Success)
            .actor(actor.user_id)
            .site(Some(site_id))
            .ip(client.ip.clone())
            .detail(json!({ "date": wib::iso_date(date), "name": name })),
    )
    .await?;
    txn.commit().await?;
    Ok((name, date.year()))
}

/// Removes a site's day off (sessions generated earlier stay as they are). Returns its
/// year.
///
/// # Errors
/// `Forbidden`; `NotFound` for a day off of a site the actor does not run.
pub async fn delete_closure(env: Env<'_>, client: &Client, actor: &Actor, id: i64) -> Result<i32, AppError> {
    if !authz::can_edit_closures(actor) {
        return Err(AppError::Forbidden);
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    let closure = db::closure(&txn, id)
        .await?
        .filter(|c| authz::can_close_site(actor, c.site_id))
        .ok_or_else(|| out_of_reach(actor, "closure", id))?;
    db::delete_closure(&txn, id).await?;
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::ClosureDelete, Outcome::Success)
            .actor(actor.user_id)
            .site(Some(closure.site_id))
            .ip(client.ip.clone())
            .detail(json!({ "date": wib::iso_date(closure.date), "name": closure.name })),
    )
    .await?;
    txn.commit().await?;
    Ok(closure.date.year())
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
    let confirmed = !input.confirmed.is_empty();
    if let Some(existing) = db::holiday_on(env.db, date).await? {
        if Some(existing.id) != id {
            return Err(AppError::invalid("date", Problem::AlreadyDayOff));
        }
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    let mut model = holidays::ActiveModel {
        date: Set(date),
        name: Set(name.clone()),
        kind: Set(kind.as_str().to_owned()),
        confirmed: Set(confirmed),
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
            return Err(AppError::invalid("date", Problem::AlreadyDayOff))
        }
        Err(e) => return Err(e.into()),
    }
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::HolidaySave, Outcome::Success)
            .actor(actor.user_id)
            .ip(client.ip.clone())
            .detail(json!({ "date": wib::iso_date(date), "name": name, "kind": kind.as_str(), "confirmed": confirmed })),
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
