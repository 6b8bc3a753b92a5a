//! Check 1: `kill -9` of either service at random moments during concurrent writes, restarted
//! each time; then the store is checked against what the clients were told (see `verify`).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::Rng;

use crate::Config;
use crate::client::{Client, Outcome, admin_token, token};
use crate::ops::{self, field};
use crate::services::{Kind, Service, env_for, migrate};
use crate::store::{Backend, TestStore, request_owner, seed};
use crate::tally::Tally;

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

struct Shared {
    partner: String,
    misp: String,
    admin: String,
    partner_tokens: Vec<String>,
    next: AtomicUsize,
    /// Write requests sent, and those answered (the target counts answered ones).
    sent: AtomicUsize,
    answered: AtomicUsize,
    target: usize,
    acked: Mutex<Acked>,
    tally: Tally,
}

pub fn run(cfg: &Config, backend: Backend) -> anyhow::Result<bool> {
    let target = cfg.writes;
    let store = TestStore::create(backend, &cfg.pg_url, "crash")?;
    let env = env_for(&store.url, &store.data_dir(), &[]);
    migrate(&cfg.bin_dir, &env)?;
    seed(&store.url, (0..target).filter(|n| n % 3 == 1))?;
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
            std::thread::spawn(move || worker(&shared))
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

fn worker(s: &Shared) {
    let c = Client::new();
    loop {
        if s.answered.load(Ordering::Relaxed) >= s.target {
            return;
        }
        let n = s.next.fetch_add(1, Ordering::Relaxed);
        let down = match n % 3 {
            0 => register(s, &c, n),
            1 => approve_and_generate(s, &c, n),
            _ => misp_and_licence(s, &c, n),
        };
        if down {
            std::thread::sleep(Duration::from_millis(20)); // the service is restarting
        }
    }
}

/// Sends one write; counts and records its outcome.
fn send(s: &Shared, what: &'static str, f: impl FnOnce() -> Outcome) -> Outcome {
    s.sent.fetch_add(1, Ordering::Relaxed);
    let out = f();
    if !matches!(out, Outcome::Transport) {
        s.answered.fetch_add(1, Ordering::Relaxed);
    }
    s.tally.add(what, &out);
    out
}

fn acked(s: &Shared) -> std::sync::MutexGuard<'_, Acked> {
    s.acked.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn register(s: &Shared, c: &Client, n: usize) -> bool {
    let id = format!("rr-{n}");
    match send(s, "register", || ops::register(c, &s.partner, &s.admin, &id)) {
        Outcome::Ok(_) => acked(s).partners.push(id),
        Outcome::Transport => return true,
        _ => {}
    }
    false
}

fn approve_and_generate(s: &Shared, c: &Client, n: usize) -> bool {
    let rq = format!("rq-{n}");
    match send(s, "approve", || ops::approve(c, &s.partner, &s.admin, &rq)) {
        Outcome::Ok(_) => acked(s).approvals.push(rq),
        Outcome::Transport => return true,
        _ => return false,
    }
    let (partner, q) = request_owner(n);
    let label = format!("k-{n}");
    let tok = &s.partner_tokens[n % crate::store::PARTNERS];
    match send(s, "generate key", || ops::generate_key(c, &s.partner, tok, &partner, q, &label)) {
        Outcome::Ok(v) => {
            if let Some(key) = field(&v, "apiKey") {
                acked(s).keys.push((partner, key, label));
            }
        }
        Outcome::Transport => return true,
        _ => {}
    }
    false
}

fn misp_and_licence(s: &Shared, c: &Client, n: usize) -> bool {
    let name = format!("Rel MISP {n}");
    let id = match send(s, "create MISP", || ops::create_misp(c, &s.misp, &s.admin, &name)) {
        Outcome::Ok(v) => match field(&v, "mispID") {
            Some(id) => id,
            None => return false,
        },
        Outcome::Transport => return true,
        _ => return false,
    };
    acked(s).misps.push(id.clone());
    match send(s, "approve MISP", || ops::approve_misp(c, &s.misp, &s.admin, &id)) {
        Outcome::Ok(v) => {
            if let Some(key) = field(&v, "mispLicenseKey") {
                acked(s).licences.push((id, key));
            }
        }
        Outcome::Transport => return true,
        _ => {}
    }
    false
}
