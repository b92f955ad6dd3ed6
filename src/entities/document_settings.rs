use sea_orm::entity::prelude::*;

/// Per site: who signs its documents, how their numbers are written, its logo.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub site_id: i64,
    pub signatory_name: String,
    pub signatory_position: String,
    pub certificate_pattern: Option<String>,
    pub letter_pattern: Option<String>,
    pub logo: Option<Vec<u8>>,
    pub logo_type: Option<String>,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub updated_by: Option<i64>,
}

impl ActiveModelBehavior for ActiveModel {}
