//! The one bridge from async handlers to the synchronous store: every closure runs on actix's
//! blocking pool with a pooled connection taken inside it, so no connection is held across an
//! `.await`. `audited` also writes the operation's audit records: success records in the same
//! transaction as the change, failure records after the rollback. `audited_read` is for
//! operations that change nothing: they run outside a write transaction and their records are
//! group-committed (see `audit_batch`) before the answer leaves.

use std::sync::Arc;

use app_core::{AppError, Store};
use audit_events::{AuditContext, AuditEvent, AuditRecord};
use persistence::{DbConnection, DbPool, repo};

use crate::audit_batch::AuditBatcher;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::host::HostInfo;
use crate::time;

/// The store, as handlers use it.
#[derive(Clone)]
pub struct Db {
    store: Store,
    pool: DbPool,
    audit: Arc<AuditDefaults>,
    batcher: AuditBatcher,
}

/// What every audit record of this process shares.
#[derive(Debug, Clone)]
pub struct AuditDefaults {
    pub host: HostInfo,
    pub application_id: String,
    pub application_name: String,
}

impl Db {
    /// The store over `pool`; starts the audit writer thread of read operations.
    pub fn new(pool: DbPool, audit: AuditDefaults) -> std::io::Result<Self> {
        let batcher = AuditBatcher::start(pool.clone())?;
        let defaults = app_core::AuditDefaults {
            host_name: audit.host.name.clone(),
            host_ip: audit.host.ip.clone(),
            application_id: audit.application_id.clone(),
            application_name: audit.application_name.clone(),
        };
        let store = Store::new(pool.clone(), defaults)?;
        Ok(Db { store, pool, audit: Arc::new(audit), batcher })
    }

    /// The application layer's store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs an application-layer operation on actix's blocking pool (no connection is held across
    /// an `.await`); its failure becomes the answer through `From<AppError> for ApiError`.
    pub async fn call<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, AppError> + Send + 'static,
    {
        let store = self.store.clone();
        Ok(actix_web::web::block(move || f(&store)).await??)
    }

    pub fn pool(&self) -> &DbPool {
        &self.pool
    }

    /// Runs `f` on a pooled connection, outside any transaction (reads).
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = checkout(&pool)?;
            f(&mut conn)
        })
        .await?
    }

    /// Runs `f` in one transaction, without audit records.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = checkout(&pool)?;
            pool.transaction_on(&mut conn, f)
        })
        .await?
    }

    /// The audit plan of an operation performed by `principal`.
    pub fn op(&self, principal: &Principal) -> AuditedOp {
        self.op_for(&principal.user_id, principal.request_id.clone())
    }

    /// The audit plan of an operation performed by `user` (e.g. `anonymous` on public endpoints).
    pub fn op_for(&self, user: &str, request_id: Option<String>) -> AuditedOp {
        AuditedOp {
            ctx: AuditContext {
                session_user_id: user.to_owned(),
                session_user_name: user.to_owned(),
                host_name: self.audit.host.name.clone(),
                host_ip: self.audit.host.ip.clone(),
                application_id: self.audit.application_id.clone(),
                application_name: self.audit.application_name.clone(),
                request_id,
            },
            call: Vec::new(),
            failure: Vec::new(),
        }
    }

    /// Runs `f` in one transaction with the audit records of `op`:
    /// - success: the call events, then what `f` pushed onto the trail, inserted in `f`'s transaction;
    /// - failure: after the rollback, the call events and the failure events (those the error
    ///   names, else the operation's default ones), each carrying the error code.
    pub async fn audited<T, F>(&self, op: AuditedOp, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection, &mut Trail) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = checkout(&pool)?;
            let mut trail = Trail { ctx: op.ctx.clone(), records: Vec::new() };
            for (event, ref_id) in &op.call {
                trail.push(*event, ref_id.as_deref());
            }
            let out = pool.transaction_on(&mut conn, |c| {
                let value = f(c, &mut trail)?;
                repo::audit::insert(c, &trail.records)?;
                Ok::<T, ApiError>(value)
            });
            match out {
                Ok(value) => {
                    metrics::counter!("pms_audit_records_total", "outcome" => "success")
                        .increment(trail.records.len() as u64);
                    Ok(value)
                }
                Err(err) => {
                    record_failure(&pool, &mut conn, &op, &err);
                    Err(err)
                }
            }
        })
        .await?
    }

    /// Like [`Db::audited`] for an operation that changes nothing: `f` runs on a pooled
    /// connection outside any write transaction, and the records (success or failure) are
    /// group-committed with other requests' before this returns. If they cannot be written,
    /// the operation fails: nothing is answered unaudited. `f` must not write.
    pub async fn audited_read<T, F>(&self, op: AuditedOp, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection, &mut Trail) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        let plan = op.clone();
        let (out, records) = actix_web::web::block(move || {
            let mut conn = checkout(&pool)?;
            let mut trail = Trail { ctx: plan.ctx.clone(), records: Vec::new() };
            for (event, ref_id) in &plan.call {
                trail.push(*event, ref_id.as_deref());
            }
            let out = f(&mut conn, &mut trail);
            let records = match &out {
                Ok(_) => trail.records,
                Err(err) => failure_records(&plan, err),
            };
            Ok::<_, ApiError>((out, records))
        })
        .await??;
        self.batcher.write(records).await?;
        out
    }
}

/// A pooled connection; the wait is measured, a timeout counted.
fn checkout(pool: &DbPool) -> Result<persistence::PooledDb, ApiError> {
    let started = std::time::Instant::now();
    let conn = pool.get();
    metrics::histogram!("db_pool_wait_seconds").record(started.elapsed().as_secs_f64());
    if conn.is_err() {
        metrics::counter!("db_pool_timeouts_total").increment(1);
    }
    Ok(conn?)
}

/// The call events of `op` and its failure events (those `err` names, else the defaults), each
/// carrying the error code.
fn failure_records(op: &AuditedOp, err: &ApiError) -> Vec<AuditRecord> {
    let now = time::now();
    let failures = if err.audit.is_empty() { &op.failure } else { &err.audit };
    let mut records: Vec<AuditRecord> =
        op.call.iter().map(|(e, r)| AuditRecord::new(*e, &op.ctx, r.as_deref(), now)).collect();
    records.extend(
        failures
            .iter()
            .map(|(e, r)| AuditRecord::new(*e, &op.ctx, r.as_deref(), now).with_error(err.code(), err.message())),
    );
    records
}

/// Writes the failure records of `op`; a store that cannot take them is logged, not fatal.
fn record_failure(pool: &DbPool, conn: &mut DbConnection, op: &AuditedOp, err: &ApiError) {
    let records = failure_records(op, err);
    if records.is_empty() {
        return;
    }
    match pool.transaction_on(conn, |c| repo::audit::insert(c, &records)) {
        Ok(n) => metrics::counter!("pms_audit_records_total", "outcome" => "failure").increment(n as u64),
        Err(e) => tracing::error!(error = %e, code = err.code(), "cannot write failure audit records"),
    }
}

/// The audit events an operation emits: its call events and its default failure events.
#[derive(Debug, Clone)]
pub struct AuditedOp {
    ctx: AuditContext,
    call: Vec<(AuditEvent, Option<String>)>,
    failure: Vec<(AuditEvent, Option<String>)>,
}

impl AuditedOp {
    /// An event recorded whatever the outcome, before the others.
    pub fn call(mut self, event: AuditEvent, ref_id: Option<&str>) -> Self {
        self.call.push((event, ref_id.map(str::to_owned)));
        self
    }

    /// An event recorded on failure when the error names none.
    pub fn on_failure(mut self, event: AuditEvent, ref_id: Option<&str>) -> Self {
        self.failure.push((event, ref_id.map(str::to_owned)));
        self
    }

    pub fn context(&self) -> &AuditContext {
        &self.ctx
    }
}

/// The success records an operation collects while it runs.
pub struct Trail {
    ctx: AuditContext,
    records: Vec<AuditRecord>,
}

impl Trail {
    pub fn push(&mut self, event: AuditEvent, ref_id: Option<&str>) {
        self.records.push(AuditRecord::new(event, &self.ctx, ref_id, time::now()));
    }

    pub fn context(&self) -> &AuditContext {
        &self.ctx
    }
}
