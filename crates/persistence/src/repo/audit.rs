//! The `audit_log` table: written inside the caller's transaction, read by admins, drained by the
//! forwarder when an external audit manager is configured.

use audit_events::AuditRecord;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::counting::{Paging, count_up_to};
use crate::connection::DbConnection;
use crate::schema::audit_log;

const MAX_DESCRIPTION: usize = 2048;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub id: String,
    pub event_id: String,
    pub event_name: String,
    pub event_type: String,
    pub action_time: NaiveDateTime,
    pub host_name: String,
    pub host_ip: String,
    pub application_id: String,
    pub application_name: String,
    pub session_user_id: String,
    pub session_user_name: String,
    pub ref_id: String,
    pub ref_id_type: String,
    pub created_by: String,
    pub module_name: String,
    pub module_id: String,
    pub description: String,
    pub error_code: Option<String>,
    pub request_id: Option<String>,
    pub forwarded_at: Option<NaiveDateTime>,
}

impl From<&AuditRecord> for AuditRow {
    fn from(r: &AuditRecord) -> Self {
        AuditRow {
            id: uuid::Uuid::now_v7().to_string(),
            event_id: r.event_id.clone(),
            event_name: r.event_name.clone(),
            event_type: r.event_type.clone(),
            action_time: r.action_time_stamp,
            host_name: r.host_name.clone(),
            host_ip: r.host_ip.clone(),
            application_id: r.application_id.clone(),
            application_name: r.application_name.clone(),
            session_user_id: r.session_user_id.clone(),
            session_user_name: r.session_user_name.clone(),
            ref_id: truncate(&r.id, 256),
            ref_id_type: r.id_type.clone(),
            created_by: r.created_by.clone(),
            module_name: r.module_name.clone(),
            module_id: r.module_id.clone(),
            description: truncate(&r.description, MAX_DESCRIPTION),
            error_code: r.error_code.clone(),
            request_id: r.request_id.clone(),
            forwarded_at: None,
        }
    }
}

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

/// Inserts the records in the caller's connection (and so in its transaction, if one is open).
/// PostgreSQL gets several rows per statement (one round trip); SQLite, in process, one cached
/// single-row statement per record, cheaper than preparing a multi-row one of each size.
pub fn insert(conn: &mut DbConnection, records: &[AuditRecord]) -> QueryResult<usize> {
    let rows: Vec<AuditRow> = records.iter().map(AuditRow::from).collect();
    let mut n = 0;
    match conn {
        // multi-row inserts need the concrete backend (MultiConnection cannot express them);
        // 20 columns a row: 40 rows stay far below the bound-parameter limit
        DbConnection::Postgres(c) => {
            for chunk in rows.chunks(40) {
                n += diesel::insert_into(audit_log::table).values(chunk).execute(c)?;
            }
        }
        DbConnection::Sqlite(c) => {
            for row in &rows {
                n += diesel::insert_into(audit_log::table).values(row).execute(c)?;
            }
        }
    }
    Ok(n)
}

/// Filters of the admin audit query; every one is optional.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub event_id: Option<String>,
    pub ref_id: Option<String>,
    pub user: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    /// Leave out the records of these event ids (the portal's "hide reads").
    pub exclude_events: Vec<String>,
}

/// One page of records, newest first, and how many match in all (see [`count_up_to`]).
pub fn search(conn: &mut DbConnection, f: &AuditFilter, paging: Paging) -> QueryResult<(Vec<AuditRow>, i64)> {
    let filtered = || {
        let mut q = audit_log::table.into_boxed();
        if let Some(v) = &f.event_id {
            q = q.filter(audit_log::event_id.eq(v.clone()));
        }
        if let Some(v) = &f.ref_id {
            q = q.filter(audit_log::ref_id.eq(v.clone()));
        }
        if let Some(v) = &f.user {
            q = q.filter(audit_log::session_user_id.eq(v.clone()));
        }
        if let Some(v) = f.from {
            q = q.filter(audit_log::action_time.ge(v));
        }
        if let Some(v) = f.to {
            q = q.filter(audit_log::action_time.le(v));
        }
        if !f.exclude_events.is_empty() {
            q = q.filter(audit_log::event_id.ne_all(f.exclude_events.clone()));
        }
        q
    };
    let total = count_up_to(filtered(), paging, conn)?;
    let rows = filtered()
        .order((audit_log::action_time.desc(), audit_log::id.desc()))
        .offset(paging.offset)
        .limit(paging.limit)
        .select(AuditRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// The oldest records not yet delivered to the external audit manager.
pub fn unforwarded(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<AuditRow>> {
    audit_log::table
        .filter(audit_log::forwarded_at.is_null())
        .order(audit_log::id.asc())
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)
}

/// Marks a record delivered.
pub fn mark_forwarded(conn: &mut DbConnection, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(audit_log::table.filter(audit_log::id.eq(id)))
        .set(audit_log::forwarded_at.eq(Some(at)))
        .execute(conn)
}

/// Deletes up to `limit` records forwarded to the external audit manager and older than `before`;
/// answers how many went (call again while it answers `limit`).
pub fn purge_forwarded(conn: &mut DbConnection, before: NaiveDateTime, limit: i64) -> QueryResult<usize> {
    let ids: Vec<String> = audit_log::table
        .filter(audit_log::forwarded_at.is_not_null())
        .filter(audit_log::action_time.lt(before))
        .select(audit_log::id)
        .limit(limit)
        .load(conn)?;
    if ids.is_empty() {
        return Ok(0);
    }
    diesel::delete(audit_log::table.filter(audit_log::id.eq_any(ids))).execute(conn)
}

/// PostgreSQL: creates the monthly partitions of the `months` months from the one holding `from`
/// (those missing); answers how many it created. SQLite does not partition: 0.
pub fn ensure_partitions(conn: &mut DbConnection, from: NaiveDateTime, months: i32) -> QueryResult<i32> {
    match conn {
        DbConnection::Postgres(c) => diesel::select(pms_audit_ensure_partitions(from, months)).get_result(c),
        DbConnection::Sqlite(_) => Ok(0),
    }
}

/// PostgreSQL: drops the monthly partitions that end by `before` and hold no record waiting to be
/// forwarded; answers how many records went with them. SQLite: 0.
pub fn drop_forwarded_partitions(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<i64> {
    match conn {
        DbConnection::Postgres(c) => diesel::select(pms_audit_drop_partitions(before)).get_result(c),
        DbConnection::Sqlite(_) => Ok(0),
    }
}

diesel::define_sql_function! {
    /// `migrations/postgres/2026-12-07-000020_audit_partitions`.
    fn pms_audit_ensure_partitions(first_day: diesel::sql_types::Timestamp, months: diesel::sql_types::Integer) -> diesel::sql_types::Integer;
}

diesel::define_sql_function! {
    /// `migrations/postgres/2026-12-07-000020_audit_partitions`.
    fn pms_audit_drop_partitions(before: diesel::sql_types::Timestamp) -> diesel::sql_types::BigInt;
}
