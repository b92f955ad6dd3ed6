use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attendance_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub mark_id: i64,
    pub from_status: Option<String>,
    pub to_status: String,
    pub remark: Option<String>,
    pub reason: Option<String>,
    pub source: String,
    pub changed_by: Option<i64>,
    pub changed_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
