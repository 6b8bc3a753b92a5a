//! API keys generated for approved policies (P13).

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use partner_domain::api_key::ApiKeyPolicy;
use persistence::schema::partner_policy;
use serde_json::json;
use web_support::testing::token;

use super::{P, ask, decide, generate, mapping_key};
use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

fn keys_are_generated_for_approved_policies(app: TestApp) {
    world(&app);
    active_partner(&app, "partner-111997");
    let me = "partner-111997";
    assert_eq!(generate(&app, me, "auth policy", "string").error_code(), Some("PMS_PRT_109"), "nothing approved yet");
    let key = mapping_key(&ask(&app, me, "auth policy").ok());
    decide(&app, &key, "Approved").ok();
    let before = Utc::now().naive_utc();
    let a = generate(&app, me, "auth policy", "  string  ").ok();
    let r = a.response();
    assert_eq!(
        (r["label"].as_str(), r["partnerId"].as_str(), r["policyId"].as_str()),
        (Some("string"), Some(me), Some("p-auth"))
    );
    let api_key = r["apiKey"].as_str().unwrap().to_owned();
    assert!(ApiKeyPolicy::looks_like_a_key(&api_key), "{api_key} is not a key of the policy");
    assert_eq!(generate(&app, me, "auth policy", "string").error_code(), Some("PMS_PRT_110"));
    assert_eq!(generate(&app, me, "auth  policy", "x").error_code(), Some("PMS_PMP_014"));
    assert_eq!(
        generate(&app, me, "group two policy", "x").error_code(),
        Some("PMS_PMP_014"),
        "not in the partner's group"
    );
    let second = generate(&app, me, "auth policy", "second").ok();
    assert_ne!(second.response()["apiKey"], json!(api_key), "keys differ");
    let long = generate(&app, me, "auth policy", &"l".repeat(37));
    assert_eq!(long.error_code(), Some("PMS_COR_001"));

    // the key is valid for the configured 90 days
    let to: Option<NaiveDateTime> =
        partner_policy::table.find(&api_key).select(partner_policy::valid_to_datetime).first(&mut conn(&app)).unwrap();
    let days = (to.unwrap() - before).num_hours() as f64 / 24.0;
    assert!((89.9..90.1).contains(&days), "{days}");
    let listed = app.client.get(&format!("{P}/{me}/apikey/request"), Some(&partner_token(me))).ok();
    let items = listed.response().as_array().unwrap();
    assert_eq!(items.len(), 2, "one item per key of the approved request");
    assert_eq!(
        (items[0]["partnerApiKey"].as_str(), items[0]["apikeyStatus"].as_bool()),
        (Some(api_key.as_str()), Some(true))
    );
    assert!(items[0]["validityTill"].as_str().is_some_and(|v| v.ends_with('Z') && v.len() == 24), "{}", items[0]);

    // only the partner itself generates its keys; others are refused
    let admin_for_other = patch(
        &app.client,
        &format!("{P}/{me}/generate/apikey"),
        &token("partner-admin", &["PARTNER_ADMIN", "AUTH_PARTNER"]),
        json!({"policyName": "auth policy", "label": "a"}),
    );
    assert_eq!(admin_for_other.error_code(), Some("PMS_PRT_055"));
    // lookups
    let found = app.client.get(&format!("{P}/{me}/apikey/{api_key}"), Some(&admin())).ok();
    assert_eq!(found.response(), &json!({"partnerID": me, "policyId": "p-auth"}));
    assert_eq!(
        app.client.get(&format!("{P}/fqgfg/apikey/{api_key}"), Some(&admin())).error_code(),
        Some("PMS_PMP_009")
    );
    assert_eq!(app.client.get(&format!("{P}/{me}/apikey/dhbg"), Some(&admin())).error_code(), Some("PMS_PMP_009"));
    let audit = audit_ids(&app, me);
    assert!(audit.contains(&"PMS_PRT_122".to_owned()) && audit.contains(&"PMS_PRT_222".to_owned()), "{audit:?}");
    assert!(!audit.iter().any(|e| e.contains(&api_key)), "no key in the audit log");
}

api_tests!(keys_are_generated_for_approved_policies);

/// A list longer than one piece of the answer (64 KiB) is sent chunked as it is read, and reads
/// as the whole list, its read audited before the last bytes.
fn a_long_list_of_keys_is_sent_in_pieces_and_reads_whole(app: TestApp) {
    world(&app);
    active_partner(&app, "partner-many");
    let me = "partner-many";
    decide(&app, &mapping_key(&ask(&app, me, "auth policy").ok()), "Approved").ok();
    let keys: std::collections::BTreeSet<String> = (0..400)
        .map(|i| {
            generate(&app, me, "auth policy", &format!("key {i}")).ok().response()["apiKey"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let listed = app.client.get(&format!("{P}/{me}/apikey/request"), Some(&partner_token(me))).ok();
    assert_eq!(listed.header("transfer-encoding"), Some("chunked"), "sent in pieces");
    let items = listed.response().as_array().unwrap();
    let listed_keys: std::collections::BTreeSet<String> =
        items.iter().map(|i| i["partnerApiKey"].as_str().unwrap().to_owned()).collect();
    assert_eq!((items.len(), listed_keys), (400, keys));
    assert_eq!(listed.body["id"], "mosip.partnermanagement.partners.retrieve");
    assert_eq!(audit_ids(&app, me).last().map(String::as_str), Some("PMS_PRT_259"), "the read is audited");
}

api_tests!(a_long_list_of_keys_is_sent_in_pieces_and_reads_whole);
