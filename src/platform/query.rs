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
}
