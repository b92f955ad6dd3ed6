//! Training sites: the UPT office, its service posts and the BBPLK training centre.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Sites::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Sites::Id))
                    .col(string_len_uniq(Sites::Code, 32))
                    .col(string_len(Sites::Name, 160))
                    .col(string_len(Sites::Kind, 32))
                    .col(string_len(Sites::City, 80))
                    .col(text_null(Sites::Address))
                    .col(timestamp_with_time_zone(Sites::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Sites::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Sites {
    Table,
    Id,
    Code,
    Name,
    Kind,
    City,
    Address,
    CreatedAt,
}
