//! The client-credentials token and MOSIP's datashare service, each played by a real HTTP server.
#![expect(clippy::panic, reason = "tests fail loudly")]

use persistence::repo::outbox::{self, NewEvent};
use persistence::testing::TestDb;
use persistence::{DbPool, PoolOptions};
use serde_json::json;
use websub_publisher::testing::TestHub;
use websub_publisher::{Dispatcher, EventsSettings, Topic};

fn pool() -> (DbPool, TestDb) {
    let db = TestDb::sqlite();
    (DbPool::open(&db.url, &PoolOptions::default()).unwrap_or_else(|e| panic!("{e}")), db)
}

fn write(pool: &DbPool, topic: &str, source: &str, data: serde_json::Value) {
    let now = chrono::Utc::now().naive_utc();
    let event = NewEvent::pending(uuid::Uuid::new_v4().to_string(), topic.into(), source.into(), data.to_string(), now);
    pool.transaction(|c| outbox::insert(c, &[event]).map_err(anyhow::Error::from)).unwrap_or_else(|e| panic!("{e}"));
}

fn dispatcher(pool: &DbPool, settings: &EventsSettings) -> Dispatcher {
    let made = Dispatcher::new(pool.clone(), settings, &Topic::all(), "http://pms:9109");
    made.unwrap_or_else(|e| panic!("{e:#}")).unwrap_or_else(|| panic!("a hub is set"))
}

fn drain(dispatcher: &Dispatcher) {
    for _ in 0..20 {
        if dispatcher.round().unwrap_or_else(|e| panic!("{e:#}")).delivered == 0 {
            return;
        }
    }
}

#[test]
fn a_client_credentials_token_is_fetched_once_and_sent_as_cookie_and_bearer() {
    let (pool, _db) = pool();
    let (hub, keycloak) = (TestHub::start(), TestHub::start());
    keycloak.answer_body(r#"{"access_token": "kc-token-1", "expires_in": 300, "token_type": "Bearer"}"#);
    let mut settings = EventsSettings { hub_url: Some(hub.url.clone()), ..EventsSettings::default() };
    settings.auth.token_url = Some(format!("{}token", keycloak.url));
    settings.auth.client_id = Some("mosip-pms-client".into());
    settings.auth.client_secret = Some("s3cret".to_owned().into());
    let dispatcher = dispatcher(&pool, &settings);
    for _ in 0..3 {
        write(&pool, "APIKEY_UPDATED", "PartnerManagementServiceImpl", json!({"apiKeyData": {}}));
    }
    drain(&dispatcher);
    let grants = keycloak.received();
    assert_eq!(grants.len(), 1, "the token is cached");
    assert_eq!(grants[0].body, "grant_type=client_credentials&client_id=mosip-pms-client&client_secret=s3cret");
    let publishes: Vec<_> = hub.received().into_iter().filter(|r| r.target.contains("hub.mode=publish")).collect();
    assert_eq!(publishes.len(), 3);
    assert!(publishes.iter().all(|r| r.header("cookie") == Some("Authorization=kc-token-1")
        && r.header("authorization") == Some("Bearer kc-token-1")));
}

#[test]
fn a_token_url_without_credentials_stops_the_start() {
    let (pool, _db) = pool();
    let mut settings = EventsSettings { hub_url: Some("http://hub/".into()), ..EventsSettings::default() };
    settings.auth.token_url = Some("http://keycloak/token".into());
    assert!(Dispatcher::new(pool, &settings, &Topic::all(), "http://pms").is_err());
}

#[test]
fn with_mosips_datashare_the_chain_is_pushed_and_its_link_sent() {
    let (pool, _db) = pool();
    let (hub, datashare) = (TestHub::start(), TestHub::start());
    datashare.answer_body(
        r#"{"id": null, "dataShare": {"url": "http://datashare.datashare/v1/datashare/get/p/s/k1"}, "errors": []}"#,
    );
    let settings = EventsSettings {
        hub_url: Some(hub.url.clone()),
        datashare_url: Some(datashare.url.trim_end_matches('/').to_owned()),
        ..EventsSettings::default()
    };
    let dispatcher = dispatcher(&pool, &settings);
    write(
        &pool,
        "CA_CERTIFICATE_UPLOADED",
        "PartnerServiceImpl",
        json!({"partnerDomain": "FTM", "certChain": "MIIB-p7b"}),
    );
    drain(&dispatcher);
    let pushed = datashare.received();
    assert_eq!(pushed.len(), 1);
    assert_eq!(pushed[0].target, "/hub/create/mpolicy-default-cert/mpartner-default-cert");
    assert!(pushed[0].header("content-type").is_some_and(|t| t.starts_with("multipart/form-data; boundary=")));
    assert!(pushed[0].body.contains("name=\"file\"; filename=\"certsChain\"") && pushed[0].body.contains("MIIB-p7b"));
    let sent = hub.published();
    assert_eq!(
        sent[0]["event"]["data"],
        json!({"partnerDomain": "FTM", "certChainDatashareUrl": "http://datashare.datashare/v1/datashare/get/p/s/k1"})
    );
}

#[test]
fn a_token_endpoint_that_is_down_delays_events_and_loses_none() {
    let (pool, _db) = pool();
    let (hub, keycloak) = (TestHub::start(), TestHub::start());
    keycloak.set(websub_publisher::testing::Mode::Down);
    let mut settings =
        EventsSettings { hub_url: Some(hub.url.clone()), backoff_initial_ms: 1, ..EventsSettings::default() };
    settings.auth.token_url = Some(format!("{}token", keycloak.url));
    settings.auth.client_id = Some("mosip-pms-client".into());
    settings.auth.client_secret = Some("s3cret".to_owned().into());
    let dispatcher = dispatcher(&pool, &settings);
    write(&pool, "POLICY_UPDATED", "PolicyManagementService", json!({"policyData": {}}));
    assert_eq!(dispatcher.round().unwrap_or_else(|e| panic!("{e:#}")).failed_attempts, 1);
    assert!(hub.received().is_empty(), "nothing goes to the hub without a token");
    keycloak.set(websub_publisher::testing::Mode::Status(200));
    keycloak.answer_body(r#"{"access_token": "kc-2", "expires_in": 300}"#);
    std::thread::sleep(std::time::Duration::from_millis(5));
    drain(&dispatcher);
    assert_eq!(hub.published().len(), 1);
    let mut conn = pool.get().unwrap_or_else(|e| panic!("{e}"));
    let rows = outbox::of_topic(&mut conn, "POLICY_UPDATED").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((rows[0].status.as_str(), rows[0].attempts), (outbox::DELIVERED, 2));
}
