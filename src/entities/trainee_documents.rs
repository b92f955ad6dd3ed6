use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "trainee_documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub trainee_id: i64,
    pub kind: String,
    pub status: String,
    pub number: Option<String>,
    pub issued_on: Option<TimeDate>,
    pub expires_on: Option<TimeDate>,
    pub reason: Option<String>,
    pub has_scan: bool,
    pub verified_by: Option<i64>,
    pub verified_at: Option<TimeDateTimeWithTimeZone>,
    pub updated_by: Option<i64>,
    pub updated_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
