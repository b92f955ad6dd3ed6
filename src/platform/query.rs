//! Small helpers every area's queries share.

use sea_orm::sea_query::LikeExpr;
use sea_orm::{ColumnTrait, EntityTrait, RelationDef};

/// The join from one table's column to another's (`from` refers to `to`), for queries
/// that join tables the entities declare no relation between.
pub fn join_on<F, T>(from: F, to: T) -> RelationDef
where
    F: ColumnTrait,
    T: ColumnTrait,
    F::EntityName: EntityTrait<Column = F>,
    T::EntityName: EntityTrait<Column = T>,
{
    F::EntityName::belongs_to(T::EntityName::default())
        .from(from)
        .to(to)
        .into()
}

/// Rows of the outer query that no row of `inner`'s table refers to (`inner = outer`), as
/// `NOT EXISTS (SELECT 1 … WHERE inner = outer)`: looked up by `inner`'s index for each
/// outer row. `NOT IN (SELECT inner …)` would have PostgreSQL hash the whole inner table for
/// every query (450,000 roll calls for an instructor's home page at national scale).
pub fn none_refer_to<I, O>(inner: I, outer: O) -> sea_orm::sea_query::SimpleExpr
where
    I: ColumnTrait,
    O: ColumnTrait,
    I::EntityName: EntityTrait<Column = I>,
    O::EntityName: EntityTrait<Column = O>,
{
    none_refer_to_expr(
        inner,
        sea_orm::sea_query::Expr::col((O::EntityName::default(), outer)),
    )
}

/// [`none_refer_to`] with the outer side as an expression: for an area whose table is
/// referred to by another area's rows, which builds the subquery on its own table and is
/// handed the outer column (no area names another's columns).
pub fn none_refer_to_expr<I>(
    inner: I,
    outer: sea_orm::sea_query::SimpleExpr,
) -> sea_orm::sea_query::SimpleExpr
where
    I: ColumnTrait,
    I::EntityName: EntityTrait<Column = I>,
{
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let referring = Query::select()
        .expr(Expr::val(1))
        .from(I::EntityName::default())
        .and_where(Expr::col((I::EntityName::default(), inner)).eq(outer))
        .to_owned();
    Expr::exists(referring).not()
}

/// Selects every column of `E` into `query` under `prefix` (`A_id`, `A_cohort_id`…), the
/// way SeaORM names the parts of a joined row, so `Model::from_query_result(row, prefix)`
/// reads them back.
pub fn select_all_as<E: EntityTrait>(query: &mut sea_orm::sea_query::SelectStatement, prefix: &str) {
    use sea_orm::{sea_query::Expr, IdenStatic, Iterable};
    for column in E::Column::iter() {
        query.expr_as(
            Expr::col((E::default(), column)),
            sea_orm::sea_query::Alias::new(format!("{prefix}{}", column.as_str())),
        );
    }
}

/// A `LIKE` pattern matching `needle` anywhere (lower-cased), with `%`, `_` and `\` taken
/// literally.
pub fn contains_pattern(needle: &str) -> LikeExpr {
    // Control characters can never match stored text (and PostgreSQL refuses NUL); a search
    // is at most 100 characters.
    let escaped: String = needle
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_control())
        .take(100)
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            _ => vec![c],
        })
        .collect();
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{Expr, ExprTrait, PostgresQueryBuilder, Query};

    #[test]
    fn search_patterns_escape_wildcards_and_drop_control_characters() {
        let sql = Query::select()
            .expr(Expr::val(1))
            .and_where(
                Expr::col(sea_orm::sea_query::Alias::new("name")).like(contains_pattern("50%_a\u{0}\u{1b}B")),
            )
            .to_string(PostgresQueryBuilder);
        assert!(sql.contains(r"'%50\\%\\_ab%'"), "{sql}");
        let long = "x".repeat(10_000);
        let sql = Query::select()
            .expr(Expr::val(1))
            .and_where(Expr::col(sea_orm::sea_query::Alias::new("name")).like(contains_pattern(&long)))
            .to_string(PostgresQueryBuilder);
        assert!(sql.len() < 300, "a search is capped");
    }

    #[test]
    fn rows_nothing_refers_to_are_asked_with_not_exists_by_the_referring_key() {
        use crate::entities::{class_sessions, roll_calls};
        use sea_orm::{EntityTrait, QueryFilter, QueryTrait};
        let sql = class_sessions::Entity::find()
            .filter(none_refer_to(
                roll_calls::Column::SessionId,
                class_sessions::Column::Id,
            ))
            .build(sea_orm::DbBackend::Postgres)
            .to_string();
        assert!(
            sql.contains(r#"NOT EXISTS(SELECT 1 FROM "roll_calls" WHERE "roll_calls"."session_id" = "class_sessions"."id")"#),
            "{sql}"
        );
    }
}
