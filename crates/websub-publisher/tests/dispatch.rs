//! The dispatcher against a real HTTP hub, on SQLite and PostgreSQL.
#![expect(clippy::panic, reason = "tests fail loudly")]

use std::collections::HashSet;

use chrono::NaiveDateTime;
use persistence::repo::outbox::{self, NewEvent};
use persistence::testing::TestDb;
use persistence::{DbPool, PoolOptions, both_backends};
use serde_json::{Value, json};
use strum::IntoEnumIterator;
use websub_publisher::testing::{Mode, TestHub};
use websub_publisher::{Dispatcher, EventsSettings, Topic};

fn pool(db: &TestDb) -> DbPool {
    let opts = PoolOptions { migrate_postgres: true, ..PoolOptions::default() };
    DbPool::open(&db.url, &opts).unwrap_or_else(|e| panic!("{e}"))
}

fn settings(hub: &TestHub) -> EventsSettings {
    EventsSettings {
        hub_url: Some(hub.url.clone()),
        backoff_initial_ms: 1,
        backoff_max_secs: 1,
        ..EventsSettings::default()
    }
}

const SOURCE: &str = "PartnerManagementServiceImpl";

fn dispatcher(pool: &DbPool, settings: &EventsSettings) -> Dispatcher {
    let all: Vec<Topic> = Topic::iter().collect();
    let made = Dispatcher::new(pool.clone(), settings, &all, "http://pms.example:9109");
    made.unwrap_or_else(|e| panic!("{e:#}")).unwrap_or_else(|| panic!("a hub is set"))
}

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

/// Writes `n` events of `topic` in one transaction; their data carries `{"n": i}`.
fn write(pool: &DbPool, topic: &str, n: usize) {
    let events: Vec<NewEvent> = (0..n)
        .map(|i| {
            NewEvent::pending(
                uuid::Uuid::new_v4().to_string(),
                topic.into(),
                SOURCE.into(),
                json!({"n": i}).to_string(),
                now(),
            )
        })
        .collect();
    pool.transaction(|c| outbox::insert(c, &events).map_err(anyhow::Error::from)).unwrap_or_else(|e| panic!("{e}"));
}

/// Rounds until nothing is pending (at most `rounds`, short pauses between failed ones).
fn drain(dispatcher: &Dispatcher, pool: &DbPool, rounds: usize) {
    for _ in 0..rounds {
        let r = dispatcher.round().unwrap_or_else(|e| panic!("{e:#}"));
        let mut conn = pool.get().unwrap_or_else(|e| panic!("{e}"));
        if outbox::stats(&mut conn).map(|s| s.pending).unwrap_or(1) == 0 {
            return;
        }
        if r.delivered == 0 {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}

fn data_n(events: &[Value], topic: &str) -> Vec<i64> {
    events.iter().filter(|e| e["topic"] == topic).map(|e| e["event"]["data"]["n"].as_i64().unwrap_or(-1)).collect()
}

fn delivers_in_order_with_mosips_envelope(db: TestDb) {
    let (hub, pool) = (TestHub::start(), pool(&db));
    let mut s = settings(&hub);
    s.auth.token = Some("static-token".to_owned().into());
    let dispatcher = dispatcher(&pool, &s);
    dispatcher.register_topics();
    assert!(hub.registered().contains(&"APIKEY_APPROVED".to_owned()), "{:?}", hub.registered());
    write(&pool, "POLICY_UPDATED", 3);
    write(&pool, "APIKEY_APPROVED", 2);
    drain(&dispatcher, &pool, 10);
    let published = hub.published();
    assert_eq!(data_n(&published, "POLICY_UPDATED"), [0, 1, 2]);
    assert_eq!(data_n(&published, "APIKEY_APPROVED"), [0, 1]);
    let first = &published[0];
    assert_eq!(first["publisher"], SOURCE);
    assert_eq!(
        first["event"]["type"]["namespace"],
        "io.mosip.pmp.partner.manager.service.impl.PartnerManagementServiceImpl"
    );
    assert_eq!(first["event"]["type"]["name"], SOURCE);
    assert!(first["event"]["timestamp"].as_str().is_some_and(|t| t.len() == 24 && t.ends_with('Z')), "{first}");
    assert!(first["publishedOn"].as_str().is_some_and(|t| t.ends_with('Z')));
    let publish =
        hub.received().into_iter().find(|r| r.target.contains("hub.mode=publish")).unwrap_or_else(|| panic!());
    assert_eq!(publish.method, "POST");
    assert!(publish.target.starts_with("/hub/?"), "{}", publish.target);
    assert!(publish.target.contains("hub.topic="), "{}", publish.target);
    assert_eq!(publish.header("authorization"), Some("Bearer static-token"));
    assert_eq!(publish.header("cookie"), Some("Authorization=static-token"));
    let mut conn = pool.get().unwrap_or_else(|e| panic!("{e}"));
    let rows = outbox::of_topic(&mut conn, "POLICY_UPDATED").unwrap_or_else(|e| panic!("{e}"));
    assert!(rows.iter().all(|r| r.status == outbox::DELIVERED && r.delivered_at.is_some() && r.attempts == 1));
}

fn a_hub_that_is_down_delays_delivery_and_loses_nothing(db: TestDb) {
    let (hub, pool) = (TestHub::start(), pool(&db));
    let dispatcher = dispatcher(&pool, &settings(&hub));
    hub.set(Mode::Down);
    write(&pool, "PARTNER_UPDATED", 20);
    for _ in 0..3 {
        let r = dispatcher.round().unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(r.delivered, 0);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    hub.set(Mode::Status(503));
    let _ = dispatcher.round();
    assert!(hub.published().is_empty());
    hub.set(Mode::Status(204));
    drain(&dispatcher, &pool, 200);
    assert_eq!(data_n(&hub.published(), "PARTNER_UPDATED"), (0..20).collect::<Vec<_>>(), "each once, in order");
    let failures: Vec<_> =
        hub.received().into_iter().filter(|r| !r.header("x-answered").is_some_and(|a| a.starts_with('2'))).collect();
    assert!(failures.len() >= 4, "the outage was seen: {}", failures.len());
}

fn an_event_the_hub_keeps_refusing_is_parked_then_requeued(db: TestDb) {
    let (hub, pool) = (TestHub::start(), pool(&db));
    let s = EventsSettings { max_attempts: 2, ..settings(&hub) };
    let dispatcher = dispatcher(&pool, &s);
    hub.set(Mode::Status(400));
    write(&pool, "MISP_LICENSE_UPDATED", 2);
    drain(&dispatcher, &pool, 500);
    let mut conn = pool.get().unwrap_or_else(|e| panic!("{e}"));
    let stats = outbox::stats(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((stats.pending, stats.failed), (0, 2), "both parked after their attempts");
    let failed = outbox::list(&mut conn, outbox::FAILED, 0, 10).unwrap_or_else(|e| panic!("{e}"));
    assert!(failed.iter().all(|r| r.attempts == 2), "{failed:?}");
    assert!(failed[0].last_error.as_deref().is_some_and(|e| e.contains("400")), "{:?}", failed[0].last_error);
    assert!(hub.published().is_empty());
    hub.set(Mode::Status(200));
    assert_eq!(outbox::requeue(&mut conn, None, now()).unwrap_or_else(|e| panic!("{e}")), 2);
    drain(&dispatcher, &pool, 500);
    assert_eq!(data_n(&hub.published(), "MISP_LICENSE_UPDATED"), [0, 1], "re-queued, delivered in order");
}

fn two_dispatchers_never_send_an_event_twice(db: TestDb) {
    let (hub, pool) = (TestHub::start(), pool(&db));
    let s = EventsSettings { batch_size: 5, ..settings(&hub) };
    for topic in ["POLICY_UPDATED", "APIKEY_UPDATED", "PARTNER_UPDATED"] {
        write(&pool, topic, 40);
    }
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let dispatcher = dispatcher(&pool, &s);
            let pool = pool.clone();
            std::thread::spawn(move || drain(&dispatcher, &pool, 400))
        })
        .collect();
    for w in workers {
        w.join().unwrap_or_else(|_| panic!("dispatcher thread"));
    }
    let published = hub.published();
    let ids: HashSet<&str> = published.iter().filter_map(|e| e["event"]["id"].as_str()).collect();
    assert_eq!((published.len(), ids.len()), (120, 120), "every event once");
    for topic in ["POLICY_UPDATED", "APIKEY_UPDATED", "PARTNER_UPDATED"] {
        assert_eq!(data_n(&published, topic), (0..40).collect::<Vec<_>>(), "{topic} in order");
    }
}

fn a_certificate_chain_goes_out_as_a_link_read_twice_at_most(db: TestDb) {
    let (hub, pool) = (TestHub::start(), pool(&db));
    let dispatcher = dispatcher(&pool, &settings(&hub));
    let data = json!({"partnerDomain": "AUTH", "certChain": "MIIB-chain"}).to_string();
    let event =
        NewEvent::pending("e-1".into(), "CA_CERTIFICATE_UPLOADED".into(), "PartnerServiceImpl".into(), data, now());
    pool.transaction(|c| outbox::insert(c, &[event]).map_err(anyhow::Error::from)).unwrap_or_else(|e| panic!("{e}"));
    drain(&dispatcher, &pool, 10);
    let sent = hub.published();
    let data = &sent[0]["event"]["data"];
    assert_eq!(data["partnerDomain"], "AUTH");
    assert!(data.get("certChain").is_none(), "the chain itself is not sent");
    let url = data["certChainDatashareUrl"].as_str().unwrap_or_default();
    let prefix = "http://pms.example:9109/v1/datashare/get/mpolicy-default-cert/mpartner-default-cert/";
    let id = url.strip_prefix(prefix).unwrap_or_else(|| panic!("{url}"));
    let mut conn = pool.get().unwrap_or_else(|e| panic!("{e}"));
    let mut read = || persistence::repo::datashare::take(&mut conn, id, now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read().map(|i| i.content), Some("MIIB-chain".to_owned()));
    assert!(read().is_some());
    assert!(read().is_none(), "two reads, as MOSIP's default cert-sharing policy allows");
}

fn delivered_events_are_purged_after_retention_and_others_kept(db: TestDb) {
    let (hub, pool) = (TestHub::start(), pool(&db));
    let dispatcher = dispatcher(&pool, &EventsSettings { retention_hours: 0, ..settings(&hub) });
    write(&pool, "POLICY_UPDATED", 2);
    drain(&dispatcher, &pool, 10);
    hub.set(Mode::Status(500));
    write(&pool, "POLICY_UPDATED", 1);
    let _ = dispatcher.round();
    std::thread::sleep(std::time::Duration::from_millis(5));
    dispatcher.housekeeping().unwrap_or_else(|e| panic!("{e:#}"));
    let mut conn = pool.get().unwrap_or_else(|e| panic!("{e}"));
    let left = outbox::of_topic(&mut conn, "POLICY_UPDATED").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(left.iter().map(|r| r.status.as_str()).collect::<Vec<_>>(), [outbox::PENDING], "{left:?}");
}

both_backends!(
    delivered_events_are_purged_after_retention_and_others_kept,
    a_certificate_chain_goes_out_as_a_link_read_twice_at_most,
    delivers_in_order_with_mosips_envelope,
    a_hub_that_is_down_delays_delivery_and_loses_nothing,
    an_event_the_hub_keeps_refusing_is_parked_then_requeued,
    two_dispatchers_never_send_an_event_twice,
);
