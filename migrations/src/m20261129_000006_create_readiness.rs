//! Readiness: the units instructors taught, a cohort's assessments and their scores, the
//! official results a trainee brings (JLPT, JFT-Basic, skills tests), the placement
//! documents with their status, dates and optional scan, and the requirements of each
//! programme (absent rows mean the built-in defaults).

use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{fk, index};
use crate::m20261128_000002_create_users::Users;
use crate::m20261129_000001_create_cohorts::{Cohorts, CourseUnits, Programmes};
use crate::m20261129_000002_create_schedule::ClassSessions;
use crate::m20261129_000004_create_trainees::Trainees;

#[derive(DeriveMigrationName)]
pub struct Migration;

const RESULT_KINDS: [&str; 5] = ["jlpt", "jft_basic", "ssw_skills", "care_japanese", "care_skills"];
const LEVELS: [&str; 5] = ["N5", "N4", "N3", "N2", "N1"];
const DOCUMENT_KINDS: [&str; 15] = [
    "ktp",
    "kk",
    "izin_keluarga",
    "skck",
    "mcu",
    "ijazah",
    "sertifikat_kompetensi",
    "ak1",
    "bpjs_tk",
    "paspor",
    "e_pmi",
    "kontrak",
    "coe",
    "visa",
    "opp",
];
const DOCUMENT_STATUSES: [&str; 4] = ["missing", "submitted", "verified", "rejected"];
const ASSESSMENT_KINDS: [&str; 5] = ["quiz", "mid", "final", "speaking", "mock_jft"];

fn user_fk(name: &str, table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    fk(
        name,
        (table, column),
        (Users::Table, Users::Id),
        ForeignKeyAction::SetNull,
    )
}

fn trainee_fk(name: &str, table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    fk(
        name,
        (table, column),
        (Trainees::Table, Trainees::Id),
        ForeignKeyAction::Cascade,
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TaughtUnits::Table)
                    .if_not_exists()
                    .col(big_integer(TaughtUnits::SessionId).primary_key())
                    .col(big_integer(TaughtUnits::UnitId))
                    .col(big_integer_null(TaughtUnits::MarkedBy))
                    .col(timestamp_with_time_zone(TaughtUnits::MarkedAt))
                    .foreign_key(&mut fk(
                        "fk_taught_units_session",
                        (TaughtUnits::Table, TaughtUnits::SessionId),
                        (ClassSessions::Table, ClassSessions::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_taught_units_unit",
                        (TaughtUnits::Table, TaughtUnits::UnitId),
                        (CourseUnits::Table, CourseUnits::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_taught_units_marked_by",
                        TaughtUnits::Table,
                        TaughtUnits::MarkedBy,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Assessments::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Assessments::Id))
                    .col(big_integer(Assessments::CohortId))
                    .col(string_len(Assessments::Kind, 10))
                    .col(string_len(Assessments::Title, 120))
                    .col(date(Assessments::HeldOn))
                    .col(integer(Assessments::MaxScore))
                    .col(integer(Assessments::PassScore))
                    .col(big_integer_null(Assessments::CreatedBy))
                    .col(timestamp_with_time_zone(Assessments::CreatedAt))
                    .check(Expr::col(Assessments::Kind).is_in(ASSESSMENT_KINDS))
                    .check(Expr::col(Assessments::MaxScore).between(1, 1000))
                    .check(Expr::col(Assessments::PassScore).between(0, 1000))
                    .check(Expr::col(Assessments::PassScore).lte(Expr::col(Assessments::MaxScore)))
                    .foreign_key(&mut fk(
                        "fk_assessments_cohort",
                        (Assessments::Table, Assessments::CohortId),
                        (Cohorts::Table, Cohorts::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_assessments_created_by",
                        Assessments::Table,
                        Assessments::CreatedBy,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_assessments_cohort",
            Assessments::Table,
            vec![Assessments::CohortId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(AssessmentScores::Table)
                    .if_not_exists()
                    .col(big_pk_auto(AssessmentScores::Id))
                    .col(big_integer(AssessmentScores::AssessmentId))
                    .col(big_integer(AssessmentScores::TraineeId))
                    .col(integer(AssessmentScores::Score))
                    .col(big_integer_null(AssessmentScores::EnteredBy))
                    .col(timestamp_with_time_zone(AssessmentScores::EnteredAt))
                    .check(Expr::col(AssessmentScores::Score).between(0, 1000))
                    .foreign_key(&mut fk(
                        "fk_assessment_scores_assessment",
                        (AssessmentScores::Table, AssessmentScores::AssessmentId),
                        (Assessments::Table, Assessments::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut trainee_fk(
                        "fk_assessment_scores_trainee",
                        AssessmentScores::Table,
                        AssessmentScores::TraineeId,
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_assessment_scores_entered_by",
                        AssessmentScores::Table,
                        AssessmentScores::EnteredBy,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_assessment_scores_assessment_trainee",
            AssessmentScores::Table,
            vec![
                AssessmentScores::AssessmentId.into_iden(),
                AssessmentScores::TraineeId.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(OfficialResults::Table)
                    .if_not_exists()
                    .col(big_pk_auto(OfficialResults::Id))
                    .col(big_integer(OfficialResults::TraineeId))
                    .col(string_len(OfficialResults::Kind, 20))
                    .col(string_len_null(OfficialResults::Level, 2))
                    .col(integer_null(OfficialResults::Score))
                    .col(boolean(OfficialResults::Passed))
                    .col(date(OfficialResults::TakenOn))
                    .col(string_len_null(OfficialResults::CertificateNo, 60))
                    .col(string_len_null(OfficialResults::Field, 80))
                    .col(big_integer_null(OfficialResults::RecordedBy))
                    .col(timestamp_with_time_zone(OfficialResults::RecordedAt))
                    .check(Expr::col(OfficialResults::Kind).is_in(RESULT_KINDS))
                    .check(
                        Expr::col(OfficialResults::Level)
                            .is_null()
                            .or(Expr::col(OfficialResults::Level).is_in(LEVELS)),
                    )
                    .check(
                        Expr::col(OfficialResults::Score)
                            .is_null()
                            .or(Expr::col(OfficialResults::Score).between(10, 250)),
                    )
                    .foreign_key(&mut trainee_fk(
                        "fk_official_results_trainee",
                        OfficialResults::Table,
                        OfficialResults::TraineeId,
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_official_results_recorded_by",
                        OfficialResults::Table,
                        OfficialResults::RecordedBy,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_official_results_trainee",
            OfficialResults::Table,
            vec![OfficialResults::TraineeId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(TraineeDocuments::Table)
                    .if_not_exists()
                    .col(big_pk_auto(TraineeDocuments::Id))
                    .col(big_integer(TraineeDocuments::TraineeId))
                    .col(string_len(TraineeDocuments::Kind, 30))
                    .col(string_len(TraineeDocuments::Status, 10))
                    .col(string_len_null(TraineeDocuments::Number, 60))
                    .col(date_null(TraineeDocuments::IssuedOn))
                    .col(date_null(TraineeDocuments::ExpiresOn))
                    .col(string_len_null(TraineeDocuments::Reason, 300))
                    .col(boolean(TraineeDocuments::HasScan).default(false))
                    .col(big_integer_null(TraineeDocuments::VerifiedBy))
                    .col(timestamp_with_time_zone_null(TraineeDocuments::VerifiedAt))
                    .col(big_integer_null(TraineeDocuments::UpdatedBy))
                    .col(timestamp_with_time_zone(TraineeDocuments::UpdatedAt))
                    .check(Expr::col(TraineeDocuments::Kind).is_in(DOCUMENT_KINDS))
                    .check(Expr::col(TraineeDocuments::Status).is_in(DOCUMENT_STATUSES))
                    .check(
                        Expr::col(TraineeDocuments::ExpiresOn)
                            .is_null()
                            .or(Expr::col(TraineeDocuments::IssuedOn).is_null())
                            .or(Expr::col(TraineeDocuments::ExpiresOn)
                                .gte(Expr::col(TraineeDocuments::IssuedOn))),
                    )
                    .foreign_key(&mut trainee_fk(
                        "fk_trainee_documents_trainee",
                        TraineeDocuments::Table,
                        TraineeDocuments::TraineeId,
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_trainee_documents_verified_by",
                        TraineeDocuments::Table,
                        TraineeDocuments::VerifiedBy,
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_trainee_documents_updated_by",
                        TraineeDocuments::Table,
                        TraineeDocuments::UpdatedBy,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_trainee_documents_trainee_kind",
            TraineeDocuments::Table,
            vec![
                TraineeDocuments::TraineeId.into_iden(),
                TraineeDocuments::Kind.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(DocumentScans::Table)
                    .if_not_exists()
                    .col(big_integer(DocumentScans::DocumentId).primary_key())
                    .col(string_len(DocumentScans::ContentType, 30))
                    .col(blob(DocumentScans::Content))
                    .col(big_integer_null(DocumentScans::UploadedBy))
                    .col(timestamp_with_time_zone(DocumentScans::UploadedAt))
                    .foreign_key(&mut fk(
                        "fk_document_scans_document",
                        (DocumentScans::Table, DocumentScans::DocumentId),
                        (TraineeDocuments::Table, TraineeDocuments::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_document_scans_uploaded_by",
                        DocumentScans::Table,
                        DocumentScans::UploadedBy,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ReadinessRequirements::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ReadinessRequirements::Id))
                    .col(big_integer(ReadinessRequirements::ProgrammeId))
                    .col(integer(ReadinessRequirements::Position))
                    .col(string_len(ReadinessRequirements::Requirement, 20))
                    .col(string_len(ReadinessRequirements::Subject, 30).default(""))
                    .col(string_len_null(ReadinessRequirements::JlptLevel, 2))
                    .col(integer_null(ReadinessRequirements::MinScore))
                    .col(integer_null(ReadinessRequirements::MaxAgeDays))
                    .col(integer_null(ReadinessRequirements::MinValidDays))
                    .col(big_integer_null(ReadinessRequirements::UpdatedBy))
                    .col(timestamp_with_time_zone(ReadinessRequirements::UpdatedAt))
                    .check(Expr::col(ReadinessRequirements::Requirement).is_in([
                        "language",
                        "passed",
                        "attendance",
                        "document",
                    ]))
                    .check(
                        Expr::col(ReadinessRequirements::MinScore)
                            .is_null()
                            .or(Expr::col(ReadinessRequirements::MinScore).between(10, 250)),
                    )
                    .check(
                        Expr::col(ReadinessRequirements::MaxAgeDays)
                            .is_null()
                            .or(Expr::col(ReadinessRequirements::MaxAgeDays).between(1, 3650)),
                    )
                    .check(
                        Expr::col(ReadinessRequirements::MinValidDays)
                            .is_null()
                            .or(Expr::col(ReadinessRequirements::MinValidDays).between(0, 3650)),
                    )
                    .foreign_key(&mut fk(
                        "fk_readiness_requirements_programme",
                        (ReadinessRequirements::Table, ReadinessRequirements::ProgrammeId),
                        (Programmes::Table, Programmes::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_readiness_requirements_updated_by",
                        ReadinessRequirements::Table,
                        ReadinessRequirements::UpdatedBy,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_readiness_requirements_programme_subject",
            ReadinessRequirements::Table,
            vec![
                ReadinessRequirements::ProgrammeId.into_iden(),
                ReadinessRequirements::Requirement.into_iden(),
                ReadinessRequirements::Subject.into_iden(),
            ],
            true,
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ReadinessRequirements::Table.into_iden(),
            DocumentScans::Table.into_iden(),
            TraineeDocuments::Table.into_iden(),
            OfficialResults::Table.into_iden(),
            AssessmentScores::Table.into_iden(),
            Assessments::Table.into_iden(),
            TaughtUnits::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum TaughtUnits {
    Table,
    SessionId,
    UnitId,
    MarkedBy,
    MarkedAt,
}

#[derive(DeriveIden)]
enum Assessments {
    Table,
    Id,
    CohortId,
    Kind,
    Title,
    HeldOn,
    MaxScore,
    PassScore,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AssessmentScores {
    Table,
    Id,
    AssessmentId,
    TraineeId,
    Score,
    EnteredBy,
    EnteredAt,
}

#[derive(DeriveIden)]
enum OfficialResults {
    Table,
    Id,
    TraineeId,
    Kind,
    Level,
    Score,
    Passed,
    TakenOn,
    CertificateNo,
    Field,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum TraineeDocuments {
    Table,
    Id,
    TraineeId,
    Kind,
    Status,
    Number,
    IssuedOn,
    ExpiresOn,
    Reason,
    HasScan,
    VerifiedBy,
    VerifiedAt,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DocumentScans {
    Table,
    DocumentId,
    ContentType,
    Content,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum ReadinessRequirements {
    Table,
    Id,
    ProgrammeId,
    Position,
    Requirement,
    Subject,
    JlptLevel,
    MinScore,
    MaxAgeDays,
    MinValidDays,
    UpdatedBy,
    UpdatedAt,
}
