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
/// How many are remembered at most: past it (after a sweep), new addresses wait.
const REMEMBER_AT_MOST: usize = 100_000;

/// Whom a request counts for: an IPv4 address, or an IPv6 one's /64 (one household or
/// phone has a whole /64 to rotate through).
fn counted_as(address: &str) -> String {
    match address.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        _ => address.to_owned(),
    }
}

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
        let key = (purpose, counted_as(address));
        if windows.len() > SWEEP_ABOVE && !windows.contains_key(&key) {
            windows.retain(|_, (started, _)| now - *started < Duration::minutes(1));
            if windows.len() >= REMEMBER_AT_MOST {
                return Err(60);
            }
        }
        let window = windows.entry(key).or_insert((now, 0));
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

    #[test]
    fn an_ipv6_network_counts_as_one_address() {
        let limits = Limits::default();
        let at = datetime!(2026-12-07 10:00:00 UTC);
        assert_eq!(limits.hit("verify", "2001:db8:1:2::1", at, 1), Ok(()));
        assert!(limits.hit("verify", "2001:db8:1:2:ffff::9", at, 1).is_err());
        assert_eq!(limits.hit("verify", "2001:db8:1:3::1", at, 1), Ok(()));
    }
}
