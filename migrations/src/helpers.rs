//! Schema builders shared by migrations: named foreign keys and indexes, the same on
//! SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;

/// A named foreign key from `from` (table, column) to `to`.
pub fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

/// Creates a named index on `columns` of `table`.
pub async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    columns: Vec<DynIden>,
    unique: bool,
) -> Result<(), DbErr> {
    let mut index = Index::create();
    index.name(name).table(table);
    for column in columns {
        index.col(column);
    }
    if unique {
        index.unique();
    }
    manager.create_index(index.to_owned()).await
}
