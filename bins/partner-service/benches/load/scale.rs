//! `PMS_BENCH_SCALE=1`: the hot reads on the benchmark's usual store and again on a large one
//! (1,000,000 API keys of 100,000 partners, 100,000 MISPs, 10,000,000 audit records), the first
//! page of every kind of search on the large store, and the start time on it.
//! `PMS_BENCH_SCALE_BACKEND=sqlite|postgres` measures one backend only; `PMS_BENCH_SCALE_FACTOR=N`
//! divides the large store by N and measures each read for a second (a check of the harness).
//! `PMS_BENCH_SCALE_SEARCHES_ONLY=1` seeds the large store and measures its searches only;
//! `PMS_BENCH_SCALE_KEEP=1` leaves the large store in place (its URL is printed) to study plans;
//! `PMS_BENCH_SCALE_STORE=<that URL>` measures the searches of a kept store again, unseeded.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::json;

use crate::seed::{self, Seeded, Sizes};
use crate::workloads::{self, Kind, Svc, Workload};
use crate::wrk::{self, Request};
use crate::{Backend, Plan, limits, services};

/// Sequential requests per search, for its latency percentiles.
const SEARCH_SAMPLES: usize = 200;
/// The first page a search answers.
const PAGE: usize = 10;

pub fn run(pg: &limits::PgTarget, dir: &Path) -> anyhow::Result<()> {
    // both services must be built before minutes of seeding, not found missing after them
    crate::sibling_binary(PARTNER_BIN, "misp-license-service")?;
    let factor: usize = std::env::var("PMS_BENCH_SCALE_FACTOR").ok().and_then(|f| f.parse().ok()).unwrap_or(1).max(1);
    let plan = if factor > 1 {
        Plan { secs: 1, reps: 1, connections: 16, smoke: false }
    } else {
        Plan { secs: 10, reps: 3, connections: 64, smoke: false }
    };
    let only = std::env::var("PMS_BENCH_SCALE_BACKEND").ok().map(|b| b.to_lowercase());
    let searches_only = std::env::var_os("PMS_BENCH_SCALE_SEARCHES_ONLY").is_some();
    let keep = std::env::var_os("PMS_BENCH_SCALE_KEEP").is_some();
    if let Ok(url) = std::env::var("PMS_BENCH_SCALE_STORE") {
        let store = Store::kept(&url, dir)?;
        println!("== the kept store {url} (load average {})", crate::runs::load_average());
        store.searches(&Seeded::unseeded())?;
        println!("   load average after: {}", crate::runs::load_average());
        return Ok(());
    }
    for backend in [Backend::Sqlite, Backend::Postgres] {
        if only.as_deref().is_some_and(|o| !backend.name().to_lowercase().starts_with(o)) {
            continue;
        }
        println!("== {} (load average {})", backend.name(), crate::runs::load_average());
        let small_reads = if searches_only {
            Vec::new()
        } else {
            let small = Store::create(backend, pg, dir, "small")?;
            let small_seeded = seed::seed_sized(&small.url, plan, Sizes::for_plan(plan))?;
            let reads = small.measure_reads(&small_seeded, plan, dir)?;
            small.drop(pg);
            reads
        };

        let large = Store::create(backend, pg, dir, "large")?;
        let started = Instant::now();
        let seeded = seed::seed_sized(&large.url, plan, Sizes::scale(factor))?;
        let audit = seed::audit_records(&large.url, 10_000_000 / factor as u64)?;
        println!("   seeded in {:.0} s ({audit} audit records)", started.elapsed().as_secs_f64());
        if !searches_only {
            let starts = large.start_times(plan.reps)?;
            println!("   start on the large store: {starts:?} ms (median {:.0} ms)", crate::median_by(starts.clone()));
            let large_reads = large.measure_reads(&seeded, plan, dir)?;
            println!("   {:<28} {:>12} {:>12} {:>8}", "read", "small req/s", "large req/s", "ratio");
            for ((name, s), (_, l)) in small_reads.iter().zip(&large_reads) {
                println!("   {name:<28} {s:>12.0} {l:>12.0} {:>8.2}", l / s);
            }
        }
        large.searches(&seeded)?;
        if keep {
            println!("   the large store is kept: {}", large.url);
        } else {
            large.drop(pg);
        }
        println!("   load average after: {}", crate::runs::load_average());
    }
    Ok(())
}

/// The services' settings over the store at `url`, with `data` as their data directory.
fn service_env(url: &str, data: &Path) -> Vec<(String, String)> {
    vec![
        ("PMS__DATABASE__URL".into(), url.to_owned()),
        ("PMS__DATABASE__MIGRATE_ON_START".into(), "true".into()),
        ("PMS__AUTH__HS256_SECRET".into(), crate::SECRET.into()),
        ("PMS__DATA_DIR".into(), data.display().to_string()),
        ("PMS__JOBS__ENABLED".into(), "false".into()),
    ]
}

struct Store {
    backend: Backend,
    url: String,
    env: Vec<(String, String)>,
    pg_db: String,
}

impl Store {
    fn create(backend: Backend, pg: &limits::PgTarget, dir: &Path, name: &str) -> anyhow::Result<Store> {
        let data = dir.join(format!("scale-{}-{name}", backend.name()));
        std::fs::create_dir_all(&data)?;
        let pg_db = format!("pms_bench_scale_{name}_{}", std::process::id());
        let url = match backend {
            Backend::Sqlite => format!("sqlite://{}", data.join("pms.sqlite3").display()),
            Backend::Postgres => {
                pg.create_db(&pg_db)?;
                pg.url(&pg_db)
            }
        };
        let env = service_env(&url, &data);
        // the first start migrates the fresh store
        let (svc, _) = services::Service::start(PARTNER_BIN, &env, PARTNER_HEALTH)?;
        svc.stop();
        Ok(Store { backend, url, env, pg_db })
    }

    /// A store a run kept (`PMS_BENCH_SCALE_KEEP`), as it is.
    fn kept(url: &str, dir: &Path) -> anyhow::Result<Store> {
        let backend = if url.starts_with("postgres") { Backend::Postgres } else { Backend::Sqlite };
        let data = dir.join("scale-kept");
        std::fs::create_dir_all(&data)?;
        Ok(Store { backend, url: url.to_owned(), env: service_env(url, &data), pg_db: String::new() })
    }

    fn drop(self, pg: &limits::PgTarget) {
        if self.backend == Backend::Postgres {
            pg.drop_db(&self.pg_db);
        }
    }

    fn start_times(&self, reps: usize) -> anyhow::Result<Vec<f64>> {
        (0..reps)
            .map(|_| {
                let (svc, took) = services::Service::start(PARTNER_BIN, &self.env, PARTNER_HEALTH)?;
                svc.stop();
                Ok(took.as_secs_f64() * 1000.0)
            })
            .collect()
    }

    /// Median req/s of the hot reads (licence validation, API-key lookup, get partner).
    fn measure_reads(&self, seeded: &Seeded, plan: Plan, dir: &Path) -> anyhow::Result<Vec<(String, f64)>> {
        let misp_bin = crate::sibling_binary(PARTNER_BIN, "misp-license-service")?;
        let (partner, _) = services::Service::start(PARTNER_BIN, &self.env, PARTNER_HEALTH)?;
        let (misp, _) = services::Service::start(&misp_bin, &self.env, MISP_HEALTH)?;
        let hot = ["MISP licence-key validation", "API key → partner/policy", "get partner"];
        let mut figures = Vec::new();
        for w in workloads::all(seeded).into_iter().filter(|w| w.kind == Kind::Read && hot.contains(&w.name.as_str())) {
            let svc = if w.service == Svc::Misp { &misp } else { &partner };
            workloads::preflight(&svc.base(), &w).with_context(|| format!("preflight of {}", w.name))?;
            let runs = (0..plan.reps)
                .map(|_| wrk::run(&svc.base(), &w.requests, plan.secs, plan.connections, dir))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let run = crate::report::median(runs);
            println!(
                "   {:<28} {:>9.0} req/s  p99 {:>7.2} ms  errors {}",
                w.name, run.requests_per_sec, run.p99_ms, run.errors
            );
            figures.push((w.name, run.requests_per_sec));
        }
        partner.stop();
        misp.stop();
        Ok(figures)
    }

    /// The first page of each search, [`SEARCH_SAMPLES`] times one after another: p50 and p99.
    fn searches(&self, seeded: &Seeded) -> anyhow::Result<()> {
        let misp_bin = crate::sibling_binary(PARTNER_BIN, "misp-license-service")?;
        let (partner, _) = services::Service::start(PARTNER_BIN, &self.env, PARTNER_HEALTH)?;
        let (misp, _) = services::Service::start(&misp_bin, &self.env, MISP_HEALTH)?;
        println!("   {:<58} {:>8} {:>8} (first page, {SEARCH_SAMPLES} requests)", "search", "p50 ms", "p99 ms");
        for w in search_workloads(seeded) {
            let svc = if w.service == Svc::Misp { &misp } else { &partner };
            let request = w.requests.first().context("a search without its request")?;
            let mut took = Vec::with_capacity(SEARCH_SAMPLES);
            for _ in 0..SEARCH_SAMPLES {
                let started = Instant::now();
                let items = send(&svc.base(), request).with_context(|| w.name.clone())?;
                took.push(started.elapsed());
                if items == 0 {
                    bail!("{} found nothing: the search measures no work", w.name);
                }
            }
            took.sort();
            let at = |q: f64| ms(took[((took.len() as f64 * q) as usize).min(took.len() - 1)]);
            println!("   {:<58} {:>8.2} {:>8.2}", w.name, at(0.5), at(0.99));
        }
        partner.stop();
        misp.stop();
        Ok(())
    }
}

const PARTNER_BIN: &str = env!("CARGO_BIN_EXE_partner-service");
const PARTNER_HEALTH: &str = "/v1/partnermanager/actuator/health";
const MISP_HEALTH: &str = "/partnermanagement/v1/misps/actuator/health";

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Sends `r` and answers how many items its page held; an error answer is an error.
fn send(base: &str, r: &Request) -> anyhow::Result<usize> {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut req = ureq::http::Request::builder().method(r.method).uri(format!("{base}{}", r.path));
    for (k, v) in &r.headers {
        req = req.header(k, v);
    }
    let mut res = agent.run(req.body(r.body.clone().unwrap_or_default())?)?;
    let status = res.status().as_u16();
    let text = res.body_mut().read_to_string()?;
    let v: serde_json::Value = serde_json::from_str(&text).with_context(|| format!("{status}: {text}"))?;
    if status >= 400 || v.get("errors").and_then(|e| e.as_array()).is_some_and(|e| !e.is_empty()) {
        bail!("{} {} answered {status}: {text}", r.method, r.path);
    }
    let page = &v["response"];
    Ok(page.get("data").and_then(|d| d.as_array()).map_or(0, Vec::len))
}

fn admin(r: Request, s: &Seeded) -> Request {
    r.header("Authorization", &format!("Bearer {}", s.admin_token))
}

fn search(name: &str, path: &str, body: serde_json::Value, s: &Seeded) -> Workload {
    let body =
        json!({"id": "mosip.bench", "version": "1.0", "requesttime": "2026-01-01T00:00:00.000Z", "request": body});
    let service = if path.starts_with("/v1/partnermanager/misps") { Svc::Misp } else { Svc::Partner };
    Workload {
        name: name.into(),
        kind: Kind::Read,
        service,
        requests: vec![admin(Request::get(path).json("POST", body.to_string()), s)],
        target: Some("≤ 50 ms p99"),
    }
}

/// The first page of [`PAGE`] items of a paged list, `GET path` (which names the paging).
fn first_page(name: &str, path: String, s: &Seeded) -> Workload {
    Workload {
        name: name.into(),
        kind: Kind::Read,
        service: Svc::Partner,
        requests: vec![admin(Request::get(path), s)],
        target: Some("≤ 50 ms p99"),
    }
}

/// `GET query` with MOSIP 1.2.2's paging parameters.
fn paged(name: &str, query: &str, s: &Seeded) -> Workload {
    first_page(name, format!("{query}&pageNo=0&pageSize={PAGE}"), s)
}

/// `GET /audits` with `query`, with its own paging parameters.
fn audits(name: &str, query: &str, s: &Seeded) -> Workload {
    first_page(name, format!("/v1/partnermanager/audits?{query}pageStart=0&pageFetch={PAGE}"), s)
}

fn filters(column: &str, kind: &str, value: &str, sort: &str) -> serde_json::Value {
    json!({
        "filters": [{ "columnName": column, "type": kind, "value": value }],
        "sort": [{ "sortField": sort, "sortType": "asc" }],
        "pagination": { "pageStart": 0, "pageFetch": PAGE },
    })
}

fn with(mut v: serde_json::Value, key: &str, value: &str) -> serde_json::Value {
    v[key] = json!(value);
    v
}

/// The number of the one partner whose name contains `Org <it>`: the last but seven, a number
/// no other partner's begins with.
fn only_one(s: &Seeded) -> usize {
    s.partners.saturating_sub(7)
}

/// One request per search the API offers, each with a case-insensitive text filter that matches
/// a few of the large store's rows, or none at all, and a sort.
fn search_workloads(s: &Seeded) -> Vec<Workload> {
    vec![
        paged(
            "GET admin-partners (newest first)",
            "/v1/partnermanager/admin-partners?sortFieldName=createdDateTime&sortType=DESC",
            s,
        ),
        paged("GET admin-partners orgName contains", "/v1/partnermanager/admin-partners?orgName=org%2042", s),
        paged(
            "GET admin-partners orgName contains (one partner)",
            &format!("/v1/partnermanager/admin-partners?orgName=org%20{}", only_one(s)),
            s,
        ),
        paged(
            "GET partner-api-keys (newest first)",
            "/v1/partnermanager/partner-api-keys?sortFieldName=createdDateTime&sortType=DESC",
            s,
        ),
        paged("GET partner-api-keys orgName contains", "/v1/partnermanager/partner-api-keys?orgName=org%2077", s),
        paged(
            "GET partner-api-keys apiKeyLabel contains",
            "/v1/partnermanager/partner-api-keys?apiKeyLabel=label-3&partnerId=bp-42",
            s,
        ),
        paged(
            "GET partner-policy-requests (newest first)",
            "/v1/partnermanager/partner-policy-requests?sortFieldName=createdDateTime&sortType=DESC",
            s,
        ),
        paged(
            "GET partner-policy-requests orgName contains",
            "/v1/partnermanager/partner-policy-requests?orgName=org%2055",
            s,
        ),
        paged("GET policies/v2 policyName contains", "/v1/policymanager/policies/v2?policyName=policy%2019", s),
        audits("GET audits (newest first)", "", s),
        audits("GET audits refId", "refId=bp-42&", s),
        search(
            "POST partners/search name contains",
            "/v1/partnermanager/partners/search",
            with(filters("name", "contains", "org 42", "name"), "partnerType", "all"),
            s,
        ),
        search(
            "POST partners/search name contains (one partner)",
            "/v1/partnermanager/partners/search",
            with(filters("name", "contains", &format!("org {}", only_one(s)), "name"), "partnerType", "all"),
            s,
        ),
        search(
            "POST partners/search name startswith",
            "/v1/partnermanager/partners/search",
            with(filters("name", "startswith", "bench org 99", "name"), "partnerType", "all"),
            s,
        ),
        search(
            "POST apikey/request/search partnerName contains",
            "/v1/partnermanager/partners/apikey/request/search",
            filters("partnerName", "contains", "org 31", "crDtimes"),
            s,
        ),
        search(
            "POST policies/search name contains",
            "/v1/policymanager/policies/search",
            with(filters("name", "contains", "policy 1", "name"), "policyType", "all"),
            s,
        ),
        search(
            "POST misps/search mispId contains",
            "/v1/partnermanager/misps/search",
            filters("mispId", "contains", "42", "createdDateTime"),
            s,
        ),
    ]
}
