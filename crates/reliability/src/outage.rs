//! Check 2a: PostgreSQL cut off under load through a TCP proxy the test controls. While cut,
//! every answer that is not a success is 503 with a MOSIP envelope within the pool timeout,
//! health says DOWN, nothing answers 500 or panics; once the proxy lets connections through
//! again, the same processes recover.

use std::time::{Duration, Instant};

use anyhow::Context;

use crate::Config;
use crate::client::{admin_token, agent};
use crate::load::Load;
use crate::proxy::Proxy;
use crate::services::{Kind, Service, env_for, migrate};
use crate::store::{Backend, TestStore};

const POOL_TIMEOUT_SECS: u64 = 2;
/// "recovering": the first second after health is UP again, when answers to requests sent
/// during the cut still arrive.
const PHASES: [&str; 4] = ["before", "cut", "recovering", "after"];

pub fn run(cfg: &Config) -> anyhow::Result<bool> {
    let store = TestStore::create(Backend::Postgres, &cfg.pg_url, "outage")?;
    migrate(&cfg.bin_dir, &env_for(&store.url, &store.data_dir(), &[]))?;
    crate::store::seed(&store.url, std::iter::empty())?;
    let (hostport, upstream) = upstream_of(&store.url)?;
    let proxy = Proxy::start(upstream)?;
    let proxied = store.url.replacen(&format!("@{hostport}/"), &format!("@127.0.0.1:{}/", proxy.port), 1);
    let env = env_for(
        &proxied,
        &store.data_dir(),
        &[("PMS__DATABASE__CONNECTION_TIMEOUT_SECS", POOL_TIMEOUT_SECS.to_string())],
    );
    let mut services = vec![
        Service::new(&cfg.bin_dir, Kind::Partner, env.clone())?.logging_to(&store.dir),
        Service::new(&cfg.bin_dir, Kind::Misp, env)?.logging_to(&store.dir),
    ];
    for s in &mut services {
        s.start()?;
    }
    let admin = admin_token()?;
    let load = Load::start(&services[0].base(), Some(&services[1].base()), &admin, 4, PHASES.len(), "outage");
    std::thread::sleep(Duration::from_secs(3));

    load.set_phase(1);
    let cut_at = Instant::now();
    proxy.cut();
    let down = wait_health(&services, 503, Duration::from_secs(30));
    let down_after = cut_at.elapsed();
    std::thread::sleep(Duration::from_secs(6));
    let health_during = health_codes(&services);

    proxy.restore();
    let restored_at = Instant::now();
    let up = wait_health(&services, 200, Duration::from_secs(60));
    let recovered_after = restored_at.elapsed();
    load.set_phase(2);
    std::thread::sleep(Duration::from_secs(1));
    load.set_phase(3);
    std::thread::sleep(Duration::from_secs(3));
    let tallies = load.tallies.clone();
    let acked = load.stop();

    for (i, name) in PHASES.iter().enumerate() {
        println!(
            "outage/PostgreSQL {name}: {} (slowest {:.2} s)",
            tallies[i].summary(),
            tallies[i].slowest().as_secs_f64()
        );
    }
    println!(
        "outage/PostgreSQL: health DOWN (503) on both services {:.2} s after the cut; health during the cut {health_during:?}; UP again {:.2} s after the proxy returned",
        down_after.as_secs_f64(),
        recovered_after.as_secs_f64()
    );
    let mut ok = true;
    let mut fail = |why: String| {
        println!("outage/PostgreSQL: FAIL {why}");
        ok = false;
    };
    let cut = &tallies[1];
    for i in [1, 2] {
        let bad = tallies[i].count(|k| !(k.ends_with(": ok") || k.contains("HTTP 503 PMS_COR_003")));
        if bad > 0 {
            fail(format!("{bad} answers {} were neither a success nor 503 PMS_COR_003", PHASES[i]));
        }
    }
    if cut.count(|k| k.contains("HTTP 503 PMS_COR_003")) == 0 {
        fail("no 503 answer during the cut".into());
    }
    let limit = Duration::from_secs(POOL_TIMEOUT_SECS) + Duration::from_millis(1_500);
    if cut.slowest() > limit {
        fail(format!(
            "an answer during the cut took {:.2} s (pool timeout {POOL_TIMEOUT_SECS} s)",
            cut.slowest().as_secs_f64()
        ));
    }
    if !down || health_during.iter().any(|c| *c != 503) {
        fail("health did not report DOWN during the cut".into());
    }
    if !up {
        fail("the services did not recover within 60 s".into());
    }
    for (i, name) in [(0, "before"), (3, "after")] {
        if tallies[i].count(|k| !k.ends_with(": ok")) > 0 || tallies[i].count(|k| k.ends_with(": ok")) == 0 {
            fail(format!("writes {name} the cut were not all successful"));
        }
    }
    for s in &mut services {
        if !s.running() || s.panicked() {
            fail(format!("{} exited or panicked", s.kind.binary()));
        }
        s.kill9();
    }
    drop(proxy);
    let acked = crate::crash::Acked { partners: acked, ..Default::default() };
    if crate::verify::check(&store, &acked, "outage/PostgreSQL")? > 0 {
        ok = false;
    }
    Ok(ok)
}

/// `host:port` of a `postgres://user@host:port/db` URL.
fn upstream_of(url: &str) -> anyhow::Result<(String, std::net::SocketAddr)> {
    use std::net::ToSocketAddrs;
    let rest = url.split_once('@').context("the PostgreSQL URL needs user@host")?.1;
    let hostport = rest.split('/').next().context("no host in the PostgreSQL URL")?.to_owned();
    let with_port = if hostport.contains(':') { hostport.clone() } else { format!("{hostport}:5432") };
    let addr = with_port.to_socket_addrs()?.next().context("cannot resolve the PostgreSQL host")?;
    Ok((hostport, addr))
}

fn health_codes(services: &[Service]) -> Vec<u16> {
    let a = agent(Duration::from_secs(POOL_TIMEOUT_SECS + 5));
    services
        .iter()
        .map(|s| a.get(format!("{}{}", s.base(), s.kind.health())).call().map_or(0, |r| r.status().as_u16()))
        .collect()
}

/// Waits until every service's health answers `status`.
fn wait_health(services: &[Service], status: u16, within: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < within {
        if health_codes(services).iter().all(|c| *c == status) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}
