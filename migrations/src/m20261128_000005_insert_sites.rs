//! Reference data: the sites of the Serang programme. Needed by every installation
//! (coordinators and trainees belong to a site), so it is a migration, not demo data.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::m20261128_000001_create_sites::Sites;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (code, name, kind, city)
pub const SITES: &[(&str, &str, &str, &str)] = &[
    ("UPT-SRG", "UPT BP2MI Serang", "upt", "Kota Serang"),
    (
        "POS-TNG",
        "Pos Pelayanan BP2MI Tangerang",
        "pos_pelayanan",
        "Kota Tangerang",
    ),
    (
        "POS-CGK",
        "Pos Kepulangan Bandara Soekarno-Hatta",
        "pos_kepulangan",
        "Kota Tangerang",
    ),
    ("BBPLK-SRG", "BBPLK Serang", "bbplk", "Kota Serang"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let now = match manager.get_database_backend() {
            DatabaseBackend::Sqlite => Expr::cust("strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"),
            _ => Expr::cust("CURRENT_TIMESTAMP"),
        };
        let mut insert = Query::insert();
        insert.into_table(Sites::Table).columns([
            Sites::Code,
            Sites::Name,
            Sites::Kind,
            Sites::City,
            Sites::CreatedAt,
        ]);
        for (code, name, kind, city) in SITES {
            insert.values_panic([
                (*code).into(),
                (*name).into(),
                (*kind).into(),
                (*city).into(),
                now.clone(),
            ]);
        }
        insert.on_conflict(OnConflict::column(Sites::Code).do_nothing().to_owned());
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let codes: Vec<&str> = SITES.iter().map(|(code, ..)| *code).collect();
        manager
            .exec_stmt(
                Query::delete()
                    .from_table(Sites::Table)
                    .and_where(Expr::col(Sites::Code).is_in(codes))
                    .to_owned(),
            )
            .await
    }
}
