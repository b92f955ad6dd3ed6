use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "trainee_imports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub created_by: i64,
    pub site_id: i64,
    pub cohort_id: Option<i64>,
    pub file_name: String,
    pub content: String,
    pub status: String,
    pub imported: Option<i32>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub imported_at: Option<TimeDateTimeWithTimeZone>,
}

impl ActiveModelBehavior for ActiveModel {}
