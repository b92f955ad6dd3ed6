use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, Hash, DeriveEntityModel)]
#[sea_orm(table_name = "cohorts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub code: String,
    pub course_id: i64,
    pub programme_id: i64,
    pub site_id: i64,
    pub room_id: Option<i64>,
    pub capacity: i32,
    pub seats_taken: i32,
    pub starts_on: TimeDate,
    pub ends_on: TimeDate,
    pub status: String,
    pub attendance_threshold: i32,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub created_by: Option<i64>,
}

impl ActiveModelBehavior for ActiveModel {}
