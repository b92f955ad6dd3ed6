use sea_orm::entity::prelude::*;

/// Up to when a person has read the schedule's changes (the notice on `/jadwal`).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "schedule_changes_seen")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i64,
    pub seen_up_to: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
