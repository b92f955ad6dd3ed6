//! People who sign in: trainees (CPMI), instructors, coordinators and admins, and the
//! sites a coordinator or instructor is scoped to.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_sites::Sites;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Users::Id))
                    .col(string_len(Users::Role, 16))
                    .col(string_len(Users::DisplayName, 120))
                    // Staff sign in with e-mail, trainees with phone or NIK. Unique indexes
                    // on nullable columns allow many NULLs on both SQLite and PostgreSQL.
                    .col(string_len_null(Users::Email, 254))
                    .col(string_len_null(Users::Phone, 20))
                    .col(string_len_null(Users::Nik, 16))
                    .col(text_null(Users::PasswordHash))
                    .col(big_integer_null(Users::HomeSiteId))
                    .col(boolean(Users::IsActive).default(true))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Users::PasswordChangedAt))
                    .col(timestamp_with_time_zone_null(Users::DeactivatedAt))
                    .col(big_integer_null(Users::CreatedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_users_home_site")
                            .from(Users::Table, Users::HomeSiteId)
                            .to(Sites::Table, Sites::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_users_created_by")
                            .from(Users::Table, Users::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("ux_users_email", Users::Email),
            ("ux_users_phone", Users::Phone),
            ("ux_users_nik", Users::Nik),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Users::Table)
                        .col(column)
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        for (name, column) in [
            ("ix_users_role", Users::Role),
            ("ix_users_home_site", Users::HomeSiteId),
            ("ix_users_display_name", Users::DisplayName),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Users::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(UserSites::Table)
                    .if_not_exists()
                    .col(big_integer(UserSites::UserId))
                    .col(big_integer(UserSites::SiteId))
                    .primary_key(
                        Index::create()
                            .name("pk_user_sites")
                            .col(UserSites::UserId)
                            .col(UserSites::SiteId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_user_sites_user")
                            .from(UserSites::Table, UserSites::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_user_sites_site")
                            .from(UserSites::Table, UserSites::SiteId)
                            .to(Sites::Table, Sites::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_user_sites_site")
                    .table(UserSites::Table)
                    .col(UserSites::SiteId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(UserSites::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Users::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Users {
    Table,
    Id,
    Role,
    DisplayName,
    Email,
    Phone,
    Nik,
    PasswordHash,
    HomeSiteId,
    IsActive,
    CreatedAt,
    UpdatedAt,
    PasswordChangedAt,
    DeactivatedAt,
    CreatedBy,
}

#[derive(DeriveIden)]
pub enum UserSites {
    Table,
    UserId,
    SiteId,
}
