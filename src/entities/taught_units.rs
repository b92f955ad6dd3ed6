use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "taught_units")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub session_id: i64,
    pub unit_id: i64,
    pub marked_by: Option<i64>,
    pub marked_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
