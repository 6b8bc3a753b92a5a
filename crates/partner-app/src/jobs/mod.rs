//! The scheduled jobs MOSIP runs inside PMS (its batch jobs and notification scheduler): each a
//! plain function `run(store, now, …) -> report`, so tests drive it with any clock, and [`tick`],
//! which runs the jobs that are due. A job's run is claimed in the store (`job_run`, a
//! compare-and-set on its next run time), so of several replicas ticking at once exactly one
//! runs it per period, on PostgreSQL and SQLite alike; a run missed while no replica was up
//! happens at the next tick.

pub mod api_key_expiry;
pub mod certificate_expiry;
pub mod expired_keys;
pub mod notice;
pub mod purge;
mod settings;
pub mod weekly_summary;

use std::sync::Arc;

use app_core::{AppError, Store};
use chrono::{NaiveDateTime, TimeDelta};
use persistence::repo;

use crate::mail::{self, DeliveryReport, MailTemplates};
use crate::notify::Notifier;
pub use settings::JobsSettings;

/// The jobs, by the name their `job_run` row carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    ApiKeyExpiry,
    Purge,
    CertificateExpiry,
    WeeklySummary,
    ExpiredKeys,
}

impl Job {
    pub const ALL: [Job; 5] =
        [Job::ApiKeyExpiry, Job::Purge, Job::CertificateExpiry, Job::WeeklySummary, Job::ExpiredKeys];

    pub fn name(self) -> &'static str {
        match self {
            Job::ApiKeyExpiry => "api_key_expiry",
            Job::Purge => "purge",
            Job::CertificateExpiry => "certificate_expiry",
            Job::WeeklySummary => "weekly_summary",
            Job::ExpiredKeys => "expired_keys",
        }
    }

    /// Whether `cfg` lets the job run.
    pub fn enabled(self, cfg: &JobsSettings) -> bool {
        match self {
            Job::ApiKeyExpiry | Job::Purge => true,
            Job::CertificateExpiry => cfg.certificate_expiry_enabled,
            Job::WeeklySummary => cfg.weekly_summary_enabled,
            Job::ExpiredKeys => cfg.expired_keys_enabled,
        }
    }

    /// The time between two runs of the job under `cfg` (at least an hour).
    pub fn period(self, cfg: &JobsSettings) -> TimeDelta {
        let hours = match self {
            Job::ApiKeyExpiry => cfg.api_key_expiry_every_hours,
            Job::Purge => cfg.purge_every_hours,
            Job::CertificateExpiry => cfg.certificate_expiry_every_hours,
            Job::WeeklySummary => cfg.weekly_summary_every_hours,
            Job::ExpiredKeys => cfg.expired_keys_every_hours,
        };
        TimeDelta::hours(hours.max(1))
    }
}

/// What one run of a job did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobReport {
    /// Notices sent, rows switched off or deleted.
    pub done: usize,
    /// Items left alone (already notified, no e-mail address, …).
    pub skipped: usize,
    /// Items that failed; retried at the next run (e-mails are retried by their delivery).
    pub failed: usize,
}

/// What the jobs need besides the store.
#[derive(Clone)]
pub struct JobContext {
    pub settings: JobsSettings,
    pub notifier: Arc<dyn Notifier>,
    /// The e-mail templates (built-in, overridden by `[mail] templates_dir`).
    pub templates: Arc<MailTemplates>,
    /// This replica's name in `job_run.last_claimed_by` (host and process).
    pub replica: String,
}

/// Runs, at `now`, each job that is due and that this replica claims first; answers the jobs run
/// and their reports. A job that fails is reported in the log and retried at its next period.
pub fn tick(store: &Store, now: NaiveDateTime, ctx: &JobContext) -> Vec<(Job, Result<JobReport, AppError>)> {
    let mut done = Vec::new();
    for job in Job::ALL.into_iter().filter(|j| j.enabled(&ctx.settings)) {
        let claimed = store.write(|tx| {
            let next = now + job.period(&ctx.settings);
            Ok(repo::job::claim(tx.conn, job.name(), &ctx.replica, now, next)?)
        });
        match claimed {
            Ok(true) => done.push((job, run(store, now, ctx, job))),
            Ok(false) => {}
            Err(e) => done.push((job, Err(e))),
        }
    }
    done
}

/// Runs `job` at `now`, claimed or not (the claim is [`tick`]'s).
pub fn run(store: &Store, now: NaiveDateTime, ctx: &JobContext, job: Job) -> Result<JobReport, AppError> {
    let cfg = &ctx.settings;
    match job {
        Job::ApiKeyExpiry => api_key_expiry::run(store, now, cfg.api_key_expiry_days),
        Job::Purge => purge::run(store, now, cfg.notification_retention_days),
        Job::CertificateExpiry => {
            certificate_expiry::run(store, now, &cfg.certificate_expiry_steps_days, &cfg.admin_partner_ids)
        }
        Job::WeeklySummary => weekly_summary::run(store, now, cfg.weekly_summary_days, &cfg.admin_partner_ids),
        Job::ExpiredKeys => expired_keys::run(store, now),
    }
}

/// Sends the queued e-mails due at `now` (every tick, on every replica: each row is claimed by
/// one sender).
pub fn deliver_mail(store: &Store, now: NaiveDateTime, ctx: &JobContext) -> Result<DeliveryReport, AppError> {
    mail::deliver(store, now, &ctx.templates, ctx.notifier.as_ref())
}

#[cfg(test)]
mod tests;
