//! Several full runs (`PMS_BENCH_RUNS`): each figure's median over the runs and its spread, the
//! lowest and highest of the runs' own figures (each run's figure is already the median of its
//! repetitions).

use serde::Serialize;

use crate::report::Report;

/// The machine's load average over 1, 5 and 15 minutes (`/proc/loadavg`).
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The median of `values` and their lowest and highest.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Spread {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Spread {
    fn of(values: impl IntoIterator<Item = f64>) -> Self {
        let mut v: Vec<f64> = values.into_iter().collect();
        v.sort_by(f64::total_cmp);
        match (v.first(), v.last()) {
            (Some(&min), Some(&max)) => Spread { median: v[v.len() / 2], min, max },
            _ => Spread::default(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct WorkloadSummary {
    pub backend: &'static str,
    pub name: String,
    pub kind: &'static str,
    pub requests_per_sec: Spread,
    pub p50_ms: Spread,
    pub p99_ms: Spread,
    /// Over every run.
    pub errors: u64,
    pub ratio_to_bare_actix: Spread,
    pub ratio_to_pgbench: Spread,
    pub target: Option<String>,
    /// The highest of the runs.
    pub peak_rss_mib: f64,
}

#[derive(Debug, Serialize)]
pub struct BackendSummary {
    pub backend: &'static str,
    pub start_fresh_store_ms: Spread,
    pub start_ms: Spread,
    pub idle_rss_mib: Spread,
    pub peak_rss_mib: Spread,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub runs: usize,
    pub bare_actix: Spread,
    pub pgbench_select_tps: Spread,
    pub pgbench_update_tps: Spread,
    pub workloads: Vec<WorkloadSummary>,
    pub backends: Vec<BackendSummary>,
}

impl Summary {
    /// The runs' figures side by side, matched by backend and workload name (a workload a run
    /// lacks is left out of that figure).
    pub fn of(reports: &[Report]) -> Self {
        let limits = |f: fn(&Report) -> f64| Spread::of(reports.iter().map(f));
        let Some(first) = reports.first() else {
            return Summary::default();
        };
        let mut workloads = Vec::new();
        let mut backends = Vec::new();
        for b in &first.backends {
            let same = || reports.iter().flat_map(|r| r.backends.iter().filter(|o| o.backend == b.backend));
            backends.push(BackendSummary {
                backend: b.backend,
                start_fresh_store_ms: Spread::of(same().map(|o| o.start_fresh_store_ms)),
                start_ms: Spread::of(same().map(|o| o.start_ms)),
                idle_rss_mib: Spread::of(same().map(|o| o.idle_rss_mib)),
                peak_rss_mib: Spread::of(same().map(|o| o.peak_rss_mib)),
            });
            for w in &b.workloads {
                let runs: Vec<_> = same().flat_map(|o| o.workloads.iter().filter(|x| x.name == w.name)).collect();
                let of = |f: fn(&crate::report::WorkloadFigures) -> f64| Spread::of(runs.iter().map(|x| f(x)));
                workloads.push(WorkloadSummary {
                    backend: b.backend,
                    name: w.name.clone(),
                    kind: w.kind,
                    requests_per_sec: of(|x| x.run.requests_per_sec),
                    p50_ms: of(|x| x.run.p50_ms),
                    p99_ms: of(|x| x.run.p99_ms),
                    errors: runs.iter().map(|x| x.run.errors).sum(),
                    ratio_to_bare_actix: of(|x| x.ratio_to_bare_actix),
                    ratio_to_pgbench: of(|x| x.ratio_to_pgbench),
                    target: w.target.clone(),
                    peak_rss_mib: runs.iter().map(|x| x.peak_rss_mib).fold(0.0, f64::max),
                });
            }
        }
        Summary {
            runs: reports.len(),
            bare_actix: limits(|r| r.limits.bare_actix.requests_per_sec),
            pgbench_select_tps: limits(|r| r.limits.pgbench_select_tps),
            pgbench_update_tps: limits(|r| r.limits.pgbench_update_tps),
            workloads,
            backends,
        }
    }

    pub fn print(&self) {
        let s =
            |v: Spread, digits: usize| format!("{:.*} ({:.*}–{:.*})", digits, v.median, digits, v.min, digits, v.max);
        println!();
        println!("== median of {} runs (lowest–highest)", self.runs);
        println!(
            "limits: bare actix-web {} req/s; pgbench -S {} tps; pgbench -N {} tps",
            s(self.bare_actix, 0),
            s(self.pgbench_select_tps, 0),
            s(self.pgbench_update_tps, 0)
        );
        println!(
            "| backend | workload | kind | req/s | p50 ms | p99 ms | errors | × bare actix | × pgbench | target | peak RSS MiB |"
        );
        println!("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|");
        for w in &self.workloads {
            println!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.0} |",
                w.backend,
                w.name,
                w.kind,
                s(w.requests_per_sec, 0),
                s(w.p50_ms, 2),
                s(w.p99_ms, 2),
                w.errors,
                s(w.ratio_to_bare_actix, 3),
                s(w.ratio_to_pgbench, 2),
                w.target.as_deref().unwrap_or(""),
                w.peak_rss_mib
            );
        }
        println!();
        println!("| backend | start, fresh store (ms) | start (ms) | idle RSS (MiB) | peak RSS under load (MiB) |");
        println!("|---|---:|---:|---:|---:|");
        for b in &self.backends {
            println!(
                "| {} | {} | {} | {} | {} |",
                b.backend,
                s(b.start_fresh_store_ms, 0),
                s(b.start_ms, 0),
                s(b.idle_rss_mib, 1),
                s(b.peak_rss_mib, 1)
            );
        }
    }
}

/// Every run's report and the summary, as one JSON file.
pub fn write_json(path: &std::path::Path, reports: &[Report], summary: &Summary) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct All<'a> {
        summary: &'a Summary,
        runs: &'a [Report],
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, serde_json::to_string_pretty(&All { summary, runs: reports })?)?;
    Ok(())
}
