//! Check 2b: SQLite on a full disk and on a read-only file. The store lives on a small tmpfs
//! the check mounts (root only; skipped, and said so, otherwise): filling the tmpfs makes every
//! write fail, and a read-only bind mount of it stands for a read-only volume. Expected: 503
//! `PMS_COR_003` (never 500, never a panic), writes again once space is freed, and nothing
//! half-written (every stored partner has its audit record and the other way round).

use std::time::Duration;

use crate::Config;
use crate::client::admin_token;
use crate::load::Load;
use crate::mount::{Mounted, fill};
use crate::services::{Kind, Service, env_for, migrate};
use crate::store::{Backend, TestStore};

const PHASES: [&str; 3] = ["before", "disk full", "space freed"];

pub fn run(cfg: &Config) -> anyhow::Result<bool> {
    let mut store = TestStore::create(Backend::Sqlite, "", "sqlite-faults")?;
    let mnt = store.dir.join("mnt");
    let tmpfs = match Mounted::tmpfs(&mnt, "24m") {
        Ok(m) => m,
        Err(e) => {
            println!("sqlite-faults: SKIPPED (no small file system to fill without root: {e})");
            return Ok(true);
        }
    };
    store.url = format!("sqlite://{}", mnt.join("pms.sqlite3").display());
    let env = env_for(&store.url, &store.data_dir(), &[]);
    migrate(&cfg.bin_dir, &env)?;
    crate::store::seed(&store.url, std::iter::empty())?;
    let mut partner = Service::new(&cfg.bin_dir, Kind::Partner, env)?.logging_to(&store.dir);
    partner.start()?;
    let admin = admin_token()?;
    let load = Load::start(&partner.base(), None, &admin, 2, PHASES.len(), "disk");
    std::thread::sleep(Duration::from_secs(2));
    let filled = fill(&mnt.join("filler"));
    load.set_phase(1);
    std::thread::sleep(Duration::from_secs(3));
    let _ = std::fs::remove_file(mnt.join("filler"));
    load.set_phase(2);
    std::thread::sleep(Duration::from_secs(3));
    let tallies = load.tallies.clone();
    let acked = load.stop();
    let mut ok = true;
    let mut fail = |why: String| {
        println!("sqlite-faults: FAIL {why}");
        ok = false;
    };
    println!("sqlite-faults: filled the 24 MiB tmpfs with {} KiB of zeros", filled / 1024);
    for (i, name) in PHASES.iter().enumerate() {
        println!(
            "sqlite-faults {name}: {} (slowest {:.2} s)",
            tallies[i].summary(),
            tallies[i].slowest().as_secs_f64()
        );
        let bad = tallies[i].count(|k| !(k.ends_with(": ok") || k.contains("HTTP 503 PMS_COR_003")));
        if bad > 0 {
            fail(format!("{bad} answers {name} were neither a success nor 503 PMS_COR_003"));
        }
    }
    if tallies[1].count(|k| k.contains("HTTP 503 PMS_COR_003")) == 0 {
        fail("no write was refused on the full disk".into());
    }
    if tallies[2].count(|k| k.ends_with(": ok")) == 0 {
        fail("no write succeeded once space was freed (no recovery without restart)".into());
    }
    if !partner.running() || partner.panicked() {
        fail("partner-service exited or panicked".into());
    }
    crate::read_only::read_only(cfg, &store, &mnt, &mut fail)?;
    partner.kill9();
    check_whole(&store, &acked, &mut fail)?;
    drop(tmpfs);
    Ok(ok)
}

/// Checks the store is whole (nothing half-written).
fn check_whole(store: &TestStore, acked: &[String], fail: &mut impl FnMut(String)) -> anyhow::Result<()> {
    let acked = crate::crash::Acked { partners: acked.to_vec(), ..Default::default() };
    if crate::verify::check(store, &acked, "sqlite-faults")? > 0 {
        fail("the store is not whole after the faults".into());
    }
    Ok(())
}
