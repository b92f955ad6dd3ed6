//! N+1 guards: every list page and dashboard answers in a number of statements that does
//! not grow with the data. Two databases are filled by the scale seed (the generator of
//! `seed --scale`), the second with twice the cohorts, longer courses and bigger classes;
//! each page, opened by the same kind of user on the biggest running cohort, must take
//! exactly as many statements on both.

use crate::support::*;
use reqwest::Client;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use siap_jepang::entities::{class_sessions, cohorts, enrollments, trainees, users};
use siap_jepang::kernel::Role;
use siap_jepang::server::seed::scale::{seed_scale, Size, SCALE_PASSWORD};

const SMALL: Size = Size {
    sites: 1,
    cohorts_per_site: 4,
    sessions_per_cohort: 60,
    rooms_per_site: 1,
    large_every: 2,
    large_class: 6,
    small_class: 3,
};

const LARGE: Size = Size {
    sites: 1,
    cohorts_per_site: 8,
    sessions_per_cohort: 90,
    rooms_per_site: 2,
    large_every: 2,
    large_class: 14,
    small_class: 7,
};

struct World {
    app: TestApp,
    admin: Client,
    coordinator: Client,
    instructor: Client,
    trainee: Client,
    cohort: i64,
    session: i64,
    record: i64,
}

async fn sign_in(app: &TestApp, login: &str, password: &str) -> Client {
    let client = app.client();
    let response = app
        .call(
            &client,
            "/api/accounts/sign-in",
            &[("login", login), ("password", password)],
        )
        .await;
    assert_eq!(response.status(), 200, "{login}");
    client
}

async fn world(size: Size) -> World {
    let app = TestApp::spawn().await;
    seed_scale(&app.state, size, false, false)
        .await
        .expect("scale seed");
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let db = &app.state.db;
    let running = cohorts::Entity::find()
        .filter(cohorts::Column::Status.eq("running"))
        .order_by_desc(cohorts::Column::SeatsTaken)
        .one(db)
        .await
        .unwrap()
        .expect("a running cohort");
    let session = class_sessions::Entity::find()
        .filter(class_sessions::Column::CohortId.eq(running.id))
        .filter(class_sessions::Column::EndsAt.lte(siap_jepang::schedule::db::utc(app.state.clock.now())))
        .order_by_desc(class_sessions::Column::StartsAt)
        .one(db)
        .await
        .unwrap()
        .expect("a session held");
    let enrollment = enrollments::Entity::find()
        .filter(enrollments::Column::CohortId.eq(running.id))
        .filter(enrollments::Column::Status.eq("active"))
        .one(db)
        .await
        .unwrap()
        .expect("an active trainee");
    let record = trainees::Entity::find_by_id(enrollment.trainee_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let phone = users::Entity::find_by_id(record.user_id.unwrap())
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .phone
        .unwrap();
    let instructor = users::Entity::find_by_id(session.instructor_id.unwrap())
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .email
        .unwrap();
    World {
        admin: app.signed_in("admin@uji.id").await,
        coordinator: sign_in(&app, "koordinator1.bbplk-srg@skala.siapjepang.id", SCALE_PASSWORD).await,
        instructor: sign_in(&app, &instructor, SCALE_PASSWORD).await,
        trainee: sign_in(&app, &phone, SCALE_PASSWORD).await,
        cohort: running.id,
        session: session.id,
        record: record.id,
        app,
    }
}

/// (who, path) of every list page and dashboard.
fn pages(w: &World) -> Vec<(&'static str, String)> {
    let (c, s, r) = (w.cohort, w.session, w.record);
    vec![
        ("trainee", "/jadwal".into()),
        ("trainee", "/kehadiran".into()),
        ("trainee", "/izin".into()),
        ("trainee", "/kesiapan-saya".into()),
        ("instructor", "/kehadiran".into()),
        ("instructor", "/jadwal".into()),
        ("instructor", format!("/sesi/{s}/absen")),
        ("instructor", format!("/sesi/{s}/daftar-hadir")),
        ("coordinator", "/angkatan".into()),
        ("coordinator", format!("/angkatan/{c}")),
        ("coordinator", format!("/angkatan/{c}/peserta")),
        ("coordinator", format!("/angkatan/{c}/kehadiran")),
        ("coordinator", format!("/angkatan/{c}/kehadiran/cetak")),
        (
            "coordinator",
            format!("/angkatan/{c}/kehadiran/ekspor?format=csv"),
        ),
        ("coordinator", format!("/angkatan/{c}/nilai")),
        ("coordinator", format!("/angkatan/{c}/cetak")),
        ("coordinator", format!("/angkatan/{c}/peserta/ekspor?format=csv")),
        ("coordinator", "/kalender".into()),
        ("coordinator", "/kehadiran".into()),
        ("coordinator", "/izin/tinjau".into()),
        ("coordinator", "/peserta".into()),
        ("coordinator", "/peserta/ekspor?format=csv".into()),
        ("coordinator", format!("/peserta/{r}")),
        ("coordinator", "/kesiapan".into()),
        ("coordinator", "/kesiapan/ekspor?format=csv".into()),
        ("coordinator", format!("/kesiapan/peserta/{r}")),
        ("admin", "/pengguna".into()),
        ("admin", "/audit".into()),
    ]
}

async fn counts(w: &World) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (who, path) in pages(w) {
        let client = match who {
            "trainee" => &w.trainee,
            "instructor" => &w.instructor,
            "coordinator" => &w.coordinator,
            _ => &w.admin,
        };
        // The first request may fill caches; the second is the one counted.
        w.app.queries_of(client, &path).await;
        let count = w.app.queries_of(client, &path).await;
        out.push((format!("{who} {path}"), count));
    }
    out
}

#[tokio::test]
async fn list_pages_and_dashboards_take_as_many_statements_for_more_data() {
    let small = world(SMALL).await;
    let few = counts(&small).await;
    drop(small);
    let large = world(LARGE).await;
    let many = counts(&large).await;
    let grown: Vec<String> = few
        .iter()
        .zip(&many)
        .filter(|((_, a), (_, b))| b > a)
        .map(|((page, a), (_, b))| format!("{page}: {a} → {b}"))
        .collect();
    println!("statements per page: {many:?}");
    assert!(
        grown.is_empty(),
        "statements grew with the data: {grown:?}\nall: {many:?}"
    );
    for (page, count) in &many {
        assert!(*count <= 30, "{page} takes {count} statements");
    }
}
