//! Helpers for the schedule: a cohort to plan (with an instructor busy elsewhere), and
//! times of day in WIB as the session helpers take them.

use crate::support::TestApp;
use siap_jepang::kernel::{wib, Role};

pub struct Plan {
    pub app: TestApp,
    pub cohort: i64,
    pub sensei: i64,
    pub other_cohort: i64,
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
    }
}

/// `hour`:00 WIB on `date`, as the session helpers take it.
pub(crate) fn at(date: time::Date, hour: u8) -> String {
    wib::at(date, time::Time::from_hms(hour, 0, 0).unwrap())
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}
