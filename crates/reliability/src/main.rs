//! The reliability suite: `reliability [--full] [--only crash|outage|replicas] [--backend sqlite|pg]`.
//! Starts the services' binaries (`--bin-dir`, default `target/debug`) as processes, injects
//! the faults, prints each check's figures, and exits non-zero when a check fails.
//! PostgreSQL: `--pg-url` (default `$PMS_TEST_PG_URL`); its databases are created and dropped.

mod client;
mod crash;
mod load;
mod mount;
mod ops;
mod outage;
mod outbox_check;
mod proxy;
mod read_only;
mod replicas;
mod services;
mod sqlite_faults;
mod store;
mod switch_off;
mod tally;
mod verify;
mod workload;

use std::path::PathBuf;

use anyhow::bail;
use store::Backend;

/// How hard to run.
#[derive(Debug, Clone)]
pub struct Config {
    pub bin_dir: PathBuf,
    pub pg_url: String,
    /// Answered write requests per crash run (per backend).
    pub writes: usize,
    pub clients: usize,
    /// The pause between two kills, drawn from this range (ms).
    pub kill_every_ms: (u64, u64),
    pub backends: Vec<Backend>,
    pub only: Option<String>,
}

fn parse() -> anyhow::Result<Config> {
    let mut args = std::env::args().skip(1);
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let mut cfg = Config {
        bin_dir: PathBuf::from(target).join("debug"),
        pg_url: std::env::var("PMS_TEST_PG_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into()),
        writes: 1_500,
        clients: 8,
        kill_every_ms: (300, 1_500),
        backends: vec![Backend::Sqlite, Backend::Postgres],
        only: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--full" => cfg.writes = 10_000,
            "--writes" => cfg.writes = args.next().unwrap_or_default().parse()?,
            "--clients" => cfg.clients = args.next().unwrap_or_default().parse()?,
            "--bin-dir" => cfg.bin_dir = PathBuf::from(args.next().unwrap_or_default()),
            "--pg-url" => cfg.pg_url = args.next().unwrap_or_default(),
            "--only" => cfg.only = args.next(),
            "--backend" => {
                cfg.backends = match args.next().as_deref() {
                    Some("sqlite") => vec![Backend::Sqlite],
                    Some("pg") => vec![Backend::Postgres],
                    other => bail!("--backend sqlite|pg, not {other:?}"),
                }
            }
            other => bail!("unknown argument {other}; see crates/reliability/src/main.rs"),
        }
    }
    Ok(cfg)
}

fn main() -> anyhow::Result<()> {
    let cfg = parse()?;
    let wants = |name: &str| cfg.only.as_deref().is_none_or(|o| o == name);
    let mut failed = Vec::new();
    if wants("crash") {
        for b in &cfg.backends {
            if !crash::run(&cfg, *b)? {
                failed.push(format!("crash/{}", b.name()));
            }
        }
    }
    if wants("outage") && cfg.backends.contains(&Backend::Postgres) && !outage::run(&cfg)? {
        failed.push("outage/PostgreSQL".into());
    }
    if wants("outage") && cfg.backends.contains(&Backend::Sqlite) && !sqlite_faults::run(&cfg)? {
        failed.push("outage/SQLite".into());
    }
    if wants("replicas") && cfg.backends.contains(&Backend::Postgres) && !replicas::run(&cfg)? {
        failed.push("replicas/PostgreSQL".into());
    }
    if failed.is_empty() {
        println!("reliability: all checks passed");
        Ok(())
    } else {
        bail!("reliability: failed: {}", failed.join(", "))
    }
}
