//! Group commit for the audit records of read operations: many requests' records go into the
//! store in one transaction (PostgreSQL: multi-row inserts), written by one thread, and every
//! request waits until its records are committed before it answers — nothing is answered
//! unaudited, and a read no longer costs a write transaction of its own. A batch commits whole
//! or not at all; if it fails, every request in it fails with the store's error (503 when the
//! store is unavailable).

use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};

use audit_events::AuditRecord;
use persistence::{DbPool, repo};

use crate::error::AppError;

/// Records of this many requests at most go into one transaction.
const MAX_BATCH: usize = 512;
/// Requests waiting for the writer at most; beyond, callers are told to retry.
const QUEUE: usize = 8192;

struct Job {
    records: Vec<AuditRecord>,
    done: SyncSender<Result<(), AppError>>,
}

/// The writer thread's inbox.
#[derive(Clone)]
pub struct AuditBatcher {
    inbox: SyncSender<Job>,
}

impl AuditBatcher {
    /// Starts the writer thread on `pool`.
    pub fn start(pool: DbPool) -> std::io::Result<Self> {
        let (inbox, jobs) = mpsc::sync_channel(QUEUE);
        std::thread::Builder::new().name("audit-writer".into()).spawn(move || write_loop(&pool, &jobs))?;
        Ok(AuditBatcher { inbox })
    }

    /// Commits `records` (with whatever other requests' records are waiting) and returns once
    /// they are durable. Blocks the calling thread (a blocking-pool thread in the services).
    pub fn write(&self, records: Vec<AuditRecord>) -> Result<(), AppError> {
        if records.is_empty() {
            return Ok(());
        }
        let (done, committed) = mpsc::sync_channel(1);
        match self.inbox.try_send(Job { records, done }) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => return Err(AppError::unavailable("audit writer queue full")),
            Err(TrySendError::Disconnected(_)) => return Err(AppError::internal("audit writer stopped")),
        }
        committed.recv().unwrap_or_else(|_| Err(AppError::internal("audit writer stopped")))
    }
}

fn write_loop(pool: &DbPool, jobs: &Receiver<Job>) {
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        commit(pool, batch);
    }
}

/// Writes the records of every job of `batch` in one transaction and tells each job the outcome.
fn commit(pool: &DbPool, batch: Vec<Job>) {
    let records: Vec<AuditRecord> = batch.iter().flat_map(|j| j.records.iter().cloned()).collect();
    let outcome = pool
        .get()
        .map_err(AppError::from)
        .and_then(|mut conn| Ok(pool.transaction_on(&mut conn, |c| repo::audit::insert(c, &records))?));
    match &outcome {
        Ok(n) => metrics::counter!("pms_audit_records_total", "outcome" => "read").increment(*n as u64),
        Err(e) => tracing::error!(
            error = e.detail.as_deref().unwrap_or_default(),
            count = records.len(),
            "audit batch not written"
        ),
    }
    metrics::histogram!("pms_audit_batch_size").record(batch.len() as f64);
    for job in batch {
        let _ = job.done.send(outcome.as_ref().map(|_| ()).map_err(Clone::clone));
    }
}
