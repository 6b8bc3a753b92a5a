//! Keeps the audit log bounded: on PostgreSQL the monthly partitions of the coming months are
//! created ahead; with `audit.retention_days` set, records older than that which the external
//! audit manager has accepted are removed (whole months dropped on PostgreSQL, then row by row).
//! Records not yet forwarded are never removed. Of several replicas, one runs each round: the
//! round is claimed in `job_run` as the scheduled jobs are.

use std::time::Duration;

use chrono::{Duration as Days, NaiveDateTime, Utc};
use persistence::DbPool;
use persistence::repo::{audit, job};

use crate::settings::AuditSettings;

/// Months of partitions kept ahead of the current one.
const MONTHS_AHEAD: i32 = 3;
/// Records deleted per transaction, so a purge never holds a long lock.
const PURGE_BATCH: i64 = 1_000;

/// What one round did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub partitions_created: i32,
    pub removed_with_partitions: i64,
    pub removed_rows: usize,
}

/// One round at `now`.
pub fn run_once(pool: &DbPool, now: NaiveDateTime, retention_days: Option<u32>) -> anyhow::Result<Round> {
    let mut conn = pool.get()?;
    let mut round =
        Round { partitions_created: audit::ensure_partitions(&mut conn, now, MONTHS_AHEAD + 1)?, ..Round::default() };
    let Some(days) = retention_days else { return Ok(round) };
    let before = now - Days::days(i64::from(days));
    round.removed_with_partitions = audit::drop_forwarded_partitions(&mut conn, before)?;
    loop {
        let n = audit::purge_forwarded(&mut conn, before, PURGE_BATCH)?;
        round.removed_rows += n;
        if n < PURGE_BATCH as usize {
            return Ok(round);
        }
    }
}

/// The round's name in `job_run`.
pub const JOB_NAME: &str = "audit_maintenance";

/// [`run_once`] at `now` when this `replica` claims the round due (the next one due `every`
/// later); `None` when the round is not due or another replica claimed it.
pub fn run_claimed(
    pool: &DbPool,
    now: NaiveDateTime,
    every: Duration,
    replica: &str,
    retention_days: Option<u32>,
) -> anyhow::Result<Option<Round>> {
    let next = now + Days::from_std(every)?;
    let claimed = job::claim(&mut *pool.get()?, JOB_NAME, replica, now, next)?;
    if !claimed {
        return Ok(None);
    }
    run_once(pool, now, retention_days).map(Some)
}

/// Starts the maintenance thread (a round at start unless another replica ran one within the
/// interval, then every `audit.maintenance_interval_secs`).
pub fn spawn(pool: DbPool, settings: &AuditSettings) {
    let every = Duration::from_secs(settings.maintenance_interval_secs.max(60));
    let retention = settings.retention_days;
    let replica = format!("{}/{}", crate::host::HostInfo::detect().name, std::process::id());
    let started = std::thread::Builder::new().name("audit-maintenance".into()).spawn(move || {
        loop {
            match run_claimed(&pool, Utc::now().naive_utc(), every, &replica, retention) {
                Ok(Some(round)) if round != Round::default() => tracing::info!(?round, "audit maintenance"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "audit maintenance failed; retried at the next round"),
            }
            if !pool.wait_open(every) {
                return;
            }
        }
    });
    if let Err(e) = started {
        tracing::error!(error = %e, "cannot start the audit maintenance");
    }
}
