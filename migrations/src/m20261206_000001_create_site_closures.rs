//! A site's own days off (closures): a day a training site is closed that is not a
//! national holiday (its anniversary, a local event). Kept by the site's coordinators;
//! session generation at that site skips them, as it skips national holidays. National
//! holidays stay in `holidays`, kept by admins only.

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
                    .table(SiteClosures::Table)
                    .if_not_exists()
                    .col(big_pk_auto(SiteClosures::Id))
                    .col(big_integer(SiteClosures::SiteId))
                    .col(date(SiteClosures::Date))
                    .col(string_len(SiteClosures::Name, 120))
                    .col(big_integer_null(SiteClosures::CreatedBy))
                    .col(timestamp_with_time_zone(SiteClosures::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_site_closures_site",
                        (SiteClosures::Table, SiteClosures::SiteId),
                        (Sites::Table, Sites::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_site_closures_created_by",
                        (SiteClosures::Table, SiteClosures::CreatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        // One closure per site and date; found by date range for a site.
        index(
            manager,
            "ux_site_closures_site_date",
            SiteClosures::Table,
            vec![SiteClosures::SiteId.into_iden(), SiteClosures::Date.into_iden()],
            true,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SiteClosures::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum SiteClosures {
    Table,
    Id,
    SiteId,
    Date,
    Name,
    CreatedBy,
    UpdatedAt,
}
