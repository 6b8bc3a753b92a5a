//! Check 2b, read-only file: a running service holds the database open for writing, so its
//! file system cannot be remounted read-only; a second partner-service is started over a
//! read-only bind mount of the same file instead.

use std::path::Path;

use crate::Config;
use crate::client::{Client, Outcome, admin_token};
use crate::mount::Mounted;
use crate::ops;
use crate::services::{Kind, Service, env_for};
use crate::store::TestStore;

/// A second partner-service over a read-only view of the same file: it either refuses to
/// start with a message, or answers writes 503 `PMS_COR_003` (never 500) and reads as usual.
pub fn read_only(cfg: &Config, store: &TestStore, mnt: &Path, fail: &mut impl FnMut(String)) -> anyhow::Result<()> {
    let view_dir = store.dir.join("ro");
    let _view = match Mounted::read_only_view(mnt, &view_dir) {
        Ok(v) => v,
        Err(e) => {
            println!("sqlite-faults read-only: SKIPPED ({e})");
            return Ok(());
        }
    };
    let url = format!("sqlite://{}", view_dir.join("pms.sqlite3").display());
    let logs = store.dir.join("ro-logs");
    std::fs::create_dir_all(&logs)?;
    let mut ro =
        Service::new(&cfg.bin_dir, Kind::Partner, env_for(&url, &store.dir.join("ro-data"), &[]))?.logging_to(&logs);
    match ro.start() {
        Err(e) => {
            let log = std::fs::read_dir(&logs)?
                .filter_map(|f| f.ok().and_then(|f| std::fs::read_to_string(f.path()).ok()))
                .collect::<String>();
            let last = log.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_owned();
            println!("sqlite-faults read-only: partner-service refused to start ({e}); its last log line: {last}");
            if log.contains("panicked") {
                fail("partner-service panicked on a read-only database".into());
            }
        }
        Ok(_) => {
            let c = Client::new();
            let admin = admin_token()?;
            let mut answers = Vec::new();
            for n in 0..5 {
                answers.push(ops::register(&c, &ro.base(), &admin, &format!("rr-ro-{n}")));
            }
            println!("sqlite-faults read-only: writes answered {answers:?}");
            let bad =
                answers.iter().filter(|a| !matches!(a, Outcome::Status(503, code) if code == "PMS_COR_003")).count();
            if bad > 0 {
                fail(format!("{bad} writes on the read-only file were not 503 PMS_COR_003"));
            }
            if ro.panicked() {
                fail("partner-service panicked on a read-only database".into());
            }
        }
    }
    Ok(())
}
