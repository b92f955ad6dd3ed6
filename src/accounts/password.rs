//! Argon2id hashing with explicit parameters, off the async runtime.

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};
use std::sync::{Arc, OnceLock};
use tokio::sync::Semaphore;

use super::model::NewPassword;

/// A PHC-format Argon2id hash. Not `Serialize`, and its `Debug` hides the value, so it cannot
/// leak into a response or a log line by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHashString(String);

impl PasswordHashString {
    /// Wraps a hash read from the database.
    pub fn from_stored(value: String) -> Self {
        Self(value)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PasswordHashString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHashString(***)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("hashing failed: {0}")]
    Hash(String),
    #[error("the blocking hash task failed: {0}")]
    Task(String),
}

/// Memory (KiB), passes and lanes of new hashes: one of OWASP's Argon2id configurations,
/// which it rates as equal defences (m = 47 MiB/t = 1, 19 MiB/2, 12 MiB/3, 9 MiB/4,
/// 7 MiB/5, all p = 1). The 7 MiB one costs about the same CPU as the 19 MiB one and keeps
/// a sign-in burst's memory low (each hash in flight holds its whole block). Hashes made
/// with other parameters still verify and are replaced on the next successful sign-in.
const M_COST: u32 = 7 * 1024;
const T_COST: u32 = 5;
const P_COST: u32 = 1;

fn hasher() -> Argon2<'static> {
    let params = Params::new(M_COST, T_COST, P_COST, Some(32)).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Whether a stored hash was made with today's algorithm and parameters.
fn is_current(parsed: &PasswordHash<'_>) -> bool {
    parsed.algorithm == Algorithm::Argon2id.ident()
        && parsed.version == Some(Version::V0x13.into())
        && Params::try_from(parsed)
            .is_ok_and(|p| (p.m_cost(), p.t_cost(), p.p_cost()) == (M_COST, T_COST, P_COST))
}

/// Runs `work` (one Argon2 computation) on the blocking pool once a turn is free: at most
/// as many at once as there are cores, four at most. Each takes a core and its memory
/// block, so a burst of sign-ins waits its turn instead of holding a block per request in
/// flight (the allocator then keeps that memory; BENCHMARKS.md, "Memory, profiled").
async fn in_turn<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, PasswordError> {
    static TURNS: OnceLock<Arc<Semaphore>> = OnceLock::new();
    let turns = TURNS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        Arc::new(Semaphore::new(cores.clamp(1, 4)))
    });
    let turn = turns
        .clone()
        .acquire_owned()
        .await
        .map_err(|e| PasswordError::Task(e.to_string()))?;
    // The turn is held by the computation itself, so a request that gives up waiting for it
    // does not free its turn while the hash still runs.
    tokio::task::spawn_blocking(move || {
        let result = work();
        drop(turn);
        result
    })
    .await
    .map_err(|e| PasswordError::Task(e.to_string()))
}

/// Hashes a password that passed the policy.
///
/// # Errors
/// When the hash cannot be computed or the blocking task dies.
pub async fn hash(password: &NewPassword) -> Result<PasswordHashString, PasswordError> {
    let plain = password.expose().to_owned();
    in_turn(move || hash_blocking(&plain)).await?
}

fn hash_blocking(plain: &str) -> Result<PasswordHashString, PasswordError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(plain.as_bytes(), &salt)
        .map(|h| PasswordHashString(h.to_string()))
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Verifies `candidate` against `stored`. With `None` (unknown login, or an account that
/// has not set a password yet) a dummy hash is verified instead so that the answer takes as
/// long as for a real account, and `false` is returned.
///
/// # Errors
/// Only when the blocking task dies.
pub async fn verify(candidate: &str, stored: Option<PasswordHashString>) -> Result<bool, PasswordError> {
    Ok(check(candidate, stored, false).await?.matches)
}

/// The outcome of [`verify_and_renew`].
#[derive(Debug)]
pub struct Verified {
    pub matches: bool,
    /// A new hash of the same password with today's parameters, when it matched a hash
    /// made with older ones; the caller stores it in place of the old one.
    pub renewed: Option<PasswordHashString>,
}

/// Verifies like [`verify`] and, when the password matches a hash made with other
/// parameters, hashes it again with today's (in the same turn).
///
/// # Errors
/// When the new hash cannot be computed or the blocking task dies.
pub async fn verify_and_renew(
    candidate: &str,
    stored: Option<PasswordHashString>,
) -> Result<Verified, PasswordError> {
    check(candidate, stored, true).await
}

/// Verifies in one turn; with `renew`, also hashes a matching password again when its
/// hash was made with older parameters (callers that replace the password anyway, or
/// only check it, do not pay for a second hash).
async fn check(
    candidate: &str,
    stored: Option<PasswordHashString>,
    renew: bool,
) -> Result<Verified, PasswordError> {
    let candidate = candidate.to_owned();
    in_turn(move || {
        let (hash, real) = match stored {
            Some(hash) => (hash.0, true),
            None => (dummy_hash().to_owned(), false),
        };
        let Ok(parsed) = PasswordHash::new(&hash) else {
            return Ok(Verified {
                matches: false,
                renewed: None,
            });
        };
        let matches = real && hasher().verify_password(candidate.as_bytes(), &parsed).is_ok();
        let renewed = if renew && matches && !is_current(&parsed) {
            Some(hash_blocking(&candidate)?)
        } else {
            None
        };
        Ok(Verified { matches, renewed })
    })
    .await?
}

/// A hash computed once with the same parameters, for timing-safe failures.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        hash_blocking("siap-jepang dummy password for unknown logins")
            .map(|h| h.0)
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_nothing_else() {
        let password = NewPassword::parse("kereta pagi ke osaka", "kereta pagi ke osaka", &[]).unwrap();
        let hashed = hash(&password).await.unwrap();
        assert!(hashed.as_str().starts_with("$argon2id$v=19$m=7168,t=5,p=1$"));
        assert!(verify("kereta pagi ke osaka", Some(hashed.clone()))
            .await
            .unwrap());
        assert!(!verify("kereta pagi ke kobe", Some(hashed.clone())).await.unwrap());
        assert!(!format!("{hashed:?}").contains("argon2"));
    }

    /// A hash with OWASP's 19 MiB parameters, as stored before the change to 7 MiB.
    fn hash_with_older_parameters(plain: &str) -> PasswordHashString {
        let params = Params::new(19 * 1024, 2, 1, Some(32)).unwrap();
        let older = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let salt = SaltString::generate(&mut OsRng);
        PasswordHashString(older.hash_password(plain.as_bytes(), &salt).unwrap().to_string())
    }

    #[tokio::test]
    async fn a_hash_with_older_parameters_verifies_and_is_renewed_only_when_it_matches() {
        let old = hash_with_older_parameters("kereta pagi ke osaka");
        assert!(old.as_str().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));

        let wrong = verify_and_renew("kereta pagi ke kobe", Some(old.clone()))
            .await
            .unwrap();
        assert!(!wrong.matches);
        assert!(wrong.renewed.is_none());

        let right = verify_and_renew("kereta pagi ke osaka", Some(old)).await.unwrap();
        assert!(right.matches);
        let renewed = right.renewed.expect("an older hash is renewed");
        assert!(renewed.as_str().starts_with("$argon2id$v=19$m=7168,t=5,p=1$"));
        assert!(verify("kereta pagi ke osaka", Some(renewed.clone()))
            .await
            .unwrap());

        let again = verify_and_renew("kereta pagi ke osaka", Some(renewed))
            .await
            .unwrap();
        assert!(again.matches);
        assert!(again.renewed.is_none(), "a current hash is kept");
    }

    #[tokio::test]
    async fn unknown_accounts_never_verify() {
        assert!(!verify("siap-jepang dummy password for unknown logins", None)
            .await
            .unwrap());
    }
}
