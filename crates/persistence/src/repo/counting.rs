//! How many rows a paged list reports in all (`totalResults`): every matching row, or at most
//! a limit, so that a list over a million rows does not read them all for its first page.

use diesel::dsl::sql;
use diesel::expression::SqlLiteral;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::query_dsl::methods::SelectDsl;
use diesel::sql_types::{BigInt, Integer};

use crate::connection::{DbConnection, MultiBackend};

/// The page a paged list reads: the rows before it, at most how many, and how many matching
/// rows the list counts at most (`None`: every one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub offset: i64,
    pub limit: i64,
    pub count_limit: Option<i64>,
}

impl Paging {
    /// The page of `limit` rows at `offset`, every matching row counted.
    pub fn exact(offset: i64, limit: i64) -> Self {
        Paging { offset, limit, count_limit: None }
    }
}

/// Counts the rows of the filtered `query` for the page: all of them when its `count_limit` is
/// `None`, else at most that many, but always far enough to tell whether a row follows the
/// page. The rows are counted as a constant, so an index that serves the filter counts them
/// alone, without reading each row (SQLite, 10,000,000 audit rows: 10,021 rows of one event id
/// counted in 1–6 ms instead of 19–87 ms, `docs/benchmarks.md`).
pub(crate) fn count_up_to<Q>(query: Q, paging: Paging, conn: &mut DbConnection) -> QueryResult<i64>
where
    Q: SelectDsl<SqlLiteral<Integer>>,
    Q::Output: QueryFragment<MultiBackend>,
{
    let Paging { offset, limit: page_size, count_limit } = paging;
    let limit = count_limit.map(|l| l.max(offset.saturating_add(page_size).saturating_add(1)));
    CountRows { query: query.select(sql::<Integer>("1")), limit }.get_result(conn)
}

/// `SELECT COUNT(*) FROM (<query> [LIMIT n]) AS counted`.
struct CountRows<Q> {
    query: Q,
    limit: Option<i64>,
}

impl<Q: QueryFragment<MultiBackend>> QueryFragment<MultiBackend> for CountRows<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, MultiBackend>) -> QueryResult<()> {
        out.unsafe_to_cache_prepared();
        out.push_sql("SELECT COUNT(*) FROM (");
        self.query.walk_ast(out.reborrow())?;
        if let Some(limit) = &self.limit {
            out.push_sql(" LIMIT ");
            out.push_bind_param::<BigInt, i64>(limit)?;
        }
        out.push_sql(") AS counted");
        Ok(())
    }
}

impl<Q> QueryId for CountRows<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q> Query for CountRows<Q> {
    type SqlType = BigInt;
}

impl<Q> RunQueryDsl<DbConnection> for CountRows<Q> {}
