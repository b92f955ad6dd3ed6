//! The numbers other government systems give a trainee, kept on the record so that
//! coordinators (and partner systems through the API) stop copying them by hand: the ID PMI
//! of the person's SIAPkerja account (Kemnaker) and their SISKOP2MI registration number
//! (KP2MI). Each number belongs to one person: unique, and empty until known.

use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::index;
use crate::m20261129_000004_create_trainees::Trainees;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Numbers {
    #[sea_orm(iden = "id_pmi")]
    IdPmi,
    #[sea_orm(iden = "siskop2mi_no")]
    Siskop2miNo,
}

const INDEXES: [(&str, Numbers); 2] = [
    ("ux_trainees_id_pmi", Numbers::IdPmi),
    ("ux_trainees_siskop2mi_no", Numbers::Siskop2miNo),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for (name, column) in INDEXES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Trainees::Table)
                        .add_column(string_len_null(column, 40))
                        .to_owned(),
                )
                .await?;
            index(manager, name, Trainees::Table, vec![column.into_iden()], true).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, column) in INDEXES.into_iter().rev() {
            manager
                .drop_index(Index::drop().name(name).table(Trainees::Table).to_owned())
                .await?;
            manager
                .alter_table(
                    Table::alter()
                        .table(Trainees::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
