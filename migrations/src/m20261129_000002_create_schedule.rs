//! The class schedule: national holidays and cuti bersama (editable data), class sessions
//! with their changes, and personal calendar-feed tokens.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000002_create_users::Users;
use crate::m20261129_000001_create_cohorts::{Cohorts, CourseUnits, Rooms};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Holidays::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Holidays::Id))
                    .col(date(Holidays::Date).unique_key())
                    .col(string_len(Holidays::Name, 120))
                    // national | collective_leave (cuti bersama)
                    .col(string_len(Holidays::Kind, 24))
                    // false where the date could not be verified against the decree.
                    .col(boolean(Holidays::Confirmed).default(true))
                    .col(timestamp_with_time_zone(Holidays::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ClassSessions::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ClassSessions::Id))
                    .col(big_integer(ClassSessions::CohortId))
                    // UTC instants; a session is the interval [starts_at, ends_at).
                    .col(timestamp_with_time_zone(ClassSessions::StartsAt))
                    .col(timestamp_with_time_zone(ClassSessions::EndsAt))
                    .col(big_integer_null(ClassSessions::RoomId))
                    .col(big_integer_null(ClassSessions::InstructorId))
                    .col(big_integer_null(ClassSessions::UnitId))
                    // scheduled | moved | cancelled
                    .col(string_len(ClassSessions::Status, 16))
                    .col(string_len_null(ClassSessions::ChangeReason, 500))
                    .col(timestamp_with_time_zone_null(ClassSessions::OriginalStartsAt))
                    .col(timestamp_with_time_zone_null(ClassSessions::OriginalEndsAt))
                    .col(timestamp_with_time_zone_null(ClassSessions::ChangedAt))
                    .col(big_integer_null(ClassSessions::ChangedBy))
                    .col(timestamp_with_time_zone(ClassSessions::CreatedAt))
                    .check(Expr::col(ClassSessions::EndsAt).gt(Expr::col(ClassSessions::StartsAt)))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_class_sessions_cohort")
                            .from(ClassSessions::Table, ClassSessions::CohortId)
                            .to(Cohorts::Table, Cohorts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_class_sessions_room")
                            .from(ClassSessions::Table, ClassSessions::RoomId)
                            .to(Rooms::Table, Rooms::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_class_sessions_instructor")
                            .from(ClassSessions::Table, ClassSessions::InstructorId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_class_sessions_unit")
                            .from(ClassSessions::Table, ClassSessions::UnitId)
                            .to(CourseUnits::Table, CourseUnits::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_class_sessions_changed_by")
                            .from(ClassSessions::Table, ClassSessions::ChangedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("ix_class_sessions_cohort_start", ClassSessions::CohortId),
            ("ix_class_sessions_instructor_start", ClassSessions::InstructorId),
            ("ix_class_sessions_room_start", ClassSessions::RoomId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(ClassSessions::Table)
                        .col(column)
                        .col(ClassSessions::StartsAt)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("ix_class_sessions_start")
                    .table(ClassSessions::Table)
                    .col(ClassSessions::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CalendarFeeds::Table)
                    .if_not_exists()
                    .col(big_integer(CalendarFeeds::UserId).primary_key())
                    // The secret in the feed's URL (random, 43 characters).
                    .col(string_len_uniq(CalendarFeeds::Token, 64))
                    .col(timestamp_with_time_zone(CalendarFeeds::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_calendar_feeds_user")
                            .from(CalendarFeeds::Table, CalendarFeeds::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CalendarFeeds::Table.into_iden(),
            ClassSessions::Table.into_iden(),
            Holidays::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub enum Holidays {
    Table,
    Id,
    Date,
    Name,
    Kind,
    Confirmed,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub enum ClassSessions {
    Table,
    Id,
    CohortId,
    StartsAt,
    EndsAt,
    RoomId,
    InstructorId,
    UnitId,
    Status,
    ChangeReason,
    OriginalStartsAt,
    OriginalEndsAt,
    ChangedAt,
    ChangedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CalendarFeeds {
    Table,
    UserId,
    Token,
    CreatedAt,
}
