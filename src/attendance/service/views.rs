//! What people read of attendance: a trainee's own, the staff's home (today's classes,
//! sessions left unmarked, trainees at risk), a cohort's grid with its chart, and the
//! cohort's policy.

use serde_json::json;
use std::collections::{BTreeSet, HashMap};
use time::{Duration, OffsetDateTime};

use super::{
    attendance_cohort, is_cancelled, marks_by_key, policy_of, status_of, times, window_rates, Window,
};
use crate::attendance::authz;
use crate::attendance::db;
use crate::attendance::dto::{
    AtRisk, Cell, ChartPoint, CohortAttendance, GridRow, GridSession, MyAttendance, MyCohort, Overview,
    SessionLine,
};
use crate::attendance::model::rates::warnings;
use crate::attendance::model::{check_in_open, validate_policy, AttendanceStatus, Policy, PolicyInput};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::cohorts::dto::Choice;
use crate::cohorts::model::CohortStatus;
use crate::entities::{class_sessions, cohorts};
use crate::kernel::{wib, Actor, AppError, CohortId, CohortTies, SessionId, TraineeId};
use crate::platform::context::Client;
use crate::platform::state::Env;
use crate::trainees::model::enrollment::EnrollmentStatus;

fn threshold(cohort: &cohorts::Model) -> u32 {
    u32::try_from(cohort.attendance_threshold).unwrap_or(80)
}

async fn lines(
    env: Env<'_>,
    sessions: &[class_sessions::Model],
    taken: &HashMap<i64, crate::entities::roll_calls::Model>,
    marks: &HashMap<i64, (Option<AttendanceStatus>, Option<String>)>,
) -> Result<Vec<SessionLine>, AppError> {
    let now = env.clock.now();
    let views = crate::schedule::service::session_views(env.db, sessions, now).await?;
    Ok(views
        .into_iter()
        .zip(sessions)
        .map(|(session, model)| {
            let (mark, remark) = marks.get(&session.id.get()).cloned().unwrap_or_default();
            SessionLine {
                taken: taken.contains_key(&session.id.get()),
                over: model.ends_at <= now,
                mark,
                remark,
                session,
            }
        })
        .collect())
}

/// A trainee's attendance in each cohort they attend(ed), what it means for readiness,
/// and a class open for self check-in right now.
///
/// # Errors
/// `Forbidden` for staff (they have the overview).
pub async fn my_attendance(env: Env<'_>, actor: &Actor) -> Result<MyAttendance, AppError> {
    if !authz::is_trainee(actor) {
        return Err(AppError::Forbidden);
    }
    let now = env.clock.now();
    let Some(trainee) = crate::trainees::db::trainee_of_user(env.db, actor.user_id).await? else {
        return Ok(MyAttendance {
            cohorts: Vec::new(),
            check_in_now: None,
        });
    };
    let windows: Vec<Window> = crate::trainees::db::attending_of_trainee(env.db, TraineeId(trainee.id))
        .await?
        .iter()
        .filter_map(Window::of)
        .collect();
    let cohort_ids: Vec<i64> = windows.iter().map(|w| w.cohort_id.get()).collect();
    let cohorts: HashMap<i64, cohorts::Model> = crate::cohorts::db::cohorts_by_ids(env.db, &cohort_ids)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let sessions = crate::schedule::db::sessions_of_cohorts(env.db, &cohort_ids).await?;
    let marks = db::marks_of_trainee(env.db, TraineeId(trainee.id)).await?;
    let by_key = marks_by_key(&marks);
    let policies = db::policies_of(env.db, &cohort_ids).await?;
    let keys = db::check_in_keys_of(env.db, &sessions.iter().map(|s| s.id).collect::<Vec<_>>()).await?;
    let mut check_in_now = None;
    let mut result = Vec::new();
    for window in &windows {
        let Some(cohort) = cohorts.get(&window.cohort_id.get()) else {
            continue;
        };
        let policy = policies.get(&cohort.id).copied().unwrap_or_default();
        let rates = window_rates(window, &sessions, &by_key, &policy, now);
        let mine: Vec<class_sessions::Model> = sessions
            .iter()
            .filter(|s| !is_cancelled(s) && window.attends(s))
            .rev()
            .cloned()
            .collect();
        if check_in_now.is_none() {
            check_in_now = mine
                .iter()
                .find(|s| {
                    keys.contains_key(&s.id)
                        && check_in_open(times(s), now)
                        && !by_key.contains_key(&(s.id, trainee.id))
                })
                .cloned();
        }
        let own: HashMap<i64, (Option<AttendanceStatus>, Option<String>)> = mine
            .iter()
            .filter_map(|s| {
                let mark = by_key.get(&(s.id, trainee.id))?;
                Some((s.id, (status_of(mark), mark.remark.clone())))
            })
            .collect();
        result.push(MyCohort {
            cohort_id: CohortId(cohort.id),
            cohort: cohort.code.clone(),
            threshold: threshold(cohort),
            warnings: warnings(&rates, threshold(cohort), &policy),
            rates,
            sessions: lines(env, &mine, &HashMap::new(), &own).await?,
        });
    }
    let check_in_now = match check_in_now {
        Some(session) => crate::schedule::service::session_views(env.db, &[session], now)
            .await?
            .pop(),
        None => None,
    };
    Ok(MyAttendance {
        cohorts: result,
        check_in_now,
    })
}

/// Everyone attending the running ones of `cohorts` whose rates call for attention, with
/// their warnings: marks counted in the database, not loaded.
async fn at_risk(
    env: Env<'_>,
    actor: &Actor,
    cohorts: &[cohorts::Model],
    now: OffsetDateTime,
) -> Result<Vec<AtRisk>, AppError> {
    let running: HashMap<i64, &cohorts::Model> = cohorts
        .iter()
        .filter(|c| c.status == CohortStatus::Running)
        .map(|c| (c.id, c))
        .collect();
    let ids: Vec<i64> = running.keys().copied().collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let windows: Vec<Window> = crate::trainees::db::attending(env.db, &ids)
        .await?
        .iter()
        .filter(|e| e.status == EnrollmentStatus::Active)
        .filter_map(Window::of)
        .collect();
    let policies = db::policies_of(env.db, &ids).await?;
    let mut rates = super::summary::rates_of_windows(env, &ids, &windows, &policies).await?;
    for (trainee_id, cohort_id, streak) in db::absence_streaks(env.db, &ids, now).await? {
        if let Some(rates) = rates.get_mut(&(trainee_id, cohort_id)) {
            rates.streak = u32::try_from(streak).unwrap_or(u32::MAX);
        }
    }
    let people = crate::trainees::db::active_contacts(env.db, &ids).await?;
    let mut list = Vec::new();
    for window in &windows {
        let (Some(cohort), Some(rates), Some(person)) = (
            running.get(&window.cohort_id.get()),
            rates.remove(&(window.trainee_id, window.cohort_id.get())),
            people.get(&window.trainee_id),
        ) else {
            continue;
        };
        let policy = policies.get(&cohort.id).copied().unwrap_or_default();
        let warnings = warnings(&rates, threshold(cohort), &policy);
        if !warnings.is_empty() {
            list.push(AtRisk {
                trainee_id: TraineeId(window.trainee_id),
                name: person.full_name.clone(),
                cohort_id: CohortId(cohort.id),
                cohort: cohort.code.clone(),
                phone: crate::trainees::service::shown_phone(
                    actor,
                    person,
                    Some(&CohortTies::within_reach(actor, cohort.site_id)),
                    person.phone.as_deref(),
                ),
                rates,
                warnings,
            });
        }
    }
    list.sort_by(|a, b| a.rates.best.cmp(&b.rates.best).then(a.name.cmp(&b.name)));
    Ok(list)
}

/// The attendance home of staff.
///
/// # Errors
/// `Forbidden` for trainees.
pub async fn overview(env: Env<'_>, actor: &Actor) -> Result<Overview, AppError> {
    if !authz::can_take_roll_calls(actor) {
        return Err(AppError::Forbidden);
    }
    let now = env.clock.now();
    let cohorts = crate::cohorts::service::cohorts_in_reach(env, actor).await?;
    let ids: Vec<i64> = cohorts.iter().map(|c| c.id).collect();
    let today = wib::start_of_day(wib::today(now));
    let todays =
        crate::schedule::db::sessions_between(env.db, &ids, today, today + Duration::days(1)).await?;
    // Only sessions this actor may take: an instructor's cohorts are already theirs.
    let unmarked = crate::schedule::db::held_sessions_where(
        env.db,
        &ids,
        (now - Duration::days(60), now),
        db::no_roll_call,
    )
    .await?;
    let taken = db::roll_calls_of(env.db, &todays.iter().map(|s| s.id).collect::<Vec<_>>()).await?;
    let pending = if authz::can_review_excuses(actor) {
        u32::try_from(super::excuses::pending_of(env, actor).await?.len()).unwrap_or(0)
    } else {
        0
    };
    // Today's classes and those still without a roll call, named in one statement.
    let both: Vec<class_sessions::Model> = todays.iter().chain(&unmarked).cloned().collect();
    let mut today = lines(env, &both, &taken, &HashMap::new()).await?;
    // Sessions without a roll call are in `taken` under none.
    let unmarked = today.split_off(todays.len());
    Ok(Overview {
        today,
        unmarked,
        at_risk: at_risk(env, actor, &cohorts, now).await?,
        pending_excuses: pending,
        cohorts: cohorts
            .iter()
            .filter(|c| c.status != CohortStatus::Planned && c.status != CohortStatus::Cancelled)
            .map(|c| Choice {
                id: c.id,
                label: c.code.clone(),
            })
            .collect(),
    })
}

fn month_of(session: &class_sessions::Model) -> String {
    wib::iso_date(wib::today(session.starts_at))[..7].to_owned()
}

/// A cohort's attendance: every trainee who attended it × its sessions (of one month, or
/// all), each trainee's rates over the whole cohort, and the attendance of each session.
///
/// # Errors
/// `NotFound` for cohorts out of reach; `Invalid` for a malformed month.
pub async fn cohort_attendance(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
    month: Option<&str>,
) -> Result<CohortAttendance, AppError> {
    let (cohort, ties) = attendance_cohort(env, actor, cohort_id).await?;
    let month = month.map(str::trim).filter(|m| !m.is_empty());
    if let Some(month) = month {
        let valid = month.len() == 7 && wib::parse_iso_date(&format!("{month}-01")).is_some();
        if !valid {
            return Err(AppError::invalid("month", crate::kernel::Problem::InvalidDate));
        }
    }
    let now = env.clock.now();
    let policy = policy_of(env, CohortId(cohort.id)).await?;
    let sessions: Vec<class_sessions::Model> = crate::schedule::db::sessions_of_cohorts(env.db, &[cohort.id])
        .await?
        .into_iter()
        .filter(|s| !is_cancelled(s))
        .collect();
    let months: Vec<String> = sessions
        .iter()
        .map(month_of)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let shown: Vec<&class_sessions::Model> = sessions
        .iter()
        .filter(|s| month.is_none_or(|m| month_of(s) == m))
        .collect();
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let marks = db::marks_of_sessions(env.db, &ids).await?;
    let by_key = marks_by_key(&marks);
    let taken = db::roll_calls_of(env.db, &ids).await?;
    let windows: Vec<Window> = crate::trainees::db::attending(env.db, &[cohort.id])
        .await?
        .iter()
        .filter_map(Window::of)
        .collect();
    let people = crate::trainees::db::trainees_by_ids(
        env.db,
        &windows.iter().map(|w| w.trainee_id).collect::<Vec<_>>(),
    )
    .await?;
    let mut rows: Vec<GridRow> = windows
        .iter()
        .filter_map(|window| {
            let person = people.get(&window.trainee_id)?;
            let rates = window_rates(window, &sessions, &by_key, &policy, now);
            Some(GridRow {
                trainee_id: TraineeId(person.id),
                name: person.full_name.clone(),
                cells: shown
                    .iter()
                    .map(
                        |s| match by_key.get(&(s.id, person.id)).and_then(|m| status_of(m)) {
                            _ if !window.attends(s) => Cell::Outside,
                            Some(status) => Cell::Mark(status),
                            None => Cell::Empty,
                        },
                    )
                    .collect(),
                warnings: warnings(&rates, threshold(&cohort), &policy),
                rates,
            })
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    let chart = sessions
        .iter()
        .filter(|s| s.ends_at <= now)
        .filter_map(|s| {
            let weights: Vec<u32> = windows
                .iter()
                .filter(|w| w.attends(s))
                .filter_map(|w| by_key.get(&(s.id, w.trainee_id)).and_then(|m| status_of(m)))
                .filter_map(|status| status.weight(&policy))
                .collect();
            (!weights.is_empty()).then(|| ChartPoint {
                date: wib::today(s.starts_at),
                rate: weights.iter().sum::<u32>() * 10 / u32::try_from(weights.len()).unwrap_or(1),
            })
        })
        .collect();
    let site = crate::accounts::db::sites(env.db, Some(&[cohort.site_id]))
        .await?
        .pop()
        .map(|s| s.name)
        .unwrap_or_default();
    Ok(CohortAttendance {
        cohort_id: CohortId(cohort.id),
        cohort: cohort.code.clone(),
        site,
        threshold: threshold(&cohort),
        month: month.map(str::to_owned),
        months,
        sessions: shown
            .iter()
            .map(|s| GridSession {
                id: SessionId(s.id),
                starts_at: s.starts_at,
                held: s.ends_at <= now,
                taken: taken.contains_key(&s.id),
            })
            .collect(),
        rows,
        chart,
        policy: PolicyInput::from(&policy),
        can_set_policy: authz::can_set_policy(actor, &ties),
    })
}

/// Sets a cohort's attendance policy (its site's coordinators).
///
/// # Errors
/// `NotFound` out of reach, `Forbidden` for instructors, `Invalid` for numbers out of range.
pub async fn save_policy(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    cohort_id: CohortId,
    input: &PolicyInput,
) -> Result<String, AppError> {
    let (cohort, ties) = attendance_cohort(env, actor, cohort_id).await?;
    if !authz::can_set_policy(actor, &ties) {
        return Err(AppError::Forbidden);
    }
    let policy: Policy = validate_policy(input).map_err(AppError::Invalid)?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::save_policy(&txn, CohortId(cohort.id), &policy, actor.user_id, now).await?;
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::AttendancePolicy, Outcome::Success)
            .actor(actor.user_id)
            .site(Some(cohort.site_id))
            .ip(client.ip.clone())
            .detail(json!({
                "cohort": cohort.code,
                "late_weight": policy.late_weight,
                "late_after_minutes": policy.late_after_minutes,
                "auto_absent_hours": policy.auto_absent_hours,
                "edit_days": policy.edit_days,
                "absence_streak": policy.absence_streak,
            })),
    )
    .await?;
    txn.commit().await?;
    Ok(cohort.code)
}
