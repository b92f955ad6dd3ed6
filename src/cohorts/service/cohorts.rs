//! Planning cohorts: the list, the new/edit form and its choices, creating and changing a
//! cohort, and the cohort as its detail page and other areas see it.

use serde_json::json;

use super::{course_view, programme_view, room_view, site_choices};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::cohorts::authz;
use crate::cohorts::db;
use crate::cohorts::dto::{
    Choice, CohortDetail, CohortFilter, CohortForm, CohortList, CohortSummary, CohortValues,
    InstructorChoice, Person, RoomChoice,
};
use crate::cohorts::model::{validate_cohort, CohortChoices, CohortInput, CohortStatus, ValidCohort};
use crate::entities::cohorts;
use crate::kernel::{wib, Actor, AppError, CohortId, CohortTies, Problem};
use crate::platform::context::Client;
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::platform::state::Release;

pub const COHORTS_PER_PAGE: u64 = 25;

/// One page of the cohorts the actor may see. A fixed number of queries per page.
///
/// # Errors
/// `Forbidden` for trainees.
pub async fn list_cohorts(
    env: Env<'_>,
    actor: &Actor,
    filter: &CohortFilter,
) -> Result<CohortList, AppError> {
    if !authz::can_list_cohorts(actor) {
        return Err(AppError::Forbidden);
    }
    let reach = actor.reach();
    let page = filter.page.unwrap_or(1).clamp(1, 100_000);
    let status = filter.status.as_deref().and_then(|s| CohortStatus::parse(s).ok());
    let (rows, total) = db::list_cohorts(
        env.db,
        &db::CohortQuery {
            reach: &reach,
            ports: env.ports,
            search: filter.q.as_deref(),
            site_id: filter.site,
            status,
            programme_id: filter.programme,
            offset: (page - 1) * COHORTS_PER_PAGE,
            limit: COHORTS_PER_PAGE,
        },
    )
    .await?;
    let ids: Vec<i64> = rows.iter().map(|c| c.id).collect();
    let programmes = db::all_programmes(env.db).await?;
    let courses = db::all_courses(env.db).await?;
    let sites = crate::accounts::db::sites(env.db, None).await?;
    let mut instructors = db::instructors_of(env.db, &ids).await?;
    let instructor_ids: Vec<i64> = instructors.values().flatten().copied().collect();
    let names = crate::accounts::db::names_of(env.db, &instructor_ids).await?;
    let name_of = |list: &[(i64, String)], id: i64| {
        list.iter()
            .find(|(known, _)| *known == id)
            .map(|(_, name)| name.clone())
            .unwrap_or_default()
    };
    let programme_names: Vec<(i64, String)> = programmes.iter().map(|p| (p.id, p.name.clone())).collect();
    let course_names: Vec<(i64, String)> = courses.iter().map(|c| (c.id, c.name.clone())).collect();
    let site_names: Vec<(i64, String)> = sites.iter().map(|s| (s.id, s.name.clone())).collect();
    let items = rows
        .iter()
        .map(|cohort| CohortSummary {
            id: CohortId(cohort.id),
            code: cohort.code.clone(),
            course: name_of(&course_names, cohort.course_id),
            programme: name_of(&programme_names, cohort.programme_id),
            site: name_of(&site_names, cohort.site_id),
            status: CohortStatus::parse(&cohort.status).unwrap_or(CohortStatus::Planned),
            starts_on: cohort.starts_on,
            ends_on: cohort.ends_on,
            capacity: u32::try_from(cohort.capacity).unwrap_or(0),
            members: u64::try_from(cohort.seats_taken).unwrap_or(0),
            instructors: instructors
                .remove(&cohort.id)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|id| names.get(&id).cloned())
                .collect(),
        })
        .collect();
    // The site filter offers the sites a coordinator runs; an instructor's cohorts may be
    // anywhere.
    let visible_sites: Vec<_> = match actor.sites_run() {
        Some(run) if authz::can_plan_cohorts(actor) => {
            sites.into_iter().filter(|s| run.contains(&s.id)).collect()
        }
        _ => sites,
    };
    Ok(CohortList {
        items,
        page,
        pages: total.div_ceil(COHORTS_PER_PAGE).max(1),
        total,
        sites: site_choices(&visible_sites),
        programmes: programmes
            .iter()
            .map(|p| Choice {
                id: p.id,
                label: p.name.clone(),
            })
            .collect(),
        can_create: authz::can_plan_cohorts(actor),
    })
}

/// The sites an actor plans at: every site for admins, their own for coordinators.
fn planning_site_ids(actor: &Actor, all: &[i64]) -> Vec<i64> {
    all.iter()
        .copied()
        .filter(|id| authz::can_plan_at(actor, *id))
        .collect()
}

/// Everything the rules and the form need: what exists and what the actor may choose.
async fn choices_for(
    env: Env<'_>,
    actor: &Actor,
    existing: Option<&cohorts::Model>,
) -> Result<(CohortChoices, CohortForm), AppError> {
    let programmes = db::all_programmes(env.db).await?;
    let courses = db::all_courses(env.db).await?;
    let all_sites = crate::accounts::db::sites(env.db, None).await?;
    let all_ids: Vec<i64> = all_sites.iter().map(|s| s.id).collect();
    let site_ids = planning_site_ids(actor, &all_ids);
    let sites: Vec<_> = all_sites
        .into_iter()
        .filter(|s| site_ids.contains(&s.id))
        .collect();
    let rooms = db::rooms(env.db, Some(&site_ids)).await?;
    let instructors = crate::accounts::db::instructors_at(env.db, Some(&site_ids)).await?;
    let current_status = existing.and_then(|c| CohortStatus::parse(&c.status).ok());
    let planned_span = match existing {
        Some(cohort) => db::planned_span(env.db, env.ports, CohortId(cohort.id))
            .await?
            .map(|(first, last)| (wib::today(first), wib::today(last))),
        None => None,
    };
    let choices = CohortChoices {
        course_ids: courses.iter().map(|c| c.id).collect(),
        programme_ids: programmes.iter().map(|p| p.id).collect(),
        site_ids: site_ids.clone(),
        rooms: rooms
            .iter()
            .map(|r| (r.id, r.site_id, u32::try_from(r.capacity).unwrap_or(0)))
            .collect(),
        instructors: instructors
            .iter()
            .map(|(u, sites)| (u.id, sites.clone()))
            .collect(),
        current_status,
        planned_span,
        seats_taken: existing.map_or(0, |c| u32::try_from(c.seats_taken).unwrap_or(0)),
    };
    let values = match existing {
        Some(cohort) => CohortValues {
            code: cohort.code.clone(),
            course_id: Some(cohort.course_id),
            programme_id: Some(cohort.programme_id),
            site_id: Some(cohort.site_id),
            room_id: cohort.room_id,
            capacity: cohort.capacity.to_string(),
            starts_on: wib::iso_date(cohort.starts_on),
            ends_on: wib::iso_date(cohort.ends_on),
            attendance_threshold: cohort.attendance_threshold.to_string(),
            status: current_status,
            instructor_ids: db::instructors_of(env.db, &[cohort.id])
                .await?
                .remove(&cohort.id)
                .unwrap_or_default(),
        },
        None => CohortValues {
            site_id: (site_ids.len() == 1).then(|| site_ids[0]),
            attendance_threshold: "80".into(),
            ..CohortValues::default()
        },
    };
    let statuses = CohortStatus::ALL
        .iter()
        .copied()
        .filter(|next| current_status.is_none_or(|current| current.can_become(*next)))
        .filter(|next| current_status.is_some() || matches!(next, CohortStatus::Planned | CohortStatus::Open))
        .collect();
    let form = CohortForm {
        cohort_id: existing.map(|c| CohortId(c.id)),
        values,
        courses: courses
            .iter()
            .map(|c| Choice {
                id: c.id,
                label: format!("{} ({} JP)", c.name, c.total_hours),
            })
            .collect(),
        programmes: programmes
            .iter()
            .map(|p| Choice {
                id: p.id,
                label: p.name.clone(),
            })
            .collect(),
        sites: site_choices(&sites),
        rooms: rooms
            .iter()
            .map(|r| RoomChoice {
                id: r.id,
                site_id: r.site_id,
                label: format!(
                    "{} – {}",
                    sites
                        .iter()
                        .find(|s| s.id == r.site_id)
                        .map_or("", |s| s.name.as_str()),
                    r.name
                ),
                capacity: u32::try_from(r.capacity).unwrap_or(0),
            })
            .collect(),
        instructors: instructors
            .into_iter()
            .map(|(u, site_ids)| InstructorChoice {
                id: u.id,
                name: u.display_name,
                site_ids,
            })
            .collect(),
        statuses,
    };
    Ok((choices, form))
}

/// The cohort with `id` if it is within the actor's reach, with how it stands to them
/// (one statement); cohorts out of reach look missing.
///
/// # Errors
/// `NotFound`.
pub async fn visible_cohort(
    env: Env<'_>,
    actor: &Actor,
    id: CohortId,
) -> Result<(cohorts::Model, CohortTies), AppError> {
    let cohort = db::cohort_within_reach(env.db, id.get(), &actor.reach(), env.ports)
        .await?
        .ok_or_else(|| out_of_reach(actor, "cohort", id))?;
    let ties = CohortTies::within_reach(actor, cohort.site_id);
    Ok((cohort, ties))
}

/// The cohorts within the actor's reach, newest first.
///
/// # Errors
/// Database failures only.
pub async fn cohorts_in_reach(env: Env<'_>, actor: &Actor) -> Result<Vec<cohorts::Model>, AppError> {
    Ok(db::cohorts_within_reach(env.db, &actor.reach(), env.ports).await?)
}

/// The instructors of a cohort now.
///
/// # Errors
/// Database failures only.
pub async fn instructors_of(env: Env<'_>, cohort_id: CohortId) -> Result<Vec<i64>, AppError> {
    Ok(db::instructors_of(env.db, &[cohort_id.get()])
        .await?
        .remove(&cohort_id.get())
        .unwrap_or_default())
}

/// The cohort with `id` if the actor may change it.
async fn manageable_cohort(env: Env<'_>, actor: &Actor, id: CohortId) -> Result<cohorts::Model, AppError> {
    let (cohort, ties) = visible_cohort(env, actor, id).await?;
    if authz::can_manage_cohort(actor, &ties) {
        Ok(cohort)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The new-cohort form (`None`) or the edit form of a cohort.
///
/// # Errors
/// `Forbidden` for those who do not plan cohorts; `NotFound` out of reach.
pub async fn cohort_form(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: Option<CohortId>,
) -> Result<CohortForm, AppError> {
    if !authz::can_plan_cohorts(actor) {
        return Err(AppError::Forbidden);
    }
    let existing = match cohort_id {
        Some(id) => Some(manageable_cohort(env, actor, id).await?),
        None => None,
    };
    Ok(choices_for(env, actor, existing.as_ref()).await?.1)
}

fn audit(action: AuditAction, actor: &Actor, client: &Client, valid: &ValidCohort) -> AuditEvent {
    AuditEvent::new(action, Outcome::Success)
        .actor(actor.user_id)
        .site(Some(valid.site_id))
        .ip(client.ip.clone())
        .detail(json!({
            "cohort": valid.code.as_str(),
            "status": valid.status.as_str(),
            "starts_on": wib::iso_date(valid.starts_on),
            "ends_on": wib::iso_date(valid.ends_on),
        }))
}

/// Creates a cohort at one of the actor's sites.
///
/// # Errors
/// `Forbidden`, `Invalid` (every refused field at once, including a code already used).
pub async fn create_cohort(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &CohortInput,
) -> Result<(i64, String), AppError> {
    if !authz::can_plan_cohorts(actor) {
        return Err(AppError::Forbidden);
    }
    let (choices, _) = choices_for(env, actor, None).await?;
    let valid = validate_cohort(input, &choices).map_err(AppError::Invalid)?;
    if db::code_taken(env.db, valid.code.as_str(), None).await? {
        return Err(AppError::invalid("code", Problem::Taken));
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    let cohort = match db::insert_cohort(&txn, &valid, now, actor.user_id).await {
        Ok(cohort) => cohort,
        Err(e) if db::is_unique_violation(&e) => return Err(AppError::invalid("code", Problem::Taken)),
        Err(e) => return Err(e.into()),
    };
    record(&txn, now, audit(AuditAction::CohortCreate, actor, client, &valid)).await?;
    txn.commit().await?;
    Ok((cohort.id, cohort.code))
}

/// Changes a cohort: its dates may not leave sessions already planned outside them, and
/// its status follows the lifecycle.
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid`.
pub async fn update_cohort(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    id: CohortId,
    input: &CohortInput,
) -> Result<String, AppError> {
    if !authz::can_plan_cohorts(actor) {
        return Err(AppError::Forbidden);
    }
    let existing = manageable_cohort(env, actor, id).await?;
    let (choices, _) = choices_for(env, actor, Some(&existing)).await?;
    let valid = validate_cohort(input, &choices).map_err(AppError::Invalid)?;
    if db::code_taken(env.db, valid.code.as_str(), Some(id.get())).await? {
        return Err(AppError::invalid("code", Problem::Taken));
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    let removed = match db::update_cohort(&txn, id.get(), &valid, now).await {
        Ok(removed) => removed,
        Err(e) if db::is_unique_violation(&e) => return Err(AppError::invalid("code", Problem::Taken)),
        Err(e) => return Err(e.into()),
    };
    let mut event = audit(AuditAction::CohortUpdate, actor, client, &valid);
    if !removed.is_empty() {
        // Instructors taken off the cohort lose its sessions: those not yet held wait,
        // unassigned, for the coordinator to choose someone.
        let release = Release {
            cohort_id: id,
            from: removed.clone(),
            by: actor.user_id.get(),
            now,
        };
        let released = {
            use sea_orm::ConnectionTrait;
            let statement = txn
                .get_database_backend()
                .build(&(env.ports.release_sessions)(&release));
            txn.execute_raw(statement).await?.rows_affected()
        };
        event = event.detail_field("instructors_removed", json!(removed));
        event = event.detail_field("sessions_released", json!(released));
    }
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok(valid.code.as_str().to_owned())
}

/// A cohort as its detail page shows it.
///
/// # Errors
/// `NotFound` when missing or out of reach.
pub async fn cohort_detail(env: Env<'_>, actor: &Actor, id: CohortId) -> Result<CohortDetail, AppError> {
    let (cohort, ties) = visible_cohort(env, actor, id).await?;
    let instructor_ids = instructors_of(env, CohortId(cohort.id)).await?;
    let programme = db::all_programmes(env.db)
        .await?
        .into_iter()
        .find(|p| p.id == cohort.programme_id)
        .ok_or(AppError::NotFound)?;
    let course = db::all_courses(env.db)
        .await?
        .into_iter()
        .find(|c| c.id == cohort.course_id)
        .ok_or(AppError::NotFound)?;
    let units = db::units_of(env.db, &[course.id])
        .await?
        .remove(&course.id)
        .unwrap_or_default();
    let sites = crate::accounts::db::sites(env.db, Some(&[cohort.site_id])).await?;
    let room = match cohort.room_id {
        Some(room_id) => db::room(env.db, room_id)
            .await?
            .map(|room| room_view(&room, &sites)),
        None => None,
    };
    let names = crate::accounts::db::names_of(env.db, &instructor_ids).await?;
    let mut instructors: Vec<Person> = instructor_ids
        .iter()
        .map(|id| Person {
            id: *id,
            name: names.get(id).cloned().unwrap_or_default(),
        })
        .collect();
    instructors.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(CohortDetail {
        id: CohortId(cohort.id),
        code: cohort.code.clone(),
        course: course_view(&course, &units),
        programme: programme_view(&programme),
        site_id: cohort.site_id,
        site: sites.first().map(|s| s.name.clone()).unwrap_or_default(),
        room,
        capacity: u32::try_from(cohort.capacity).unwrap_or(0),
        starts_on: cohort.starts_on,
        ends_on: cohort.ends_on,
        status: CohortStatus::parse(&cohort.status).unwrap_or(CohortStatus::Planned),
        attendance_threshold: u8::try_from(cohort.attendance_threshold).unwrap_or(80),
        instructors,
        members: u64::try_from(cohort.seats_taken).unwrap_or(0),
        can_manage: authz::can_manage_cohort(actor, &ties),
    })
}
