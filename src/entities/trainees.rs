use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "trainees")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub nik: String,
    #[sea_orm(unique)]
    pub user_id: Option<i64>,
    pub site_id: i64,
    pub full_name: String,
    pub name_key: String,
    pub birth_place: String,
    pub birth_date: TimeDate,
    pub sex: String,
    pub address: String,
    pub regency_code: Option<String>,
    pub regency_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub education: String,
    pub programme_id: Option<i64>,
    pub guardian_name: Option<String>,
    pub guardian_relation: Option<String>,
    pub guardian_phone: Option<String>,
    pub source: String,
    pub notes: Option<String>,
    /// The ID PMI of the person's SIAPkerja account (Kemnaker).
    #[sea_orm(unique)]
    pub id_pmi: Option<String>,
    /// The person's SISKOP2MI registration number (KP2MI).
    #[sea_orm(unique)]
    pub siskop2mi_no: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub created_by: Option<i64>,
}

impl ActiveModelBehavior for ActiveModel {}
