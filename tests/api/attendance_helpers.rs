//! Helpers for attendance: check-in opened, policies, held sessions made, and the grid and
//! the staff home read back.

use crate::attendance::rfc3339;
use crate::helpers::TestApp;
use time::Duration;

impl TestApp {
    /// Opens self check-in for `session` with the secret `"s3cret"`.
    pub async fn open_check_in(&self, session: i64) {
        siap_jepang::attendance::db::open_check_in(
            &self.state.db,
            session,
            "s3cret",
            1,
            self.state.clock.now(),
        )
        .await
        .expect("check-in opened");
    }

    /// A cohort's attendance policy.
    pub async fn set_policy(&self, cohort: i64, policy: siap_jepang::attendance::model::Policy) {
        siap_jepang::attendance::db::save_policy(&self.state.db, cohort, &policy, 1, self.state.clock.now())
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
