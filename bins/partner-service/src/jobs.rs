//! The scheduled jobs' thread (wiring only: the jobs and their claims are partner-app's): every
//! `jobs.tick_secs` it runs the jobs that are due and that this replica claims first.

use std::sync::Arc;
use std::time::Duration;

use app_core::Store;
use partner_app::jobs::{JobContext, JobsSettings, tick};
use partner_app::notify::Notifier;

/// Starts the jobs' thread unless `[jobs] enabled = false`.
pub fn start(store: Store, settings: &JobsSettings, notifier: Arc<dyn Notifier>) -> std::io::Result<()> {
    if !settings.enabled {
        tracing::info!("scheduled jobs disabled");
        return Ok(());
    }
    let host = web_support::host::HostInfo::detect();
    let ctx =
        JobContext { settings: settings.clone(), notifier, replica: format!("{}/{}", host.name, std::process::id()) };
    let every = Duration::from_secs(settings.tick_secs.max(1));
    tracing::info!(tick_secs = every.as_secs(), replica = %ctx.replica, "scheduled jobs enabled");
    std::thread::Builder::new().name("pms-jobs".into()).spawn(move || {
        loop {
            for (job, outcome) in tick(&store, store.now(), &ctx) {
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
            std::thread::sleep(every);
        }
    })?;
    Ok(())
}
