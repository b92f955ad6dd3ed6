use sea_orm::entity::prelude::*;

/// A certificate or letter issued: its number, verification code, what it says, and its
/// revocation.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "issued_documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    pub site_id: i64,
    pub year: i32,
    pub seq: i32,
    #[sea_orm(unique)]
    pub number: String,
    #[sea_orm(unique)]
    pub code: String,
    pub trainee_id: i64,
    pub enrollment_id: i64,
    pub cohort_id: i64,
    #[sea_orm(column_type = "Text")]
    pub paper: String,
    pub issued_at: TimeDateTimeWithTimeZone,
    pub issued_by: Option<i64>,
    pub revoked_at: Option<TimeDateTimeWithTimeZone>,
    pub revoked_by: Option<i64>,
    pub revoke_reason: Option<String>,
    pub replaced_by: Option<i64>,
}

impl ActiveModelBehavior for ActiveModel {}
