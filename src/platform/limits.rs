//! Requests counted per address in windows of one minute, in this process's memory: for
//! public pages that must not be walked through (the verification of a document's code).
//! Each running instance counts its own; a restart forgets the counts.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use time::{Duration, OffsetDateTime};

/// When a (purpose, address) window started, and how many requests it holds.
type Windows = HashMap<(&'static str, String), (OffsetDateTime, u32)>;

/// The windows of every (purpose, address) seen in the last minute.
#[derive(Clone, Default)]
pub struct Limits(Arc<Mutex<Windows>>);

/// How many addresses are remembered before the stale ones are swept.
const SWEEP_ABOVE: usize = 10_000;

impl Limits {
    /// Counts one request of `purpose` from `address` at `now`; `Err` with the seconds to
    /// wait once the window holds more than `per_minute`.
    ///
    /// # Errors
    /// The seconds until the window ends, past the limit.
    pub fn hit(
        &self,
        purpose: &'static str,
        address: &str,
        now: OffsetDateTime,
        per_minute: u32,
    ) -> Result<(), u64> {
        let Ok(mut windows) = self.0.lock() else {
            return Ok(());
        };
        if windows.len() > SWEEP_ABOVE {
            windows.retain(|_, (started, _)| now - *started < Duration::minutes(1));
        }
        let window = windows.entry((purpose, address.to_owned())).or_insert((now, 0));
        if now - window.0 >= Duration::minutes(1) {
            *window = (now, 0);
        }
        window.1 = window.1.saturating_add(1);
        if window.1 > per_minute {
            let ends = window.0 + Duration::minutes(1);
            Err(u64::try_from((ends - now).whole_seconds()).unwrap_or(0).max(1))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn an_address_is_held_back_past_the_limit_until_its_minute_is_over() {
        let limits = Limits::default();
        let at = datetime!(2026-12-07 10:00:00 UTC);
        for _ in 0..3 {
            assert_eq!(limits.hit("verify", "10.0.0.1", at, 3), Ok(()));
        }
        assert_eq!(
            limits.hit("verify", "10.0.0.1", at + Duration::seconds(20), 3),
            Err(40)
        );
        assert_eq!(limits.hit("verify", "10.0.0.2", at, 3), Ok(()));
        assert_eq!(limits.hit("other", "10.0.0.1", at, 3), Ok(()));
        assert_eq!(
            limits.hit("verify", "10.0.0.1", at + Duration::seconds(60), 3),
            Ok(())
        );
    }
}
