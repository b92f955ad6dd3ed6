//! Attendance benchmark (ignored in `make test`; figures in BENCHMARKS.md):
//! saving a 40-trainee roll call over HTTP, compared with the same 40 rows written as one
//! raw SQL batch, and the cohort grid page at 40 trainees × 120 sessions.
//!
//! `TEST_DATABASE=sqlite|postgres cargo test --release --features ssr --test api \
//!  benches::attendance -- --ignored --nocapture` (with `TRACE_SQL=1`, the statements of one
//! save and the time of each).

use crate::support::attendance::{rfc3339, roll_form, save};
use crate::support::*;
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use siap_jepang::entities::{attendance_marks, cohorts};
use siap_jepang::kernel::Role;
use std::time::{Duration as Elapsed, Instant};
use time::Duration;

const TRAINEES: usize = 40;
const SESSIONS: i64 = 120;
const ROUNDS: usize = 50;

fn summary(label: &str, mut times: Vec<Elapsed>) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let mean = times.iter().sum::<Elapsed>() / u32::try_from(times.len()).unwrap();
    println!(
        "{label:<52} n={:<3} mean {:>7.2} ms  p50 {:>7.2} ms  p95 {:>7.2} ms",
        times.len(),
        mean.as_secs_f64() * 1e3,
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
    );
}

/// The raw upsert of `rows` (trainee, status) for `session`: the floor a save is compared with.
fn raw_upsert(session: i64, by: i64, at: &str, rows: &[(i64, &str)]) -> String {
    let values: Vec<String> = rows
        .iter()
        .map(|(trainee, status)| {
            format!("({session}, {trainee}, '{status}', 'roll_call', {by}, '{at}', '{at}')")
        })
        .collect();
    format!(
        "INSERT INTO attendance_marks (session_id, trainee_id, status, source, marked_by, created_at, updated_at) \
         VALUES {} ON CONFLICT (session_id, trainee_id) DO UPDATE SET status = excluded.status, \
         updated_at = excluded.updated_at",
        values.join(", ")
    )
}

#[tokio::test]
#[ignore = "benchmark: run with --release -- --ignored --nocapture"]
async fn attendance_bench() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let now = app.state.clock.now();
    let today = siap_jepang::kernel::wib::today(now);
    let iso = siap_jepang::kernel::wib::iso_date;
    let cohort = app
        .cohort(
            "JP-BENCH-01",
            "BBPLK-SRG",
            (
                &iso(today - Duration::days(SESSIONS + 7)),
                &iso(today + Duration::days(30)),
            ),
            &[sensei],
            &[],
        )
        .await;
    cohorts::Entity::update(cohorts::ActiveModel {
        id: Set(cohort),
        capacity: Set(TRAINEES as i32 + 5),
        ..Default::default()
    })
    .exec(&app.state.db)
    .await
    .expect("capacity raised");
    let mut records = Vec::new();
    for n in 0..TRAINEES {
        let user = app
            .user_named(
                Role::Trainee,
                &format!("0812-1000-{n:04}"),
                &format!("Peserta {n:02}"),
                &["BBPLK-SRG"],
            )
            .await;
        app.enroll_active(cohort, user).await;
        records.push(app.record_and_enrollment(user, cohort).await.0);
    }
    // 119 past sessions, one per day, each with every trainee marked; and one now.
    let statuses = [
        "hadir",
        "hadir",
        "hadir",
        "hadir",
        "hadir",
        "hadir",
        "terlambat",
        "izin",
        "sakit",
        "alpa",
    ];
    let mut marks = Vec::new();
    for day in (1..SESSIONS).rev() {
        let start = now - Duration::days(day) - Duration::hours(1);
        let session = app
            .session(
                cohort,
                &rfc3339(start),
                &rfc3339(start + Duration::hours(2)),
                Some(sensei),
                None,
            )
            .await;
        for (n, record) in records.iter().enumerate() {
            marks.push(attendance_marks::ActiveModel {
                session_id: Set(session),
                trainee_id: Set(*record),
                status: Set(statuses[(n + day as usize) % statuses.len()].to_owned()),
                remark: Set(None),
                source: Set("roll_call".to_owned()),
                checked_in_at: Set(None),
                device: Set(None),
                marked_by: Set(Some(sensei)),
                created_at: Set(start),
                updated_at: Set(start),
                ..Default::default()
            });
        }
    }
    for chunk in marks.chunks(400) {
        attendance_marks::Entity::insert_many(chunk.to_vec())
            .exec(&app.state.db)
            .await
            .expect("marks inserted");
    }
    let start = now - Duration::minutes(10);
    let now_session = app
        .session(
            cohort,
            &rfc3339(start),
            &rfc3339(start + Duration::hours(2)),
            Some(sensei),
            None,
        )
        .await;
    println!(
        "backend {}: {TRAINEES} trainees, {SESSIONS} sessions, {} marks",
        backend(),
        marks.len()
    );

    // The roll call, saved over HTTP by the instructor: the first save inserts 40 rows, every
    // later one changes a few statuses (and so writes them and their history).
    let instructor = app.signed_in("sensei@uji.id").await;
    let mut first = Vec::new();
    let mut again = Vec::new();
    for round in 0..ROUNDS {
        let lines: Vec<(i64, &str, &str)> = records
            .iter()
            .enumerate()
            .map(|(n, record)| {
                let status = if (n + round) % 9 == 0 {
                    "terlambat"
                } else if (n + round) % 13 == 0 {
                    "alpa"
                } else {
                    "hadir"
                };
                (*record, status, "")
            })
            .collect();
        let form = roll_form(now_session, &lines);
        let began = Instant::now();
        let (status, body) = save(&app, &instructor, &form).await;
        let took = began.elapsed();
        assert_eq!(status, 200, "{body}");
        if round == 0 {
            first.push(took)
        } else {
            again.push(took)
        }
    }
    summary("roll call save, 40 trainees, first (insert)", first);
    summary("roll call save, 40 trainees, again (update)", again);

    // The same 40 rows as one raw SQL batch (an upsert), the floor for the comparison.
    let mut raw = Vec::new();
    for round in 0..ROUNDS {
        let rows: Vec<(i64, &str)> = records
            .iter()
            .enumerate()
            .map(|(n, record)| {
                (
                    *record,
                    if (n + round) % 2 == 0 {
                        "hadir"
                    } else {
                        "terlambat"
                    },
                )
            })
            .collect();
        let sql = raw_upsert(now_session, sensei, &rfc3339(now), &rows);
        let began = Instant::now();
        app.state.db.execute_unprepared(&sql).await.expect("raw batch");
        raw.push(began.elapsed());
    }
    summary("raw SQL batch upsert of the same 40 rows", raw);

    // The use case itself (no HTTP, no session lookup): the save that the 3x
    // target compares with the raw batch, alternating with the raw batch in one loop.
    let actor = siap_jepang::kernel::Actor::new(sensei, Role::Instructor, &[app.site("BBPLK-SRG")]);
    let client = siap_jepang::platform::context::Client {
        ip: None,
        user_agent: None,
    };
    let (mut service, mut batch) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let entries: Vec<siap_jepang::attendance::service::RollCallEntry> = records
            .iter()
            .enumerate()
            .map(|(n, record)| siap_jepang::attendance::service::RollCallEntry {
                trainee_id: *record,
                status: if (n + round) % 7 == 0 {
                    "terlambat"
                } else {
                    "hadir"
                }
                .into(),
                remark: String::new(),
            })
            .collect();
        crate::support::TRACE.lock().unwrap().clear();
        let began = Instant::now();
        siap_jepang::attendance::service::save_roll_call(
            app.env(&app.state.db),
            &client,
            &actor,
            now_session.into(),
            &entries,
            "",
        )
        .await
        .expect("saved");
        service.push(began.elapsed());
        if round == ROUNDS - 1 {
            // With TRACE_SQL set: the statements of the last save and the time of each.
            for (took, sql) in crate::support::TRACE.lock().unwrap().iter() {
                let shown: String = sql.chars().take(100).collect();
                println!("  {:>7.1} µs  {shown}", took.as_secs_f64() * 1e6);
            }
        }
        let rows: Vec<(i64, &str)> = entries
            .iter()
            .map(|e| (e.trainee_id, e.status.as_str()))
            .collect();
        let sql = raw_upsert(now_session, sensei, &rfc3339(now), &rows);
        let began = Instant::now();
        app.state.db.execute_unprepared(&sql).await.expect("raw batch");
        batch.push(began.elapsed());
    }
    let median = |mut v: Vec<Elapsed>| {
        v.sort();
        v[v.len() / 2]
    };
    let (service, batch) = (median(service), median(batch));
    println!(
        "roll call save use case {:.2} ms vs raw batch {:.2} ms: ratio {:.2}",
        service.as_secs_f64() * 1e3,
        batch.as_secs_f64() * 1e3,
        service.as_secs_f64() / batch.as_secs_f64()
    );

    // The cohort grid (trainees × dates) as the coordinator sees it, rendered on the server.
    let coordinator = app.signed_in("rina@uji.id").await;
    let mut grid = Vec::new();
    let mut bytes = 0;
    for _ in 0..ROUNDS {
        let began = Instant::now();
        let response = app
            .get(&coordinator, &format!("/angkatan/{cohort}/kehadiran"))
            .await;
        assert_eq!(response.status(), 200);
        bytes = response.bytes().await.unwrap().len();
        grid.push(began.elapsed());
    }
    summary(&format!("GET /angkatan/{{id}}/kehadiran ({bytes} B HTML)"), grid);
    let mut export = Vec::new();
    for _ in 0..10 {
        let began = Instant::now();
        let response = app
            .get(
                &coordinator,
                &format!("/angkatan/{cohort}/kehadiran/ekspor?format=xlsx"),
            )
            .await;
        assert_eq!(response.status(), 200);
        bytes = response.bytes().await.unwrap().len();
        export.push(began.elapsed());
    }
    summary(&format!("XLSX export, 4,800 marks ({bytes} B)"), export);
}
