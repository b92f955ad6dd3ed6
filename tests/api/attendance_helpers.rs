//! Helpers for attendance: check-in opened, marks and roll calls straight into the
//! database, policies.

use crate::helpers::TestApp;

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
