//! Group commit for the audit records of read operations: many requests' records go into the
//! store in one transaction (PostgreSQL: multi-row inserts), written by one thread, and every
//! request waits until its records are committed before it answers — nothing is answered
//! unaudited, and a read no longer costs a write transaction of its own. A batch commits whole
//! or not at all; if it fails, every request in it fails with the store's error (503 when the
//! store is unavailable).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};

use audit_events::AuditRecord;
use persistence::{DbPool, repo};

use crate::error::AppError;

/// Records of this many requests at most go into one transaction.
const MAX_BATCH: usize = 512;
/// Requests waiting for the writer at most; beyond, callers are told to retry. Counted apart
/// from the channel, which allocates as it fills: a bounded channel of this size held 384 KiB
/// from the start.
const QUEUE: usize = 8192;

struct Job {
    records: Vec<AuditRecord>,
    done: SyncSender<Result<(), AppError>>,
}

/// The writer thread's inbox.
#[derive(Clone)]
pub struct AuditBatcher {
    inbox: Sender<Job>,
    waiting: Arc<AtomicUsize>,
}

impl AuditBatcher {
    /// Starts the writer thread on `pool`.
    pub fn start(pool: DbPool) -> std::io::Result<Self> {
        let (inbox, jobs) = mpsc::channel();
        let waiting = Arc::new(AtomicUsize::new(0));
        let taken = waiting.clone();
        std::thread::Builder::new().name("audit-writer".into()).spawn(move || write_loop(&pool, &jobs, &taken))?;
        Ok(AuditBatcher { inbox, waiting })
    }

    /// Commits `records` (with whatever other requests' records are waiting) and returns once
    /// they are durable. Blocks the calling thread (a blocking-pool thread in the services).
    pub fn write(&self, records: Vec<AuditRecord>) -> Result<(), AppError> {
        if records.is_empty() {
            return Ok(());
        }
        let (done, committed) = mpsc::sync_channel(1);
        self.enqueue(Job { records, done })?;
        committed.recv().unwrap_or_else(|_| Err(AppError::internal("audit writer stopped")))
    }

    fn enqueue(&self, job: Job) -> Result<(), AppError> {
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= QUEUE {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return Err(AppError::unavailable("audit writer queue full"));
        }
        self.inbox.send(job).map_err(|_| {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            AppError::internal("audit writer stopped")
        })
    }
}

fn write_loop(pool: &DbPool, jobs: &Receiver<Job>, waiting: &AtomicUsize) {
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        waiting.fetch_sub(batch.len(), Ordering::AcqRel);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_queue_refuses_until_the_writer_takes_jobs() {
        let (inbox, jobs) = mpsc::channel();
        let waiting = Arc::new(AtomicUsize::new(0));
        let batcher = AuditBatcher { inbox, waiting: waiting.clone() };
        let job = || Job { records: Vec::new(), done: mpsc::sync_channel(1).0 };
        for _ in 0..QUEUE {
            assert!(batcher.enqueue(job()).is_ok());
        }
        let refused = batcher.enqueue(job()).err().map(|e| e.kind);
        assert_eq!(refused, Some(crate::error::FailureKind::Unavailable), "the queue is full");
        let taken: Vec<Job> = jobs.try_iter().take(10).collect();
        waiting.fetch_sub(taken.len(), Ordering::AcqRel);
        assert!(batcher.enqueue(job()).is_ok(), "room again once the writer took jobs");
        drop(jobs);
        let stopped = batcher.enqueue(job()).err().map(|e| e.kind);
        assert_eq!(stopped, Some(crate::error::FailureKind::Internal), "a stopped writer refuses");
        assert_eq!(waiting.load(Ordering::Acquire), QUEUE - 10 + 1, "a refused job is not counted");
    }
}
