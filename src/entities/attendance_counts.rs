use sea_orm::entity::prelude::*;

/// Marks of each status per (trainee, cohort) on sessions not cancelled; kept by database
/// triggers (see the migration `create_attendance_counts`), never written by the app.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attendance_counts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub trainee_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub cohort_id: i64,
    pub present: i32,
    pub late: i32,
    pub permitted: i32,
    pub sick: i32,
    pub absent: i32,
}

impl ActiveModelBehavior for ActiveModel {}
