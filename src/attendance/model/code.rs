//! The rotating self check-in code. Server only.
//!
//! When an instructor opens self check-in, the session gets a random secret. The code on
//! the screen is six digits derived from it and the current 30-second slot
//! (HMAC-SHA256, like TOTP), so nobody can compute the next code from this one, and a
//! code photographed and sent to a friend at home stops working within a minute. The
//! code of the previous slot is still accepted, for people typing slowly.

use crate::kernel::SessionId;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// How long one code is shown.
pub const SLOT_SECONDS: i64 = 30;

/// The slot `at` falls in.
pub fn slot(at: OffsetDateTime) -> i64 {
    at.unix_timestamp().div_euclid(SLOT_SECONDS)
}

/// Seconds until the code shown at `at` changes.
pub fn seconds_left(at: OffsetDateTime) -> i64 {
    SLOT_SECONDS - at.unix_timestamp().rem_euclid(SLOT_SECONDS)
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut block = [0u8; BLOCK];
    if key.len() > BLOCK {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.map(|b| b ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

/// The six-digit code of `session_id` in `slot`.
pub fn code(secret: &str, session_id: SessionId, slot: i64) -> String {
    let mac = hmac_sha256(secret.as_bytes(), format!("{session_id}:{slot}").as_bytes());
    // Dynamic truncation, as in RFC 4226.
    let offset = usize::from(mac[31] & 0x0f);
    let value = u32::from_be_bytes([
        mac[offset] & 0x7f,
        mac[offset + 1],
        mac[offset + 2],
        mac[offset + 3],
    ]);
    format!("{:06}", value % 1_000_000)
}

/// Whether `typed` is the code of the current slot or of the one before.
pub fn accepts(secret: &str, session_id: SessionId, typed: &str, at: OffsetDateTime) -> bool {
    let typed: String = typed.chars().filter(char::is_ascii_digit).collect();
    if typed.len() != 6 {
        return false;
    }
    let now = slot(at);
    [now, now - 1]
        .iter()
        .any(|s| constant_time_eq(&code(secret, session_id, *s), &typed))
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn hmac_matches_the_rfc_4231_test_vector() {
        let mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn a_code_holds_for_its_slot_and_the_next_then_expires() {
        let secret = "s3cret";
        let at = datetime!(2027-02-01 01:00:05 UTC);
        let shown = code(secret, SessionId(7), slot(at));
        assert_eq!(shown.len(), 6);
        assert!(accepts(secret, SessionId(7), &shown, at));
        assert!(
            accepts(
                secret,
                SessionId(7),
                &format!("{} {}", &shown[..3], &shown[3..]),
                at
            ),
            "spaces are fine"
        );
        assert!(
            accepts(secret, SessionId(7), &shown, at + time::Duration::seconds(30)),
            "one slot of grace"
        );
        assert!(
            !accepts(secret, SessionId(7), &shown, at + time::Duration::seconds(60)),
            "then it expires"
        );
        assert!(
            !accepts(secret, SessionId(8), &shown, at),
            "another session's code differs"
        );
        assert!(!accepts("other", SessionId(7), &shown, at));
        assert!(!accepts(secret, SessionId(7), "12345", at));
        assert_eq!(seconds_left(at), 25);
    }
}
