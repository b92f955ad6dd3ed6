//! Demo attendance: every past session of the demo cohorts marked the way classes really
//! go (mostly present, some late, a few excused, an absent streak or two), the latest
//! session of the running cohort left for its instructor to take, the running cohort's
//! policy, and a pending excuse for its coordinator to decide.

use crate::kernel::{AccountId, CohortId};
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use time::{Duration, OffsetDateTime};

use super::trainees::Lcg;
use super::SeedError;
use crate::attendance::model::excuse::ExcuseStatus;
use crate::attendance::model::{AttendanceStatus, Policy};
use crate::cohorts::model::CohortStatus;
use crate::entities::{attendance_marks, excuses, roll_calls};
use crate::schedule::model::SessionStatus;

/// Marks written, for the seed's report.
pub async fn seed_attendance(conn: &impl ConnectionTrait, now: OffsetDateTime) -> Result<usize, SeedError> {
    use crate::attendance::db;
    let cohorts = crate::entities::cohorts::Entity::find().all(conn).await?;
    let mut generator = Lcg(1945);
    let mut written = 0;
    for cohort in cohorts
        .iter()
        .filter(|c| c.status == CohortStatus::Running || c.status == CohortStatus::Completed)
    {
        let running = cohort.status == CohortStatus::Running;
        let sessions: Vec<_> = crate::schedule::db::sessions_of_cohorts(conn, &[cohort.id])
            .await?
            .into_iter()
            .filter(|s| s.status != SessionStatus::Cancelled && s.ends_at <= now)
            .collect();
        let mut windows: Vec<_> = crate::trainees::db::attending(conn, &[cohort.id])
            .await?
            .iter()
            .filter_map(crate::attendance::service::Window::of)
            .collect();
        // The demo accounts' records came first: the demo trainee has the lowest id.
        windows.sort_by_key(|w| w.trainee_id);
        // In the running cohort, the latest session is still to be taken, and two trainees
        // have missed the last three.
        let to_take = if running {
            sessions.last().map(|s| s.id)
        } else {
            None
        };
        let streaks: Vec<i64> = if running {
            windows.iter().rev().take(2).map(|w| w.trainee_id).collect()
        } else {
            Vec::new()
        };
        let marked: Vec<_> = sessions.iter().filter(|s| Some(s.id) != to_take).collect();
        let mut rows = Vec::new();
        let mut calls = Vec::new();
        for (index, session) in marked.iter().enumerate() {
            let recent = index + 3 >= marked.len();
            for window in windows.iter().filter(|w| w.attends(session)) {
                let status = if recent && streaks.contains(&window.trainee_id) {
                    AttendanceStatus::Absent
                } else {
                    match generator.next(100) {
                        0..=84 => AttendanceStatus::Present,
                        85..=90 => AttendanceStatus::Late,
                        91..=93 => AttendanceStatus::Permitted,
                        94..=96 => AttendanceStatus::Sick,
                        _ => AttendanceStatus::Absent,
                    }
                };
                let at = session.starts_at + Duration::minutes(5);
                rows.push(attendance_marks::ActiveModel {
                    session_id: Set(session.id),
                    trainee_id: Set(window.trainee_id),
                    status: Set(status.as_str().to_owned()),
                    remark: Set((status == AttendanceStatus::Late).then(|| "Macet".to_owned())),
                    source: Set("roll_call".to_owned()),
                    marked_by: Set(session.instructor_id),
                    created_at: Set(at),
                    updated_at: Set(at),
                    ..Default::default()
                });
            }
            calls.push(roll_calls::ActiveModel {
                session_id: Set(session.id),
                taken_by: Set(session.instructor_id),
                automatic: Set(false),
                taken_at: Set(session.starts_at + Duration::minutes(5)),
            });
        }
        written += rows.len();
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let chunk: Vec<_> = rows.by_ref().take(500).collect();
            attendance_marks::Entity::insert_many(chunk)
                .exec_without_returning(conn)
                .await?;
        }
        let mut calls = calls.into_iter().peekable();
        while calls.peek().is_some() {
            let chunk: Vec<_> = calls.by_ref().take(500).collect();
            roll_calls::Entity::insert_many(chunk)
                .exec_without_returning(conn)
                .await?;
        }
        if running {
            db::save_policy(
                conn,
                CohortId(cohort.id),
                &Policy {
                    late_weight: 50,
                    late_after_minutes: 15,
                    auto_absent_hours: Some(48),
                    edit_days: 3,
                    absence_streak: 3,
                },
                AccountId(cohort.created_by.unwrap_or(1)),
                now,
            )
            .await?;
            // Someone (not the demo trainee, who is first) asks for the next session off.
            let next = crate::schedule::db::sessions_of_cohorts(conn, &[cohort.id])
                .await?
                .into_iter()
                .find(|s| s.status != SessionStatus::Cancelled && s.starts_at > now);
            if let (Some(session), Some(window)) = (next, windows.iter().rev().nth(2)) {
                excuses::Entity::insert(excuses::ActiveModel {
                    session_id: Set(session.id),
                    trainee_id: Set(window.trainee_id),
                    kind: Set("izin".to_owned()),
                    reason: Set("Mengurus paspor di Kantor Imigrasi Serang".to_owned()),
                    status: Set(ExcuseStatus::Pending.as_str().to_owned()),
                    has_note: Set(false),
                    requested_at: Set(now - Duration::hours(5)),
                    ..Default::default()
                })
                .exec_without_returning(conn)
                .await?;
            }
        }
    }
    Ok(written)
}
