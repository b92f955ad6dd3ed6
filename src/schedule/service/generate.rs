//! Session generation: a preview that writes nothing, and the confirmation that writes
//! every session in one transaction (dates that clash must be skipped explicitly).

use sea_orm::{ConnectionTrait, Set};
use serde_json::json;
use std::collections::BTreeSet;

use super::views::choices_for_cohort;
use super::{days_off, planned_minutes, session_choices};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::cohorts::authz as cohort_authz;
use crate::cohorts::model::CohortStatus;
use crate::entities::{class_sessions, cohorts};
use crate::kernel::{wib, Actor, AppError, CohortId, FieldError, Problem, SessionId};
use crate::platform::context::Client;
use crate::platform::state::Env;
use crate::schedule::db;
use crate::schedule::dto::{GenerationInput, GenerationPage, GenerationPreview, PreviewRow, SkippedDay};
use crate::schedule::model::conflicts::{find_conflicts, Conflict, Slot};
use crate::schedule::model::generation::{assign_units, generate, lesson_hours, parse_pattern, Plan, Window};
use crate::schedule::model::SessionStatus;

struct Prepared {
    plan: Plan,
    conflicts: Vec<Conflict>,
    instructor_id: Option<i64>,
    room_id: Option<i64>,
}

/// The cohort and its instructors, if the actor may plan its sessions.
async fn schedulable_cohort(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
) -> Result<(cohorts::Model, Vec<i64>), AppError> {
    let (cohort, ties) = crate::cohorts::service::visible_cohort(env, actor, cohort_id).await?;
    if !cohort_authz::can_manage_cohort(actor, &ties) {
        return Err(AppError::Forbidden);
    }
    let instructor_ids = crate::cohorts::service::instructors_of(env, CohortId(cohort.id)).await?;
    Ok((cohort, instructor_ids))
}

fn is_schedulable(cohort: &cohorts::Model) -> bool {
    CohortStatus::parse(&cohort.status).is_ok_and(CohortStatus::is_schedulable)
}

/// Where a generation problem is shown on the form.
fn field_of(problem: &Problem) -> &'static str {
    match problem {
        Problem::HoursUnreachable { .. } => "target_hours",
        _ => "weekdays",
    }
}

/// The stored sessions that could clash with `proposed`, as slots.
pub(super) async fn stored_slots(
    conn: &impl ConnectionTrait,
    cohort_id: CohortId,
    proposed: &[Slot],
) -> Result<Vec<Slot>, AppError> {
    let (Some(first), Some(last)) = (
        proposed.iter().map(|s| s.starts_at).min(),
        proposed.iter().map(|s| s.ends_at).max(),
    ) else {
        return Ok(Vec::new());
    };
    let instructors: Vec<i64> = proposed
        .iter()
        .filter_map(|s| s.instructor_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let rooms: Vec<i64> = proposed
        .iter()
        .filter_map(|s| s.room_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let rows = db::possible_clashes(conn, cohort_id, &instructors, &rooms, first, last).await?;
    let cohort_ids: Vec<i64> = rows
        .iter()
        .map(|s| s.cohort_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let codes = crate::cohorts::db::cohort_codes(conn, &cohort_ids).await?;
    Ok(rows
        .into_iter()
        .map(|s| Slot {
            session_id: Some(SessionId(s.id)),
            cohort_id: CohortId(s.cohort_id),
            cohort_code: codes.get(&s.cohort_id).cloned().unwrap_or_default(),
            instructor_id: s.instructor_id,
            room_id: s.room_id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
        })
        .collect())
}

fn proposed_slots(
    cohort: &cohorts::Model,
    plan: &Plan,
    instructor_id: Option<i64>,
    room_id: Option<i64>,
) -> Vec<Slot> {
    plan.sessions
        .iter()
        .map(|s| Slot {
            session_id: None,
            cohort_id: CohortId(cohort.id),
            cohort_code: cohort.code.clone(),
            instructor_id,
            room_id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
        })
        .collect()
}

async fn prepare(
    conn: &impl ConnectionTrait,
    cohort: &cohorts::Model,
    instructor_ids: &[i64],
    input: &GenerationInput,
) -> Result<Prepared, AppError> {
    let window = Window {
        first: cohort.starts_on,
        last: cohort.ends_on,
    };
    let mut errors = match parse_pattern(&input.pattern, window) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    let (instructor_id, room_id) = session_choices(
        conn,
        cohort,
        instructor_ids,
        &input.instructor_id,
        &input.room_id,
        &mut errors,
    )
    .await?;
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let pattern = parse_pattern(&input.pattern, window).map_err(AppError::Invalid)?;
    let holidays = days_off(conn, Some(&[cohort.site_id]), (window.first, window.last), false).await?;
    let plan = generate(&pattern, window, &holidays).map_err(|p| AppError::invalid(field_of(&p), p))?;
    let proposed = proposed_slots(cohort, &plan, instructor_id, room_id);
    let stored = stored_slots(conn, CohortId(cohort.id), &proposed).await?;
    Ok(Prepared {
        conflicts: find_conflicts(&proposed, &stored),
        plan,
        instructor_id,
        room_id,
    })
}

/// The generation page: the cohort, its choices, and (when the form was sent) the preview
/// of every date with the holidays skipped and the conflicts. Writes nothing.
///
/// # Errors
/// `NotFound` out of reach, `Forbidden` for those who may see but not plan.
pub async fn generation_page(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
    input: Option<&GenerationInput>,
) -> Result<GenerationPage, AppError> {
    let (cohort, instructor_ids) = schedulable_cohort(env, actor, cohort_id).await?;
    let detail = crate::cohorts::service::cohort_detail(env, actor, cohort_id).await?;
    let (instructors, rooms) = choices_for_cohort(env, &cohort, &instructor_ids).await?;
    let planned = lesson_hours(planned_minutes(&db::sessions_of_cohort(env.db, cohort_id).await?));
    let preview = match input {
        Some(input) if is_schedulable(&cohort) => Some(
            prepare(env.db, &cohort, &instructor_ids, input)
                .await
                .map(|prepared| {
                    let skipped = prepared
                        .plan
                        .skipped
                        .iter()
                        .map(|h| SkippedDay(h.date, h.name.clone()))
                        .collect();
                    GenerationPreview {
                        lesson_hours: prepared.plan.lesson_hours(),
                        rows: prepared
                            .plan
                            .sessions
                            .iter()
                            .enumerate()
                            .map(|(index, s)| PreviewRow {
                                date: s.date,
                                starts_at: s.starts_at,
                                ends_at: s.ends_at,
                                conflicts: prepared
                                    .conflicts
                                    .iter()
                                    .filter(|c| c.index == index)
                                    .map(Conflict::problem)
                                    .collect(),
                            })
                            .collect(),
                        skipped,
                    }
                }),
        ),
        _ => None,
    };
    Ok(GenerationPage {
        remaining_hours: detail.course.total_hours.saturating_sub(planned),
        cohort: detail,
        instructors,
        rooms,
        preview,
    })
}

/// Writes the sessions of a pattern in one transaction, leaving out the dates in
/// `input.skip`. A date that clashes and is not skipped refuses the whole generation.
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` (pattern, choices, conflicts, nothing left).
pub async fn generate_sessions(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    cohort_id: CohortId,
    input: &GenerationInput,
) -> Result<(u64, String), AppError> {
    let (cohort, instructor_ids) = schedulable_cohort(env, actor, cohort_id).await?;
    if !is_schedulable(&cohort) {
        return Err(AppError::invalid("weekdays", Problem::InvalidTransition));
    }
    let mut skip = BTreeSet::new();
    for date in &input.skip {
        skip.insert(
            wib::parse_iso_date(date).ok_or_else(|| AppError::invalid("skip", Problem::InvalidDate))?,
        );
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::lock_for_scheduling(&txn, CohortId(cohort.id)).await?;
    // Checked again inside the transaction, against what is stored now.
    let prepared = prepare(&txn, &cohort, &instructor_ids, input).await?;
    let unresolved: Vec<FieldError> = prepared
        .conflicts
        .iter()
        .filter(|c| !skip.contains(&prepared.plan.sessions[c.index].date))
        .map(|c| FieldError::new("skip", c.problem()))
        .collect();
    if !unresolved.is_empty() {
        return Err(AppError::Invalid(unresolved));
    }
    let kept: Vec<_> = prepared
        .plan
        .sessions
        .iter()
        .filter(|s| !skip.contains(&s.date))
        .collect();
    if kept.is_empty() {
        return Err(AppError::invalid("weekdays", Problem::NoSessions));
    }
    let existing = db::sessions_of_cohort(&txn, CohortId(cohort.id)).await?;
    let units = crate::cohorts::db::unit_ids_of_course(&txn, cohort.course_id).await?;
    let already = existing
        .iter()
        .filter(|s| s.status != SessionStatus::Cancelled)
        .filter_map(|s| s.unit_id)
        .filter_map(|unit| units.iter().position(|u| *u == unit))
        .max()
        .map_or(0, |last| last + 1);
    let planned_units = assign_units(kept.len(), &units, already);
    let rows = kept
        .iter()
        .zip(planned_units)
        .map(|(s, unit_id)| class_sessions::ActiveModel {
            cohort_id: Set(cohort.id),
            starts_at: Set(db::utc(s.starts_at)),
            ends_at: Set(db::utc(s.ends_at)),
            room_id: Set(prepared.room_id),
            instructor_id: Set(prepared.instructor_id),
            unit_id: Set(unit_id),
            status: Set(SessionStatus::Scheduled.as_str().to_owned()),
            created_at: Set(now),
            ..Default::default()
        })
        .collect();
    let count = kept.len() as u64;
    db::insert_sessions(&txn, rows).await?;
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::SessionsGenerate, Outcome::Success)
            .actor(actor.user_id)
            .site(Some(cohort.site_id))
            .ip(client.ip.clone())
            .detail(json!({
                "cohort": cohort.code,
                "sessions": count,
                "from": kept.first().map(|s| wib::iso_date(s.date)),
                "to": kept.last().map(|s| wib::iso_date(s.date)),
                "skipped": skip.len(),
            })),
    )
    .await?;
    txn.commit().await?;
    Ok((count, cohort.code))
}
