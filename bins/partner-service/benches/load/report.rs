//! Medians, ratios to the limits, the printed table and the JSON file.

use serde::Serialize;

use crate::workloads::{Kind, Workload};
use crate::wrk::Run;
use crate::{Backend, Plan};

/// The run with the median throughput.
pub fn median(mut runs: Vec<Run>) -> Run {
    runs.sort_by(|a, b| a.requests_per_sec.total_cmp(&b.requests_per_sec));
    runs.get(runs.len() / 2).cloned().unwrap_or_default()
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Limits {
    pub bare_actix: Run,
    pub pgbench_select_tps: f64,
    pub pgbench_update_tps: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct WorkloadFigures {
    pub name: String,
    pub kind: &'static str,
    #[serde(flatten)]
    pub run: Run,
    pub ratio_to_bare_actix: f64,
    /// Reads: to `pgbench -S`; writes: to `pgbench -N`.
    pub ratio_to_pgbench: f64,
    pub target: Option<String>,
    pub peak_rss_mib: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    pub backend: &'static str,
    pub start_fresh_store_ms: f64,
    pub start_ms: f64,
    pub idle_rss_mib: f64,
    pub peak_rss_mib: f64,
    pub workloads: Vec<WorkloadFigures>,
}

impl Figures {
    pub fn new(backend: Backend, cold_ms: f64, start_ms: f64, idle_rss: f64) -> Self {
        Figures {
            backend: backend.name(),
            start_fresh_store_ms: cold_ms,
            start_ms,
            idle_rss_mib: idle_rss,
            peak_rss_mib: idle_rss,
            workloads: Vec::new(),
        }
    }

    pub fn add(&mut self, w: &Workload, run: Run, peak_rss: f64, limits: &Limits) {
        let ratio = |v: f64, limit: f64| if limit > 0.0 { v / limit } else { 0.0 };
        let pg_limit = match w.kind {
            Kind::Read => limits.pgbench_select_tps,
            Kind::Write => limits.pgbench_update_tps,
        };
        self.peak_rss_mib = self.peak_rss_mib.max(peak_rss);
        self.workloads.push(WorkloadFigures {
            name: w.name.clone(),
            kind: w.kind.name(),
            ratio_to_bare_actix: ratio(run.requests_per_sec, limits.bare_actix.requests_per_sec),
            ratio_to_pgbench: ratio(run.requests_per_sec, pg_limit),
            target: w.target.map(str::to_owned),
            run,
            peak_rss_mib: peak_rss,
        });
    }
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub machine: Machine,
    pub secs_per_run: u64,
    pub repetitions: usize,
    pub connections: u32,
    pub smoke: bool,
    pub limits: Limits,
    pub backends: Vec<Figures>,
}

#[derive(Debug, Serialize)]
pub struct Machine {
    pub cpus: usize,
    pub kernel: String,
    pub when: String,
}

impl Report {
    pub fn new(plan: Plan) -> Self {
        Report {
            machine: Machine {
                cpus: std::thread::available_parallelism().map(usize::from).unwrap_or(1),
                kernel: std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default().trim().to_owned(),
                when: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            },
            secs_per_run: plan.secs,
            repetitions: plan.reps,
            connections: plan.connections,
            smoke: plan.smoke,
            limits: Limits::default(),
            backends: Vec::new(),
        }
    }

    pub fn print_limits(&self) {
        let l = &self.limits;
        println!(
            "   bare actix-web {:.0} req/s (p50 {:.2} ms, p99 {:.2} ms); pgbench -S {:.0} tps; pgbench -N {:.0} tps",
            l.bare_actix.requests_per_sec,
            l.bare_actix.p50_ms,
            l.bare_actix.p99_ms,
            l.pgbench_select_tps,
            l.pgbench_update_tps
        );
    }

    pub fn print(&self) {
        println!();
        println!(
            "| backend | workload | kind | req/s | p50 ms | p99 ms | errors | × bare actix | × pgbench | target |"
        );
        println!("|---|---|---|---:|---:|---:|---:|---:|---:|---|");
        for b in &self.backends {
            for w in &b.workloads {
                println!(
                    "| {} | {} | {} | {:.0} | {:.2} | {:.2} | {} | {:.2} | {:.2} | {} |",
                    b.backend,
                    w.name,
                    w.kind,
                    w.run.requests_per_sec,
                    w.run.p50_ms,
                    w.run.p99_ms,
                    w.run.errors,
                    w.ratio_to_bare_actix,
                    w.ratio_to_pgbench,
                    w.target.as_deref().unwrap_or("")
                );
            }
        }
        println!();
        println!("| backend | start, fresh store (ms) | start (ms) | idle RSS (MiB) | peak RSS under load (MiB) |");
        println!("|---|---:|---:|---:|---:|");
        for b in &self.backends {
            println!(
                "| {} | {:.0} | {:.0} | {:.1} | {:.1} |",
                b.backend, b.start_fresh_store_ms, b.start_ms, b.idle_rss_mib, b.peak_rss_mib
            );
        }
        println!(
            "targets: start ≤ 200 ms on SQLite; idle RSS (partner-service) ≤ 24 MiB; peak RSS ≤ 128 MiB per service"
        );
    }

    pub fn write_json(&self, path: &std::path::Path) -> anyhow::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, serde_json::to_string_pretty(self)?)?;
        Ok(())
    }
}
