//! Case-insensitive substring filters of the 1.2.2 paged reads: `lower(column) LIKE '%value%'`
//! with the value's own `%`, `_` and `\` matched literally; on SQLite, the columns it indexes
//! by trigram are read from that index.

use diesel::dsl::{AsExprOf, sql};
use diesel::expression::{SqlLiteral, UncheckedBind};
use diesel::sql_types::{Bool, Nullable, Text};

use crate::connection::Backend;

diesel::define_sql_function! {
    /// SQL `lower(text)` over a nullable column (wrap a non-null one in `.nullable()`).
    fn lower(x: Nullable<Text>) -> Nullable<Text>;
}

/// The `LIKE` pattern (escape `\`) of a case-insensitive substring match of `value`.
pub fn contains(value: &str) -> String {
    format!("%{}%", super::policy::escape_like(&value.to_lowercase()))
}

/// The columns SQLite indexes by trigram, as (table, column, the index, the table's key): an
/// FTS5 table of the row's indexed columns, its key among them, kept by triggers (migration
/// `2026-12-08-000080`). PostgreSQL's pg_trgm indexes serve `lower(column) LIKE` itself.
const SQLITE_TRIGRAM_INDEXES: &[(&str, &str, &str, &str)] =
    &[("partner", "name", "partner_trigram", "id"), ("partner", "id", "partner_trigram", "id")];

/// `<table>.<key> IN (SELECT <key> FROM <the index> WHERE <column> LIKE pattern)`.
pub type IndexedLike = SqlLiteral<Bool, UncheckedBind<SqlLiteral<Bool>, AsExprOf<String, Text>>>;

/// The rows of `table` whose `column` is `LIKE pattern` (case-insensitive), found in SQLite's
/// trigram index of that column. `None` on PostgreSQL, for a column SQLite does not index, and
/// for a pattern that escapes a character: SQLite passes a virtual table no `LIKE … ESCAPE`, so
/// such a pattern would read the whole index, and the column itself serves it as well.
pub fn indexed_like(backend: Backend, table: &str, column: &str, pattern: &str) -> Option<IndexedLike> {
    let (index, key) = trigram_index(backend, table, column, pattern)?;
    let head = format!("{table}.{key} IN (SELECT {key} FROM {index} WHERE {column} LIKE ");
    Some(sql::<Bool>(&head).bind::<Text, _>(pattern.to_owned()).sql(")"))
}

/// Whether [`indexed_like`] serves `pattern` on `table.column` from an index.
pub fn is_indexed(backend: Backend, table: &str, column: &str, pattern: &str) -> bool {
    trigram_index(backend, table, column, pattern).is_some()
}

/// The trigram index and its key that serve `pattern` on `table.column`, if any.
fn trigram_index(backend: Backend, table: &str, column: &str, pattern: &str) -> Option<(&'static str, &'static str)> {
    if backend != Backend::Sqlite || pattern.contains('\\') {
        return None;
    }
    let (_, _, index, key) = SQLITE_TRIGRAM_INDEXES.iter().find(|(t, c, _, _)| *t == table && *c == column)?;
    Some((index, key))
}
