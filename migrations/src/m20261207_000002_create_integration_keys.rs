//! Integration keys for the partner API (`/api/v1`): a partner system (SIAPkerja,
//! SISKOP2MI at the regional BP3MI, a test centre, a placement agency) calls with a key,
//! never a person's password. The key itself is shown once; only its SHA-256 is stored,
//! beside a visible prefix to find it by. Each key has scopes, optional sites it is
//! limited to (`integration_key_sites`), an expiry, a last use and a request count.
//!
//! At most two keys of one integration (same name) are live at once, for rotation: a live
//! key holds slot 1 or 2 (`live_slot`), unique per name; a revoked or expired key gives
//! its slot up (NULL, which a unique index never counts), so the bound is the database's.

use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{fk, index};
use crate::m20261128_000001_create_sites::Sites;
use crate::m20261128_000002_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(IntegrationKeys::Table)
                    .if_not_exists()
                    .col(big_pk_auto(IntegrationKeys::Id))
                    .col(string_len(IntegrationKeys::Name, 80))
                    .col(string_len_uniq(IntegrationKeys::Prefix, 16))
                    .col(string_len(IntegrationKeys::SecretHash, 64))
                    .col(string_len(IntegrationKeys::Scopes, 200))
                    .col(small_integer_null(IntegrationKeys::LiveSlot))
                    .col(big_integer_null(IntegrationKeys::CreatedBy))
                    .col(timestamp_with_time_zone(IntegrationKeys::CreatedAt))
                    .col(timestamp_with_time_zone_null(IntegrationKeys::ExpiresAt))
                    .col(timestamp_with_time_zone_null(IntegrationKeys::RevokedAt))
                    .col(timestamp_with_time_zone_null(IntegrationKeys::LastUsedAt))
                    .col(big_integer(IntegrationKeys::RequestCount).default(0))
                    .check(
                        Expr::col(IntegrationKeys::LiveSlot)
                            .is_null()
                            .or(Expr::col(IntegrationKeys::LiveSlot).is_in([1, 2])),
                    )
                    .check(Expr::col(IntegrationKeys::RequestCount).gte(0))
                    .foreign_key(&mut fk(
                        "fk_integration_keys_created_by",
                        (IntegrationKeys::Table, IntegrationKeys::CreatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        // Two live keys per integration at most: (name, slot) is unique, revoked keys hold
        // no slot.
        index(
            manager,
            "ux_integration_keys_live_slot",
            IntegrationKeys::Table,
            vec![
                IntegrationKeys::Name.into_iden(),
                IntegrationKeys::LiveSlot.into_iden(),
            ],
            true,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(IntegrationKeySites::Table)
                    .if_not_exists()
                    .col(big_integer(IntegrationKeySites::KeyId))
                    .col(big_integer(IntegrationKeySites::SiteId))
                    .primary_key(
                        Index::create()
                            .col(IntegrationKeySites::KeyId)
                            .col(IntegrationKeySites::SiteId),
                    )
                    .foreign_key(&mut fk(
                        "fk_integration_key_sites_key",
                        (IntegrationKeySites::Table, IntegrationKeySites::KeyId),
                        (IntegrationKeys::Table, IntegrationKeys::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_integration_key_sites_site",
                        (IntegrationKeySites::Table, IntegrationKeySites::SiteId),
                        (Sites::Table, Sites::Id),
                        // Never cascade: a key limited to sites that lost its rows here would
                        // read as a key of every site.
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(IntegrationKeySites::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(IntegrationKeys::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum IntegrationKeys {
    Table,
    Id,
    Name,
    Prefix,
    SecretHash,
    Scopes,
    LiveSlot,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    RevokedAt,
    LastUsedAt,
    RequestCount,
}

#[derive(DeriveIden)]
pub enum IntegrationKeySites {
    Table,
    KeyId,
    SiteId,
}
