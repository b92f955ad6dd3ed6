use sea_orm::entity::prelude::*;

/// A stamp per cohort that moves on whenever anything the readiness dashboard reads of the
/// people holding a seat in it changes; kept by database triggers (see the migration
/// `create_readiness_stamps`), never written by the app.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "readiness_stamps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub cohort_id: i64,
    pub stamp: i64,
}

impl ActiveModelBehavior for ActiveModel {}
