//! Repositories: plain functions over `&mut DbConnection`, one module per aggregate.

use diesel::dsl::{AsSelect, Limit, Select};
use diesel::prelude::*;
use diesel::query_builder::QueryId;
use diesel::query_dsl::LoadQuery;
use diesel::query_dsl::methods::{LimitDsl, SelectDsl};

use crate::connection::{DbConnection, MultiBackend};

/// A row struct of a MOSIP table: its own columns as written, then the audit columns every MOSIP
/// table ends with (`cr_by`, `cr_dtimes`, `upd_by`, `upd_dtimes`, `is_deleted`, `del_dtimes`).
macro_rules! mosip_row {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $($(#[$field_meta:meta])* pub $field:ident: $ty:ty,)* }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
            pub cr_by: String,
            pub cr_dtimes: chrono::NaiveDateTime,
            pub upd_by: Option<String>,
            pub upd_dtimes: Option<chrono::NaiveDateTime>,
            pub is_deleted: bool,
            pub del_dtimes: Option<chrono::NaiveDateTime>,
        }
    };
}

/// Keeps the rows of the boxed query `$q` whose nullable text `$col` contains `$value` (an
/// `&Option<String>`; none: no condition), case-insensitively.
macro_rules! contains {
    ($q:ident, $value:expr, $col:expr) => {
        if let Some(v) = $value {
            $q = $q.filter(crate::repo::like::lower($col).like(crate::repo::like::contains(v)).escape('\\'));
        }
    };
    // the same, read from the trigram index of `$table::$column` (the same value as `$col` in
    // the query) where `$backend` has one
    ($q:ident, $value:expr, $col:expr, indexed $table:ident :: $column:ident on $backend:expr) => {
        if let Some(v) = $value {
            let pattern = crate::repo::like::contains(v);
            $q = match crate::repo::like::indexed_like($backend, stringify!($table), stringify!($column), &pattern) {
                Some(indexed) => $q.filter(indexed),
                None => $q.filter(crate::repo::like::lower($col).like(pattern).escape('\\')),
            };
        }
    };
}

/// Orders the boxed query `$q` by `$e`, descending when `$desc`.
macro_rules! by {
    ($q:expr, $e:expr, $desc:expr) => {
        if $desc { $q.order($e.desc()) } else { $q.order($e.asc()) }
    };
}

/// Orders the boxed query `$q` over table `$t` by MOSIP's status label: approved (and active),
/// deactivated (approved, inactive), pending_approval, rejected; reversed when `$desc`.
macro_rules! by_status {
    ($q:expr, $t:ident, $desc:expr) => {
        if $desc {
            $q.order(($t::approval_status.desc(), $t::is_active.asc()))
        } else {
            $q.order(($t::approval_status.asc(), $t::is_active.desc()))
        }
    };
}

/// Hands each row of `$query`, read as `$row`, to `$each` as the database steps through them:
/// on PostgreSQL row by row (libpq would otherwise hold the whole result), on SQLite as it steps.
/// `$query` is written once and built for the connection's own backend.
macro_rules! each_row {
    ($conn:expr, $query:expr, $row:ty, $each:expr) => {{
        let each = &mut $each;
        match $conn {
            $crate::connection::DbConnection::Postgres(c) => {
                for row in $query.load_iter::<$row, diesel::pg::PgRowByRowLoadingMode>(c)? {
                    each(row?)?;
                }
            }
            $crate::connection::DbConnection::Sqlite(c) => {
                for row in $query.load_iter::<$row, diesel::connection::DefaultLoadingMode>(c)? {
                    each(row?)?;
                }
            }
        }
    }};
}

/// A struct literal of `$ty`: the fields given, then the audit fields, which are
/// - `taken from r`: moved from the row `r` (a domain value read from its row);
/// - `copied from d`: cloned from the domain value `d`, not deleted (the row of a domain value);
/// - `created by who, at when`: those of a new row that `who` creates at `when`.
macro_rules! with_audit {
    ($ty:ident { $($field:ident: $value:expr),+ $(,)? } taken from $r:ident) => {
        $ty { $($field: $value,)+ cr_by: $r.cr_by, cr_dtimes: $r.cr_dtimes, upd_by: $r.upd_by, upd_dtimes: $r.upd_dtimes }
    };
    ($ty:ident { $($field:ident: $value:expr),+ $(,)? } copied from $d:ident) => {
        $ty {
            $($field: $value,)+
            cr_by: $d.cr_by.clone(),
            cr_dtimes: $d.cr_dtimes,
            upd_by: $d.upd_by.clone(),
            upd_dtimes: $d.upd_dtimes,
            is_deleted: false,
            del_dtimes: None,
        }
    };
    ($ty:ident { $($field:ident: $value:expr),+ $(,)? } created by $by:expr, at $at:expr) => {
        $ty {
            $($field: $value,)+
            cr_by: $by.to_owned(),
            cr_dtimes: $at,
            upd_by: None,
            upd_dtimes: None,
            is_deleted: false,
            del_dtimes: None,
        }
    };
}

/// The first row `query` finds, read as `R`.
pub(crate) fn first_row<'q, R, Q>(conn: &mut DbConnection, query: Q) -> QueryResult<Option<R>>
where
    R: Selectable<MultiBackend, SelectExpression: QueryId>,
    Q: SelectDsl<AsSelect<R, MultiBackend>>,
    Select<Q, AsSelect<R, MultiBackend>>: LimitDsl + RunQueryDsl<DbConnection>,
    Limit<Select<Q, AsSelect<R, MultiBackend>>>: LoadQuery<'q, DbConnection, R>,
{
    SelectDsl::select(query, R::as_select()).first(conn).optional()
}

/// The rows `query` finds, read as `R`, as the domain values they hold.
pub(crate) fn load_as<'q, R, T, Q>(conn: &mut DbConnection, query: Q) -> QueryResult<Vec<T>>
where
    R: Selectable<MultiBackend, SelectExpression: QueryId>,
    T: From<R>,
    Q: SelectDsl<AsSelect<R, MultiBackend>>,
    Select<Q, AsSelect<R, MultiBackend>>: LoadQuery<'q, DbConnection, R> + RunQueryDsl<DbConnection>,
{
    let rows = SelectDsl::select(query, R::as_select()).load(conn)?;
    Ok(rows.into_iter().map(T::from).collect())
}

/// Runs the INSERT `insert` in a savepoint (or its own transaction): `false` when its key is
/// taken, leaving any enclosing transaction usable (PostgreSQL aborts a transaction on a failed
/// statement; the savepoint confines that).
pub(crate) fn unless_taken(
    conn: &mut DbConnection,
    insert: impl FnOnce(&mut DbConnection) -> QueryResult<usize>,
) -> QueryResult<bool> {
    match conn.transaction(insert) {
        Ok(n) => Ok(n > 0),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(e) => Err(e),
    }
}

pub mod audit;
// ---- events to ID-Authentication (outbox) and the datashare their chains are read from
pub mod certificate;
pub mod datashare;
pub mod misp;
pub mod misp_license;
pub mod outbox;

// ---- partner management (partners, contacts, policy requests, API keys, extractors, credential types)
pub mod api_key;
pub mod partner;
pub mod partner_extras;
pub mod partner_policy;
pub mod republish;

// ---- onboarding (local accounts, pending sign-ups)
pub mod account;
pub mod expired_keys;
pub mod job;
pub mod job_scan;
pub mod login_attempt;
pub mod mail;
pub mod onboarding;

// ---- policy management (policy groups, policies)
pub mod policy;

// ---- MOSIP 1.2.2 paged reads (filters in SQL), deactivation of policies and groups
pub mod cert_reads;
mod counting;
pub use counting::Paging;
pub(crate) use counting::count_up_to;
pub mod key_paged;
pub mod like;
pub mod partner_paged;
pub mod policy_paged;
pub mod request_paged;

// ---- OIDC clients of eSignet relying parties
pub mod oidc_client;

// ---- device providers and FTM providers (device types, device details, SBIs, FTM chips)
pub mod device;

// ---- the 1.2.2 portal consent
pub mod user_consent;

// ---- the 1.3 notifications
pub mod notification;
