use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "excuses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub session_id: i64,
    pub trainee_id: i64,
    pub kind: String,
    pub reason: String,
    pub status: String,
    pub has_note: bool,
    pub requested_at: TimeDateTimeWithTimeZone,
    pub decided_by: Option<i64>,
    pub decided_at: Option<TimeDateTimeWithTimeZone>,
    pub decision_note: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
