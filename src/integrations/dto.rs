//! What the integrations page and its server functions exchange.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::model::{KeyState, Scope};
use crate::kernel::wib;
use crate::kernel::KeyId;

/// One key as the page lists it: never the key itself, only its prefix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyView {
    pub id: KeyId,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<Scope>,
    /// The names of the sites it is limited to; empty: every site.
    pub sites: Vec<String>,
    pub state: KeyState,
    #[serde(with = "wib::rfc3339_format")]
    pub created_at: OffsetDateTime,
    pub created_by: Option<String>,
    #[serde(with = "wib::rfc3339_option")]
    pub expires_at: Option<OffsetDateTime>,
    #[serde(with = "wib::rfc3339_option")]
    pub revoked_at: Option<OffsetDateTime>,
    #[serde(with = "wib::rfc3339_option")]
    pub last_used_at: Option<OffsetDateTime>,
    pub request_count: i64,
}

/// A site a key can be limited to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySite {
    pub id: i64,
    pub code: String,
    pub name: String,
}

/// The integrations page: every key (live first, newest first) and the sites for the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyList {
    pub keys: Vec<KeyView>,
    pub sites: Vec<KeySite>,
}

/// A new key as typed on the page (or put together by the command line).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NewKeyInput {
    pub name: String,
    /// Scope names (`cohorts:read`…).
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Site ids the key is limited to; none: every site.
    #[serde(default)]
    pub sites: Vec<String>,
    /// Days until it expires; empty: no expiry.
    #[serde(default)]
    pub expires_days: String,
}

/// A key just made: the whole key, shown exactly once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedKey {
    pub id: KeyId,
    pub name: String,
    pub prefix: String,
    pub key: String,
    #[serde(with = "wib::rfc3339_option")]
    pub expires_at: Option<OffsetDateTime>,
}
