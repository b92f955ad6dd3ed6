//! The attendance counts the database keeps per (trainee, cohort) stay equal to a recount
//! from the marks whatever happens: random roll calls saved the way the instructor's page
//! saves them, marks changed and removed, sessions cancelled and the cancellation taken
//! back; on SQLite and PostgreSQL alike. A count never goes below zero, and a refused
//! save leaves the counts as they were.

use crate::support::attendance::{class, held_days_ago, roll_form, save, Class};
use crate::support::*;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use siap_jepang::attendance::db::{counter_drift, mark_counts};
use siap_jepang::entities::{attendance_counts, attendance_marks, class_sessions};

/// A small deterministic generator (xorshift64): the same steps on every run, so a
/// failure names the step that broke.
struct Steps(u64);

impl Steps {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n as u64).unwrap_or(0)
    }
}

const STATUSES: [&str; 5] = ["hadir", "terlambat", "izin", "sakit", "alpa"];

/// Marks of held sessions (ended, not cancelled) counted straight from the marks.
async fn held_recount(app: &TestApp, cohort: i64) -> Vec<(i64, i64, String, i64)> {
    let now = app.state.clock.now();
    let held: Vec<i64> = class_sessions::Entity::find()
        .filter(class_sessions::Column::CohortId.eq(cohort))
        .filter(class_sessions::Column::Status.ne("cancelled"))
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.ends_at <= now)
        .map(|s| s.id)
        .collect();
    let mut counted = std::collections::BTreeMap::new();
    for mark in attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SessionId.is_in(held))
        .all(&app.state.db)
        .await
        .unwrap()
    {
        *counted
            .entry((mark.trainee_id, cohort, mark.status))
            .or_insert(0i64) += 1;
    }
    counted
        .into_iter()
        .map(|((trainee, cohort, status), n)| (trainee, cohort, status, n))
        .collect()
}

/// Counts per (trainee, cohort) in column order as the recount's rows: one per status
/// counted at least once, sorted.
fn as_rows(counts: std::collections::HashMap<(i64, i64), [i64; 5]>) -> Vec<(i64, i64, String, i64)> {
    use siap_jepang::attendance::model::AttendanceStatus::{Absent, Late, Permitted, Present, Sick};
    let mut rows: Vec<_> = counts
        .into_iter()
        .flat_map(|((trainee, cohort), count)| {
            [Present, Late, Permitted, Sick, Absent]
                .into_iter()
                .zip(count)
                .filter(|(_, n)| *n > 0)
                .map(move |(status, n)| (trainee, cohort, status.as_str().to_owned(), n))
        })
        .collect();
    rows.sort_unstable();
    rows
}

#[tokio::test]
async fn kept_counts_equal_a_recount_after_random_roll_calls_edits_and_cancellations() {
    let Class {
        app,
        records,
        cohort,
        now_session,
        past_session,
        coming_session,
    } = class().await;
    let mut sessions = held_days_ago(&app, cohort, 2..=6).await;
    sessions.extend([past_session, now_session, coming_session]);
    let rina = app.signed_in("rina@uji.id").await;
    let db = &app.state.db;
    let mut steps = Steps(0x5eed_1234_abcd);
    let mut saved = 0;
    for step in 0..150 {
        let what = steps.below(6);
        match what {
            // A roll call of some of the class, as the page sends it.
            0..=2 => {
                let session = sessions[steps.below(sessions.len())];
                let mut lines: Vec<(i64, &str, &str)> = Vec::new();
                for record in &records {
                    if steps.below(4) > 0 {
                        lines.push((*record, STATUSES[steps.below(STATUSES.len())], ""));
                    }
                }
                let (status, body) = save(&app, &rina, &roll_form(session, &lines)).await;
                assert!(status < 500, "step {step}: {status} {body}");
                if status == 200 {
                    saved += 1;
                }
            }
            // A mark changed (an excuse decided, a correction).
            3 => {
                let marks = attendance_marks::Entity::find().all(db).await.unwrap();
                if let Some(mark) = marks.get(steps.below(marks.len().max(1))) {
                    let mut mark = mark.clone().into_active_model();
                    mark.status = Set(STATUSES[steps.below(STATUSES.len())].to_owned());
                    mark.update(db).await.unwrap();
                }
            }
            // A mark removed.
            4 => {
                let marks = attendance_marks::Entity::find().all(db).await.unwrap();
                if let Some(mark) = marks.get(steps.below(marks.len().max(1))) {
                    attendance_marks::Entity::delete_by_id(mark.id)
                        .exec(db)
                        .await
                        .unwrap();
                }
            }
            // A session cancelled, or its cancellation taken back.
            _ => {
                let id = sessions[steps.below(sessions.len())];
                let session = class_sessions::Entity::find_by_id(id)
                    .one(db)
                    .await
                    .unwrap()
                    .unwrap();
                let next = if session.status == "cancelled" {
                    "scheduled"
                } else {
                    "cancelled"
                };
                let mut session = session.into_active_model();
                session.status = Set(next.to_owned());
                session.update(db).await.unwrap();
            }
        }
        let drift = counter_drift(db).await.unwrap();
        assert!(drift.is_empty(), "step {step} ({what}): {drift:?}");
    }
    assert!(saved >= 10, "the roll calls went through ({saved})");
    // What the views read: the kept counts less the sessions not over yet.
    assert_eq!(
        as_rows(mark_counts(db, &[cohort], app.state.clock.now()).await.unwrap()),
        held_recount(&app, cohort).await
    );
}

#[tokio::test]
async fn a_count_never_goes_below_zero_and_a_refused_save_changes_none() {
    let Class {
        app,
        records,
        past_session,
        ..
    } = class().await;
    let rina = app.signed_in("rina@uji.id").await;
    let db = &app.state.db;
    let (status, body) = save(
        &app,
        &rina,
        &roll_form(
            past_session,
            &[(records[0], "hadir", ""), (records[1], "alpa", "")],
        ),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let before = attendance_counts::Entity::find().all(db).await.unwrap();
    assert_eq!(before.iter().map(|c| c.present + c.absent).sum::<i32>(), 2);

    // One refused line refuses the whole save: no mark and no count changes.
    let (status, _) = save(
        &app,
        &rina,
        &roll_form(
            past_session,
            &[(records[0], "alpa", ""), (records[1], "bolos", "")],
        ),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(attendance_counts::Entity::find().all(db).await.unwrap(), before);

    // The database refuses a negative count.
    let mut row = before[0].clone().into_active_model();
    row.present = Set(-1);
    assert!(row.update(db).await.is_err(), "CHECK (present >= 0)");
    assert!(counter_drift(db).await.unwrap().is_empty());
}
