//! Deletes notifications older than the retention (MOSIP's past-notifications deletion job,
//! 60 days) and the notice records older than that (their keys have long expired).

use app_core::{AppError, Store};
use chrono::{NaiveDateTime, TimeDelta};
use persistence::repo::{job, notification};

use super::JobReport;

/// Deletes the notifications created more than `retention_days` before `now`.
pub fn run(store: &Store, now: NaiveDateTime, retention_days: i64) -> Result<JobReport, AppError> {
    let before = now - TimeDelta::days(retention_days.max(0));
    store.write(|tx| {
        let done = notification::purge_before(tx.conn, before)?;
        job::purge_notices(tx.conn, before)?;
        Ok(JobReport { done, ..JobReport::default() })
    })
}
