use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "excuse_notes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub excuse_id: i64,
    pub content_type: String,
    pub content: Vec<u8>,
}

impl ActiveModelBehavior for ActiveModel {}
