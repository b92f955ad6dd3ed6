use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "check_in_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub session_id: i64,
    pub secret: String,
    pub opened_by: Option<i64>,
    pub opened_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
