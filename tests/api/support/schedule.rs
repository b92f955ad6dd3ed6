//! Helpers for the schedule: a cohort to plan (with an instructor busy elsewhere), and
//! times of day in WIB as the session helpers take them.

use crate::support::TestApp;
use siap_jepang::kernel::{wib, Role};

pub struct Plan {
    pub app: TestApp,
    pub cohort: i64,
    pub sensei: i64,
    pub other_cohort: i64,
    /// The cohort's trainee (account id), who signs in as `0812-1000-0001`.
    pub trainee: i64,
}

/// A coordinator at BBPLK Serang, an instructor who also teaches another cohort, and a
/// cohort running from March to June 2027 (its holidays come from the seeded calendar).
pub async fn plan() -> Plan {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let trainee = app.user(Role::Trainee, "0812-1000-0001", &["BBPLK-SRG"]).await;
    let cohort = app
        .cohort(
            "JP-SSW-2027-03",
            "BBPLK-SRG",
            ("2027-03-01", "2027-06-30"),
            &[sensei],
            &[trainee],
        )
        .await;
    let other_cohort = app
        .cohort(
            "JP-LAIN-01",
            "BBPLK-SRG",
            ("2027-01-04", "2027-06-30"),
            &[sensei],
            &[],
        )
        .await;
    // The instructor already teaches elsewhere on Monday 8 March, 09.00–10.00 WIB.
    app.session(
        other_cohort,
        "2027-03-08T02:00:00Z",
        "2027-03-08T03:00:00Z",
        Some(sensei),
        None,
    )
    .await;
    Plan {
        app,
        cohort,
        sensei,
        other_cohort,
        trainee,
    }
}

/// `hour`:00 WIB on `date`, as the session helpers take it.
pub(crate) fn at(date: time::Date, hour: u8) -> String {
    wib::at(date, time::Time::from_hms(hour, 0, 0).unwrap())
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

/// Moves `session` to `date`, `start`–`end` (WIB, as typed) with `instructor` and `room`
/// for `reason`, through the server function as `client`; it must succeed.
pub async fn move_session(
    app: &TestApp,
    client: &reqwest::Client,
    session: i64,
    (date, start, end): (&str, &str, &str),
    (instructor, room): (Option<i64>, Option<i64>),
    reason: &str,
) {
    let text = |id: Option<i64>| id.map(|id| id.to_string()).unwrap_or_default();
    let (id, instructor, room) = (session.to_string(), text(instructor), text(room));
    let form = [
        ("session_id", id.as_str()),
        ("date", date),
        ("start_time", start),
        ("end_time", end),
        ("instructor_id", instructor.as_str()),
        ("room_id", room.as_str()),
        ("reason", reason),
    ];
    let response = app.call(client, "/api/schedule/move", &form).await;
    let status = response.status();
    assert_eq!(status, 200, "{}", response.text().await.unwrap_or_default());
}

/// Cancels `session` for `reason` as `client`; it must succeed.
pub async fn cancel_session(app: &TestApp, client: &reqwest::Client, session: i64, reason: &str) {
    let id = session.to_string();
    let response = app
        .call(
            client,
            "/api/schedule/cancel",
            &[("session_id", id.as_str()), ("reason", reason)],
        )
        .await;
    let status = response.status();
    assert_eq!(status, 200, "{}", response.text().await.unwrap_or_default());
}
