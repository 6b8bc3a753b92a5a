//! Case-insensitive substring filters of the 1.2.2 paged reads: `lower(column) LIKE '%value%'`
//! with the value's own `%`, `_` and `\` matched literally.

use diesel::sql_types::{Nullable, Text};

diesel::define_sql_function! {
    /// SQL `lower(text)` over a nullable column (wrap a non-null one in `.nullable()`).
    fn lower(x: Nullable<Text>) -> Nullable<Text>;
}

/// The `LIKE` pattern (escape `\`) of a case-insensitive substring match of `value`.
pub fn contains(value: &str) -> String {
    format!("%{}%", super::policy::escape_like(&value.to_lowercase()))
}
