//! What the partner API keeps about requests: each key's rate window (so the limit holds
//! across instances, in the database they share), and the answers to writes sent with an
//! `Idempotency-Key`, so a repeated write gets the first answer instead of a second row.

use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{fk, index};
use crate::m20261207_000002_create_integration_keys::IntegrationKeys;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(IntegrationKeys::Table)
                    .add_column(timestamp_with_time_zone_null(Window::WindowStartedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(IntegrationKeys::Table)
                    .add_column(integer(Window::WindowCount).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApiIdempotency::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ApiIdempotency::Id))
                    .col(big_integer(ApiIdempotency::KeyId))
                    .col(string_len(ApiIdempotency::IdempotencyKey, 200))
                    .col(string_len(ApiIdempotency::RequestHash, 64))
                    // Empty while the first request is still being answered.
                    .col(small_integer_null(ApiIdempotency::Status))
                    .col(text_null(ApiIdempotency::Body))
                    .col(timestamp_with_time_zone(ApiIdempotency::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_api_idempotency_key",
                        (ApiIdempotency::Table, ApiIdempotency::KeyId),
                        (IntegrationKeys::Table, IntegrationKeys::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_api_idempotency_key",
            ApiIdempotency::Table,
            vec![
                ApiIdempotency::KeyId.into_iden(),
                ApiIdempotency::IdempotencyKey.into_iden(),
            ],
            true,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ApiIdempotency::Table).to_owned())
            .await?;
        for column in [Window::WindowCount, Window::WindowStartedAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(IntegrationKeys::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Window {
    WindowStartedAt,
    WindowCount,
}

#[derive(DeriveIden)]
pub enum ApiIdempotency {
    Table,
    Id,
    KeyId,
    IdempotencyKey,
    RequestHash,
    Status,
    Body,
    CreatedAt,
}
