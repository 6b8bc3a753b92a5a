//! What the hub receives from the running service: a partner's key approved, switched off and
//! the partner deactivated, each payload compared field by field.

use std::time::{Duration, Instant};

use persistence::testing::TestDb;
use serde_json::{Value, json};
use websub_publisher::testing::TestHub;

use crate::helpers::{TestApp, spawn_with};
use crate::partner_fixtures::*;

const P: &str = "/v1/partnermanager/partners";

fn published(hub: &TestHub, n: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let sent = hub.published();
        if sent.len() >= n {
            return sent;
        }
        assert!(Instant::now() < deadline, "{} of {n} events within 30 s: {sent:?}", sent.len());
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn is_utc(v: &Value) -> bool {
    v.as_str().is_some_and(|t| t.len() == 24 && t.ends_with('Z') && t.as_bytes()[10] == b'T')
}

fn key_approved_switched_off_and_partner_deactivated(db: TestDb) {
    let hub = TestHub::start();
    let app: TestApp = spawn_with(db, |s| {
        s.service.events.hub_url = Some(hub.url.clone());
        s.service.events.poll_interval_ms = 20;
    });
    world(&app);
    active_partner(&app, "ev-1");
    let me = partner_token("ev-1");
    let asked = post(
        &app.client,
        &format!("{P}/ev-1/policy/map"),
        &me,
        json!({"policyName": "auth policy", "useCaseDescription": "u"}),
    );
    let mapping = asked.ok().response()["mappingkey"].as_str().unwrap_or_default().to_owned();
    put(&app.client, &format!("{P}/policy/{mapping}"), &admin(), json!({"status": "Approved"})).ok();
    let generated = patch(
        &app.client,
        &format!("{P}/ev-1/generate/apikey"),
        &me,
        json!({"policyName": "auth policy", "label": "k1"}),
    );
    let api_key = generated.ok().response()["apiKey"].as_str().unwrap_or_default().to_owned();
    let status = json!({"label": "k1", "status": "De-Active"});
    patch(&app.client, &format!("{P}/ev-1/policy/p-auth/apiKey/status"), &me, status).ok();
    patch(&app.client, &format!("{P}/ev-1"), &admin(), json!({"status": "De-Active"})).ok();

    let sent = published(&hub, 3);
    let topics: Vec<&str> = sent.iter().filter_map(|e| e["topic"].as_str()).collect();
    assert_eq!(topics, ["APIKEY_APPROVED", "APIKEY_UPDATED", "PARTNER_UPDATED"]);

    let approved = &sent[0];
    assert_eq!(approved["publisher"], "PartnerManagementServiceImpl");
    assert_eq!(approved["event"]["type"]["name"], "PartnerManagementServiceImpl");
    assert_eq!(
        approved["event"]["type"]["namespace"],
        "io.mosip.pmp.partner.manager.service.impl.PartnerManagementServiceImpl"
    );
    assert!(is_utc(&approved["publishedOn"]) && is_utc(&approved["event"]["timestamp"]));
    assert_eq!(approved["event"]["id"].as_str().map(str::len), Some(36));
    let data = &approved["event"]["data"];
    assert_eq!(
        data["partnerData"],
        json!({"partnerId": "ev-1", "partnerName": "ev-1 org", "certificateData": null, "partnerStatus": "ACTIVE"})
    );
    let policy = &data["policyData"];
    assert_eq!((policy["policyId"].as_str(), policy["policyName"].as_str()), (Some("p-auth"), Some("auth policy")));
    assert_eq!(
        (policy["policyDescription"].as_str(), policy["policyStatus"].as_str()),
        (Some("auth policy description"), Some("ACTIVE"))
    );
    assert!(is_utc(&policy["policyCommenceOn"]) && is_utc(&policy["policyExpiresOn"]));
    assert_eq!(
        policy["policy"],
        json!({"authTokenType": "partner", "allowedAuthTypes": [], "allowedKycAttributes": []})
    );
    let key = &data["apiKeyData"];
    assert_eq!((key["apiKeyId"].as_str(), key["apiKeyStatus"].as_str()), (Some(api_key.as_str()), Some("ACTIVE")));
    assert!(is_utc(&key["apiKeyCommenceOn"]) && is_utc(&key["apiKeyExpiresOn"]));

    let updated = &sent[1]["event"]["data"]["apiKeyData"];
    assert_eq!(
        (updated["apiKeyId"].as_str(), updated["apiKeyStatus"].as_str()),
        (Some(api_key.as_str()), Some("DEACTIVE"))
    );
    assert_eq!(updated["apiKeyExpiresOn"], key["apiKeyExpiresOn"]);
    let partner = &sent[2]["event"]["data"]["partnerData"];
    assert_eq!((partner["partnerId"].as_str(), partner["partnerStatus"].as_str()), (Some("ev-1"), Some("DEACTIVE")));
}

persistence::both_backends!(key_approved_switched_off_and_partner_deactivated);
