//! Schema builders shared by migrations: named foreign keys and indexes, the same on
//! SQLite and PostgreSQL.

use sea_orm_migration::{prelude::*, schema};

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

/// A per-cohort stamp's first value, random and positive, in the dialect's words: a cohort
/// id used again (a restored database) never meets the stamp of the cohort it replaced.
pub fn first_stamp(backend: sea_orm::DbBackend) -> &'static str {
    match backend {
        sea_orm::DbBackend::Postgres => "(floor(random() * 4611686018427387903) + 1)::bigint",
        _ => "(abs(random() % 4611686018427387903) + 1)",
    }
}

/// `OLD.c IS NOT NEW.c OR …` (SQLite) / `OLD.c IS DISTINCT FROM NEW.c OR …` (PostgreSQL).
pub fn any_changed(columns: &[&str], backend: sea_orm::DbBackend) -> String {
    let differs = match backend {
        sea_orm::DbBackend::Postgres => "IS DISTINCT FROM",
        _ => "IS NOT",
    };
    columns
        .iter()
        .map(|c| format!("OLD.{c} {differs} NEW.{c}"))
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// Creates `table`, a stamp per cohort (`cohort_id` → `cohorts`, removed with it, and
/// `stamp`), fills it with `first` (a `SELECT` of cohort ids and [`first_stamp`]s), then
/// creates the `triggers` that keep it, in the dialect's words.
pub async fn create_stamps(
    manager: &SchemaManager<'_>,
    table: &str,
    first: &str,
    triggers: Vec<String>,
) -> Result<(), DbErr> {
    let name = Alias::new(table);
    manager
        .create_table(
            Table::create()
                .table(name.clone())
                .if_not_exists()
                .col(schema::big_integer(Alias::new("cohort_id")).primary_key())
                .col(schema::big_integer(Alias::new("stamp")))
                .foreign_key(&mut fk(
                    &format!("fk_{table}_cohort"),
                    (name, Alias::new("cohort_id")),
                    (Alias::new("cohorts"), Alias::new("id")),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
    let conn = manager.get_connection();
    conn.execute_unprepared(&format!("INSERT INTO {table} (cohort_id, stamp) {first}"))
        .await?;
    for trigger in triggers {
        conn.execute_unprepared(&trigger).await?;
    }
    Ok(())
}

/// Runs `drops` (the triggers and functions of [`create_stamps`]), then drops `table`.
pub async fn drop_stamps(manager: &SchemaManager<'_>, table: &str, drops: Vec<String>) -> Result<(), DbErr> {
    let conn = manager.get_connection();
    for drop in drops {
        conn.execute_unprepared(&drop).await?;
    }
    manager
        .drop_table(Table::drop().table(Alias::new(table)).to_owned())
        .await
}
