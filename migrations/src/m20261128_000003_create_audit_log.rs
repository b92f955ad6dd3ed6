//! Append-only audit trail: who did what, to whom, from where, and whether it worked.

use sea_orm_migration::{prelude::*, schema::*};

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
                    .table(AuditLog::Table)
                    .if_not_exists()
                    .col(big_pk_auto(AuditLog::Id))
                    .col(timestamp_with_time_zone(AuditLog::OccurredAt))
                    .col(big_integer_null(AuditLog::ActorUserId))
                    .col(string_len(AuditLog::Action, 64))
                    .col(string_len(AuditLog::Outcome, 16))
                    .col(big_integer_null(AuditLog::SubjectUserId))
                    .col(big_integer_null(AuditLog::SiteId))
                    .col(string_len_null(AuditLog::Ip, 45))
                    .col(text_null(AuditLog::Detail))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_audit_actor")
                            .from(AuditLog::Table, AuditLog::ActorUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_audit_subject")
                            .from(AuditLog::Table, AuditLog::SubjectUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_audit_site")
                            .from(AuditLog::Table, AuditLog::SiteId)
                            .to(Sites::Table, Sites::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("ix_audit_occurred_at", AuditLog::OccurredAt),
            ("ix_audit_actor", AuditLog::ActorUserId),
            ("ix_audit_subject", AuditLog::SubjectUserId),
            ("ix_audit_action", AuditLog::Action),
            ("ix_audit_site", AuditLog::SiteId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AuditLog::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditLog::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    OccurredAt,
    ActorUserId,
    Action,
    Outcome,
    SubjectUserId,
    SiteId,
    Ip,
    Detail,
}
