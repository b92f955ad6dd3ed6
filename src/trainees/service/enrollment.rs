//! Enrollment: applying to a cohort, moving through the lifecycle with history, seats
//! that never exceed the capacity, the waitlist, transfers; and the cohort's roster.

use sea_orm::{ActiveValue::Unchanged, ConnectionTrait, Set};
use serde_json::json;
use time::Date;

use super::{shown_nik, shown_phone, ties_of, visible_trainee};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::cohorts::dto::Choice;
use crate::cohorts::model::CohortStatus;
use crate::entities::{cohorts, enrollments};
use crate::kernel::input::parse_date;
use crate::kernel::CohortTies;
use crate::kernel::{wib, AccountId, Actor, AppError, CohortId, EnrollmentId, Problem, TraineeId};
use crate::platform::context::Client;
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::trainees::authz;
use crate::trainees::db;
use crate::trainees::dto::{Roster, RosterEntry, StatusChange};
use crate::trainees::model::enrollment::{next_from_waitlist, seat_change, EnrollmentStatus, Waiting};

/// The cohort and its ties if the actor may move people through its enrollment.
async fn managed_cohort(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
) -> Result<(cohorts::Model, CohortTies), AppError> {
    let (cohort, ties) = crate::cohorts::service::visible_cohort(env, actor, cohort_id).await?;
    if !authz::can_manage_enrollment(actor, &ties) {
        return Err(AppError::Forbidden);
    }
    Ok((cohort, ties))
}

fn open_for_changes(cohort: &cohorts::Model) -> bool {
    CohortStatus::parse(&cohort.status).is_ok_and(|s| s != CohortStatus::Cancelled)
}

/// The statuses of cohorts whose enrollment still changes (all but cancelled).
fn changeable_statuses() -> Vec<CohortStatus> {
    CohortStatus::ALL
        .iter()
        .copied()
        .filter(|s| *s != CohortStatus::Cancelled)
        .collect()
}

/// Applies a trainee (by id, or by NIK typed on the roster) to a cohort at their site.
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` (already enrolled, another site, a closed cohort).
pub async fn enroll(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    cohort_id: CohortId,
    trainee_id: Option<TraineeId>,
    nik: Option<&str>,
) -> Result<(i64, String), AppError> {
    let (cohort, _) = managed_cohort(env, actor, cohort_id).await?;
    let trainee = match (trainee_id, nik.map(str::trim).filter(|n| !n.is_empty())) {
        (Some(id), _) => visible_trainee(env, actor, id).await?,
        (None, Some(nik)) => {
            let digits: String = nik.chars().filter(char::is_ascii_digit).collect();
            let found = db::trainee_by_nik(env.db, &digits).await?;
            match found.filter(|t| authz::can_view_trainee(actor, &ties_of(t))) {
                Some(trainee) => trainee,
                None => return Err(AppError::invalid("nik", Problem::InvalidChoice)),
            }
        }
        (None, None) => return Err(AppError::invalid("nik", Problem::Required)),
    };
    if trainee.site_id != cohort.site_id || !open_for_changes(&cohort) {
        return Err(AppError::invalid("cohort_id", Problem::InvalidChoice));
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::lock_trainee(&txn, trainee.id).await?;
    if db::enrollment_of(&txn, TraineeId(trainee.id), CohortId(cohort.id))
        .await?
        .is_some()
    {
        return Err(AppError::invalid("cohort_id", Problem::AlreadyEnrolled));
    }
    let enrollment = db::insert_enrollment(
        &txn,
        enrollments::ActiveModel {
            trainee_id: Set(trainee.id),
            cohort_id: Set(cohort.id),
            status: Set(EnrollmentStatus::Applied.as_str().to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        },
    )
    .await?;
    db::insert_event(
        &txn,
        EnrollmentId(enrollment.id),
        None,
        EnrollmentStatus::Applied,
        None,
        Some(actor.user_id.get()),
        now,
    )
    .await?;
    record(
        &txn,
        now,
        audit(
            actor,
            client,
            &cohort,
            trainee.user_id,
            json!({ "trainee": trainee.id, "to": EnrollmentStatus::Applied.as_str() }),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok((trainee.id, cohort.code))
}

fn audit(
    actor: &Actor,
    client: &Client,
    cohort: &cohorts::Model,
    subject: Option<i64>,
    detail: serde_json::Value,
) -> AuditEvent {
    let mut detail = detail;
    detail["cohort"] = json!(cohort.code);
    let event = AuditEvent::new(AuditAction::EnrollmentChange, Outcome::Success)
        .actor(actor.user_id)
        .site(Some(cohort.site_id))
        .ip(client.ip.clone())
        .detail(detail);
    match subject {
        Some(user) => event.subject(AccountId(user)),
        None => event,
    }
}

/// What a status change did: the person's name, their new status, and who got a seat
/// freed by it from the waitlist.
pub type Changed = (String, EnrollmentStatus, Option<String>);

/// Accepts the longest-waiting person into a freed seat (skipping anyone committed to an
/// overlapping cohort). Returns their name.
async fn offer_freed_seat(
    conn: &impl ConnectionTrait,
    cohort: &cohorts::Model,
    actor: &Actor,
    now: time::OffsetDateTime,
) -> Result<Option<String>, AppError> {
    let waiting = db::waitlist(conn, CohortId(cohort.id)).await?;
    let mut candidates = Vec::with_capacity(waiting.len());
    for entry in &waiting {
        let overlaps = db::committed_overlaps(
            conn,
            TraineeId(entry.trainee_id),
            &[cohort.id],
            (cohort.starts_on, cohort.ends_on),
        )
        .await?;
        candidates.push(Waiting {
            enrollment_id: EnrollmentId(entry.id),
            waitlisted_at: entry.waitlisted_at.unwrap_or(entry.created_at),
            committed_elsewhere: !overlaps.is_empty(),
        });
    }
    let Some(chosen) = next_from_waitlist(&candidates) else {
        return Ok(None);
    };
    if !crate::cohorts::db::take_seat(conn, CohortId(cohort.id)).await? {
        return Ok(None);
    }
    let Some(entry) = waiting.iter().find(|e| EnrollmentId(e.id) == chosen) else {
        return Ok(None);
    };
    db::update_enrollment(
        conn,
        enrollments::ActiveModel {
            id: Unchanged(entry.id),
            status: Set(EnrollmentStatus::Accepted.as_str().to_owned()),
            updated_at: Set(now),
            ..Default::default()
        },
    )
    .await?;
    db::insert_event(
        conn,
        EnrollmentId(entry.id),
        Some(EnrollmentStatus::Waitlisted),
        EnrollmentStatus::Accepted,
        Some("Kursi kosong dari daftar tunggu / seat freed, first on the waitlist"),
        Some(actor.user_id.get()),
        now,
    )
    .await?;
    Ok(db::trainee(conn, TraineeId(entry.trainee_id))
        .await?
        .map(|t| t.full_name))
}

fn invalid(field: &str, problem: Problem) -> AppError {
    AppError::invalid(field, problem)
}

/// Moves one enrollment to `change.status`: the lifecycle's rules, a reason where one is
/// needed, seats taken and freed atomically, no overlapping commitments, the freed seat
/// offered to the waitlist, and a transfer opening an active enrollment in the other
/// cohort. One transaction; the history records who, when and why.
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` (a move the lifecycle forbids, a full cohort, an
/// overlapping cohort, a missing reason or date…).
pub async fn change_status(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    enrollment_id: EnrollmentId,
    change: &StatusChange,
) -> Result<Changed, AppError> {
    let existing = db::enrollment(env.db, enrollment_id.get())
        .await?
        .ok_or(AppError::NotFound)?;
    let (cohort, _) = managed_cohort(env, actor, CohortId(existing.cohort_id)).await?;
    let trainee = db::trainee(env.db, TraineeId(existing.trainee_id))
        .await?
        .ok_or(AppError::NotFound)?;
    let to = EnrollmentStatus::parse(&change.status).map_err(|p| invalid("status", p))?;
    let reason =
        crate::kernel::input::parse_text(&change.reason, 500, true).map_err(|p| invalid("reason", p))?;
    if to.needs_reason() && reason.is_none() {
        return Err(invalid("reason", Problem::Required));
    }
    let today = wib::today(env.clock.now());
    let date: Date = if change.date.trim().is_empty() {
        today.clamp(cohort.starts_on, cohort.ends_on.max(cohort.starts_on))
    } else {
        parse_date(&change.date).map_err(|p| invalid("date", p))?
    };
    let target = if to == EnrollmentStatus::Transferred {
        let id = crate::kernel::input::parse_choice(&change.target_cohort)
            .map_err(|p| invalid("target_cohort", p))?
            .ok_or_else(|| invalid("target_cohort", Problem::Required))?;
        let (target, _) = managed_cohort(env, actor, CohortId(id))
            .await
            .map_err(|_| invalid("target_cohort", Problem::InvalidChoice))?;
        if target.id == cohort.id || target.site_id != trainee.site_id || !open_for_changes(&target) {
            return Err(invalid("target_cohort", Problem::InvalidChoice));
        }
        Some(target)
    } else {
        None
    };
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::lock_trainee(&txn, trainee.id).await?;
    // Read again under the lock: a concurrent change may have moved it already.
    let current = db::enrollment(&txn, enrollment_id.get())
        .await?
        .ok_or(AppError::NotFound)?;
    let from = EnrollmentStatus::parse(&current.status).map_err(|_| AppError::NotFound)?;
    if !from.can_become(to) {
        return Err(invalid("status", Problem::InvalidTransition));
    }
    if matches!(to, EnrollmentStatus::Active) && !(cohort.starts_on..=cohort.ends_on).contains(&date) {
        return Err(invalid(
            "date",
            Problem::OutsideCohortDates {
                from: cohort.starts_on,
                to: cohort.ends_on,
            },
        ));
    }
    if matches!(
        to,
        EnrollmentStatus::Completed | EnrollmentStatus::Withdrawn | EnrollmentStatus::Transferred
    ) && current.joined_on.is_some_and(|joined| date < joined)
    {
        return Err(invalid("date", Problem::EndBeforeStart));
    }
    if to.is_committed() {
        let overlaps = db::committed_overlaps(
            &txn,
            TraineeId(trainee.id),
            &[cohort.id],
            (cohort.starts_on, cohort.ends_on),
        )
        .await?;
        if let Some(other) = overlaps.into_iter().next() {
            return Err(invalid(
                "status",
                Problem::OverlappingEnrollment { cohort: other },
            ));
        }
    }
    match seat_change(from, to) {
        1 if !crate::cohorts::db::take_seat(&txn, CohortId(cohort.id)).await? => {
            return Err(invalid(
                "status",
                Problem::CohortFull {
                    capacity: u32::try_from(cohort.capacity).unwrap_or(0),
                },
            ));
        }
        -1 => crate::cohorts::db::free_seat(&txn, CohortId(cohort.id)).await?,
        _ => {}
    }
    let mut update = enrollments::ActiveModel {
        id: Unchanged(current.id),
        status: Set(to.as_str().to_owned()),
        updated_at: Set(now),
        ..Default::default()
    };
    match to {
        EnrollmentStatus::Waitlisted => update.waitlisted_at = Set(Some(now)),
        EnrollmentStatus::Active => update.joined_on = Set(Some(date)),
        EnrollmentStatus::Completed | EnrollmentStatus::Withdrawn | EnrollmentStatus::Transferred => {
            update.left_on = Set(Some(date));
        }
        _ => {}
    }
    if let Some(target) = &target {
        let transferred = transfer_into(
            &txn,
            target,
            TraineeId(trainee.id),
            cohort.id,
            date,
            actor,
            now,
            reason.as_deref(),
        )
        .await?;
        update.transferred_to = Set(Some(transferred));
    }
    db::update_enrollment(&txn, update).await?;
    db::insert_event(
        &txn,
        EnrollmentId(current.id),
        Some(from),
        to,
        reason.as_deref(),
        Some(actor.user_id.get()),
        now,
    )
    .await?;
    let offered = if seat_change(from, to) < 0
        && CohortStatus::parse(&cohort.status).is_ok_and(CohortStatus::is_schedulable)
    {
        offer_freed_seat(&txn, &cohort, actor, now).await?
    } else {
        None
    };
    record(
        &txn,
        now,
        audit(
            actor,
            client,
            &cohort,
            trainee.user_id,
            json!({
                "trainee": trainee.id,
                "from": from.as_str(),
                "to": to.as_str(),
                "reason": reason,
                "target": target.as_ref().map(|t| t.code.clone()),
                "seat_offered": offered.is_some(),
            }),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok((trainee.full_name, to, offered))
}

/// Opens an active enrollment in `target` for a transfer (taking a seat there).
#[allow(clippy::too_many_arguments)]
async fn transfer_into(
    conn: &impl ConnectionTrait,
    target: &cohorts::Model,
    trainee_id: TraineeId,
    from_cohort: i64,
    date: Date,
    actor: &Actor,
    now: time::OffsetDateTime,
    reason: Option<&str>,
) -> Result<i64, AppError> {
    if db::enrollment_of(conn, trainee_id, CohortId(target.id))
        .await?
        .is_some()
    {
        return Err(invalid("target_cohort", Problem::AlreadyEnrolled));
    }
    // The cohort being left is the one commitment allowed to overlap.
    let overlaps = db::committed_overlaps(
        conn,
        trainee_id,
        &[target.id, from_cohort],
        (target.starts_on, target.ends_on),
    )
    .await?;
    if let Some(other) = overlaps.into_iter().next() {
        return Err(invalid(
            "target_cohort",
            Problem::OverlappingEnrollment { cohort: other },
        ));
    }
    if !crate::cohorts::db::take_seat(conn, CohortId(target.id)).await? {
        return Err(invalid(
            "target_cohort",
            Problem::CohortFull {
                capacity: u32::try_from(target.capacity).unwrap_or(0),
            },
        ));
    }
    let joined = date.clamp(target.starts_on, target.ends_on.max(target.starts_on));
    let opened = db::insert_enrollment(
        conn,
        enrollments::ActiveModel {
            trainee_id: Set(trainee_id.get()),
            cohort_id: Set(target.id),
            status: Set(EnrollmentStatus::Active.as_str().to_owned()),
            joined_on: Set(Some(joined)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        },
    )
    .await?;
    db::insert_event(
        conn,
        EnrollmentId(opened.id),
        None,
        EnrollmentStatus::Active,
        reason,
        Some(actor.user_id.get()),
        now,
    )
    .await?;
    Ok(opened.id)
}

/// A cohort's roster: everyone who applied, by status, with the waitlist in order.
///
/// # Errors
/// `NotFound` out of reach.
pub async fn roster(env: Env<'_>, actor: &Actor, cohort_id: CohortId) -> Result<Roster, AppError> {
    let (cohort, ties) = crate::cohorts::service::visible_cohort(env, actor, cohort_id).await?;
    if !authz::can_view_roster(actor, &ties) {
        return Err(out_of_reach(actor, "roster", cohort_id));
    }
    let rows = db::enrollments_of_cohort(env.db, CohortId(cohort.id)).await?;
    let ids: Vec<i64> = rows.iter().map(|e| e.trainee_id).collect();
    let people = db::trainees_by_ids(env.db, &ids).await?;
    let mut waiting: Vec<&enrollments::Model> = rows
        .iter()
        .filter(|e| e.status == EnrollmentStatus::Waitlisted)
        .collect();
    waiting.sort_by_key(|e| (e.waitlisted_at, e.id));
    let can_manage = authz::can_manage_enrollment(actor, &ties);
    let mut entries: Vec<RosterEntry> = rows
        .iter()
        .filter_map(|e| {
            let trainee = people.get(&e.trainee_id)?;
            let status = EnrollmentStatus::parse(&e.status).unwrap_or(EnrollmentStatus::Applied);
            // The cohort's coordinators reach everyone who applied to it; its instructors
            // the people who hold a seat in it.
            let reaches_through_cohort = can_manage || status.holds_seat();
            Some(RosterEntry {
                enrollment_id: EnrollmentId(e.id),
                trainee_id: TraineeId(trainee.id),
                full_name: trainee.full_name.clone(),
                nik: shown_nik(actor, trainee),
                phone: shown_phone(
                    actor,
                    trainee,
                    reaches_through_cohort.then_some(&ties),
                    trainee.phone.as_deref(),
                ),
                status,
                waitlist_position: waiting.iter().position(|w| w.id == e.id).map(|p| p as u32 + 1),
                joined_on: e.joined_on,
                left_on: e.left_on,
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        let rank = |s: EnrollmentStatus| EnrollmentStatus::ALL.iter().position(|x| *x == s).unwrap_or(0);
        (rank(a.status), a.waitlist_position, a.full_name.clone()).cmp(&(
            rank(b.status),
            b.waitlist_position,
            b.full_name.clone(),
        ))
    });
    let transfer_targets = if can_manage {
        crate::cohorts::db::cohorts_at_sites(env.db, &[cohort.site_id], &changeable_statuses())
            .await?
            .into_iter()
            .filter(|c| c.id != cohort.id)
            .map(|c| Choice {
                id: c.id,
                label: c.code,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Roster {
        cohort_id: CohortId(cohort.id),
        site_id: cohort.site_id,
        code: cohort.code.clone(),
        capacity: u32::try_from(cohort.capacity).unwrap_or(0),
        seats_taken: u32::try_from(cohort.seats_taken).unwrap_or(0),
        starts_on: cohort.starts_on,
        ends_on: cohort.ends_on,
        entries,
        can_manage,
        transfer_targets,
        today: wib::today(env.clock.now()),
    })
}
