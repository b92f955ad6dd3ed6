//! Integration keys as values: what a key may do (its scopes), its name, its life, and
//! the spelling of the key a partner sends. Pure: no I/O.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use crate::kernel::Problem;

/// What a key may do in `/api/v1`. A key has one or more; every endpoint needs one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Scope {
    /// Sites, programmes, cohorts and their sessions.
    CohortsRead,
    /// Trainee records (NIK masked), enrollments and their history.
    TraineesRead,
    /// Whole NIKs and phone numbers, with `trainees:read`.
    PiiRead,
    /// Attendance summaries.
    AttendanceRead,
    /// Readiness verdicts and their blockers.
    ReadinessRead,
    /// A trainee's government numbers (ID PMI, SISKOP2MI).
    RegistryWrite,
    /// Official results from a test centre.
    ResultsWrite,
}

impl Scope {
    pub const ALL: [Scope; 7] = [
        Scope::CohortsRead,
        Scope::TraineesRead,
        Scope::PiiRead,
        Scope::AttendanceRead,
        Scope::ReadinessRead,
        Scope::RegistryWrite,
        Scope::ResultsWrite,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::CohortsRead => "cohorts:read",
            Scope::TraineesRead => "trainees:read",
            Scope::PiiRead => "pii:read",
            Scope::AttendanceRead => "attendance:read",
            Scope::ReadinessRead => "readiness:read",
            Scope::RegistryWrite => "registry:write",
            Scope::ResultsWrite => "results:write",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|scope| scope.as_str() == input.trim())
    }
}

/// A key's scopes, each once, in the order of [`Scope::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Scopes(Vec<Scope>);

impl Scopes {
    /// Scopes by name (as typed on the command line or ticked on the page).
    ///
    /// # Errors
    /// [`Problem::Required`] for none, [`Problem::InvalidChoice`] for a name that is not a
    /// scope.
    pub fn parse<S: AsRef<str>>(names: &[S]) -> Result<Self, Problem> {
        let mut scopes = Vec::new();
        for name in names.iter().map(AsRef::as_ref).filter(|n| !n.trim().is_empty()) {
            scopes.push(Scope::parse(name).ok_or(Problem::InvalidChoice)?);
        }
        if scopes.is_empty() {
            return Err(Problem::Required);
        }
        scopes.sort();
        scopes.dedup();
        Ok(Self(scopes))
    }

    /// As stored: the names, space-separated. Names that are no longer scopes are dropped.
    pub fn from_stored(stored: &str) -> Self {
        let mut scopes: Vec<Scope> = stored.split_whitespace().filter_map(Scope::parse).collect();
        scopes.sort();
        scopes.dedup();
        Self(scopes)
    }

    pub fn to_stored(&self) -> String {
        self.0.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
    }

    pub fn has(&self, scope: Scope) -> bool {
        self.0.contains(&scope)
    }

    pub fn iter(&self) -> impl Iterator<Item = Scope> + '_ {
        self.0.iter().copied()
    }
}

/// The integration a key belongs to ("SISKOP2MI BP3MI Banten"): keys of one name are one
/// integration, of which two keys may be live at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyName(String);

impl KeyName {
    pub const MAX: u32 = 80;

    /// Trimmed, inner runs of spaces as one, 2–80 characters, no control characters.
    ///
    /// # Errors
    /// [`Problem::Required`], [`Problem::TooLong`], or [`Problem::InvalidChoice`] for control
    /// characters or a single character.
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(Problem::Required);
        }
        // Characters, not graphemes: the column holds 80 characters.
        let length = name.chars().count();
        if length > Self::MAX as usize {
            return Err(Problem::TooLong { max: Self::MAX });
        }
        if length < 2 || name.chars().any(char::is_control) {
            return Err(Problem::InvalidChoice);
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How long a new key works: 1 to 730 days, or without end (left empty).
pub const MAX_EXPIRY_DAYS: i64 = 730;

/// The expiry of a key made at `now` to last `days` days (`None`: no expiry).
///
/// # Errors
/// [`Problem::OutOfRange`] outside 1–730.
pub fn expiry(now: OffsetDateTime, days: Option<i64>) -> Result<Option<OffsetDateTime>, Problem> {
    match days {
        None => Ok(None),
        Some(days) if (1..=MAX_EXPIRY_DAYS).contains(&days) => Ok(Some(now + Duration::days(days))),
        Some(_) => Err(Problem::OutOfRange {
            min: 1,
            max: MAX_EXPIRY_DAYS,
        }),
    }
}

/// At most this many keys of one integration are live at once (the old and the new one
/// while a partner rotates).
pub const LIVE_PER_INTEGRATION: i16 = 2;

/// Where a key stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyState {
    Live,
    Expired,
    Revoked,
}

impl KeyState {
    pub fn of(
        now: OffsetDateTime,
        expires_at: Option<OffsetDateTime>,
        revoked_at: Option<OffsetDateTime>,
    ) -> Self {
        if revoked_at.is_some() {
            KeyState::Revoked
        } else if expires_at.is_some_and(|at| at <= now) {
            KeyState::Expired
        } else {
            KeyState::Live
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            KeyState::Live => "live",
            KeyState::Expired => "expired",
            KeyState::Revoked => "revoked",
        }
    }
}

/// The spelling of a key: `sjk_` and ten hex digits (the prefix, shown on the page and
/// in logs), `_`, and the secret (43 URL-safe base64 characters, 256 random bits).
pub const KEY_MARK: &str = "sjk_";
const PREFIX_HEX: usize = 10;
const SECRET_LEN: usize = 43;

/// A key as sent in `Authorization: Bearer …`, split into the prefix to find it by and
/// the whole key whose hash is compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresentedKey<'a> {
    pub prefix: &'a str,
    pub whole: &'a str,
}

impl<'a> PresentedKey<'a> {
    /// `None` for anything not spelled as a key.
    pub fn parse(key: &'a str) -> Option<Self> {
        let prefix_len = KEY_MARK.len() + PREFIX_HEX;
        let prefix = key.get(..prefix_len)?;
        let hex = prefix.strip_prefix(KEY_MARK)?;
        let secret = key.get(prefix_len..)?.strip_prefix('_')?;
        let spelled = hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            && secret.len() == SECRET_LEN
            && secret
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        spelled.then_some(Self { prefix, whole: key })
    }
}

/// Puts a key together from its random parts (hex prefix digits and the secret).
pub fn spell_key(prefix_hex: &str, secret: &str) -> (String, String) {
    let prefix = format!("{KEY_MARK}{prefix_hex}");
    let whole = format!("{prefix}_{secret}");
    (prefix, whole)
}

/// The hex digits a prefix takes, from its random bytes.
pub const PREFIX_BYTES: usize = PREFIX_HEX / 2;

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn scopes_parse_by_name_once_each_in_a_fixed_order() {
        let scopes = Scopes::parse(&["readiness:read", "cohorts:read", "readiness:read"]).unwrap();
        assert_eq!(scopes.to_stored(), "cohorts:read readiness:read");
        assert!(scopes.has(Scope::ReadinessRead) && !scopes.has(Scope::PiiRead));
        assert_eq!(Scopes::parse::<&str>(&[]), Err(Problem::Required));
        assert_eq!(Scopes::parse(&["", " "]), Err(Problem::Required));
        assert_eq!(Scopes::parse(&["admin"]), Err(Problem::InvalidChoice));
        assert_eq!(
            Scopes::from_stored("pii:read gone:read trainees:read"),
            Scopes::parse(&["trainees:read", "pii:read"]).unwrap()
        );
        for scope in Scope::ALL {
            assert_eq!(Scope::parse(scope.as_str()), Some(scope));
        }
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            KeyName::parse("  SISKOP2MI   Banten ").unwrap().as_str(),
            "SISKOP2MI Banten"
        );
        assert_eq!(KeyName::parse("   "), Err(Problem::Required));
        assert_eq!(KeyName::parse("x"), Err(Problem::InvalidChoice));
        assert_eq!(KeyName::parse("a\u{7}b"), Err(Problem::InvalidChoice));
        assert!(KeyName::parse(&"é".repeat(80)).is_ok());
        assert_eq!(KeyName::parse(&"é".repeat(81)), Err(Problem::TooLong { max: 80 }));
        // Counted as the column counts: "e" + a combining accent is two characters.
        assert_eq!(
            KeyName::parse(&"e\u{301}".repeat(41)),
            Err(Problem::TooLong { max: 80 })
        );
    }

    #[test]
    fn expiry_is_one_day_to_two_years_or_none() {
        let now = datetime!(2026-12-07 08:00 +7);
        assert_eq!(expiry(now, None), Ok(None));
        assert_eq!(expiry(now, Some(30)), Ok(Some(datetime!(2027-01-06 08:00 +7))));
        assert!(expiry(now, Some(0)).is_err());
        assert!(expiry(now, Some(731)).is_err());
    }

    #[test]
    fn a_key_is_revoked_expired_or_live() {
        let now = datetime!(2026-12-07 08:00 +7);
        assert_eq!(KeyState::of(now, None, None), KeyState::Live);
        assert_eq!(KeyState::of(now, Some(now), None), KeyState::Expired);
        assert_eq!(
            KeyState::of(now, Some(now + Duration::seconds(1)), None),
            KeyState::Live
        );
        assert_eq!(KeyState::of(now, None, Some(now)), KeyState::Revoked);
    }

    #[test]
    fn only_keys_spelled_as_keys_are_looked_up() {
        let secret = "A".repeat(43);
        let (prefix, whole) = spell_key("0a1b2c3d4e", &secret);
        assert_eq!(prefix, "sjk_0a1b2c3d4e");
        let presented = PresentedKey::parse(&whole).unwrap();
        assert_eq!(presented.prefix, "sjk_0a1b2c3d4e");
        assert_eq!(presented.whole, whole);
        assert!(PresentedKey::parse("sjk_0a1b2c3d4e").is_none());
        assert!(PresentedKey::parse(&format!("sjk_0A1B2C3D4E_{secret}")).is_none());
        assert!(PresentedKey::parse(&format!("sjk_0a1b2c3d4e_{}", "A".repeat(42))).is_none());
        assert!(PresentedKey::parse(&format!("sjk_0a1b2c3d4e_{}!", "A".repeat(42))).is_none());
        assert!(PresentedKey::parse(&format!("xyz_0a1b2c3d4e_{secret}")).is_none());
        assert!(PresentedKey::parse("sjk_é").is_none());
    }
}
