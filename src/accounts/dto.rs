//! What the account pages receive from the server: plain serialisable views.

use crate::kernel::input::{list_from_form, optional_number, optional_text};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::model::CodePurpose;
use crate::kernel::{wib, AccountId, Role};

/// A signed-in device as shown on "my account".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: i64,
    /// Pages format instants in WIB.
    #[serde(with = "wib::rfc3339_format")]
    pub created_at: OffsetDateTime,
    #[serde(with = "wib::rfc3339_format")]
    pub last_seen_at: OffsetDateTime,
    pub device: String,
    pub ip: Option<String>,
    pub current: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAccount {
    pub user_id: AccountId,
    pub display_name: String,
    pub role: Role,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub nik: Option<String>,
    pub sites: Vec<String>,
    #[serde(with = "wib::rfc3339_option")]
    pub password_changed_at: Option<OffsetDateTime>,
    pub sessions: Vec<SessionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteOption {
    pub id: i64,
    pub code: String,
    pub name: String,
}

/// Choices for the "new account" form, limited to what the actor may hand out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserFormOptions {
    pub roles: Vec<Role>,
    pub sites: Vec<SiteOption>,
}

/// Account state as one word for lists and filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountStatus {
    /// Created, password not yet set with the activation code.
    Pending,
    Active,
    Deactivated,
}

impl AccountStatus {
    pub const ALL: [AccountStatus; 3] = [
        AccountStatus::Pending,
        AccountStatus::Active,
        AccountStatus::Deactivated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountStatus::Pending => "pending",
            AccountStatus::Active => "active",
            AccountStatus::Deactivated => "deactivated",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == input)
    }

    pub fn of(is_active: bool, has_password: bool) -> Self {
        match (is_active, has_password) {
            (false, _) => AccountStatus::Deactivated,
            (true, false) => AccountStatus::Pending,
            (true, true) => AccountStatus::Active,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: i64,
    pub display_name: String,
    pub role: Role,
    /// E-mail for staff, phone (national spelling) or NIK for trainees.
    pub login: String,
    pub site: Option<String>,
    pub status: AccountStatus,
}

/// The "new account" form as typed (the sites as ticked, posted as `sites`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewAccountInput {
    pub role: String,
    pub display_name: String,
    pub email: String,
    pub phone: String,
    pub nik: String,
    #[serde(rename = "sites", deserialize_with = "list_from_form")]
    pub site_ids: Vec<i64>,
}

/// Filters of the user list; the page number starts at 1.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserFilter {
    #[serde(deserialize_with = "optional_text")]
    pub q: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub role: Option<String>,
    #[serde(deserialize_with = "optional_number")]
    pub site: Option<i64>,
    #[serde(deserialize_with = "optional_text")]
    pub status: Option<String>,
    #[serde(deserialize_with = "optional_number")]
    pub page: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserList {
    pub items: Vec<UserSummary>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
    /// Sites the actor can filter by.
    pub sites: Vec<SiteOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDetail {
    pub id: i64,
    pub display_name: String,
    pub role: Role,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub nik: Option<String>,
    /// For trainees: where the NIK says they are from, and whether that is Banten.
    pub nik_region: Option<String>,
    pub nik_outside_banten: bool,
    pub sites: Vec<SiteOption>,
    pub status: AccountStatus,
    #[serde(with = "wib::rfc3339_format")]
    pub created_at: OffsetDateTime,
    pub created_by: Option<String>,
    #[serde(with = "wib::rfc3339_option")]
    pub password_changed_at: Option<OffsetDateTime>,
    pub active_sessions: u64,
    /// Expiry of the newest unused activation/reset code.
    #[serde(with = "wib::rfc3339_option")]
    pub pending_code_expires_at: Option<OffsetDateTime>,
    pub can_manage: bool,
    pub can_change_role: bool,
}

/// A freshly issued one-time code, shown once to the person who issued it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCode {
    pub user_id: AccountId,
    pub display_name: String,
    pub purpose: CodePurpose,
    /// `XXXX-XXXX-XXXX`.
    pub code: String,
    #[serde(with = "wib::rfc3339_format")]
    pub expires_at: OffsetDateTime,
    /// wa.me link with the code and instructions prefilled, when the person has a phone.
    pub whatsapp_link: Option<String>,
}
