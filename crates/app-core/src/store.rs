//! The store as operations use it: pooled connections, one transaction per operation, and the
//! audit records of its outcome. Synchronous: the web layer calls operations on its blocking
//! pool, other programs call them directly.

use std::sync::Arc;

use chrono::NaiveDateTime;
use persistence::repo::outbox::NewEvent;
use persistence::{DbConnection, DbPool, PooledDb, repo};
use rand::CryptoRng;
use websub_events::Event;

use crate::actor::Actor;
use crate::audit::{AuditDefaults, AuditPlan, Trail};
use crate::batch::AuditBatcher;
use crate::env::{Clock, Entropy, OsEntropy, SystemClock, uuid_from};
use crate::error::AppError;

/// Pool, audit defaults, clock and randomness: what every operation runs over.
#[derive(Clone)]
pub struct Store {
    pool: DbPool,
    audit: Arc<AuditDefaults>,
    batcher: AuditBatcher,
    clock: Arc<dyn Clock>,
    entropy: Arc<dyn Entropy>,
    count_limit: Option<i64>,
}

/// What an operation's body works with: the connection (inside the operation's transaction
/// where there is one), the audit trail of its success events, its time and its randomness.
pub struct Tx<'a> {
    pub conn: &'a mut DbConnection,
    pub trail: Trail,
    /// The operation's time, taken once when it starts.
    pub now: NaiveDateTime,
    /// The events this change publishes, written to the outbox in its transaction.
    events: Vec<NewEvent>,
    entropy: &'a dyn Entropy,
    rng: Option<Box<dyn CryptoRng>>,
}

impl<'a> Tx<'a> {
    /// The operation's random generator (a CSPRNG unless the store was built for a test).
    pub fn rng(&mut self) -> &mut dyn CryptoRng {
        self.rng.get_or_insert_with(|| self.entropy.rng()).as_mut()
    }

    /// The connection and the random generator at once (a store call that draws keys).
    pub fn conn_and_rng(&mut self) -> (&mut DbConnection, &mut dyn CryptoRng) {
        let rng = self.rng.get_or_insert_with(|| self.entropy.rng()).as_mut();
        (&mut *self.conn, rng)
    }

    /// A fresh random identifier (a version 4 UUID).
    pub fn new_id(&mut self) -> String {
        uuid_from(self.rng())
    }

    /// Publishes `event` if, and when, this operation's transaction commits. Only in
    /// [`Store::audited`] and [`Store::write`]: a read has no transaction to publish from.
    pub fn publish(&mut self, event: Event) {
        let id = self.new_id();
        self.events.push(NewEvent::pending(
            id,
            event.topic.to_string(),
            event.source.name().to_owned(),
            event.data.to_string(),
            self.now,
        ));
    }

    fn new(conn: &'a mut DbConnection, trail: Trail, now: NaiveDateTime, entropy: &'a dyn Entropy) -> Self {
        Tx { conn, trail, now, events: Vec::new(), entropy, rng: None }
    }

    /// A read has no transaction to publish from: an event there is a programming error, made
    /// loud rather than lost.
    fn refuse_events(&self) -> Result<(), AppError> {
        if self.events.is_empty() { Ok(()) } else { Err(AppError::internal("an event was published from a read")) }
    }

    /// Writes the events published so far (in the caller's transaction).
    fn flush_events(&mut self) -> Result<usize, AppError> {
        let events = std::mem::take(&mut self.events);
        Ok(repo::outbox::insert(self.conn, &events)?)
    }
}

impl Store {
    /// The store over `pool` with the system clock and the OS-seeded CSPRNG; starts the audit
    /// writer thread of read operations.
    pub fn new(pool: DbPool, audit: AuditDefaults) -> std::io::Result<Self> {
        let batcher = AuditBatcher::start(pool.clone())?;
        Ok(Store {
            pool,
            audit: Arc::new(audit),
            batcher,
            clock: Arc::new(SystemClock),
            entropy: Arc::new(OsEntropy),
            count_limit: None,
        })
    }

    /// Paged lists count at most `limit` matching rows for their total (0: all of them, the
    /// default).
    pub fn with_count_limit(mut self, limit: u32) -> Self {
        self.count_limit = (limit > 0).then_some(i64::from(limit));
        self
    }

    /// The page of `limit` rows at `offset` of a paged list, counting at most as many matching
    /// rows as this store's `database.list_count_limit`.
    pub fn paging(&self, offset: i64, limit: i64) -> persistence::repo::Paging {
        persistence::repo::Paging { offset, limit, count_limit: self.count_limit }
    }

    /// How many matching rows a paged list or a search counts at most for its total (`None`:
    /// all of them).
    pub fn count_limit(&self) -> Option<i64> {
        self.count_limit
    }

    /// [`Store::paging`] of a checked page request.
    pub fn paging_of<F: Copy>(&self, page: &crate::paged::PageRequest<F>) -> persistence::repo::Paging {
        self.paging(page.offset(), page.page_size)
    }

    pub fn with_clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    pub fn with_entropy(mut self, entropy: impl Entropy) -> Self {
        self.entropy = Arc::new(entropy);
        self
    }

    pub fn pool(&self) -> &DbPool {
        &self.pool
    }

    pub fn now(&self) -> NaiveDateTime {
        self.clock.now()
    }

    /// The audit plan of an operation performed by `actor`.
    pub fn plan(&self, actor: &Actor) -> AuditPlan {
        AuditPlan::new(self.audit.context(actor))
    }

    /// Runs `f` on a pooled connection outside any transaction, unaudited (reads that MOSIP
    /// does not audit, lookups of the portal).
    pub fn read<T>(&self, f: impl FnOnce(&mut Tx<'_>) -> Result<T, AppError>) -> Result<T, AppError> {
        let mut conn = self.checkout()?;
        let now = self.clock.now();
        let plan = AuditPlan::new(self.audit.context(&Actor::anonymous("", None)));
        let mut tx = Tx::new(&mut conn, Trail::new(&plan, now), now, &*self.entropy);
        let out = f(&mut tx);
        tx.refuse_events()?;
        out
    }

    /// Runs `f` in one transaction, unaudited (sign-up bookkeeping, background jobs).
    pub fn write<T>(&self, f: impl FnOnce(&mut Tx<'_>) -> Result<T, AppError>) -> Result<T, AppError> {
        let mut conn = self.checkout()?;
        let now = self.clock.now();
        let plan = AuditPlan::new(self.audit.context(&Actor::anonymous("", None)));
        self.transaction(&mut conn, &plan, now, false, f).map(|(value, _)| value)
    }

    /// Runs `f` in one transaction with the audit records of `plan`:
    /// - success: the call events, then what `f` pushed onto the trail, inserted in `f`'s
    ///   transaction, so the change and its records commit together or not at all;
    /// - failure: after the rollback, the call events and the failure events (those the error
    ///   names, else the plan's defaults), each carrying the error code.
    pub fn audited<T>(
        &self,
        plan: AuditPlan,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut conn = self.checkout()?;
        let now = self.clock.now();
        let out = self.transaction(&mut conn, &plan, now, true, f);
        match out {
            Ok((value, written)) => {
                metrics::counter!("pms_audit_records_total", "outcome" => "success").increment(written as u64);
                Ok(value)
            }
            Err(err) => {
                self.record_failure(&mut conn, &plan, &err, now);
                Err(err)
            }
        }
    }

    /// Like [`Store::audited`] for an operation that changes nothing: `f` runs outside any
    /// write transaction, and its records (success or failure) are group-committed with other
    /// operations' before this returns. If they cannot be written, the operation fails: nothing
    /// is answered unaudited. `f` must not write.
    pub fn audited_read<T>(
        &self,
        plan: AuditPlan,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut conn = self.checkout()?;
        let now = self.clock.now();
        let mut tx = Tx::new(&mut conn, Trail::new(&plan, now), now, &*self.entropy);
        let out = f(&mut tx);
        tx.refuse_events()?;
        let records = match &out {
            Ok(_) => std::mem::take(&mut tx.trail.records),
            Err(err) => plan.failure_records(&err.audit, err.code(), err.message(), now),
        };
        drop(tx);
        drop(conn);
        self.batcher.write(records)?;
        out
    }

    /// Runs `f` in one transaction on `conn`, then puts the events it queued in the outbox; with
    /// `insert_records`, the records `f` pushed onto the trail are inserted first. Answers `f`'s
    /// value and the number of those records.
    fn transaction<T>(
        &self,
        conn: &mut DbConnection,
        plan: &AuditPlan,
        now: NaiveDateTime,
        insert_records: bool,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T, AppError>,
    ) -> Result<(T, usize), AppError> {
        self.pool.transaction_on(conn, |c| {
            let mut tx = Tx::new(c, Trail::new(plan, now), now, &*self.entropy);
            let value = f(&mut tx)?;
            if insert_records {
                repo::audit::insert(tx.conn, &tx.trail.records)?;
            }
            tx.flush_events()?;
            Ok((value, tx.trail.records.len()))
        })
    }

    /// A pooled connection; the wait is measured, a timeout counted.
    fn checkout(&self) -> Result<PooledDb, AppError> {
        let started = std::time::Instant::now();
        let conn = self.pool.get();
        metrics::histogram!("db_pool_wait_seconds").record(started.elapsed().as_secs_f64());
        if conn.is_err() {
            metrics::counter!("db_pool_timeouts_total").increment(1);
        }
        Ok(conn?)
    }

    /// Writes the failure records of `plan`; a store that cannot take them is logged, not fatal.
    fn record_failure(&self, conn: &mut DbConnection, plan: &AuditPlan, err: &AppError, now: NaiveDateTime) {
        let records = plan.failure_records(&err.audit, err.code(), err.message(), now);
        if records.is_empty() {
            return;
        }
        match self.pool.transaction_on(conn, |c| repo::audit::insert(c, &records)) {
            Ok(n) => metrics::counter!("pms_audit_records_total", "outcome" => "failure").increment(n as u64),
            Err(e) => tracing::error!(error = %e, code = err.code(), "cannot write failure audit records"),
        }
    }
}
