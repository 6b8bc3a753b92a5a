//! Check 3: two replicas of each service over one PostgreSQL database, the client alternating
//! between them. Races that must have one winner: 100 approvals of one request, 100 key
//! generations with one label, 100 registrations of one id, 100 approvals of one MISP. And a
//! switch-off on one replica is seen by the other on the very next request (no cache holds
//! keys or licences: the bound is one round trip).

use std::sync::{Arc, Barrier};

use crate::Config;
use crate::client::{Client, Outcome, admin_token, token};
use crate::ops::{self, field};
use crate::services::{Kind, Service, env_for, migrate};
use crate::store::{Backend, TestStore, request_owner, seed};

const RACERS: usize = 100;

/// Runs `f(i)` on `RACERS` threads released together; answers the outcomes.
fn race(f: impl Fn(usize) -> Outcome + Send + Sync + 'static) -> Vec<Outcome> {
    let f = Arc::new(f);
    let barrier = Arc::new(Barrier::new(RACERS));
    let threads: Vec<_> = (0..RACERS)
        .map(|i| {
            let (f, barrier) = (f.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                f(i)
            })
        })
        .collect();
    threads.into_iter().map(|t| t.join().unwrap_or(Outcome::Transport)).collect()
}

fn summary(outcomes: &[Outcome]) -> (usize, String) {
    let tally = crate::tally::Tally::default();
    outcomes.iter().for_each(|o| tally.add("answer", o));
    (outcomes.iter().filter(|o| matches!(o, Outcome::Ok(_))).count(), tally.summary())
}

pub fn run(cfg: &Config) -> anyhow::Result<bool> {
    let store = TestStore::create(Backend::Postgres, &cfg.pg_url, "replicas")?;
    let env = env_for(&store.url, &store.data_dir(), &[("PMS__DATABASE__POOL_SIZE", "16".into())]);
    migrate(&cfg.bin_dir, &env)?;
    seed(&store.url, std::iter::once(0))?;
    let mut services = Vec::new();
    for kind in [Kind::Partner, Kind::Partner, Kind::Misp, Kind::Misp] {
        let mut s = Service::new(&cfg.bin_dir, kind, env.clone())?.logging_to(&store.dir);
        s.start()?;
        services.push(s);
    }
    let partners = Arc::new([services[0].base(), services[1].base()]);
    let misps = Arc::new([services[2].base(), services[3].base()]);
    let admin = Arc::new(admin_token()?);
    let mut ok = true;
    let mut expect_one = |what: &str, outcomes: &[Outcome], stored: usize| {
        let (wins, tally) = summary(outcomes);
        let pass = wins == 1 && stored == 1 && !tally.contains("HTTP 5");
        println!(
            "replicas: {RACERS} concurrent {what}: {wins} succeeded, {stored} stored — {tally}{}",
            if pass { "" } else { " FAIL" }
        );
        ok &= pass;
    };

    let (p, a) = (partners.clone(), admin.clone());
    let approvals = race(move |i| ops::approve(&Client::new(), &p[i % 2], &a, "rq-0"));
    let stored = store
        .count("SELECT COUNT(*) AS n FROM partner_policy_request WHERE id = 'rq-0' AND status_code = 'approved'")?;
    expect_one("approvals of one request", &approvals, stored);

    let (owner, q) = request_owner(0);
    let owner_token = Arc::new(token(&owner, &["AUTH_PARTNER"])?);
    let (p, t, o) = (partners.clone(), owner_token.clone(), owner.clone());
    let keys = race(move |i| ops::generate_key(&Client::new(), &p[i % 2], &t, &o, q, "one-label"));
    let stored = store.count("SELECT COUNT(*) AS n FROM partner_policy WHERE label = 'one-label'")?;
    expect_one("key generations with one label", &keys, stored);

    let (p, a) = (partners.clone(), admin.clone());
    let registrations = race(move |i| ops::register(&Client::new(), &p[i % 2], &a, "rr-one"));
    let stored = store.count("SELECT COUNT(*) AS n FROM partner WHERE id = 'rr-one'")?;
    expect_one("registrations of one id", &registrations, stored);

    let c = Client::new();
    let misp_id = ops::create_misp(&c, &misps[0], &admin, "Rel MISP race").ok().and_then(|v| field(v, "mispID"));
    let misp_id = misp_id.unwrap_or_default();
    let (m, a, id) = (misps.clone(), admin.clone(), misp_id.clone());
    let misp_approvals = race(move |i| ops::approve_misp(&Client::new(), &m[i % 2], &a, &id));
    let stored = store.count(&format!("SELECT COUNT(*) AS n FROM misp_license WHERE misp_id = '{misp_id}'"))?;
    expect_one("approvals of one MISP (licences issued)", &misp_approvals, stored);

    let licence =
        misp_approvals.iter().find_map(|o| o.ok().and_then(|v| field(v, "mispLicenseKey"))).unwrap_or_default();
    ok &= crate::switch_off::switch_offs_licence(&c, &misps, &admin, &misp_id, &licence);
    let key = keys.iter().find_map(|o| o.ok().and_then(|v| field(v, "apiKey"))).unwrap_or_default();
    ok &= crate::switch_off::switch_offs_key(&c, &partners, &admin, &owner, q, &key);
    for s in &mut services {
        if !s.running() || s.panicked() {
            println!("replicas: FAIL {} exited or panicked", s.kind.binary());
            ok = false;
        }
        s.kill9();
    }
    Ok(ok)
}
