//! Certificates of completion and enrollment letters (surat keterangan).
//!
//! - `document_settings`: per site, who signs, how numbers are written for each kind, and
//!   the logo printed at the top (set by admins).
//! - `document_counters`: per site, kind and year, the last sequence number given. Taken
//!   with an update inside the issuing transaction, so numbers are never reused and a
//!   rolled-back issue leaves no gap.
//! - `issued_documents`: every document issued, with what it says (its paper, JSON) fixed
//!   at issue, its unguessable verification code, and its revocation. A certificate is
//!   current for an enrollment at most once (a partial unique index): a reissue revokes
//!   the old one in the same transaction. A document outlives nothing it names: the person,
//!   the enrollment and the cohort cannot be deleted while it exists (a verified paper
//!   never turns into "unknown").

use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{fk, index};
use crate::m20261128_000001_create_sites::Sites;
use crate::m20261128_000002_create_users::Users;
use crate::m20261129_000001_create_cohorts::Cohorts;
use crate::m20261129_000004_create_trainees::{Enrollments, Trainees};

const KINDS: [&str; 2] = ["certificate", "letter"];
const LOGO_TYPES: [&str; 3] = ["image/png", "image/jpeg", "image/svg+xml"];

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DocumentSettings::Table)
                    .if_not_exists()
                    .col(big_integer(DocumentSettings::SiteId).primary_key())
                    .col(string_len(DocumentSettings::SignatoryName, 120))
                    .col(string_len(DocumentSettings::SignatoryPosition, 160))
                    .col(string_len_null(DocumentSettings::CertificatePattern, 80))
                    .col(string_len_null(DocumentSettings::LetterPattern, 80))
                    .col(blob_null(DocumentSettings::Logo))
                    .col(string_len_null(DocumentSettings::LogoType, 32))
                    .col(timestamp_with_time_zone(DocumentSettings::UpdatedAt))
                    .col(big_integer_null(DocumentSettings::UpdatedBy))
                    .check(
                        Expr::col(DocumentSettings::LogoType)
                            .is_null()
                            .or(Expr::col(DocumentSettings::LogoType).is_in(LOGO_TYPES)),
                    )
                    .foreign_key(&mut fk(
                        "fk_document_settings_site",
                        (DocumentSettings::Table, DocumentSettings::SiteId),
                        (Sites::Table, Sites::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_document_settings_updated_by",
                        (DocumentSettings::Table, DocumentSettings::UpdatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DocumentCounters::Table)
                    .if_not_exists()
                    .col(big_integer(DocumentCounters::SiteId))
                    .col(string_len(DocumentCounters::Kind, 16))
                    .col(integer(DocumentCounters::Year))
                    .col(integer(DocumentCounters::LastSeq))
                    .primary_key(
                        Index::create()
                            .col(DocumentCounters::SiteId)
                            .col(DocumentCounters::Kind)
                            .col(DocumentCounters::Year),
                    )
                    .check(Expr::col(DocumentCounters::Kind).is_in(KINDS))
                    .check(Expr::col(DocumentCounters::LastSeq).gte(0))
                    .foreign_key(&mut fk(
                        "fk_document_counters_site",
                        (DocumentCounters::Table, DocumentCounters::SiteId),
                        (Sites::Table, Sites::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IssuedDocuments::Table)
                    .if_not_exists()
                    .col(big_pk_auto(IssuedDocuments::Id))
                    .col(string_len(IssuedDocuments::Kind, 16))
                    .col(big_integer(IssuedDocuments::SiteId))
                    .col(integer(IssuedDocuments::Year))
                    .col(integer(IssuedDocuments::Seq))
                    .col(string_len_uniq(IssuedDocuments::Number, 120))
                    .col(string_len_uniq(IssuedDocuments::Code, 32))
                    .col(big_integer(IssuedDocuments::TraineeId))
                    .col(big_integer(IssuedDocuments::EnrollmentId))
                    .col(big_integer(IssuedDocuments::CohortId))
                    .col(text(IssuedDocuments::Paper))
                    .col(timestamp_with_time_zone(IssuedDocuments::IssuedAt))
                    .col(big_integer_null(IssuedDocuments::IssuedBy))
                    .col(timestamp_with_time_zone_null(IssuedDocuments::RevokedAt))
                    .col(big_integer_null(IssuedDocuments::RevokedBy))
                    .col(string_len_null(IssuedDocuments::RevokeReason, 300))
                    .col(big_integer_null(IssuedDocuments::ReplacedBy))
                    .check(Expr::col(IssuedDocuments::Kind).is_in(KINDS))
                    .check(Expr::col(IssuedDocuments::Seq).gte(1))
                    .check(
                        Expr::col(IssuedDocuments::RevokedAt)
                            .is_null()
                            .or(Expr::col(IssuedDocuments::RevokeReason).is_not_null()),
                    )
                    .foreign_key(&mut fk(
                        "fk_issued_documents_site",
                        (IssuedDocuments::Table, IssuedDocuments::SiteId),
                        (Sites::Table, Sites::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_issued_documents_trainee",
                        (IssuedDocuments::Table, IssuedDocuments::TraineeId),
                        (Trainees::Table, Trainees::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_issued_documents_enrollment",
                        (IssuedDocuments::Table, IssuedDocuments::EnrollmentId),
                        (Enrollments::Table, Enrollments::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_issued_documents_cohort",
                        (IssuedDocuments::Table, IssuedDocuments::CohortId),
                        (Cohorts::Table, Cohorts::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_issued_documents_issued_by",
                        (IssuedDocuments::Table, IssuedDocuments::IssuedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "fk_issued_documents_revoked_by",
                        (IssuedDocuments::Table, IssuedDocuments::RevokedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        // Gap-free and never reused: one sequence number per site, kind and year.
        index(
            manager,
            "ux_issued_documents_seq",
            IssuedDocuments::Table,
            vec![
                IssuedDocuments::SiteId.into_iden(),
                IssuedDocuments::Kind.into_iden(),
                IssuedDocuments::Year.into_iden(),
                IssuedDocuments::Seq.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "ix_issued_documents_enrollment",
            IssuedDocuments::Table,
            vec![IssuedDocuments::EnrollmentId.into_iden()],
            false,
        )
        .await?;
        index(
            manager,
            "ix_issued_documents_cohort",
            IssuedDocuments::Table,
            vec![IssuedDocuments::CohortId.into_iden()],
            false,
        )
        .await?;
        index(
            manager,
            "ix_issued_documents_trainee",
            IssuedDocuments::Table,
            vec![IssuedDocuments::TraineeId.into_iden()],
            false,
        )
        .await?;
        // At most one current certificate per enrollment (the same words on both databases).
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_issued_documents_current_certificate \
                 ON issued_documents (enrollment_id) \
                 WHERE kind = 'certificate' AND revoked_at IS NULL",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            IssuedDocuments::Table.into_iden(),
            DocumentCounters::Table.into_iden(),
            DocumentSettings::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum DocumentSettings {
    Table,
    SiteId,
    SignatoryName,
    SignatoryPosition,
    CertificatePattern,
    LetterPattern,
    Logo,
    LogoType,
    UpdatedAt,
    UpdatedBy,
}

#[derive(DeriveIden)]
enum DocumentCounters {
    Table,
    SiteId,
    Kind,
    Year,
    LastSeq,
}

#[derive(DeriveIden)]
enum IssuedDocuments {
    Table,
    Id,
    Kind,
    SiteId,
    Year,
    Seq,
    Number,
    Code,
    TraineeId,
    EnrollmentId,
    CohortId,
    Paper,
    IssuedAt,
    IssuedBy,
    RevokedAt,
    RevokedBy,
    RevokeReason,
    ReplacedBy,
}
