//! The event outbox for admins (what waits for the hub, what it refused, re-queueing), and the
//! certificate chains shared with ID-Authentication.

use audit_events::AuditEvent;
use chrono::NaiveDateTime;
use persistence::repo::datashare::{self, SharedItem};
use persistence::repo::outbox::{self, OutboxRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::{Actor, AppError, Store};

/// `GET /events`: which rows.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// `FAILED` (default: parked after their last attempt) or `PENDING` (waiting to be sent).
    #[param(example = "FAILED")]
    pub status: Option<String>,
    /// Rows after this sequence number (the last one of the previous page).
    #[param(minimum = 0, example = 0)]
    pub after: Option<i64>,
    /// Rows per page, 1 to 500 (default 100).
    #[param(minimum = 1, maximum = 500, example = 100)]
    pub limit: Option<i64>,
}

/// An outbox row, without its payload (which holds API and licence keys).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OutboxItem {
    pub seq: i64,
    pub event_id: String,
    pub topic: String,
    pub status: String,
    pub attempts: i32,
    #[serde(with = "crate::time::serde_mosip")]
    #[schema(value_type = String, example = "2026-12-05T10:15:30.123Z")]
    pub created_at: NaiveDateTime,
    #[serde(with = "crate::time::serde_mosip")]
    #[schema(value_type = String, example = "2026-12-05T10:15:31.123Z")]
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
}

impl From<OutboxRow> for OutboxItem {
    fn from(r: OutboxRow) -> Self {
        OutboxItem {
            seq: r.seq,
            event_id: r.event_id,
            topic: r.topic,
            status: r.status,
            attempts: r.attempts,
            created_at: r.created_at,
            next_attempt_at: r.next_attempt_at,
            last_error: r.last_error,
        }
    }
}

/// Pending or failed rows, oldest first.
pub fn list(store: &Store, query: &OutboxQuery) -> Result<Vec<OutboxItem>, AppError> {
    let status = match query.status.as_deref().map(str::to_ascii_uppercase).as_deref() {
        None | Some("FAILED") => outbox::FAILED,
        Some("PENDING") => outbox::PENDING,
        Some(_) => return Err(AppError::invalid_field("status", "must be FAILED or PENDING")),
    };
    let limit = query.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(AppError::invalid_field("limit", "must be between 1 and 500"));
    }
    let after = query.after.unwrap_or(0);
    store.read(|tx| Ok(outbox::list(tx.conn, status, after, limit)?.into_iter().map(OutboxItem::from).collect()))
}

/// `POST /events/requeue`: which rows (none named: every failed one).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RequeueRequest {
    pub seqs: Option<Vec<i64>>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RequeueResponse {
    /// How many rows go out again, from their first attempt.
    pub requeued: usize,
}

/// Failed (or waiting) rows back to the head of their topic's queue, attempts counted afresh.
pub fn requeue(store: &Store, actor: &Actor, req: RequeueRequest) -> Result<RequeueResponse, AppError> {
    let plan = store.plan(actor).call(AuditEvent::RequeueEvents, None);
    store.audited(plan, |tx| {
        let requeued = outbox::requeue(tx.conn, req.seqs.as_deref(), tx.now)?;
        tx.trail.push(AuditEvent::RequeueEventsSuccess, None);
        Ok(RequeueResponse { requeued })
    })
}

/// A shared chain by its id, counting the read; `None` when unknown, expired or read up.
pub fn shared(store: &Store, id: &str) -> Result<Option<SharedItem>, AppError> {
    store.write(|tx| Ok(datashare::take(tx.conn, id, tx.now)?))
}
