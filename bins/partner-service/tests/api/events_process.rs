//! The real binary publishing to a real HTTP hub: an event committed while the hub is down
//! survives `kill -9` and goes out once after the restart.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use web_support::testing::{Client, Process, TEST_SECRET, token};
use websub_publisher::testing::{Mode, TestHub};

const BIN: &str = env!("CARGO_BIN_EXE_partner-service");
const HEALTH: &str = "/v1/partnermanager/actuator/health";

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(Instant::now() < deadline, "{what}: not within 30 s");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A new auth policy `name` of a new group `group`, published; its id.
pub fn publish_a_policy(client: &Client, group: &str, name: &str) -> String {
    let pm = token("pm-1", &["POLICYMANAGER"]);
    let post = |path: &str, request: Value| client.send("POST", path, Some(&pm), &Client::envelope(request)).ok();
    let created = post("/v1/policymanager/policies/group/new", json!({"name": group, "desc": "d"}));
    let group_id = created.response()["id"].as_str().unwrap_or_default().to_owned();
    let policy = post(
        "/v1/policymanager/policies",
        json!({"policyGroupName": group, "policyType": "Auth", "name": name, "desc": "d", "version": "1.0",
            "policies": {"allowedAuthTypes": [{"authSubType": "FINGER", "authType": "bio", "mandatory": true}],
                "allowedKycAttributes": [{"attributeName": "fullName"}], "authTokenType": "partner"}}),
    );
    let policy_id = policy.response()["id"].as_str().unwrap_or_default().to_owned();
    let path = format!("/v1/policymanager/policies/{policy_id}/group/{group_id}/publish");
    client.send("POST", &path, Some(&pm), &json!({})).ok();
    policy_id
}

fn updates_of(hub: &TestHub, policy_id: &str) -> usize {
    hub.published()
        .iter()
        .filter(|e| e["topic"] == "POLICY_UPDATED" && e["event"]["data"]["policyData"]["policyId"] == policy_id)
        .count()
}

#[test]
fn an_event_committed_before_kill_9_is_delivered_after_the_restart() {
    let hub = TestHub::start();
    hub.set(Mode::Down);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let env = [
        ("PMS__AUTH__HS256_SECRET", TEST_SECRET),
        ("PMS__EVENTS__HUB_URL", hub.url.as_str()),
        ("PMS__EVENTS__POLL_INTERVAL_MS", "20"),
        ("PMS__EVENTS__BACKOFF_INITIAL_MS", "20"),
        ("PMS__EVENTS__BACKOFF_MAX_SECS", "1"),
        ("PMS__EVENTS__CLAIM_SECS", "2"),
    ];
    let mut service = Process::start(BIN, dir.path(), HEALTH, &env);
    let policy_id = publish_a_policy(&service.client, "g-kill", "p-kill");
    wait_for("an attempt while the hub is down", || {
        hub.received().iter().any(|r| r.target.contains("hub.topic=POLICY_UPDATED"))
    });
    service.child.kill().unwrap_or_else(|e| panic!("kill -9: {e}"));
    let _ = service.child.wait();
    drop(service);
    assert_eq!(updates_of(&hub, &policy_id), 0);

    hub.set(Mode::Status(200));
    let _restarted = Process::start(BIN, dir.path(), HEALTH, &env);
    wait_for("delivery after the restart", || updates_of(&hub, &policy_id) > 0);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(updates_of(&hub, &policy_id), 1, "delivered once");
    assert!(hub.registered().contains(&"POLICY_UPDATED".to_owned()));
}
