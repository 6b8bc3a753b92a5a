//! Prints the dispatcher's throughput and delivery latency against a local HTTP hub:
//! `cargo run --release -p websub-publisher --features testing --example throughput [events] [poll-ms] [postgres-url]`.
//! A burst of events over four topics is drained by one dispatcher (events/s), then single
//! events are written while the dispatcher thread runs (latency from commit to the hub's 2xx,
//! bounded below by `events.poll_interval_ms`).
#![expect(clippy::print_stdout, clippy::panic, reason = "a benchmark prints its figures and stops on setup errors")]

use std::time::{Duration, Instant};

use persistence::repo::outbox::{self, NewEvent};
use persistence::{DbPool, PoolOptions};
use websub_publisher::testing::TestHub;
use websub_publisher::{Dispatcher, EventsSettings, Topic};

fn write(pool: &DbPool, topic: &str, i: usize) {
    let data =
        serde_json::json!({"apiKeyData": {"apiKeyId": format!("{i:064}"), "apiKeyStatus": "ACTIVE"}}).to_string();
    let event = NewEvent::pending(
        uuid::Uuid::new_v4().to_string(),
        topic.into(),
        "PartnerManagementServiceImpl".into(),
        data,
        chrono::Utc::now().naive_utc(),
    );
    pool.transaction(|c| outbox::insert(c, &[event]).map_err(anyhow::Error::from)).unwrap_or_else(|e| panic!("{e}"));
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let poll_ms: u64 = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(500);
    let url =
        std::env::args().nth(3).unwrap_or_else(|| format!("sqlite://{}", dir.path().join("bench.sqlite3").display()));
    let pool = DbPool::open(&url, &PoolOptions { migrate_postgres: true, ..PoolOptions::default() })
        .unwrap_or_else(|e| panic!("{e}"));
    let hub = TestHub::start();
    let settings =
        EventsSettings { hub_url: Some(hub.url.clone()), poll_interval_ms: poll_ms, ..EventsSettings::default() };
    let dispatcher = Dispatcher::new(pool.clone(), &settings, &Topic::all(), "http://127.0.0.1:9109")
        .unwrap_or_else(|e| panic!("{e:#}"))
        .unwrap_or_else(|| panic!("a hub is set"));

    let topics = ["APIKEY_APPROVED", "APIKEY_UPDATED", "POLICY_UPDATED", "PARTNER_UPDATED"];
    for i in 0..n {
        write(&pool, topics[i % topics.len()], i);
    }
    let started = Instant::now();
    let mut sent = 0;
    while sent < n {
        sent += dispatcher.round().unwrap_or_else(|e| panic!("{e:#}")).delivered;
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "backend {}: {n} events drained in {secs:.2} s: {:.0} events/s",
        url.split(':').next().unwrap_or("?"),
        n as f64 / secs
    );

    let poll = settings.poll_interval_ms;
    dispatcher.spawn().unwrap_or_else(|e| panic!("{e}"));
    let mut latencies = Vec::new();
    for i in 0..20 {
        let before = hub.published().len();
        let written = Instant::now();
        write(&pool, "POLICY_UPDATED", n + i);
        while hub.published().len() == before {
            std::thread::sleep(Duration::from_millis(1));
        }
        latencies.push(written.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_millis((i as u64 * 97) % (poll + 1)));
    }
    latencies.sort_by(f64::total_cmp);
    println!(
        "single events, poll interval {poll} ms: latency from commit to the hub's answer median {:.0} ms, max {:.0} ms",
        latencies[latencies.len() / 2],
        latencies[latencies.len() - 1]
    );
}
