use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub occurred_at: TimeDateTimeWithTimeZone,
    pub actor_user_id: Option<i64>,
    pub action: String,
    pub outcome: String,
    pub subject_user_id: Option<i64>,
    pub site_id: Option<i64>,
    pub ip: Option<String>,
    pub detail: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
