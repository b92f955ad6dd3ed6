//! Helpers for readiness: a running cohort with a trainee who attended, server-function
//! calls answered with their refusal, and scans uploaded the way a browser sends them.

use crate::support::attendance::rfc3339;
use crate::support::{error_of, TestApp};
use reqwest::{header, multipart};
use sea_orm::{EntityTrait, Set};
use siap_jepang::entities::attendance_marks;
use siap_jepang::kernel::Role;
use time::Duration;

pub struct Readiness {
    pub app: TestApp,
    pub cohort: i64,
    /// Adi's trainee record (account 0812-0000-0001), enrolled and active.
    pub record: i64,
}

/// A running SSW caregiving cohort at BBPLK Serang (instructor sensei@uji.id,
/// coordinator rina@uji.id; another site's coordinator tono@uji.id; admin@uji.id) with
/// Adi, who attended its one past session.
pub async fn readiness() -> Readiness {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Coordinator, "tono@uji.id", &["UPT-SRG"]).await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Instructor, "lain@uji.id", &["BBPLK-SRG"]).await;
    let adi = app
        .user_named(Role::Trainee, "0812-0000-0001", "Adi", &["BBPLK-SRG"])
        .await;
    app.user_named(Role::Trainee, "0812-0000-0002", "Bayu", &["BBPLK-SRG"])
        .await;
    let now = app.state.clock.now();
    let today = siap_jepang::kernel::wib::today(now);
    let iso = siap_jepang::kernel::wib::iso_date;
    let cohort = app
        .cohort(
            "JP-SIAP-01",
            "BBPLK-SRG",
            (&iso(today - Duration::days(30)), &iso(today + Duration::days(60))),
            &[sensei],
            &[adi],
        )
        .await;
    let start = now - Duration::days(2);
    let session = app
        .session(
            cohort,
            &rfc3339(start),
            &rfc3339(start + Duration::hours(2)),
            Some(sensei),
            None,
        )
        .await;
    let (record, _) = app.record_and_enrollment(adi, cohort).await;
    attendance_marks::Entity::insert(attendance_marks::ActiveModel {
        session_id: Set(session),
        trainee_id: Set(record),
        status: Set("hadir".into()),
        source: Set("roll_call".into()),
        marked_by: Set(Some(sensei)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(&app.state.db)
    .await
    .unwrap();
    Readiness { app, cohort, record }
}

pub async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    error_of(app.call(client, path, form).await).await
}

pub async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    trainee: Option<i64>,
    kind: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let mut form = multipart::Form::new().text("kind", kind.to_owned());
    if let Some(trainee) = trainee {
        form = form.text("trainee_id", trainee.to_string());
    }
    form = form.part("scan", multipart::Part::bytes(bytes).file_name("scan.png"));
    client
        .post(app.url("/kesiapan/pindaian"))
        .header(header::ORIGIN, app.url(""))
        .header(header::ACCEPT, "text/html")
        .multipart(form)
        .send()
        .await
        .expect("request")
}

pub const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
