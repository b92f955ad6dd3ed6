//! The roll call of a session, saved whole in one transaction, and self check-in with the
//! rotating code.

use serde_json::json;
use std::collections::{HashMap, HashSet};
use time::Date;

use sea_orm::{ConnectionTrait, DbBackend};

use super::{editor_of, is_cancelled, policy_of, session_for_editor, status_of, times, Window};
use crate::attendance::authz;
use crate::attendance::db::{self, MarkWrite, SessionForRollCall};
use crate::attendance::dto::{ChangeView, CheckInDisplay, ExcuseNote, RollCall, RollCallLine, TakenView};
use crate::attendance::model::excuse::{ExcuseKind, ExcuseStatus};
use crate::attendance::model::{
    check_in_open, check_in_status, code, may_take_roll_call, parse_remark, AttendanceStatus, Editor,
    MarkSource, ReasonNeeded,
};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::{class_sessions, cohorts};
use crate::kernel::{wib, Actor, AppError, CohortId, FieldError, Problem, SessionId, TraineeId};
use crate::platform::context::Client;
use crate::platform::state::Env;

/// One trainee's line of a submitted roll call, as posted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollCallEntry {
    pub trainee_id: i64,
    pub status: String,
    pub remark: String,
}

async fn facts(
    env: Env<'_>,
    session: &class_sessions::Model,
) -> Result<crate::attendance::dto::SessionFacts, AppError> {
    crate::schedule::service::session_views(env.db, std::slice::from_ref(session), env.clock.now())
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

/// The ids of the trainees in class on the session's date.
async fn attendee_ids(env: Env<'_>, session: &class_sessions::Model) -> Result<Vec<i64>, AppError> {
    let windows = db::attendance_windows_of_session(env.db, SessionId(session.id)).await?;
    Ok(in_class(session, &windows))
}

/// Of the enrollments' windows (trainee, joined, left), who is in class on the session's
/// date.
fn in_class(session: &class_sessions::Model, windows: &[(i64, Option<Date>, Option<Date>)]) -> Vec<i64> {
    let date = wib::today(session.starts_at);
    windows
        .iter()
        .filter_map(|&(trainee_id, joined, left)| {
            let window = super::Window {
                trainee_id,
                cohort_id: CohortId(session.cohort_id),
                from: joined?,
                until: left,
            };
            window.covers(date).then_some(trainee_id)
        })
        .collect()
}

/// The trainees in class on the session's date.
async fn attendees(
    env: Env<'_>,
    session: &class_sessions::Model,
) -> Result<Vec<crate::entities::trainees::Model>, AppError> {
    let ids = attendee_ids(env, session).await?;
    let mut people: Vec<_> = crate::trainees::db::trainees_by_ids(env.db, &ids)
        .await?
        .into_values()
        .collect();
    people.sort_by(|a, b| a.name_key.cmp(&b.name_key).then(a.id.cmp(&b.id)));
    Ok(people)
}

/// A session's roll call for its instructor or a coordinator of its site.
///
/// # Errors
/// `NotFound` for sessions out of reach.
pub async fn roll_call(env: Env<'_>, actor: &Actor, session_id: SessionId) -> Result<RollCall, AppError> {
    let (session, cohort, editor) = session_for_editor(env, actor, session_id).await?;
    let now = env.clock.now();
    let policy = policy_of(env, CohortId(cohort.id)).await?;
    let people = attendees(env, &session).await?;
    let marks = db::marks_of_sessions(env.db, &[session.id]).await?;
    let by_trainee: HashMap<i64, _> = marks.iter().map(|m| (m.trainee_id, m)).collect();
    let mark_ids: Vec<i64> = marks.iter().map(|m| m.id).collect();
    let changes = db::changes_of(env.db, &mark_ids).await?;
    let excuses = db::excuses_of_sessions(env.db, &[session.id]).await?;
    let taken = db::roll_calls_of(env.db, &[session.id])
        .await?
        .remove(&session.id);
    let keys = db::check_in_keys_of(env.db, &[session.id]).await?;
    let mut user_ids: Vec<i64> = changes.iter().filter_map(|c| c.changed_by).collect();
    user_ids.extend(taken.as_ref().and_then(|t| t.taken_by));
    let names = crate::accounts::db::names_of(env.db, &user_ids).await?;
    let mut history: HashMap<i64, Vec<ChangeView>> = HashMap::new();
    for change in &changes {
        let (Ok(to), Ok(source)) = (
            AttendanceStatus::parse(&change.to_status),
            MarkSource::parse(&change.source),
        ) else {
            continue;
        };
        history.entry(change.mark_id).or_default().push(ChangeView {
            from: change
                .from_status
                .as_deref()
                .and_then(|s| AttendanceStatus::parse(s).ok()),
            to,
            remark: change.remark.clone(),
            reason: change.reason.clone(),
            source,
            by: change.changed_by.and_then(|id| names.get(&id).cloned()),
            at: change.changed_at,
        });
    }
    let lines = people
        .iter()
        .map(|person| {
            let mark = by_trainee.get(&person.id);
            let excuse = excuses.iter().find(|e| e.trainee_id == person.id).and_then(|e| {
                let status = ExcuseStatus::parse(&e.status).ok()?;
                matches!(status, ExcuseStatus::Approved | ExcuseStatus::Pending).then(|| ExcuseNote {
                    kind: ExcuseKind::parse(&e.kind).unwrap_or(ExcuseKind::Permitted),
                    status,
                    reason: e.reason.clone(),
                })
            });
            let proposed = match &excuse {
                Some(note) if note.status == ExcuseStatus::Approved => note.kind.status(),
                _ => AttendanceStatus::Present,
            };
            RollCallLine {
                trainee_id: TraineeId(person.id),
                name: person.full_name.clone(),
                status: mark.and_then(|m| status_of(m)).unwrap_or(proposed),
                remark: mark.and_then(|m| m.remark.clone()),
                saved: mark.is_some(),
                source: mark.and_then(|m| MarkSource::parse(&m.source).ok()),
                checked_in_at: mark.and_then(|m| m.checked_in_at),
                excuse,
                history: mark.and_then(|m| history.remove(&m.id)).unwrap_or_default(),
            }
        })
        .collect();
    let permission = may_take_roll_call(times(&session), now, editor, &policy, taken.is_some());
    let open_now = check_in_open(times(&session), now);
    Ok(RollCall {
        session: facts(env, &session).await?,
        lines,
        taken: taken.map(|t| TakenView {
            by: t.taken_by.and_then(|id| names.get(&id).cloned()),
            automatic: t.automatic,
            at: t.taken_at,
        }),
        refusal: permission.clone().err(),
        reason_needed: permission == Ok(ReasonNeeded(true)),
        check_in_possible: open_now,
        check_in_open: open_now && keys.contains_key(&session.id),
    })
}

/// What saving a roll call starts from, found by the session's id and read at once (two
/// statements): the session with its cohort, policy, whether its roll call was taken and
/// whether `actor` teaches it; who is enrolled and when. Then how `actor` may edit it.
async fn roll_call_inputs(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    session_id: SessionId,
) -> Result<(SessionForRollCall, Editor, Vec<(i64, Option<Date>, Option<Date>)>), AppError> {
    let (found, windows) = tokio::try_join!(
        db::session_for_roll_call(conn, session_id, actor.user_id),
        db::attendance_windows_of_session(conn, session_id),
    )?;
    let refused = || crate::platform::errors::out_of_reach(actor, "session", session_id);
    let found = found.ok_or_else(refused)?;
    let editor = editor_of(actor, &found).ok_or_else(refused)?;
    Ok((found, editor, windows))
}

fn audit_event(action: AuditAction, actor: &Actor, client: &Client, cohort: &cohorts::Model) -> AuditEvent {
    AuditEvent::new(action, Outcome::Success)
        .actor(actor.user_id)
        .site(Some(cohort.site_id))
        .ip(client.ip.clone())
}

/// Saves a roll call whole: every line checked first (nothing saved if one is refused),
/// then one transaction that waits for any other save of the same session, writes the
/// changed marks with their history and records who took it.
///
/// # Errors
/// `NotFound` out of reach; `Invalid` for a cancelled or future session, a closed editing
/// window, a missing reason, a trainee not enrolled on the date, a bad status or remark.
pub async fn save_roll_call(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    session_id: SessionId,
    entries: &[RollCallEntry],
    reason: &str,
) -> Result<(String, u32), AppError> {
    // On PostgreSQL what the save starts from is read on pooled connections at once,
    // before the transaction (round trips overlap); on SQLite inside it, one statement
    // after another on its one connection, under the write lock that SQLite saves take
    // in turn anyway: reads racing on several SQLite connections for two cores took
    // longer than the same reads on one (BENCHMARKS.md, "Attendance", the 2026-11-30 rerun).
    let (txn, (found, editor, windows)) = if env.db.get_database_backend() == DbBackend::Sqlite {
        let txn = env.begin().await?;
        let read = roll_call_inputs(&txn, actor, session_id).await?;
        (txn, read)
    } else {
        let read = roll_call_inputs(env.db, actor, session_id).await?;
        (env.begin().await?, read)
    };
    let SessionForRollCall {
        session,
        cohort,
        policy,
        taken,
        ..
    } = found;
    let now = env.clock.now();
    let ReasonNeeded(needs_reason) = may_take_roll_call(times(&session), now, editor, &policy, taken)
        .map_err(|p| AppError::invalid("roll_call", p))?;
    let reason = crate::kernel::input::parse_text(reason, 300, !needs_reason)
        .map_err(|p| AppError::invalid("reason", p))?;
    let enrolled: HashSet<i64> = in_class(&session, &windows).into_iter().collect();
    let mut errors = Vec::new();
    let mut lines = Vec::new();
    let mut seen = HashSet::new();
    for entry in entries {
        if !enrolled.contains(&entry.trainee_id) {
            errors.push(FieldError::new(
                &format!("status[{}]", entry.trainee_id),
                Problem::NotEnrolledOnDate,
            ));
            continue;
        }
        if !seen.insert(entry.trainee_id) {
            continue;
        }
        let status = AttendanceStatus::parse(&entry.status)
            .map_err(|p| errors.push(FieldError::new(&format!("status[{}]", entry.trainee_id), p)))
            .ok();
        let remark = parse_remark(&entry.remark)
            .map_err(|p| errors.push(FieldError::new(&format!("remark[{}]", entry.trainee_id), p)))
            .ok();
        if let (Some(status), Some(remark)) = (status, remark) {
            lines.push((entry.trainee_id, status, remark));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    crate::schedule::db::lock_session(&txn, session_id).await?;
    // Read under the lock: a save that finished meanwhile is the one this one changes.
    let existing = db::mark_states_of_session(&txn, session_id).await?;
    // A first mark that matches an approved excuse records the excuse as its source; a
    // save that only changes marks already there has no need to read them.
    let approved: HashMap<i64, AttendanceStatus> = if lines
        .iter()
        .any(|(trainee_id, ..)| !existing.contains_key(&(session.id, *trainee_id)))
    {
        db::excuses_of_sessions(&txn, &[session.id])
            .await?
            .iter()
            .filter(|e| e.status == ExcuseStatus::Approved)
            .filter_map(|e| Some((e.trainee_id, ExcuseKind::parse(&e.kind).ok()?.status())))
            .collect()
    } else {
        HashMap::new()
    };
    let writes: Vec<MarkWrite<'_>> = lines
        .iter()
        .map(|(trainee_id, status, remark)| {
            let fresh = !existing.contains_key(&(session.id, *trainee_id));
            let source = if fresh && approved.get(trainee_id) == Some(status) {
                MarkSource::Excuse
            } else {
                MarkSource::RollCall
            };
            MarkWrite {
                session_id,
                trainee_id: *trainee_id,
                status: *status,
                remark: remark.as_deref(),
                source,
                by: Some(actor.user_id),
                reason: reason.as_deref(),
                checked_in_at: None,
                device: None,
            }
        })
        .collect();
    let changed = db::write_marks(&txn, &existing, &writes, now).await?;
    db::record_roll_call(&txn, session_id, Some(actor.user_id), now).await?;
    record(
        &txn,
        now,
        audit_event(AuditAction::AttendanceSave, actor, client, &cohort).detail(json!({
            "session": session.id,
            "trainees": lines.len(),
            "changed": changed,
            "reason": reason,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok((cohort.code, u32::try_from(lines.len()).unwrap_or(u32::MAX)))
}

/// Opens self check-in for a session now in class (its instructor or a coordinator).
///
/// # Errors
/// `NotFound` out of reach; `Invalid` outside the session's time.
pub async fn open_check_in(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    session_id: SessionId,
) -> Result<(), AppError> {
    let (session, cohort, _) = session_for_editor(env, actor, session_id).await?;
    let now = env.clock.now();
    if is_cancelled(&session) {
        return Err(AppError::invalid("check_in", Problem::SessionCancelled));
    }
    if !check_in_open(times(&session), now) {
        return Err(AppError::invalid("check_in", Problem::CheckInClosed));
    }
    let txn = env.begin().await?;
    db::open_check_in(
        &txn,
        session_id,
        &crate::platform::secrets::random_token(32),
        actor.user_id,
        now,
    )
    .await?;
    record(
        &txn,
        now,
        audit_event(AuditAction::AttendanceCheckIn, actor, client, &cohort)
            .detail(json!({ "session": session.id, "opened": true })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

fn qr_svg(text: &str) -> String {
    use qrcode::render::svg;
    qrcode::QrCode::new(text.as_bytes())
        .map(|qr| {
            qr.render::<svg::Color>()
                .min_dimensions(220, 220)
                .dark_color(svg::Color("#000000"))
                .light_color(svg::Color("#ffffff"))
                .build()
        })
        .map(|svg| match svg.find("<svg") {
            Some(start) => svg[start..].to_owned(),
            None => svg,
        })
        .unwrap_or_default()
}

/// What the instructor's screen shows during self check-in: the current code, its QR code
/// and who has checked in.
///
/// # Errors
/// `NotFound` out of reach, or when self check-in was not opened.
pub async fn check_in_display(
    env: Env<'_>,
    actor: &Actor,
    session_id: SessionId,
    origin: &str,
) -> Result<CheckInDisplay, AppError> {
    let (session, _, _) = session_for_editor(env, actor, session_id).await?;
    let now = env.clock.now();
    let key = db::check_in_keys_of(env.db, &[session.id])
        .await?
        .remove(&session.id)
        .ok_or(AppError::NotFound)?;
    let people = attendees(env, &session).await?;
    let mut checked: Vec<_> = db::marks_of_sessions(env.db, &[session.id])
        .await?
        .into_iter()
        .filter(|m| m.checked_in_at.is_some())
        .collect();
    checked.sort_by_key(|m| m.checked_in_at);
    let names: HashMap<i64, String> = people.iter().map(|p| (p.id, p.full_name.clone())).collect();
    let open = check_in_open(times(&session), now);
    let shown = if open {
        code::code(&key.secret, session_id, code::slot(now))
    } else {
        String::new()
    };
    let url = format!("{origin}{}", crate::attendance::paths::check_in_with(&shown));
    Ok(CheckInDisplay {
        session: facts(env, &session).await?,
        qr_svg: if open { qr_svg(&url) } else { String::new() },
        code: shown,
        seconds_left: u32::try_from(code::seconds_left(now)).unwrap_or(30),
        url,
        checked_in: checked
            .iter()
            .filter_map(|m| names.get(&m.trainee_id).cloned())
            .collect(),
        expected: u32::try_from(people.len()).unwrap_or(0),
    })
}

/// A trainee checks in with the code on the instructor's screen, from their own device.
/// The session is the one of the trainee's classes that is open now and whose code
/// matches; arriving after the policy's minutes is late.
///
/// # Errors
/// `Forbidden` for non-trainees; `Invalid`: no class open now, a wrong or outdated code,
/// already marked, or a device that checked in someone else to this session.
pub async fn check_in(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    typed: &str,
    device: &str,
) -> Result<(String, AttendanceStatus), AppError> {
    if !authz::is_trainee(actor) {
        return Err(AppError::Forbidden);
    }
    let closed = || AppError::invalid("code", Problem::CheckInClosed);
    let now = env.clock.now();
    let trainee = crate::trainees::db::trainee_of_user(env.db, actor.user_id)
        .await?
        .ok_or_else(closed)?;
    let windows: Vec<Window> = crate::trainees::db::attending_of_trainee(env.db, TraineeId(trainee.id))
        .await?
        .iter()
        .filter_map(Window::of)
        .collect();
    let cohort_ids: Vec<i64> = windows.iter().map(|w| w.cohort_id.get()).collect();
    let sessions: Vec<class_sessions::Model> = crate::schedule::db::sessions_between(
        env.db,
        &cohort_ids,
        now - time::Duration::hours(12),
        now + time::Duration::hours(1),
    )
    .await?
    .into_iter()
    .filter(|s| check_in_open(times(s), now) && windows.iter().any(|w| w.attends(s)))
    .collect();
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let keys = db::check_in_keys_of(env.db, &ids).await?;
    if keys.is_empty() {
        return Err(closed());
    }
    let session = sessions
        .iter()
        .find(|s| {
            keys.get(&s.id)
                .is_some_and(|k| code::accepts(&k.secret, SessionId(s.id), typed, now))
        })
        .ok_or_else(|| AppError::invalid("code", Problem::CodeExpired))?;
    let cohort = crate::cohorts::db::cohort(env.db, session.cohort_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let policy = policy_of(env, CohortId(cohort.id)).await?;
    let status = check_in_status(times(session), now, &policy);
    let device = crate::platform::secrets::sha256_hex(device);
    let txn = env.begin().await?;
    crate::schedule::db::lock_session(&txn, SessionId(session.id)).await?;
    if db::mark_of(&txn, SessionId(session.id), TraineeId(trainee.id))
        .await?
        .is_some()
    {
        return Err(AppError::invalid("code", Problem::AlreadyCheckedIn));
    }
    let write = MarkWrite {
        session_id: SessionId(session.id),
        trainee_id: trainee.id,
        status,
        remark: None,
        source: MarkSource::CheckIn,
        by: Some(actor.user_id),
        reason: None,
        checked_in_at: Some(now),
        device: Some(&device),
    };
    match db::write_mark(&txn, None, &write, now).await {
        Ok(_) => {}
        Err(e) if crate::cohorts::db::is_unique_violation(&e) => {
            return Err(AppError::invalid("code", Problem::DeviceUsed))
        }
        Err(e) => return Err(e.into()),
    }
    record(
        &txn,
        now,
        audit_event(AuditAction::AttendanceCheckIn, actor, client, &cohort)
            .detail(json!({ "session": session.id, "status": status.as_str() })),
    )
    .await?;
    txn.commit().await?;
    Ok((cohort.code, status))
}
