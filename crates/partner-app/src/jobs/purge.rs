//! Deletes notifications older than the retention (MOSIP's past-notifications deletion job,
//! 60 days), the notice records and the e-mails sent or given up older than that, and self-service
//! sign-ups abandoned a day after their OTP expired.

use app_core::{AppError, Store};
use chrono::{NaiveDateTime, TimeDelta};
use persistence::repo::{job, mail, notification, onboarding};

use super::JobReport;

/// How long after its OTP expired a sign-up that was never verified is kept.
const ABANDONED_AFTER: TimeDelta = TimeDelta::days(1);

/// Deletes the notifications created more than `retention_days` before `now`, and the sign-ups
/// whose OTP expired more than a day before `now` without being verified.
pub fn run(store: &Store, now: NaiveDateTime, retention_days: i64) -> Result<JobReport, AppError> {
    let before = now - TimeDelta::days(retention_days.max(0));
    store.write(|tx| {
        let mut done = notification::purge_before(tx.conn, before)?;
        job::purge_notices(tx.conn, before)?;
        mail::purge_before(tx.conn, before)?;
        done += onboarding::purge_abandoned(tx.conn, now - ABANDONED_AFTER)?;
        Ok(JobReport { done, ..JobReport::default() })
    })
}
