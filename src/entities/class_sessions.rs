use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "class_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub cohort_id: i64,
    pub starts_at: TimeDateTimeWithTimeZone,
    pub ends_at: TimeDateTimeWithTimeZone,
    pub room_id: Option<i64>,
    pub instructor_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub status: String,
    pub change_reason: Option<String>,
    pub original_starts_at: Option<TimeDateTimeWithTimeZone>,
    pub original_ends_at: Option<TimeDateTimeWithTimeZone>,
    pub changed_at: Option<TimeDateTimeWithTimeZone>,
    pub changed_by: Option<i64>,
    pub created_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
