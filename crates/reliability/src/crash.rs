//! Check 1: `kill -9` of either service at random moments during concurrent writes, restarted
//! each time; then the store is checked against what the clients were told (see `verify`).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::Rng;

use crate::Config;
use crate::client::{admin_token, token};
use crate::services::{Kind, Service, env_for, migrate};
use crate::store::{Backend, TestStore, seed};
use crate::tally::Tally;
use crate::workload::Shared;

/// What the clients were told was done.
#[derive(Debug, Default)]
pub struct Acked {
    pub partners: Vec<String>,
    pub approvals: Vec<String>,
    /// `(partner, key, label)`.
    pub keys: Vec<(String, String, String)>,
    pub misps: Vec<String>,
    /// `(MISP id, licence key)`.
    pub licences: Vec<(String, String)>,
}

pub fn run(cfg: &Config, backend: Backend) -> anyhow::Result<bool> {
    let target = cfg.writes;
    let store = TestStore::create(backend, &cfg.pg_url, "crash")?;
    let env = env_for(&store.url, &store.data_dir(), &[]);
    migrate(&cfg.bin_dir, &env)?;
    // op n < writes always (each op sends at least one write); twice that leaves room to spare
    seed(&store.url, (0..2 * target).filter(|n| n % 3 == 1))?;
    let mut services =
        vec![Service::new(&cfg.bin_dir, Kind::Partner, env.clone())?, Service::new(&cfg.bin_dir, Kind::Misp, env)?];
    for s in &mut services {
        s.start()?;
    }
    let partner_tokens = (0..crate::store::PARTNERS)
        .map(|p| token(&format!("rp-{p}"), &["AUTH_PARTNER"]))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let shared = Arc::new(Shared {
        partner: services[0].base(),
        misp: services[1].base(),
        admin: admin_token()?,
        partner_tokens,
        next: AtomicUsize::new(0),
        sent: AtomicUsize::new(0),
        answered: AtomicUsize::new(0),
        target,
        acked: Mutex::new(Acked::default()),
        tally: Tally::default(),
    });
    let started = Instant::now();
    let workers: Vec<_> = (0..cfg.clients)
        .map(|_| {
            let shared = shared.clone();
            std::thread::spawn(move || crate::workload::worker(&shared))
        })
        .collect();
    // the killer: until the writes are all sent
    let mut rng = rand::rng();
    let (mut kills, mut restart_total, mut restart_max) = ([0usize; 2], Duration::ZERO, Duration::ZERO);
    while shared.answered.load(Ordering::Relaxed) < target {
        std::thread::sleep(Duration::from_millis(rng.random_range(cfg.kill_every_ms.0..cfg.kill_every_ms.1)));
        if shared.answered.load(Ordering::Relaxed) >= target {
            break;
        }
        let which = rng.random_range(0..2);
        services[which].kill9();
        kills[which] += 1;
        let took = services[which].start()?;
        restart_total += took;
        restart_max = restart_max.max(took);
    }
    for w in workers {
        let _ = w.join();
    }
    let elapsed = started.elapsed();
    for s in &mut services {
        s.kill9(); // the last crash: the store is checked as a crash leaves it
    }
    let acked = std::mem::take(&mut *shared.acked.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    let sent = shared.sent.load(Ordering::Relaxed);
    let answered = shared.answered.load(Ordering::Relaxed);
    let total_kills = kills[0] + kills[1];
    println!(
        "crash/{}: {answered} writes answered ({sent} sent) by {} clients in {:.1} s ({:.0}/s); kill -9: {} partner-service, {} misp-license-service; restart to healthy mean {:.2} s, max {:.2} s",
        backend.name(),
        cfg.clients,
        elapsed.as_secs_f64(),
        answered as f64 / elapsed.as_secs_f64(),
        kills[0],
        kills[1],
        restart_total.as_secs_f64() / total_kills.max(1) as f64,
        restart_max.as_secs_f64()
    );
    println!("crash/{}: answers {}", backend.name(), shared.tally.summary());
    println!(
        "crash/{}: acknowledged {} registrations, {} approvals, {} API keys, {} MISPs, {} licences",
        backend.name(),
        acked.partners.len(),
        acked.approvals.len(),
        acked.keys.len(),
        acked.misps.len(),
        acked.licences.len()
    );
    let problems = crate::verify::check(&store, &acked, &format!("crash/{}", backend.name()))?;
    let server_errors = shared.tally.count_5xx();
    if server_errors > 0 {
        println!("crash/{}: FAIL {server_errors} answers were 5xx", backend.name());
    }
    if total_kills == 0 {
        println!("crash/{}: FAIL no kill happened (too few writes for the kill interval)", backend.name());
    }
    Ok(problems == 0 && server_errors == 0 && total_kills > 0)
}
