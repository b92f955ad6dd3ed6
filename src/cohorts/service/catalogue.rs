//! The catalogue: programmes and courses every site shares (admins add them), and the
//! classrooms of each site (its coordinators add them).

use sea_orm::Set;
use serde_json::json;

use super::{course_view, programme_view, room_view, site_choices};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::cohorts::authz;
use crate::cohorts::db;
use crate::cohorts::dto::{Catalogue, NewCourse, NewProgramme, NewRoom};
use crate::cohorts::model::{parse_units, validate_room, CourseLevel, LanguageTarget, Track};
use crate::entities::{courses, programmes};
use crate::kernel::input::{parse_number, parse_text};
use crate::kernel::{Actor, AppError, FieldError, Problem};
use crate::platform::context::Client;
use crate::platform::state::Env;

/// Programmes, courses with their units, and the rooms of the sites the actor works at.
///
/// # Errors
/// `Forbidden` for trainees.
pub async fn catalogue(env: Env<'_>, actor: &Actor) -> Result<Catalogue, AppError> {
    if !authz::can_view_catalogue(actor) {
        return Err(AppError::Forbidden);
    }
    let programmes = db::all_programmes(env.db).await?;
    let courses = db::all_courses(env.db).await?;
    let course_ids: Vec<i64> = courses.iter().map(|c| c.id).collect();
    let mut units = db::units_of(env.db, &course_ids).await?;
    let site_scope = actor.sites_of_work();
    let sites = crate::accounts::db::sites(env.db, site_scope).await?;
    let rooms = db::rooms(env.db, site_scope).await?;
    let room_sites: Vec<_> = sites
        .iter()
        .filter(|site| authz::can_add_room_at(actor, site.id))
        .cloned()
        .collect();
    Ok(Catalogue {
        programmes: programmes.iter().map(programme_view).collect(),
        courses: courses
            .iter()
            .map(|course| course_view(course, &units.remove(&course.id).unwrap_or_default()))
            .collect(),
        rooms: rooms.iter().map(|room| room_view(room, &sites)).collect(),
        room_sites: site_choices(&room_sites),
        can_edit_catalogue: authz::can_edit_catalogue(actor),
    })
}

fn invalid(field: &str, problem: Problem) -> AppError {
    AppError::invalid(field, problem)
}

/// Adds a classroom at one of the actor's sites.
///
/// # Errors
/// `Invalid` (including a name already used at the site), `Forbidden` elsewhere.
pub async fn add_room(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &NewRoom,
) -> Result<String, AppError> {
    let site_id = crate::kernel::input::parse_choice(&input.site_id)
        .map_err(|problem| invalid("site_id", problem))?
        .ok_or_else(|| invalid("site_id", Problem::Required))?;
    if !authz::can_add_room_at(actor, site_id) {
        return Err(invalid("site_id", Problem::InvalidChoice));
    }
    let (name, capacity) = validate_room(&input.name, &input.capacity).map_err(AppError::Invalid)?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    let room = match db::insert_room(&txn, site_id, &name, capacity, now).await {
        Ok(room) => room,
        Err(e) if db::is_unique_violation(&e) => return Err(invalid("name", Problem::Taken)),
        Err(e) => return Err(e.into()),
    };
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::CatalogueAdd, Outcome::Success)
            .actor(actor.user_id)
            .site(Some(site_id))
            .ip(client.ip.clone())
            .detail(json!({ "room": room.name, "capacity": capacity })),
    )
    .await?;
    txn.commit().await?;
    Ok(name)
}

fn catalogue_code(input: &str) -> Result<String, Problem> {
    crate::cohorts::model::CohortCode::parse(input).map(|code| code.as_str().to_owned())
}

/// Adds a programme (admins).
///
/// # Errors
/// `Forbidden`, `Invalid` (including a code already used).
pub async fn add_programme(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &NewProgramme,
) -> Result<String, AppError> {
    if !authz::can_edit_catalogue(actor) {
        return Err(AppError::Forbidden);
    }
    let mut errors = Vec::new();
    let code = catalogue_code(&input.code)
        .map_err(|p| errors.push(FieldError::new("code", p)))
        .ok();
    let name = parse_text(&input.name, 120, false)
        .map_err(|p| errors.push(FieldError::new("name", p)))
        .ok()
        .flatten();
    let track = Track::parse(&input.track)
        .map_err(|p| errors.push(FieldError::new("track", p)))
        .ok();
    let sector = parse_text(&input.sector, 60, true)
        .map_err(|p| errors.push(FieldError::new("sector", p)))
        .ok()
        .flatten();
    let target = LanguageTarget::parse(&input.language_target)
        .map_err(|p| errors.push(FieldError::new("language_target", p)))
        .ok();
    if track == Some(Track::Ssw) && sector.is_none() && !errors.iter().any(|e| e.field == "sector") {
        errors.push(FieldError::new("sector", Problem::Required));
    }
    let (Some(code), Some(name), Some(track), Some(target)) = (code, name, track, target) else {
        return Err(AppError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    let model = programmes::ActiveModel {
        code: Set(code.clone()),
        name: Set(name.clone()),
        track: Set(track.as_str().to_owned()),
        sector: Set(if track == Track::Ssw { sector } else { None }),
        language_target: Set(target.as_str().to_owned()),
        created_at: Set(now),
        ..Default::default()
    };
    match db::insert_programme(&txn, model).await {
        Ok(_) => {}
        Err(e) if db::is_unique_violation(&e) => return Err(invalid("code", Problem::Taken)),
        Err(e) => return Err(e.into()),
    }
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::CatalogueAdd, Outcome::Success)
            .actor(actor.user_id)
            .ip(client.ip.clone())
            .detail(json!({ "programme": code })),
    )
    .await?;
    txn.commit().await?;
    Ok(name)
}

/// Adds a course with its ordered units (admins).
///
/// # Errors
/// `Forbidden`, `Invalid` (including a code already used).
pub async fn add_course(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &NewCourse,
) -> Result<String, AppError> {
    if !authz::can_edit_catalogue(actor) {
        return Err(AppError::Forbidden);
    }
    let mut errors = Vec::new();
    let code = catalogue_code(&input.code)
        .map_err(|p| errors.push(FieldError::new("code", p)))
        .ok();
    let name = parse_text(&input.name, 120, false)
        .map_err(|p| errors.push(FieldError::new("name", p)))
        .ok()
        .flatten();
    let level = CourseLevel::parse(&input.level)
        .map_err(|p| errors.push(FieldError::new("level", p)))
        .ok();
    let hours = parse_number(&input.total_hours, 1, 2000)
        .map_err(|p| errors.push(FieldError::new("total_hours", p)))
        .ok();
    let textbook = parse_text(&input.textbook, 120, true)
        .map_err(|p| errors.push(FieldError::new("textbook", p)))
        .ok()
        .flatten();
    let units = parse_units(&input.units)
        .map_err(|p| errors.push(FieldError::new("units", p)))
        .ok();
    let (Some(code), Some(name), Some(level), Some(hours), Some(units)) = (code, name, level, hours, units)
    else {
        return Err(AppError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    let model = courses::ActiveModel {
        code: Set(code.clone()),
        name: Set(name.clone()),
        level: Set(level.as_str().to_owned()),
        total_hours: Set(hours as i32),
        textbook: Set(textbook),
        created_at: Set(now),
        ..Default::default()
    };
    match db::insert_course(&txn, model, &units).await {
        Ok(_) => {}
        Err(e) if db::is_unique_violation(&e) => return Err(invalid("code", Problem::Taken)),
        Err(e) => return Err(e.into()),
    }
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::CatalogueAdd, Outcome::Success)
            .actor(actor.user_id)
            .ip(client.ip.clone())
            .detail(json!({ "course": code, "units": units.len() })),
    )
    .await?;
    txn.commit().await?;
    Ok(name)
}
