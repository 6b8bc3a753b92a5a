//! The `event_outbox` table: events written with the change that causes them, claimed and
//! delivered by the dispatchers in `seq` order per topic.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

use crate::connection::DbConnection;
use crate::schema::event_outbox;

pub const PENDING: &str = "PENDING";
pub const DELIVERED: &str = "DELIVERED";
pub const FAILED: &str = "FAILED";

const MAX_ERROR: usize = 1024;

/// An event as its change writes it.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = event_outbox)]
pub struct NewEvent {
    pub event_id: String,
    pub topic: String,
    /// The MOSIP service whose action it is (the envelope's `publisher`).
    pub source: String,
    /// The event's `data`, as JSON.
    pub data: String,
    pub created_at: NaiveDateTime,
    pub status: String,
    pub next_attempt_at: NaiveDateTime,
}

impl NewEvent {
    pub fn pending(event_id: String, topic: String, source: String, data: String, created_at: NaiveDateTime) -> Self {
        NewEvent { event_id, topic, source, data, created_at, status: PENDING.into(), next_attempt_at: created_at }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = event_outbox)]
pub struct OutboxRow {
    pub seq: i64,
    pub event_id: String,
    pub topic: String,
    pub source: String,
    pub data: String,
    pub created_at: NaiveDateTime,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_by: Option<String>,
    pub claimed_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub delivered_at: Option<NaiveDateTime>,
}

/// Inserts `events` in the caller's connection (and so in its transaction).
pub fn insert(conn: &mut DbConnection, events: &[NewEvent]) -> QueryResult<usize> {
    let mut n = 0;
    for event in events {
        n += diesel::insert_into(event_outbox::table).values(event).execute(conn)?;
    }
    Ok(n)
}

/// Claims for `owner`, until `lease_until`, up to `limit` pending rows of each of `topics` whose oldest
/// pending row is due at `now` and which no other dispatcher holds a live claim on: a topic is
/// delivered by one dispatcher at a time, from its head, in `seq` order. Run it in a write
/// transaction; on PostgreSQL a transaction-scoped advisory lock per topic keeps two
/// dispatchers from claiming one topic at the same moment (SQLite has one writer at a time).
pub fn claim(
    conn: &mut DbConnection,
    owner: &str,
    topics: &[String],
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<OutboxRow>> {
    let heads: Vec<(String, Option<i64>)> = event_outbox::table
        .filter(event_outbox::status.eq(PENDING))
        .filter(event_outbox::topic.eq_any(topics))
        .group_by(event_outbox::topic)
        .select((event_outbox::topic, diesel::dsl::min(event_outbox::seq)))
        .load(conn)?;
    let mut claimed = Vec::new();
    for (topic, head) in heads {
        let Some(head) = head else { continue };
        if !topic_lock(conn, &topic)? {
            continue;
        }
        let due = event_outbox::table
            .find(head)
            .select(event_outbox::next_attempt_at)
            .first::<NaiveDateTime>(conn)
            .optional()?
            .is_some_and(|at| at <= now);
        let held_elsewhere = diesel::select(diesel::dsl::exists(
            event_outbox::table
                .filter(event_outbox::topic.eq(&topic))
                .filter(event_outbox::status.eq(PENDING))
                .filter(event_outbox::claimed_until.gt(now))
                .filter(event_outbox::claimed_by.ne(owner)),
        ))
        .get_result::<bool>(conn)?;
        if !due || held_elsewhere {
            continue;
        }
        let seqs: Vec<i64> = event_outbox::table
            .filter(event_outbox::topic.eq(&topic))
            .filter(event_outbox::status.eq(PENDING))
            .order(event_outbox::seq)
            .limit(limit)
            .select(event_outbox::seq)
            .load(conn)?;
        diesel::update(event_outbox::table.filter(event_outbox::seq.eq_any(&seqs)))
            .set((event_outbox::claimed_by.eq(owner), event_outbox::claimed_until.eq(lease_until)))
            .execute(conn)?;
        claimed.extend(
            event_outbox::table
                .filter(event_outbox::seq.eq_any(&seqs))
                .order(event_outbox::seq)
                .select(OutboxRow::as_select())
                .load(conn)?,
        );
    }
    Ok(claimed)
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

/// PostgreSQL: this transaction holds the topic's advisory lock (or another one does: `false`).
fn topic_lock(conn: &mut DbConnection, topic: &str) -> QueryResult<bool> {
    match conn {
        DbConnection::Postgres(c) => {
            let key = format!("pms-event-outbox:{topic}");
            let row: Locked = diesel::sql_query("SELECT pg_try_advisory_xact_lock(hashtext($1)::bigint) AS locked")
                .bind::<Text, _>(key)
                .get_result(c)?;
            Ok(row.locked)
        }
        DbConnection::Sqlite(_) => Ok(true),
    }
}

/// The row was accepted by the hub.
pub fn delivered(conn: &mut DbConnection, seq: i64, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(event_outbox::table.find(seq))
        .set((
            event_outbox::status.eq(DELIVERED),
            event_outbox::delivered_at.eq(at),
            event_outbox::attempts.eq(event_outbox::attempts + 1),
            event_outbox::claimed_by.eq(None::<String>),
            event_outbox::claimed_until.eq(None::<NaiveDateTime>),
            event_outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
}

/// An attempt failed: the row waits until `retry_at`, or is parked as failed when `retry_at` is
/// `None`. The claim is released either way.
pub fn attempt_failed(
    conn: &mut DbConnection,
    seq: i64,
    error: &str,
    retry_at: Option<NaiveDateTime>,
) -> QueryResult<usize> {
    let error: String = error.chars().take(MAX_ERROR).collect();
    let target = event_outbox::table.find(seq);
    let common = (
        event_outbox::attempts.eq(event_outbox::attempts + 1),
        event_outbox::last_error.eq(Some(error)),
        event_outbox::claimed_by.eq(None::<String>),
        event_outbox::claimed_until.eq(None::<NaiveDateTime>),
    );
    match retry_at {
        Some(at) => diesel::update(target).set((common, event_outbox::next_attempt_at.eq(at))).execute(conn),
        None => diesel::update(target).set((common, event_outbox::status.eq(FAILED))).execute(conn),
    }
}

/// Releases the claims of `owner` on rows it did not get to (a batch cut short).
pub fn release(conn: &mut DbConnection, owner: &str, seqs: &[i64]) -> QueryResult<usize> {
    diesel::update(
        event_outbox::table.filter(event_outbox::seq.eq_any(seqs)).filter(event_outbox::claimed_by.eq(owner)),
    )
    .set((event_outbox::claimed_by.eq(None::<String>), event_outbox::claimed_until.eq(None::<NaiveDateTime>)))
    .execute(conn)
}

/// Rows of `status`, oldest first, from `after` (exclusive), at most `limit`.
pub fn list(conn: &mut DbConnection, status: &str, after: i64, limit: i64) -> QueryResult<Vec<OutboxRow>> {
    event_outbox::table
        .filter(event_outbox::status.eq(status))
        .filter(event_outbox::seq.gt(after))
        .order(event_outbox::seq)
        .limit(limit)
        .select(OutboxRow::as_select())
        .load(conn)
}

/// Failed (or waiting) rows back to pending, due at `now`, attempts counted afresh; `None`
/// re-queues every failed row. Answers how many rows were re-queued.
pub fn requeue(conn: &mut DbConnection, seqs: Option<&[i64]>, now: NaiveDateTime) -> QueryResult<usize> {
    let changes = (
        event_outbox::status.eq(PENDING),
        event_outbox::attempts.eq(0),
        event_outbox::next_attempt_at.eq(now),
        event_outbox::claimed_by.eq(None::<String>),
        event_outbox::claimed_until.eq(None::<NaiveDateTime>),
    );
    let open = event_outbox::status.eq_any([PENDING, FAILED]);
    match seqs {
        Some(seqs) => diesel::update(event_outbox::table.filter(open).filter(event_outbox::seq.eq_any(seqs)))
            .set(changes)
            .execute(conn),
        None => diesel::update(event_outbox::table.filter(event_outbox::status.eq(FAILED))).set(changes).execute(conn),
    }
}

/// Deletes rows delivered before `before`.
pub fn purge_delivered(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        event_outbox::table.filter(event_outbox::status.eq(DELIVERED)).filter(event_outbox::delivered_at.lt(before)),
    )
    .execute(conn)
}

/// How many rows are pending and failed, and when the oldest pending one was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboxStats {
    pub pending: i64,
    pub failed: i64,
    pub oldest_pending: Option<NaiveDateTime>,
}

pub fn stats(conn: &mut DbConnection) -> QueryResult<OutboxStats> {
    let count = |conn: &mut DbConnection, status: &str| -> QueryResult<i64> {
        event_outbox::table.filter(event_outbox::status.eq(status)).count().get_result(conn)
    };
    Ok(OutboxStats {
        pending: count(conn, PENDING)?,
        failed: count(conn, FAILED)?,
        oldest_pending: event_outbox::table
            .filter(event_outbox::status.eq(PENDING))
            .select(diesel::dsl::min(event_outbox::created_at))
            .first::<Option<NaiveDateTime>>(conn)?,
    })
}

/// Every row of `topic`, oldest first (tests and tools).
pub fn of_topic(conn: &mut DbConnection, topic: &str) -> QueryResult<Vec<OutboxRow>> {
    event_outbox::table
        .filter(event_outbox::topic.eq(topic))
        .order(event_outbox::seq)
        .select(OutboxRow::as_select())
        .load(conn)
}
