//! Programmes (placement tracks), courses with their ordered lesson units, rooms per site,
//! and cohorts (angkatan) with their instructors. A cohort counts its taken seats
//! (`seats_taken`, kept by the enrollment use cases) and the database refuses more seats
//! than the capacity.

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
                    .table(Programmes::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Programmes::Id))
                    .col(string_len_uniq(Programmes::Code, 30))
                    .col(string_len(Programmes::Name, 120))
                    // ssw | titp | epa
                    .col(string_len(Programmes::Track, 16))
                    // SSW sector field (caregiving, food service…); NULL for other tracks.
                    .col(string_len_null(Programmes::Sector, 60))
                    // jft_a2_or_n4 | n5 | n4 | n3
                    .col(string_len(Programmes::LanguageTarget, 16))
                    .col(timestamp_with_time_zone(Programmes::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Courses::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Courses::Id))
                    .col(string_len_uniq(Courses::Code, 30))
                    .col(string_len(Courses::Name, 120))
                    // n5 | n4 | n3 | jft_a2
                    .col(string_len(Courses::Level, 16))
                    // Jam pelajaran (45 minutes each).
                    .col(integer(Courses::TotalHours))
                    .col(string_len_null(Courses::Textbook, 120))
                    .col(timestamp_with_time_zone(Courses::CreatedAt))
                    .check(Expr::col(Courses::TotalHours).gt(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CourseUnits::Table)
                    .if_not_exists()
                    .col(big_pk_auto(CourseUnits::Id))
                    .col(big_integer(CourseUnits::CourseId))
                    .col(integer(CourseUnits::Position))
                    .col(string_len(CourseUnits::Title, 160))
                    .foreign_key(&mut fk(
                        "fk_course_units_course",
                        (CourseUnits::Table, CourseUnits::CourseId),
                        (Courses::Table, Courses::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_course_units_position",
            CourseUnits::Table,
            vec![
                CourseUnits::CourseId.into_iden(),
                CourseUnits::Position.into_iden(),
            ],
            true,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(Rooms::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Rooms::Id))
                    .col(big_integer(Rooms::SiteId))
                    .col(string_len(Rooms::Name, 60))
                    .col(integer(Rooms::Capacity))
                    .col(timestamp_with_time_zone(Rooms::CreatedAt))
                    .check(Expr::col(Rooms::Capacity).gt(0))
                    .foreign_key(&mut fk(
                        "fk_rooms_site",
                        (Rooms::Table, Rooms::SiteId),
                        (Sites::Table, Sites::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_rooms_site_name",
            Rooms::Table,
            vec![Rooms::SiteId.into_iden(), Rooms::Name.into_iden()],
            true,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(Cohorts::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Cohorts::Id))
                    .col(string_len_uniq(Cohorts::Code, 30))
                    .col(big_integer(Cohorts::CourseId))
                    .col(big_integer(Cohorts::ProgrammeId))
                    .col(big_integer(Cohorts::SiteId))
                    .col(big_integer_null(Cohorts::RoomId))
                    .col(integer(Cohorts::Capacity))
                    // Accepted, active and completed enrollments; never above the capacity.
                    .col(integer(Cohorts::SeatsTaken).default(0))
                    .col(date(Cohorts::StartsOn))
                    .col(date(Cohorts::EndsOn))
                    // planned | open | running | completed | cancelled
                    .col(string_len(Cohorts::Status, 16))
                    .col(integer(Cohorts::AttendanceThreshold).default(80))
                    .col(timestamp_with_time_zone(Cohorts::CreatedAt))
                    .col(timestamp_with_time_zone(Cohorts::UpdatedAt))
                    .col(big_integer_null(Cohorts::CreatedBy))
                    .check(Expr::col(Cohorts::EndsOn).gte(Expr::col(Cohorts::StartsOn)))
                    .check(Expr::col(Cohorts::Capacity).gt(0))
                    .check(
                        Expr::col(Cohorts::SeatsTaken)
                            .gte(0)
                            .and(Expr::col(Cohorts::SeatsTaken).lte(Expr::col(Cohorts::Capacity))),
                    )
                    .check(
                        Expr::col(Cohorts::AttendanceThreshold)
                            .gte(1)
                            .and(Expr::col(Cohorts::AttendanceThreshold).lte(100)),
                    )
                    .foreign_key(&mut fk(
                        "fk_cohorts_course",
                        (Cohorts::Table, Cohorts::CourseId),
                        (Courses::Table, Courses::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_cohorts_programme",
                        (Cohorts::Table, Cohorts::ProgrammeId),
                        (Programmes::Table, Programmes::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_cohorts_site",
                        (Cohorts::Table, Cohorts::SiteId),
                        (Sites::Table, Sites::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_cohorts_room",
                        (Cohorts::Table, Cohorts::RoomId),
                        (Rooms::Table, Rooms::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "fk_cohorts_created_by",
                        (Cohorts::Table, Cohorts::CreatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_cohorts_site",
            Cohorts::Table,
            vec![Cohorts::SiteId.into_iden()],
            false,
        )
        .await?;
        index(
            manager,
            "ix_cohorts_starts_on",
            Cohorts::Table,
            vec![Cohorts::StartsOn.into_iden()],
            false,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(CohortInstructors::Table)
                    .if_not_exists()
                    .col(big_integer(Link::CohortId))
                    .col(big_integer(Link::UserId))
                    .primary_key(Index::create().col(Link::CohortId).col(Link::UserId))
                    .foreign_key(&mut fk(
                        "fk_cohort_instructors_cohort",
                        (CohortInstructors::Table, Link::CohortId),
                        (Cohorts::Table, Cohorts::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_cohort_instructors_user",
                        (CohortInstructors::Table, Link::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_cohort_instructors_user",
            CohortInstructors::Table,
            vec![Link::UserId.into_iden()],
            false,
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CohortInstructors::Table.into_iden(),
            Cohorts::Table.into_iden(),
            Rooms::Table.into_iden(),
            CourseUnits::Table.into_iden(),
            Courses::Table.into_iden(),
            Programmes::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub enum Programmes {
    Table,
    Id,
    Code,
    Name,
    Track,
    Sector,
    LanguageTarget,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum Courses {
    Table,
    Id,
    Code,
    Name,
    Level,
    TotalHours,
    Textbook,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum CourseUnits {
    Table,
    Id,
    CourseId,
    Position,
    Title,
}

#[derive(DeriveIden)]
pub enum Rooms {
    Table,
    Id,
    SiteId,
    Name,
    Capacity,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum Cohorts {
    Table,
    Id,
    Code,
    CourseId,
    ProgrammeId,
    SiteId,
    RoomId,
    Capacity,
    SeatsTaken,
    StartsOn,
    EndsOn,
    Status,
    AttendanceThreshold,
    CreatedAt,
    UpdatedAt,
    CreatedBy,
}

#[derive(DeriveIden)]
pub enum CohortInstructors {
    Table,
}

/// The columns of the cohort–instructor link table.
#[derive(DeriveIden)]
pub enum Link {
    CohortId,
    UserId,
}
