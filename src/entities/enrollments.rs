use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrollments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub trainee_id: i64,
    pub cohort_id: i64,
    pub status: String,
    pub waitlisted_at: Option<TimeDateTimeWithTimeZone>,
    pub joined_on: Option<TimeDate>,
    pub left_on: Option<TimeDate>,
    pub transferred_to: Option<i64>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
