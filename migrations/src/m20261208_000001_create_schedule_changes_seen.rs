//! How far each person has read the schedule's changes: the instant up to which the
//! moved and cancelled sessions of their cohorts were shown to them and dismissed
//! ("Perubahan jadwal" on `/jadwal`). One row per person, written when they dismiss the
//! notice; no row means nothing was dismissed yet. It only ever moves forward.

use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::fk;
use crate::m20261128_000002_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ScheduleChangesSeen::Table)
                    .if_not_exists()
                    .col(big_integer(ScheduleChangesSeen::UserId).primary_key())
                    .col(timestamp_with_time_zone(ScheduleChangesSeen::SeenUpTo))
                    .foreign_key(&mut fk(
                        "fk_schedule_changes_seen_user",
                        (ScheduleChangesSeen::Table, ScheduleChangesSeen::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ScheduleChangesSeen::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum ScheduleChangesSeen {
    Table,
    UserId,
    SeenUpTo,
}
