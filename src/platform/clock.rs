//! The application's notion of "now": UTC, whole seconds.
//!
//! Timestamps are stored truncated to seconds so their text form on SQLite
//! (`2026-11-28T20:54:19Z`) sorts the same way the instants do. Tests move the clock
//! forward to exercise expiry without sleeping.

use std::sync::{
    atomic::{AtomicI64, Ordering},
    Arc,
};
use time::{Duration, OffsetDateTime};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    skew_seconds: Arc<AtomicI64>,
}

impl Clock {
    pub fn system() -> Self {
        Self::default()
    }

    pub fn now(&self) -> OffsetDateTime {
        let now = OffsetDateTime::now_utc() + Duration::seconds(self.skew_seconds.load(Ordering::Relaxed));
        now.replace_nanosecond(0).unwrap_or(now)
    }

    /// Moves this clock (and every clone of it) forward. Used by tests only.
    pub fn advance(&self, by: Duration) {
        self.skew_seconds.fetch_add(by.whole_seconds(), Ordering::Relaxed);
    }
}
