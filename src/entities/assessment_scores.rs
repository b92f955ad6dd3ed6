use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assessment_scores")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub assessment_id: i64,
    pub trainee_id: i64,
    pub score: i32,
    pub entered_by: Option<i64>,
    pub entered_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
