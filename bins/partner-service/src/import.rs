//! `partner-service import-mosip <dir>`: MOSIP's PMS data exports into the store.

use std::path::Path;

use anyhow::Context;
use persistence::import::{ImportReport, import_dir};

use crate::settings::Settings;

/// Applies pending migrations, then imports `dir` in one transaction (all or nothing).
pub fn run(settings: &Settings, dir: &Path) -> anyhow::Result<ImportReport> {
    anyhow::ensure!(dir.is_dir(), "{} is not a directory", dir.display());
    let url = persistence::DbUrl::parse(&settings.database_url())?;
    let busy = settings.database.sqlite_busy_timeout_ms;
    persistence::migrate::run_pending(&url, busy).context("migrating the store")?;
    let mut conn = persistence::connection::establish(&url, busy).context("connecting to the store")?;
    let now = web_support::time::now();
    let report = persistence::transaction(&mut conn, |c| import_dir(c, dir, now))
        .with_context(|| format!("importing {} (nothing was imported)", dir.display()))?;
    Ok(report)
}
