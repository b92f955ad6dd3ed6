//! The trainee registry (one record per NIK, optionally linked to a trainee account),
//! enrollments in cohorts with their full history, imports staged for review, and saved
//! searches (so a NIK typed into a search never appears in a URL).

use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{fk, index};

use crate::m20261128_000001_create_sites::Sites;
use crate::m20261128_000002_create_users::Users;
use crate::m20261129_000001_create_cohorts::{Cohorts, Programmes};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Trainees::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Trainees::Id))
                    .col(string_len_uniq(Trainees::Nik, 16))
                    .col(big_integer_null(Trainees::UserId).unique_key())
                    .col(big_integer(Trainees::SiteId))
                    .col(string_len(Trainees::FullName, 120))
                    // Lower case without accents, for searching by name.
                    .col(string_len(Trainees::NameKey, 120))
                    .col(string_len(Trainees::BirthPlace, 60))
                    .col(date(Trainees::BirthDate))
                    // F | M
                    .col(string_len(Trainees::Sex, 1))
                    .col(string_len(Trainees::Address, 300))
                    // Kemendagri code of a Banten kabupaten/kota, or NULL with a name elsewhere.
                    .col(string_len_null(Trainees::RegencyCode, 4))
                    .col(string_len(Trainees::RegencyName, 80))
                    .col(string_len_null(Trainees::Phone, 20))
                    .col(string_len_null(Trainees::Email, 254))
                    .col(string_len(Trainees::Education, 16))
                    .col(big_integer_null(Trainees::ProgrammeId))
                    .col(string_len_null(Trainees::GuardianName, 120))
                    .col(string_len_null(Trainees::GuardianRelation, 40))
                    .col(string_len_null(Trainees::GuardianPhone, 20))
                    .col(string_len(Trainees::Source, 24))
                    .col(text_null(Trainees::Notes))
                    .col(timestamp_with_time_zone(Trainees::CreatedAt))
                    .col(timestamp_with_time_zone(Trainees::UpdatedAt))
                    .col(big_integer_null(Trainees::CreatedBy))
                    .check(Expr::col(Trainees::Sex).is_in(["F", "M"]))
                    .foreign_key(&mut fk(
                        "fk_trainees_user",
                        (Trainees::Table, Trainees::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "fk_trainees_site",
                        (Trainees::Table, Trainees::SiteId),
                        (Sites::Table, Sites::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_trainees_programme",
                        (Trainees::Table, Trainees::ProgrammeId),
                        (Programmes::Table, Programmes::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "fk_trainees_created_by",
                        (Trainees::Table, Trainees::CreatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("ix_trainees_site", Trainees::SiteId),
            ("ix_trainees_name_key", Trainees::NameKey),
            ("ix_trainees_phone", Trainees::Phone),
            ("ix_trainees_regency", Trainees::RegencyCode),
        ] {
            index(manager, name, Trainees::Table, vec![column.into_iden()], false).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(Enrollments::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Enrollments::Id))
                    .col(big_integer(Enrollments::TraineeId))
                    .col(big_integer(Enrollments::CohortId))
                    // applied | accepted | waitlisted | rejected | active | completed | withdrawn | transferred
                    .col(string_len(Enrollments::Status, 16))
                    // When the person joined the waitlist: its order.
                    .col(timestamp_with_time_zone_null(Enrollments::WaitlistedAt))
                    .col(date_null(Enrollments::JoinedOn))
                    .col(date_null(Enrollments::LeftOn))
                    .col(big_integer_null(Enrollments::TransferredTo))
                    .col(timestamp_with_time_zone(Enrollments::CreatedAt))
                    .col(timestamp_with_time_zone(Enrollments::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_enrollments_trainee",
                        (Enrollments::Table, Enrollments::TraineeId),
                        (Trainees::Table, Trainees::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_enrollments_cohort",
                        (Enrollments::Table, Enrollments::CohortId),
                        (Cohorts::Table, Cohorts::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_enrollments_transferred_to",
                        (Enrollments::Table, Enrollments::TransferredTo),
                        (Enrollments::Table, Enrollments::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_enrollments_trainee_cohort",
            Enrollments::Table,
            vec![
                Enrollments::TraineeId.into_iden(),
                Enrollments::CohortId.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "ix_enrollments_cohort_status",
            Enrollments::Table,
            vec![Enrollments::CohortId.into_iden(), Enrollments::Status.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(EnrollmentEvents::Table)
                    .if_not_exists()
                    .col(big_pk_auto(EnrollmentEvents::Id))
                    .col(big_integer(EnrollmentEvents::EnrollmentId))
                    .col(string_len_null(EnrollmentEvents::FromStatus, 16))
                    .col(string_len(EnrollmentEvents::ToStatus, 16))
                    .col(string_len_null(EnrollmentEvents::Reason, 500))
                    .col(big_integer_null(EnrollmentEvents::ActorId))
                    .col(timestamp_with_time_zone(EnrollmentEvents::OccurredAt))
                    .foreign_key(&mut fk(
                        "fk_enrollment_events_enrollment",
                        (EnrollmentEvents::Table, EnrollmentEvents::EnrollmentId),
                        (Enrollments::Table, Enrollments::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_enrollment_events_actor",
                        (EnrollmentEvents::Table, EnrollmentEvents::ActorId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_enrollment_events_enrollment",
            EnrollmentEvents::Table,
            vec![EnrollmentEvents::EnrollmentId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(TraineeImports::Table)
                    .if_not_exists()
                    .col(big_pk_auto(TraineeImports::Id))
                    .col(big_integer(TraineeImports::CreatedBy))
                    .col(big_integer(TraineeImports::SiteId))
                    .col(big_integer_null(TraineeImports::CohortId))
                    .col(string_len(TraineeImports::FileName, 200))
                    .col(text(TraineeImports::Content))
                    // staged | imported
                    .col(string_len(TraineeImports::Status, 16))
                    .col(integer_null(TraineeImports::Imported))
                    .col(timestamp_with_time_zone(TraineeImports::CreatedAt))
                    .col(timestamp_with_time_zone_null(TraineeImports::ImportedAt))
                    .foreign_key(&mut fk(
                        "fk_trainee_imports_user",
                        (TraineeImports::Table, TraineeImports::CreatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_trainee_imports_site",
                        (TraineeImports::Table, TraineeImports::SiteId),
                        (Sites::Table, Sites::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_trainee_imports_cohort",
                        (TraineeImports::Table, TraineeImports::CohortId),
                        (Cohorts::Table, Cohorts::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SavedSearches::Table)
                    .if_not_exists()
                    .col(string_len(SavedSearches::Token, 64).primary_key())
                    .col(big_integer(SavedSearches::UserId))
                    .col(text(SavedSearches::Query))
                    .col(timestamp_with_time_zone(SavedSearches::ExpiresAt))
                    .foreign_key(&mut fk(
                        "fk_saved_searches_user",
                        (SavedSearches::Table, SavedSearches::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SavedSearches::Table.into_iden(),
            TraineeImports::Table.into_iden(),
            EnrollmentEvents::Table.into_iden(),
            Enrollments::Table.into_iden(),
            Trainees::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub enum Trainees {
    Table,
    Id,
    Nik,
    UserId,
    SiteId,
    FullName,
    NameKey,
    BirthPlace,
    BirthDate,
    Sex,
    Address,
    RegencyCode,
    RegencyName,
    Phone,
    Email,
    Education,
    ProgrammeId,
    GuardianName,
    GuardianRelation,
    GuardianPhone,
    Source,
    Notes,
    CreatedAt,
    UpdatedAt,
    CreatedBy,
}

#[derive(DeriveIden)]
pub enum Enrollments {
    Table,
    Id,
    TraineeId,
    CohortId,
    Status,
    WaitlistedAt,
    JoinedOn,
    LeftOn,
    TransferredTo,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EnrollmentEvents {
    Table,
    Id,
    EnrollmentId,
    FromStatus,
    ToStatus,
    Reason,
    ActorId,
    OccurredAt,
}

#[derive(DeriveIden)]
enum TraineeImports {
    Table,
    Id,
    CreatedBy,
    SiteId,
    CohortId,
    FileName,
    Content,
    Status,
    Imported,
    CreatedAt,
    ImportedAt,
}

#[derive(DeriveIden)]
enum SavedSearches {
    Table,
    Token,
    UserId,
    Query,
    ExpiresAt,
}
