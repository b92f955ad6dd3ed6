use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "readiness_requirements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub programme_id: i64,
    pub position: i32,
    pub requirement: String,
    pub subject: String,
    pub jlpt_level: Option<String>,
    pub min_score: Option<i32>,
    pub max_age_days: Option<i32>,
    pub min_valid_days: Option<i32>,
    pub updated_by: Option<i64>,
    pub updated_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
