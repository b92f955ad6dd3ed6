//! Two app instances on one database, serving the same people at once: sessions,
//! throttling and the background job are correct across them (nothing lives only in one
//! instance's memory).

use crate::support::attendance::class;
use crate::support::*;
use reqwest::header;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use siap_jepang::attendance::model::Policy;
use siap_jepang::entities::{attendance_marks, audit_log};
use siap_jepang::kernel::Role;

#[tokio::test]
async fn a_sign_in_on_one_instance_is_valid_on_the_other_and_a_sign_out_ends_it_on_both() {
    let app = TestApp::spawn().await;
    let other = app.second_instance().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let response = app.attempt_sign_in("rina@uji.id", PASSWORD).await;
    assert_eq!(response.status(), 200);
    let cookie = cookie_pair(&response);
    let me = |on: &TestApp| {
        on.client()
            .get(on.url("/api/accounts/me"))
            .header(header::ACCEPT, "application/json")
            .header(header::COOKIE, cookie.clone())
            .send()
    };
    assert_eq!(
        me(&other).await.unwrap().status(),
        200,
        "signed in on the other instance"
    );
    assert_eq!(
        other
            .client()
            .get(other.url("/angkatan"))
            .header(header::COOKIE, cookie.clone())
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let out = other
        .client()
        .post(other.url("/api/accounts/sign-out"))
        .header(header::ORIGIN, &other.base)
        .header(header::COOKIE, cookie.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 200);
    assert_eq!(me(&app).await.unwrap().status(), 401, "signed out everywhere");
    assert_eq!(me(&other).await.unwrap().status(), 401);
}

#[tokio::test]
async fn failed_sign_ins_count_across_instances() {
    let app = TestApp::spawn().await;
    let other = app.second_instance().await;
    app.user(Role::Trainee, "0812-1212-3434", &["UPT-SRG"]).await;
    for n in 0..5 {
        let on = if n % 2 == 0 { &app } else { &other };
        let (status, _) = error_of(on.attempt_sign_in("0812-1212-3434", "tebakan yang salah").await).await;
        assert_eq!(status, 401);
    }
    for on in [&app, &other] {
        let (status, error) = error_of(on.attempt_sign_in("0812-1212-3434", PASSWORD).await).await;
        assert_eq!((status, variant(&error).as_str()), (429, "Throttled"));
    }
}

#[tokio::test]
async fn the_background_job_marks_a_session_once_when_both_instances_run_it() {
    let class = class().await;
    let app = &class.app;
    let other = app.second_instance().await;
    app.set_policy(
        class.cohort,
        Policy {
            auto_absent_hours: Some(2),
            ..Default::default()
        },
    )
    .await;
    let (first, second) = tokio::join!(
        siap_jepang::attendance::service::auto_mark(app.env(&app.state.db)),
        siap_jepang::attendance::service::auto_mark(other.env(&other.state.db))
    );
    let (first, second) = (first.unwrap(), second.unwrap());
    assert_eq!(
        first.0 + second.0,
        1,
        "one instance claims the session: {first:?} {second:?}"
    );
    assert_eq!(first.1 + second.1, 3, "Adi, Bayu and Citra, once each");
    let marks = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SessionId.eq(class.past_session))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(marks, 3);
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("attendance_auto"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn a_schedule_change_on_one_instance_shows_at_once_on_the_other() {
    use siap_jepang::kernel::wib;
    use time::Duration;
    let app = TestApp::spawn().await;
    let other = app.second_instance().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let trainee = app.user(Role::Trainee, "0812-1000-0001", &["BBPLK-SRG"]).await;
    let today = wib::today(app.state.clock.now());
    let cohort = app
        .cohort(
            "JP-DUA-01",
            "BBPLK-SRG",
            (
                &wib::iso_date(today - Duration::days(7)),
                &wib::iso_date(today + Duration::days(60)),
            ),
            &[sensei],
            &[trainee],
        )
        .await;
    let tomorrow = today + Duration::days(1);
    let at = crate::support::schedule::at;
    let session = app
        .session(cohort, &at(tomorrow, 8), &at(tomorrow, 10), Some(sensei), None)
        .await;
    // The trainee's schedule on the second instance, read twice: held in its memory.
    let phone = other.signed_in("0812-1000-0001").await;
    for _ in 0..2 {
        let html = other.get(&phone, "/jadwal").await.text().await.unwrap();
        assert!(html.contains("JP-DUA-01") && !html.contains("Dibatalkan"));
    }
    // The coordinator cancels it on the first instance.
    let coordinator = app.signed_in("rina@uji.id").await;
    let cancelled = app
        .call(
            &coordinator,
            "/api/schedule/cancel",
            &[
                ("session_id", &session.to_string()),
                ("reason", "Banjir di jalan tol"),
            ],
        )
        .await;
    assert_eq!(cancelled.status(), 200);
    let html = other.get(&phone, "/jadwal").await.text().await.unwrap();
    assert!(
        html.contains("Dibatalkan"),
        "the cancellation shows on the other instance"
    );
    assert!(html.contains("Banjir di jalan tol"));
}

#[tokio::test]
async fn a_result_recorded_on_one_instance_shows_at_once_on_the_others_dashboard() {
    let crate::support::readiness::Readiness { app, record, .. } =
        crate::support::readiness::readiness().await;
    let other = app.second_instance().await;
    let language = |dashboard: &serde_json::Value| {
        dashboard["rows"][0]["blockers"]
            .as_array()
            .expect("blockers")
            .iter()
            .any(|b| b.to_string().contains("Language"))
    };
    // The dashboard on the second instance, read twice: held in its memory.
    let watcher = other.signed_in("rina@uji.id").await;
    let watched = || async {
        other
            .get_api(&watcher, "/api/readiness/dashboard")
            .await
            .json::<serde_json::Value>()
            .await
            .unwrap()
    };
    for _ in 0..2 {
        let dashboard = watched().await;
        assert!(language(&dashboard), "{dashboard}");
    }
    // A coordinator records a passing JFT-Basic on the first instance.
    let coordinator = app.signed_in("rina@uji.id").await;
    let today = siap_jepang::kernel::wib::today(app.state.clock.now());
    let (status, body) = crate::support::readiness::post(
        &app,
        &coordinator,
        "/api/readiness/record-result",
        &[
            ("trainee_id", &record.to_string()),
            ("kind", "jft_basic"),
            ("score", "230"),
            ("taken_on", &siap_jepang::kernel::wib::iso_date(today)),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let dashboard = watched().await;
    assert!(
        !language(&dashboard),
        "the result shows on the other instance: {dashboard}"
    );
}
