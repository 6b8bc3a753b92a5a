//! Check 2b: SQLite on a full disk and on a read-only file. The store lives on a small tmpfs
//! the check mounts (root only; skipped, and said so, otherwise): filling the tmpfs makes every
//! write fail, and a read-only bind mount of it stands for a read-only volume. Expected: 503
//! `PMS_COR_003` (never 500, never a panic), writes again once space is freed, and nothing
//! half-written (every stored partner has its audit record and the other way round).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::bail;

use crate::Config;
use crate::client::{Client, admin_token};
use crate::load::Load;
use crate::ops;
use crate::services::{Kind, Service, env_for, migrate};
use crate::store::{Backend, TestStore};

const PHASES: [&str; 3] = ["before", "disk full", "space freed"];

/// A mount undone on drop.
struct Mounted(PathBuf);

impl Mounted {
    fn run(args: &[&str]) -> anyhow::Result<()> {
        let out = Command::new("mount").args(args).output()?;
        if !out.status.success() {
            bail!("mount {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim());
        }
        Ok(())
    }

    fn tmpfs(at: &Path, size: &str) -> anyhow::Result<Mounted> {
        std::fs::create_dir_all(at)?;
        Mounted::run(&["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs", &at.display().to_string()])?;
        Ok(Mounted(at.to_owned()))
    }

    fn read_only_view(of: &Path, at: &Path) -> anyhow::Result<Mounted> {
        std::fs::create_dir_all(at)?;
        Mounted::run(&["--bind", &of.display().to_string(), &at.display().to_string()])?;
        let m = Mounted(at.to_owned());
        Mounted::run(&["-o", "remount,bind,ro", &at.display().to_string()])?;
        Ok(m)
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Writes zeros to `path` until the file system is full; answers the bytes written.
fn fill(path: &Path) -> u64 {
    let Ok(mut f) = std::fs::File::create(path) else { return 0 };
    let chunk = vec![0u8; 64 * 1024];
    let mut written = 0;
    while f.write_all(&chunk).is_ok() {
        written += chunk.len() as u64;
    }
    let _ = f.sync_all();
    written
}

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
    read_only(cfg, &store, &mnt, &mut fail)?;
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

/// A second partner-service over a read-only view of the same file: it either refuses to
/// start with a message, or answers writes 503 `PMS_COR_003` (never 500) and reads as usual.
fn read_only(cfg: &Config, store: &TestStore, mnt: &Path, fail: &mut impl FnMut(String)) -> anyhow::Result<()> {
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
            let bad = answers
                .iter()
                .filter(|a| !matches!(a, crate::client::Outcome::Status(503, code) if code == "PMS_COR_003"))
                .count();
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
