use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub role: String,
    pub display_name: String,
    #[sea_orm(unique)]
    pub email: Option<String>,
    #[sea_orm(unique)]
    pub phone: Option<String>,
    #[sea_orm(unique)]
    pub nik: Option<String>,
    pub password_hash: Option<String>,
    pub home_site_id: Option<i64>,
    pub is_active: bool,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub password_changed_at: Option<TimeDateTimeWithTimeZone>,
    pub deactivated_at: Option<TimeDateTimeWithTimeZone>,
    pub created_by: Option<i64>,
}

impl ActiveModelBehavior for ActiveModel {}
