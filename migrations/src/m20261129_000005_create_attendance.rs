//! Attendance: one mark per trainee per session (unique), every change to a mark kept,
//! the roll calls taken (by an instructor, or automatically), the secret behind a
//! session's rotating check-in code, a cohort's attendance policy, and excuse requests
//! with their optional doctor's note.

use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{fk, index};
use crate::m20261128_000002_create_users::Users;
use crate::m20261129_000001_create_cohorts::Cohorts;
use crate::m20261129_000002_create_schedule::ClassSessions;
use crate::m20261129_000004_create_trainees::Trainees;

#[derive(DeriveMigrationName)]
pub struct Migration;

const STATUSES: [&str; 5] = ["hadir", "terlambat", "izin", "sakit", "alpa"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AttendancePolicies::Table)
                    .if_not_exists()
                    .col(big_integer(AttendancePolicies::CohortId).primary_key())
                    .col(integer(AttendancePolicies::LateWeight).default(50))
                    .col(integer(AttendancePolicies::LateAfterMinutes).default(15))
                    .col(integer_null(AttendancePolicies::AutoAbsentHours))
                    .col(integer(AttendancePolicies::EditDays).default(3))
                    .col(integer(AttendancePolicies::AbsenceStreak).default(3))
                    .col(big_integer_null(AttendancePolicies::UpdatedBy))
                    .col(timestamp_with_time_zone(AttendancePolicies::UpdatedAt))
                    .check(Expr::col(AttendancePolicies::LateWeight).between(0, 100))
                    .check(Expr::col(AttendancePolicies::LateAfterMinutes).between(0, 240))
                    .check(Expr::col(AttendancePolicies::EditDays).between(0, 60))
                    .check(Expr::col(AttendancePolicies::AbsenceStreak).between(1, 30))
                    .foreign_key(&mut fk(
                        "fk_attendance_policies_cohort",
                        (AttendancePolicies::Table, AttendancePolicies::CohortId),
                        (Cohorts::Table, Cohorts::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AttendanceMarks::Table)
                    .if_not_exists()
                    .col(big_pk_auto(AttendanceMarks::Id))
                    .col(big_integer(AttendanceMarks::SessionId))
                    .col(big_integer(AttendanceMarks::TraineeId))
                    .col(string_len(AttendanceMarks::Status, 10))
                    .col(string_len_null(AttendanceMarks::Remark, 200))
                    .col(string_len(AttendanceMarks::Source, 10))
                    .col(timestamp_with_time_zone_null(AttendanceMarks::CheckedInAt))
                    .col(string_len_null(AttendanceMarks::Device, 64))
                    .col(big_integer_null(AttendanceMarks::MarkedBy))
                    .col(timestamp_with_time_zone(AttendanceMarks::CreatedAt))
                    .col(timestamp_with_time_zone(AttendanceMarks::UpdatedAt))
                    .check(Expr::col(AttendanceMarks::Status).is_in(STATUSES))
                    .foreign_key(&mut fk(
                        "fk_attendance_marks_session",
                        (AttendanceMarks::Table, AttendanceMarks::SessionId),
                        (ClassSessions::Table, ClassSessions::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_attendance_marks_trainee",
                        (AttendanceMarks::Table, AttendanceMarks::TraineeId),
                        (Trainees::Table, Trainees::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_attendance_marks_marked_by",
                        (AttendanceMarks::Table, AttendanceMarks::MarkedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_attendance_marks_session_trainee",
            AttendanceMarks::Table,
            vec![
                AttendanceMarks::SessionId.into_iden(),
                AttendanceMarks::TraineeId.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "ix_attendance_marks_trainee",
            AttendanceMarks::Table,
            vec![AttendanceMarks::TraineeId.into_iden()],
            false,
        )
        .await?;
        // One device checks in one trainee per session.
        index(
            manager,
            "ux_attendance_marks_session_device",
            AttendanceMarks::Table,
            vec![
                AttendanceMarks::SessionId.into_iden(),
                AttendanceMarks::Device.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(AttendanceChanges::Table)
                    .if_not_exists()
                    .col(big_pk_auto(AttendanceChanges::Id))
                    .col(big_integer(AttendanceChanges::MarkId))
                    .col(string_len_null(AttendanceChanges::FromStatus, 10))
                    .col(string_len(AttendanceChanges::ToStatus, 10))
                    .col(string_len_null(AttendanceChanges::Remark, 200))
                    .col(string_len_null(AttendanceChanges::Reason, 300))
                    .col(string_len(AttendanceChanges::Source, 10))
                    .col(big_integer_null(AttendanceChanges::ChangedBy))
                    .col(timestamp_with_time_zone(AttendanceChanges::ChangedAt))
                    .foreign_key(&mut fk(
                        "fk_attendance_changes_mark",
                        (AttendanceChanges::Table, AttendanceChanges::MarkId),
                        (AttendanceMarks::Table, AttendanceMarks::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_attendance_changes_changed_by",
                        (AttendanceChanges::Table, AttendanceChanges::ChangedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_attendance_changes_mark",
            AttendanceChanges::Table,
            vec![AttendanceChanges::MarkId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(RollCalls::Table)
                    .if_not_exists()
                    .col(big_integer(RollCalls::SessionId).primary_key())
                    .col(big_integer_null(RollCalls::TakenBy))
                    .col(boolean(RollCalls::Automatic).default(false))
                    .col(timestamp_with_time_zone(RollCalls::TakenAt))
                    .foreign_key(&mut fk(
                        "fk_roll_calls_session",
                        (RollCalls::Table, RollCalls::SessionId),
                        (ClassSessions::Table, ClassSessions::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_roll_calls_taken_by",
                        (RollCalls::Table, RollCalls::TakenBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CheckInKeys::Table)
                    .if_not_exists()
                    .col(big_integer(CheckInKeys::SessionId).primary_key())
                    .col(string_len(CheckInKeys::Secret, 64))
                    .col(big_integer_null(CheckInKeys::OpenedBy))
                    .col(timestamp_with_time_zone(CheckInKeys::OpenedAt))
                    .foreign_key(&mut fk(
                        "fk_check_in_keys_session",
                        (CheckInKeys::Table, CheckInKeys::SessionId),
                        (ClassSessions::Table, ClassSessions::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Excuses::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Excuses::Id))
                    .col(big_integer(Excuses::SessionId))
                    .col(big_integer(Excuses::TraineeId))
                    .col(string_len(Excuses::Kind, 10))
                    .col(string_len(Excuses::Reason, 500))
                    .col(string_len(Excuses::Status, 10))
                    .col(boolean(Excuses::HasNote).default(false))
                    .col(timestamp_with_time_zone(Excuses::RequestedAt))
                    .col(big_integer_null(Excuses::DecidedBy))
                    .col(timestamp_with_time_zone_null(Excuses::DecidedAt))
                    .col(string_len_null(Excuses::DecisionNote, 300))
                    .check(Expr::col(Excuses::Kind).is_in(["izin", "sakit"]))
                    .check(Expr::col(Excuses::Status).is_in(["pending", "approved", "declined", "withdrawn"]))
                    .foreign_key(&mut fk(
                        "fk_excuses_session",
                        (Excuses::Table, Excuses::SessionId),
                        (ClassSessions::Table, ClassSessions::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_excuses_trainee",
                        (Excuses::Table, Excuses::TraineeId),
                        (Trainees::Table, Trainees::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_excuses_decided_by",
                        (Excuses::Table, Excuses::DecidedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_excuses_session_trainee",
            Excuses::Table,
            vec![Excuses::SessionId.into_iden(), Excuses::TraineeId.into_iden()],
            true,
        )
        .await?;
        index(
            manager,
            "ix_excuses_status",
            Excuses::Table,
            vec![Excuses::Status.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ExcuseNotes::Table)
                    .if_not_exists()
                    .col(big_integer(ExcuseNotes::ExcuseId).primary_key())
                    .col(string_len(ExcuseNotes::ContentType, 20))
                    .col(blob(ExcuseNotes::Content))
                    .foreign_key(&mut fk(
                        "fk_excuse_notes_excuse",
                        (ExcuseNotes::Table, ExcuseNotes::ExcuseId),
                        (Excuses::Table, Excuses::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ExcuseNotes::Table.into_iden(),
            Excuses::Table.into_iden(),
            CheckInKeys::Table.into_iden(),
            RollCalls::Table.into_iden(),
            AttendanceChanges::Table.into_iden(),
            AttendanceMarks::Table.into_iden(),
            AttendancePolicies::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum AttendancePolicies {
    Table,
    CohortId,
    LateWeight,
    LateAfterMinutes,
    AutoAbsentHours,
    EditDays,
    AbsenceStreak,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AttendanceMarks {
    Table,
    Id,
    SessionId,
    TraineeId,
    Status,
    Remark,
    Source,
    CheckedInAt,
    Device,
    MarkedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AttendanceChanges {
    Table,
    Id,
    MarkId,
    FromStatus,
    ToStatus,
    Remark,
    Reason,
    Source,
    ChangedBy,
    ChangedAt,
}

#[derive(DeriveIden)]
enum RollCalls {
    Table,
    SessionId,
    TakenBy,
    Automatic,
    TakenAt,
}

#[derive(DeriveIden)]
enum CheckInKeys {
    Table,
    SessionId,
    Secret,
    OpenedBy,
    OpenedAt,
}

#[derive(DeriveIden)]
enum Excuses {
    Table,
    Id,
    SessionId,
    TraineeId,
    Kind,
    Reason,
    Status,
    HasNote,
    RequestedAt,
    DecidedBy,
    DecidedAt,
    DecisionNote,
}

#[derive(DeriveIden)]
enum ExcuseNotes {
    Table,
    ExcuseId,
    ContentType,
    Content,
}
