//! `cargo bench -p partner-service --bench load` (`just bench`): measures the machine's limits
//! and the services' hot paths in one run, on SQLite and PostgreSQL, and prints a table of
//! throughput, latency, errors and the ratio to the matching limit; writes the same as JSON.
//!
//! `PMS_BENCH_SMOKE=1` runs every step for a second once (CI keeps the harness from rotting).
//! `PMS_BENCH_PG` names the PostgreSQL server (default `postgres@127.0.0.1:5432`);
//! `PMS_BENCH_OUT` the JSON file (default `target/bench/results.json`); `PMS_BENCH_ONLY` runs only
//! the workloads whose name contains it (or one of its comma-separated parts); `PMS_BENCH_RUNS=N` repeats the whole run N times and
//! prints each figure's median over the runs with its spread (see `runs.rs`). `PMS_BENCH_CALLGRIND=1` instead counts the instructions
//! each request costs, under valgrind (see `instructions.rs`); `PMS_BENCH_SCALE=1` measures the
//! hot reads and searches on a large store (see `scale.rs`).
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark program reports and stops loudly"
)]

mod instructions;
mod limits;
mod report;
mod runs;
mod scale;
mod seed;
mod services;
mod workloads;
mod wrk;

use std::time::Duration;

use anyhow::Context;
use report::{Figures, Limits, Report, median};

/// How long and how often.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub secs: u64,
    pub reps: usize,
    pub connections: u32,
    pub smoke: bool,
}

/// The secret the seeded tokens are signed with.
const SECRET: &str = web_support::testing::TEST_SECRET;

fn main() -> anyhow::Result<()> {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return Ok(()); // `cargo test --benches` / `--list` probes: nothing to list
    }
    if std::env::var_os("PMS_BENCH_CALLGRIND").is_some() {
        let work = tempfile::tempdir()?;
        // PMS_BENCH_CALLGRIND_DIR keeps the dumps for callgrind_annotate
        let dir = std::env::var_os("PMS_BENCH_CALLGRIND_DIR").map_or_else(|| work.path().to_owned(), Into::into);
        return instructions::run(&dir);
    }
    if std::env::var_os("PMS_BENCH_SCALE").is_some() {
        let work = tempfile::tempdir()?;
        if std::env::var_os("PMS_BENCH_SCALE_KEEP").is_some() {
            return scale::run(&pg_target(), &work.keep());
        }
        return scale::run(&pg_target(), work.path());
    }
    let smoke = std::env::var_os("PMS_BENCH_SMOKE").is_some();
    let plan = if smoke {
        Plan { secs: 1, reps: 1, connections: 16, smoke }
    } else {
        Plan { secs: 10, reps: 3, connections: 64, smoke }
    };
    let count: usize = match std::env::var("PMS_BENCH_RUNS") {
        Ok(n) => n.parse::<usize>().context("PMS_BENCH_RUNS: a whole number of runs")?.max(1),
        Err(_) => 1,
    };
    let mut reports = Vec::with_capacity(count);
    for n in 1..=count {
        println!("== run {n} of {count}, load average {}", runs::load_average());
        let report = run_once(plan)?;
        report.print();
        println!("== run {n} ended, load average {}", runs::load_average());
        reports.push(report);
    }
    let out = std::env::var("PMS_BENCH_OUT")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/bench/results.json").into());
    let out = std::path::Path::new(&out);
    if let [report] = reports.as_slice() {
        report.write_json(out)?;
    } else {
        let summary = runs::Summary::of(&reports);
        summary.print();
        runs::write_json(out, &reports, &summary)?;
    }
    println!("results written to {}", out.display());
    Ok(())
}

/// One full run: the limits, then every workload on each backend.
fn run_once(plan: Plan) -> anyhow::Result<Report> {
    let pg = pg_target();
    let work = tempfile::tempdir()?;
    let mut report = Report::new(plan);
    println!("== limits ({} s × {})", plan.secs, plan.reps);
    report.limits = measure_limits(&pg, plan, work.path())?;
    report.print_limits();
    for backend in [Backend::Sqlite, Backend::Postgres] {
        println!("== {} ", backend.name());
        let figures = measure_backend(backend, &pg, plan, work.path(), &report.limits)
            .with_context(|| format!("benchmarking on {}", backend.name()))?;
        report.backends.push(figures);
    }
    Ok(report)
}

fn pg_target() -> limits::PgTarget {
    let spec = std::env::var("PMS_BENCH_PG").unwrap_or_else(|_| "postgres@127.0.0.1:5432".into());
    let (user, host_port) = spec.split_once('@').unwrap_or(("postgres", spec.as_str()));
    let (host, port) = host_port.split_once(':').unwrap_or((host_port, "5432"));
    limits::PgTarget { host: host.into(), port: port.into(), user: user.into() }
}

fn measure_limits(pg: &limits::PgTarget, plan: Plan, dir: &std::path::Path) -> anyhow::Result<Limits> {
    let port = limits::bare_actix(2)?;
    std::thread::sleep(Duration::from_millis(200));
    let bare_runs = (0..plan.reps)
        .map(|_| {
            wrk::run(
                &format!("http://127.0.0.1:{port}"),
                &[wrk::Request::get("/bare")],
                plan.secs,
                plan.connections,
                dir,
            )
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let db = format!("pms_bench_pgbench_{}", std::process::id());
    limits::pgbench_init(pg, &db, if plan.smoke { 1 } else { 10 })?;
    let select =
        (0..plan.reps).map(|_| limits::pgbench(pg, &db, "-S", 16, plan.secs)).collect::<anyhow::Result<Vec<_>>>();
    let update =
        (0..plan.reps).map(|_| limits::pgbench(pg, &db, "-N", 16, plan.secs)).collect::<anyhow::Result<Vec<_>>>();
    pg.drop_db(&db);
    Ok(Limits {
        bare_actix: median(bare_runs),
        pgbench_select_tps: median_by(select?.iter().map(|r| r.tps).collect()),
        pgbench_update_tps: median_by(update?.iter().map(|r| r.tps).collect()),
    })
}

/// Another binary of the workspace, built beside `bin` (`cargo build --release -p <name>` first).
fn sibling_binary(bin: &str, name: &str) -> anyhow::Result<String> {
    let path = std::path::Path::new(bin).with_file_name(name);
    anyhow::ensure!(path.is_file(), "{} is missing: run `cargo build --release -p {name}` first", path.display());
    Ok(path.display().to_string())
}

fn median_by(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

fn measure_backend(
    backend: Backend,
    pg: &limits::PgTarget,
    plan: Plan,
    dir: &std::path::Path,
    limits: &Limits,
) -> anyhow::Result<Figures> {
    let data = dir.join(format!("data-{}", backend.name()));
    std::fs::create_dir_all(&data)?;
    let pg_db = format!("pms_bench_{}_{}", backend.name().to_lowercase(), std::process::id());
    let url = match backend {
        Backend::Sqlite => format!("sqlite://{}", data.join("pms.sqlite3").display()),
        Backend::Postgres => {
            pg.create_db(&pg_db)?;
            pg.url(&pg_db)
        }
    };
    let env: Vec<(String, String)> = vec![
        ("PMS__DATABASE__URL".into(), url.clone()),
        ("PMS__DATABASE__MIGRATE_ON_START".into(), "true".into()),
        ("PMS__AUTH__HS256_SECRET".into(), SECRET.into()),
        ("PMS__DATA_DIR".into(), data.display().to_string()),
    ];
    let partner_bin = env!("CARGO_BIN_EXE_partner-service");
    let misp_bin = sibling_binary(partner_bin, "misp-license-service")?;
    let misp_bin = misp_bin.as_str();
    // start-up on the fresh store (migrations included) then on the seeded one
    let (first, cold) = services::Service::start(partner_bin, &env, "/v1/partnermanager/actuator/health")?;
    first.stop();
    let seeded = seed::seed(&url, plan).context("seeding")?;
    let mut starts = Vec::new();
    for _ in 0..plan.reps {
        let (svc, took) = services::Service::start(partner_bin, &env, "/v1/partnermanager/actuator/health")?;
        svc.stop();
        starts.push(took.as_secs_f64() * 1000.0);
    }
    let (partner, _) = services::Service::start(partner_bin, &env, "/v1/partnermanager/actuator/health")?;
    let (misp, _) = services::Service::start(misp_bin, &env, "/partnermanagement/v1/misps/actuator/health")?;
    std::thread::sleep(Duration::from_millis(300));
    let idle_rss = partner.rss_mib();
    let mut figures = Figures::new(backend, cold.as_secs_f64() * 1000.0, median_by(starts), idle_rss);
    // every read workload again once the writes have grown the store
    for w in workloads::all(&seeded).into_iter().chain(workloads::reads_on_grown_store(&seeded)) {
        if !workloads::chosen(&w.name) {
            continue;
        }
        let svc = match w.service {
            workloads::Svc::Partner => &partner,
            workloads::Svc::Misp => &misp,
        };
        workloads::preflight(&svc.base(), &w).with_context(|| format!("preflight of {}", w.name))?;
        let mut runs = Vec::new();
        let mut peak: f64 = 0.0;
        for rep in 0..plan.reps {
            let requests: Vec<wrk::Request> = w.requests.iter().map(|r| r.for_rep(rep)).collect();
            let (run, rss) = services::peak_rss_during(svc.child.id(), || {
                wrk::run(&svc.base(), &requests, plan.secs, plan.connections, dir)
            });
            runs.push(run?);
            peak = peak.max(rss);
        }
        let run = median(runs);
        println!(
            "   {:<28} {:>9.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  errors {}",
            w.name, run.requests_per_sec, run.p50_ms, run.p99_ms, run.errors
        );
        if let Some(sample) = &run.sample_error {
            println!("      e.g. {sample}");
        }
        figures.add(&w, run, peak, limits);
    }
    partner.stop();
    misp.stop();
    if backend == Backend::Postgres {
        pg.drop_db(&pg_db);
    }
    Ok(figures)
}
