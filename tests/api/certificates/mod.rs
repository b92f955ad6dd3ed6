//! Certificates and letters over HTTP: issuing one or a whole cohort (numbered per site and
//! year, gap-free even when two coordinators issue at once), the PDF read back (text and
//! QR code), the public verification (valid, revoked, unknown, rate-limited), reissuing
//! and revoking, the sites' settings and logos, and every refusal.

mod cli;
mod issuing;
mod numbering;
mod verification;

use crate::support::attendance::rfc3339;
use crate::support::*;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use siap_jepang::entities::{attendance_marks, enrollments, issued_documents};
use siap_jepang::kernel::{wib, Role};
use time::Duration;

pub struct Papers {
    pub app: TestApp,
    pub cohort: i64,
    /// Adi Nugroho: completed, attended both sessions (8 JP).
    pub adi: i64,
    /// Bayu Saputra: completed, late to one session and absent from the other (4 JP).
    pub bayu: i64,
    /// Citra Lestari: still active.
    pub citra: i64,
}

/// A cohort at BBPLK Serang (coordinator rina@uji.id; another site's coordinator
/// tono@uji.id; admin@uji.id; instructor sensei@uji.id) that held two sessions of three
/// hours: Adi and Bayu completed it, Citra is still active.
pub async fn papers() -> Papers {
    papers_with(|_| {}).await
}

pub async fn papers_with(adjust: impl FnOnce(&mut siap_jepang::platform::config::Config)) -> Papers {
    let app = TestApp::spawn_with(adjust).await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Coordinator, "tono@uji.id", &["UPT-SRG"]).await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let adi = app
        .user_named(Role::Trainee, "0812-0000-0001", "Adi Nugroho", &["BBPLK-SRG"])
        .await;
    let bayu = app
        .user_named(Role::Trainee, "0812-0000-0002", "Bayu Saputra", &["BBPLK-SRG"])
        .await;
    let citra = app
        .user_named(Role::Trainee, "0812-0000-0003", "Citra Lestari", &["BBPLK-SRG"])
        .await;
    let now = app.state.clock.now();
    let today = wib::today(now);
    let cohort = app
        .cohort(
            "JP-SERT-01",
            "BBPLK-SRG",
            (
                &wib::iso_date(today - Duration::days(60)),
                &wib::iso_date(today + Duration::days(30)),
            ),
            &[sensei],
            &[adi, bayu, citra],
        )
        .await;
    let mut sessions = Vec::new();
    for days in [10, 5] {
        let start = now - Duration::days(days);
        sessions.push(
            app.session(
                cohort,
                &rfc3339(start),
                &rfc3339(start + Duration::hours(3)),
                Some(sensei),
                None,
            )
            .await,
        );
    }
    let (adi, adi_enrollment) = app.record_and_enrollment(adi, cohort).await;
    let (bayu, bayu_enrollment) = app.record_and_enrollment(bayu, cohort).await;
    let (_, citra_enrollment) = app.record_and_enrollment(citra, cohort).await;
    for (record, session, status) in [
        (adi, sessions[0], "hadir"),
        (adi, sessions[1], "hadir"),
        (bayu, sessions[0], "terlambat"),
        (bayu, sessions[1], "alpa"),
    ] {
        attendance_marks::Entity::insert(attendance_marks::ActiveModel {
            session_id: Set(session),
            trainee_id: Set(record),
            status: Set(status.into()),
            source: Set("roll_call".into()),
            marked_by: Set(Some(sensei)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec(&app.state.db)
        .await
        .unwrap();
    }
    complete(&app, &[adi_enrollment, bayu_enrollment]).await;
    Papers {
        app,
        cohort,
        adi: adi_enrollment,
        bayu: bayu_enrollment,
        citra: citra_enrollment,
    }
}

/// Marks enrollments completed yesterday, straight into the database.
pub async fn complete(app: &TestApp, ids: &[i64]) {
    let yesterday = wib::today(app.state.clock.now()) - Duration::days(1);
    enrollments::Entity::update_many()
        .col_expr(
            enrollments::Column::Status,
            sea_orm::sea_query::Expr::value("completed"),
        )
        .col_expr(
            enrollments::Column::LeftOn,
            sea_orm::sea_query::Expr::value(Some(yesterday)),
        )
        .filter(enrollments::Column::Id.is_in(ids.to_vec()))
        .exec(&app.state.db)
        .await
        .unwrap();
}

/// BBPLK Serang's signatory and patterns, saved by the admin.
pub async fn configure(app: &TestApp) {
    let admin = app.signed_in("admin@uji.id").await;
    let site = app.site("BBPLK-SRG").to_string();
    let response = app
        .call(
            &admin,
            "/api/certificates/save-settings",
            &[
                ("site_id", &site),
                ("signatory_name", "Ir. Hendra Kusuma, M.M."),
                ("signatory_position", "Kepala BBPLK Serang"),
                ("certificate_pattern", "{seq}/SJ/{site}/{month_roman}/{year}"),
                ("letter_pattern", "{seq}/SK/{site}/{month_roman}/{year}"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
}

/// Issues one document (`kind`: "certificate" or "letter") for an enrollment, as `who`.
pub async fn issue_one(
    app: &TestApp,
    who: &reqwest::Client,
    enrollment: &str,
    kind: &str,
) -> reqwest::Response {
    app.call(
        who,
        "/api/certificates/issue",
        &[("enrollment_id", enrollment), ("kind", kind)],
    )
    .await
}

/// Every document stored, oldest first.
pub async fn stored(app: &TestApp) -> Vec<issued_documents::Model> {
    use sea_orm::QueryOrder;
    issued_documents::Entity::find()
        .order_by_asc(issued_documents::Column::Id)
        .all(&app.state.db)
        .await
        .unwrap()
}

/// The number a pattern `{seq}/SJ/BBPLK-SRG/{month_roman}/{year}` gives `seq` today.
pub fn number(app: &TestApp, prefix: &str, seq: u32) -> String {
    let today = wib::today(app.state.clock.now());
    format!(
        "{seq:03}/{prefix}/BBPLK-SRG/{}/{}",
        siap_jepang::certificates::model::roman(u8::from(today.month())),
        today.year()
    )
}
