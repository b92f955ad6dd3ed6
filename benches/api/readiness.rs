//! Readiness benchmark (ignored in `make test`; figures in BENCHMARKS.md): the dashboard
//! over 10,000 trainees in 250 cohorts (20 sessions held each, every trainee marked, ten
//! documents and two results each), as a use case and as the server-rendered page.
//!
//! `TEST_DATABASE=sqlite|postgres cargo test --release --features ssr --test api \
//!  benches::readiness -- --ignored --nocapture`

use crate::support::attendance::rfc3339;
use crate::support::*;
use sea_orm::{EntityTrait, Set};
use siap_jepang::entities::{attendance_marks, enrollments, official_results, trainee_documents, trainees};
use siap_jepang::kernel::Role;
use std::time::Instant;
use time::Duration;

const COHORTS: usize = 250;
const PER_COHORT: usize = 40;
const SESSIONS: i64 = 20;

async fn insert_chunked<A, E>(rows: Vec<A>, app: &TestApp)
where
    A: sea_orm::ActiveModelTrait<Entity = E> + Clone + Send,
    E: EntityTrait,
{
    for chunk in rows.chunks(500) {
        E::insert_many(chunk.to_vec())
            .exec_without_returning(&app.state.db)
            .await
            .expect("rows inserted");
    }
}

#[tokio::test]
#[ignore = "benchmark: run with --release -- --ignored --nocapture"]
async fn readiness_bench() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let now = app.state.clock.now();
    let today = siap_jepang::kernel::wib::today(now);
    let iso = siap_jepang::kernel::wib::iso_date;
    let began = Instant::now();
    let site = app.site("BBPLK-SRG");
    let mut n = 0usize;
    for c in 0..COHORTS {
        let cohort = app
            .cohort(
                &format!("JP-BENCH-{c:03}"),
                "BBPLK-SRG",
                (
                    &iso(today - Duration::days(SESSIONS + 5)),
                    &iso(today + Duration::days(60)),
                ),
                &[sensei],
                &[],
            )
            .await;
        let mut sessions = Vec::new();
        for day in 1..=SESSIONS {
            let start = now - Duration::days(day) - Duration::hours(3);
            sessions.push(
                app.session(
                    cohort,
                    &rfc3339(start),
                    &rfc3339(start + Duration::hours(2)),
                    Some(sensei),
                    None,
                )
                .await,
            );
        }
        let people: Vec<trainees::ActiveModel> = (0..PER_COHORT)
            .map(|i| {
                let k = n + i;
                trainees::ActiveModel {
                    nik: Set(format!("3673{k:012}")),
                    user_id: Set(None),
                    site_id: Set(site),
                    full_name: Set(format!("Peserta {k:05}")),
                    name_key: Set(format!("peserta{k:05}")),
                    birth_place: Set("Serang".into()),
                    birth_date: Set(time::macros::date!(1998 - 01 - 01)),
                    sex: Set("M".into()),
                    address: Set(String::new()),
                    regency_code: Set(Some("3673".into())),
                    regency_name: Set("Kota Serang".into()),
                    phone: Set(None),
                    education: Set("sma".into()),
                    source: Set("other".into()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
            })
            .collect();
        n += PER_COHORT;
        let mut ids = Vec::new();
        for person in people {
            ids.push(
                trainees::Entity::insert(person)
                    .exec(&app.state.db)
                    .await
                    .unwrap()
                    .last_insert_id,
            );
        }
        let mut rows = Vec::new();
        let mut marks = Vec::new();
        let mut documents = Vec::new();
        let mut results = Vec::new();
        for (i, trainee) in ids.iter().enumerate() {
            rows.push(enrollments::ActiveModel {
                trainee_id: Set(*trainee),
                cohort_id: Set(cohort),
                status: Set("active".into()),
                joined_on: Set(Some(today - Duration::days(SESSIONS + 5))),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            });
            for (s, session) in sessions.iter().enumerate() {
                marks.push(attendance_marks::ActiveModel {
                    session_id: Set(*session),
                    trainee_id: Set(*trainee),
                    status: Set(if (i + s) % 7 == 0 { "alpa" } else { "hadir" }.into()),
                    source: Set("roll_call".into()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                });
            }
            for kind in [
                "ktp",
                "kk",
                "izin_keluarga",
                "skck",
                "mcu",
                "ijazah",
                "bpjs_tk",
                "paspor",
                "e_pmi",
                "ak1",
            ] {
                documents.push(trainee_documents::ActiveModel {
                    trainee_id: Set(*trainee),
                    kind: Set(kind.into()),
                    status: Set(if (i + kind.len()) % 5 == 0 {
                        "submitted"
                    } else {
                        "verified"
                    }
                    .into()),
                    issued_on: Set(Some(today - Duration::days(30 + (i as i64 % 90)))),
                    expires_on: Set(Some(today + Duration::days(100 + (i as i64 % 400)))),
                    has_scan: Set(false),
                    updated_at: Set(now),
                    ..Default::default()
                });
            }
            for (kind, score) in [("jft_basic", Some(180 + (i as i32 % 40))), ("ssw_skills", None)] {
                results.push(official_results::ActiveModel {
                    trainee_id: Set(*trainee),
                    kind: Set(kind.into()),
                    score: Set(score),
                    passed: Set(score.is_none_or(|s| s >= 200)),
                    taken_on: Set(today - Duration::days(10)),
                    recorded_at: Set(now),
                    ..Default::default()
                });
            }
        }
        insert_chunked(rows, &app).await;
        insert_chunked(marks, &app).await;
        insert_chunked(documents, &app).await;
        insert_chunked(results, &app).await;
    }
    println!(
        "backend {}: {n} trainees in {COHORTS} cohorts, {} marks, {} documents; set up in {:.1} s",
        backend(),
        n * SESSIONS as usize,
        n * 10,
        began.elapsed().as_secs_f64()
    );
    let admin = siap_jepang::kernel::Actor::new(1, Role::Admin, &[]);
    let mut times = Vec::new();
    let mut queries = 0;
    for _ in 0..5 {
        let (db, counter) = app.counting_db();
        let began = Instant::now();
        let dashboard = siap_jepang::readiness::service::dashboard(app.env(&db), &admin, Default::default())
            .await
            .unwrap();
        times.push(began.elapsed());
        queries = counter.load(std::sync::atomic::Ordering::SeqCst);
        assert_eq!(dashboard.funnel.enrolled as usize, n);
    }
    times.sort();
    println!(
        "dashboard use case, {n} trainees: median {:.0} ms, best {:.0} ms, {queries} queries",
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
    // One site's dashboard as its coordinator sees it, against the same statements
    // replayed as raw SQL (what the database and driver alone take).
    let site = app.site("BBPLK-SRG");
    let coordinator = siap_jepang::kernel::Actor::new(2, Role::Coordinator, &[site]);
    let captured = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut capturing = app.state.db.clone();
    let sink = captured.clone();
    capturing.set_metric_callback(move |info| sink.lock().unwrap().push(info.statement.clone()));
    siap_jepang::readiness::service::dashboard(app.env(&capturing), &coordinator, Default::default())
        .await
        .unwrap();
    let statements: Vec<sea_orm::Statement> = captured.lock().unwrap().clone();
    let (mut service, mut raw) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        let began = Instant::now();
        siap_jepang::readiness::service::dashboard(app.env(&app.state.db), &coordinator, Default::default())
            .await
            .unwrap();
        service.push(began.elapsed());
        let began = Instant::now();
        for statement in &statements {
            sea_orm::ConnectionTrait::query_all_raw(&app.state.db, statement.clone())
                .await
                .unwrap();
        }
        raw.push(began.elapsed());
    }
    service.sort();
    raw.sort();
    println!(
        "one site's dashboard (coordinator): use case median {:.1} ms; its {} statements as raw SQL {:.1} ms; ratio {:.2}",
        service[3].as_secs_f64() * 1e3,
        statements.len(),
        raw[3].as_secs_f64() * 1e3,
        service[3].as_secs_f64() / raw[3].as_secs_f64()
    );
    let client = app.signed_in("admin@uji.id").await;
    let mut pages = Vec::new();
    let mut bytes = 0;
    for _ in 0..5 {
        let began = Instant::now();
        let response = app.get(&client, "/kesiapan").await;
        assert_eq!(response.status(), 200);
        bytes = response.bytes().await.unwrap().len();
        pages.push(began.elapsed());
    }
    pages.sort();
    println!(
        "GET /kesiapan (first 50 rows, {bytes} B HTML): median {:.0} ms",
        pages[pages.len() / 2].as_secs_f64() * 1e3
    );
}
