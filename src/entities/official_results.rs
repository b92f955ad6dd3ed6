use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "official_results")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub trainee_id: i64,
    pub kind: String,
    pub level: Option<String>,
    pub score: Option<i32>,
    pub passed: bool,
    pub taken_on: TimeDate,
    pub certificate_no: Option<String>,
    pub field: Option<String>,
    pub recorded_by: Option<i64>,
    pub recorded_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
