//! `PMS_BENCH_CALLGRIND=1`: instructions per request of each workload, counted by
//! `valgrind --tool=callgrind` in the services themselves (every thread, the audit writer's
//! included). Unlike req/s, the count does not depend on what else the machine is doing, so
//! it is the figure to compare before and after an optimisation.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, bail};

use crate::services::Service;
use crate::workloads::{self, Svc};
use crate::wrk::Request;
use crate::{Plan, SECRET, seed, sibling_binary};

/// Requests sent before counting (warm caches, prepared statements) and counted.
const WARMUP: usize = 30;
const COUNTED: usize = 200;

pub fn run(dir: &Path) -> anyhow::Result<()> {
    anyhow::ensure!(
        Command::new("valgrind").arg("--version").output().is_ok_and(|o| o.status.success()),
        "valgrind is missing (apt-get install valgrind)"
    );
    let data = dir.join("callgrind");
    std::fs::create_dir_all(&data)?;
    let url = format!("sqlite://{}", data.join("pms.sqlite3").display());
    let env: Vec<(String, String)> = vec![
        ("PMS__DATABASE__URL".into(), url.clone()),
        ("PMS__AUTH__HS256_SECRET".into(), SECRET.into()),
        ("PMS__DATA_DIR".into(), data.display().to_string()),
        ("PMS__SERVER__WORKERS".into(), "1".into()),
    ];
    let partner_bin = env!("CARGO_BIN_EXE_partner-service");
    let misp_bin = sibling_binary(partner_bin, "misp-license-service")?;
    let (first, _) = Service::start(partner_bin, &env, "/v1/partnermanager/actuator/health")?;
    first.stop();
    let seeded = seed::seed(&url, Plan { secs: 1, reps: 1, connections: 1, smoke: true })?;
    let partner = start_counted(partner_bin, &env, &data, "/v1/partnermanager/actuator/health")?;
    let misp = start_counted(&misp_bin, &env, &data, "/partnermanagement/v1/misps/actuator/health")?;
    println!("== instructions per request (callgrind, SQLite, {COUNTED} sequential requests after {WARMUP})");
    for w in workloads::all(&seeded) {
        if !workloads::chosen(&w.name) {
            continue;
        }
        if w.requests.iter().any(|r| r.path.contains("@N@")) {
            println!("   {:<32} skipped: needs the ids seeded for wrk's threads", w.name);
            continue;
        }
        let svc = match w.service {
            Svc::Partner => &partner,
            Svc::Misp => &misp,
        };
        let per_request = count(svc, &w.requests, &data)?;
        println!("   {:<32} {:>12.0} instructions/request", w.name, per_request);
    }
    partner.stop();
    misp.stop();
    Ok(())
}

/// Starts `bin` under callgrind with counting switched on (zeroed before each measurement).
fn start_counted(bin: &str, env: &[(String, String)], dir: &Path, health: &str) -> anyhow::Result<Service> {
    let out = dir.join("callgrind.out.%p");
    let wrapper =
        dir.join(format!("{}-under-callgrind", Path::new(bin).file_name().and_then(|n| n.to_str()).unwrap_or("svc")));
    std::fs::write(
        &wrapper,
        format!("#!/bin/sh\nexec valgrind --tool=callgrind --callgrind-out-file={} {bin} \"$@\"\n", out.display()),
    )?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755))?;
    let (svc, took) = Service::start(&wrapper.display().to_string(), env, health)?;
    println!("   {bin} healthy under callgrind after {} ms", took.as_millis());
    Ok(svc)
}

/// Instructions the service spent per request of `requests` (cycled), all threads together.
fn count(svc: &Service, requests: &[Request], dir: &Path) -> anyhow::Result<f64> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let mut n = 0usize;
    let mut send = |k: usize| -> anyhow::Result<()> {
        let r = requests[k % requests.len()].for_rep(7);
        n += 1;
        let unique = format!("cg{n}");
        let path = r.path.replace("@N@", &unique);
        let mut req = ureq::http::Request::builder().method(r.method).uri(format!("{}{path}", svc.base()));
        for (k, v) in &r.headers {
            req = req.header(k, v);
        }
        let body = r.body.as_deref().unwrap_or("").replace("@N@", &unique);
        let mut res = agent.run(req.body(body)?)?;
        let text = res.body_mut().read_to_string().unwrap_or_default();
        if res.status().as_u16() >= 400 || text.contains("\"errorCode\"") {
            bail!("{} {path} answered {}: {text}", r.method, res.status());
        }
        Ok(())
    };
    for k in 0..WARMUP {
        send(k)?;
    }
    control(svc, "--zero")?;
    for k in 0..COUNTED {
        send(WARMUP + k)?;
    }
    let before = dumps(dir, svc.child.id())?;
    control(svc, "--dump")?;
    let file = wait_for_new_dump(dir, svc.child.id(), before)?;
    Ok(total_instructions(&file)? as f64 / COUNTED as f64)
}

fn control(svc: &Service, what: &str) -> anyhow::Result<()> {
    let status = Command::new("callgrind_control").arg(what).arg(svc.child.id().to_string()).output()?;
    anyhow::ensure!(status.status.success(), "callgrind_control {what}: {}", String::from_utf8_lossy(&status.stderr));
    Ok(())
}

/// The dump files of the process `pid` (`callgrind.out.<pid>.<n>`).
fn dumps(dir: &Path, pid: u32) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let prefix = format!("callgrind.out.{pid}.");
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix)))
        .collect();
    files.sort();
    Ok(files)
}

fn wait_for_new_dump(dir: &Path, pid: u32, before: Vec<std::path::PathBuf>) -> anyhow::Result<std::path::PathBuf> {
    for _ in 0..600 {
        if let Some(new) = dumps(dir, pid)?.into_iter().find(|f| !before.contains(f)) {
            std::thread::sleep(Duration::from_millis(200));
            return Ok(new);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    bail!("callgrind wrote no dump for process {pid}")
}

/// The `summary:` (or `totals:`) line of a callgrind dump: instructions executed.
fn total_instructions(file: &Path) -> anyhow::Result<u64> {
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    text.lines()
        .find_map(|l| l.strip_prefix("summary:").or_else(|| l.strip_prefix("totals:")))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .with_context(|| format!("no instruction total in {}", file.display()))
}
