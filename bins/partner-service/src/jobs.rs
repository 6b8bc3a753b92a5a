//! The scheduled jobs' thread (wiring only: the jobs and their claims are partner-app's): every
//! `jobs.tick_secs` it runs the jobs that are due and that this replica claims first, then sends
//! the queued e-mails that are due.

use std::sync::Arc;
use std::time::Duration;

use app_core::Store;
use partner_app::jobs::{JobContext, JobsSettings, deliver_mail, tick};
use partner_app::mail::MailTemplates;
use partner_app::notify::Notifier;

/// Starts the jobs' thread; with `[jobs] enabled = false` it only sends the queued e-mails.
pub fn start(
    store: Store,
    settings: &JobsSettings,
    notifier: Arc<dyn Notifier>,
    templates: Arc<MailTemplates>,
) -> std::io::Result<()> {
    let host = web_support::host::HostInfo::detect();
    let replica = format!("{}/{}", host.name, std::process::id());
    let ctx = JobContext { settings: settings.clone(), notifier, templates, replica };
    let every = Duration::from_secs(settings.tick_secs.max(1));
    let jobs_on = settings.enabled;
    tracing::info!(tick_secs = every.as_secs(), replica = %ctx.replica, jobs_on, "scheduled jobs and e-mail delivery");
    std::thread::Builder::new().name("pms-jobs".into()).spawn(move || {
        loop {
            let ran = if jobs_on { tick(&store, store.now(), &ctx) } else { Vec::new() };
            for (job, outcome) in ran {
                match outcome {
                    Ok(r) => tracing::info!(
                        job = job.name(),
                        done = r.done,
                        skipped = r.skipped,
                        failed = r.failed,
                        "job ran"
                    ),
                    Err(e) => tracing::warn!(job = job.name(), error = %e, "job failed"),
                }
            }
            match deliver_mail(&store, store.now(), &ctx) {
                Ok(r) if r == Default::default() => {}
                Ok(r) => tracing::info!(sent = r.sent, retried = r.retried, given_up = r.given_up, "e-mails delivered"),
                Err(e) => tracing::warn!(error = %e, "e-mail delivery failed"),
            }
            if !store.pool().wait_open(every) {
                return;
            }
        }
    })?;
    Ok(())
}
