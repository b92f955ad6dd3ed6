//! Helpers for attendance: a class with sessions now, before and after; roll calls sent
//! and their marks read back; check-in opened, policies, held sessions made, and the grid
//! and the staff home read back.

use crate::support::{error_of, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use siap_jepang::entities::attendance_marks;
use siap_jepang::kernel::Role;
use time::{Duration, OffsetDateTime};

pub struct Class {
    pub app: TestApp,
    pub cohort: i64,
    /// Trainee records: Adi, Bayu, Citra (accounts 0812-0000-0001..3).
    pub records: Vec<i64>,
    /// In class now: started ten minutes ago, ends in two hours.
    pub now_session: i64,
    /// Yesterday's, over.
    #[allow(dead_code)]
    pub past_session: i64,
    /// Tomorrow's.
    pub coming_session: i64,
}

pub fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339).unwrap()
}

/// A running cohort at BBPLK Serang taught by sensei@uji.id, with three trainees and a
/// session now, one yesterday and one tomorrow; coordinator rina@uji.id.
pub async fn class() -> Class {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Instructor, "lain@uji.id", &["BBPLK-SRG"]).await;
    let mut members = Vec::new();
    for (n, name) in ["Adi", "Bayu", "Citra"].iter().enumerate() {
        members.push(
            app.user_named(
                Role::Trainee,
                &format!("0812-0000-000{}", n + 1),
                name,
                &["BBPLK-SRG"],
            )
            .await,
        );
    }
    let now = app.state.clock.now();
    let today = siap_jepang::kernel::wib::today(now);
    let iso = |d: time::Date| siap_jepang::kernel::wib::iso_date(d);
    let cohort = app
        .cohort(
            "JP-ABS-01",
            "BBPLK-SRG",
            (&iso(today - Duration::days(30)), &iso(today + Duration::days(60))),
            &[sensei],
            &members,
        )
        .await;
    let session = |start: OffsetDateTime, hours: i64| {
        let app = &app;
        async move {
            app.session(
                cohort,
                &rfc3339(start),
                &rfc3339(start + Duration::hours(hours)),
                Some(sensei),
                None,
            )
            .await
        }
    };
    let now_session = session(now - Duration::minutes(10), 2).await;
    let past_session = session(now - Duration::days(1), 2).await;
    let coming_session = session(now + Duration::days(1), 2).await;
    let mut records = Vec::new();
    for member in members {
        records.push(app.record_and_enrollment(member, cohort).await.0);
    }
    Class {
        app,
        cohort,
        records,
        now_session,
        past_session,
        coming_session,
    }
}

/// A roll call form: `(record, status, remark)` per line.
pub fn roll_form(session: i64, lines: &[(i64, &str, &str)]) -> Vec<(String, String)> {
    let mut form = vec![("session_id".to_owned(), session.to_string())];
    for (record, status, remark) in lines {
        form.push((format!("status[{record}]"), (*status).to_owned()));
        if !remark.is_empty() {
            form.push((format!("remark[{record}]"), (*remark).to_owned()));
        }
    }
    form
}

pub async fn save(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(String, String)],
) -> (u16, serde_json::Value) {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    error_of(app.call(client, "/api/attendance/save", &pairs).await).await
}

pub async fn marks(app: &TestApp, session: i64) -> Vec<(i64, String, Option<String>)> {
    let mut marks: Vec<_> = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SessionId.eq(session))
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.trainee_id, m.status, m.remark))
        .collect();
    marks.sort();
    marks
}

impl TestApp {
    /// Opens self check-in for `session` with the secret `"s3cret"`.
    pub async fn open_check_in(&self, session: i64) {
        siap_jepang::attendance::db::open_check_in(
            &self.state.db,
            session.into(),
            "s3cret",
            siap_jepang::kernel::AccountId(1),
            self.state.clock.now(),
        )
        .await
        .expect("check-in opened");
    }

    /// A cohort's attendance policy.
    pub async fn set_policy(&self, cohort: i64, policy: siap_jepang::attendance::model::Policy) {
        siap_jepang::attendance::db::save_policy(
            &self.state.db,
            cohort.into(),
            &policy,
            siap_jepang::kernel::AccountId(1),
            self.state.clock.now(),
        )
        .await
        .expect("policy saved");
    }
}

/// A two-hour session of `cohort` for each of `days` (that many days ago, ended an hour
/// before now's clock time), in the order given.
pub async fn held_days_ago(app: &TestApp, cohort: i64, days: impl IntoIterator<Item = i64>) -> Vec<i64> {
    let now = app.state.clock.now();
    let mut sessions = Vec::new();
    for days in days {
        sessions.push(
            app.session(
                cohort,
                &rfc3339(now - Duration::days(days) - Duration::hours(3)),
                &rfc3339(now - Duration::days(days) - Duration::hours(1)),
                None,
                None,
            )
            .await,
        );
    }
    sessions
}

/// The entry of `list` (a JSON array) for the trainee `name`.
pub fn named(list: &serde_json::Value, name: &str) -> serde_json::Value {
    list.as_array()
        .and_then(|rows| rows.iter().find(|r| r["name"] == name))
        .unwrap_or_else(|| panic!("{name} is not in {list}"))
        .clone()
}

/// The cohort grid and the staff home's overview, as `client` gets them from the API.
pub async fn grid_and_overview(
    app: &TestApp,
    client: &reqwest::Client,
    cohort: i64,
) -> (serde_json::Value, serde_json::Value) {
    let grid = app
        .get_api(client, &format!("/api/attendance/cohort?cohort_id={cohort}"))
        .await
        .json()
        .await
        .unwrap();
    let overview = app
        .get_api(client, "/api/attendance/overview")
        .await
        .json()
        .await
        .unwrap();
    (grid, overview)
}
