//! Small helpers every area's queries share.

use sea_orm::sea_query::LikeExpr;

/// A `LIKE` pattern matching `needle` anywhere (lower-cased), with `%`, `_` and `\` taken
/// literally.
pub fn contains_pattern(needle: &str) -> LikeExpr {
    let escaped: String = needle
        .to_lowercase()
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            _ => vec![c],
        })
        .collect();
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}
