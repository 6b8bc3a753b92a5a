//! Policy-mapping requests (P12, M4, P14, M8, M9) and API keys (P13, M5, M6, M7), including
//! concurrent approvals and key generation.

use std::sync::Barrier;

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use partner_domain::api_key::ApiKeyPolicy;
use persistence::schema::partner_policy;
use serde_json::json;
use web_support::testing::{Answer, token};

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

const P: &str = "/v1/partnermanager/partners";

fn ask(app: &TestApp, partner: &str, policy: &str) -> Answer {
    post(
        &app.client,
        &format!("{P}/{partner}/policy/map"),
        &partner_token(partner),
        json!({"policyName": policy, "useCaseDescription": "need it"}),
    )
}

fn decide(app: &TestApp, key: &str, status: &str) -> Answer {
    put(&app.client, &format!("{P}/policy/{key}"), &admin(), json!({"status": status}))
}

fn generate(app: &TestApp, partner: &str, policy: &str, label: &str) -> Answer {
    patch(
        &app.client,
        &format!("{P}/{partner}/generate/apikey"),
        &partner_token(partner),
        json!({"policyName": policy, "label": label}),
    )
}

fn mapping_key(a: &Answer) -> String {
    a.response()["mappingkey"].as_str().unwrap().to_owned()
}

fn requests_are_asked_reviewed_once_and_listed(app: TestApp) {
    world(&app);
    active_partner(&app, "req-1");
    let a = ask(&app, "req-1", "auth policy").ok();
    assert_eq!(a.response()["message"], "Policy mapping request submitted successfully.");
    let key = mapping_key(&a);
    assert_eq!(ask(&app, "req-1", "auth policy").error_code(), Some("PMS_PRT_053"), "one pending request per policy");
    let listed = app.client.get(&format!("{P}/req-1/apikey/request"), Some(&partner_token("req-1"))).ok();
    assert_eq!(
        listed.response(),
        &json!([{
            "apiKeyReqID": key, "apiKeyRequestStatus": "InProgress", "partnerApiKey": null, "apikeyStatus": false, "validityTill": null
        }])
    );
    assert_eq!(decide(&app, &key, "maybe").error_code(), Some("PMS_PM_045"));
    let approved = decide(&app, &key, "Approved").ok();
    assert_eq!(approved.response(), "Policy mapping approved successfully");
    assert_eq!(decide(&app, &key, "Approved").error_code(), Some("PMS_PM_034"));
    assert_eq!(decide(&app, &key, "rejected").error_code(), Some("PMS_PM_034"));
    assert_eq!(ask(&app, "req-1", "auth policy").error_code(), Some("PMS_PRT_060"));
    assert_eq!(decide(&app, "no-such-request", "Approved").error_code(), Some("PMS_PMP_007"));

    // a rejected request may be asked again
    let share = mapping_key(&ask(&app, "req-1", "share policy").ok());
    assert_eq!(decide(&app, &share, "REJECTED").ok().response(), "Policy mapping rejected successfully");
    assert_eq!(decide(&app, &share, "Approved").error_code(), Some("PMS_PM_035"));
    ask(&app, "req-1", "share policy").ok();

    // admin views
    let all = app.client.get(&format!("{P}/apikey"), Some(&admin())).ok();
    let items = all.response()["apikeyRequests"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[0],
        json!({
            "partnerID": "req-1", "status": "approved", "organizationName": "req-1 org",
            "policyId": "p-auth", "policyDesc": "need it", "apiKeyReqNo": key
        })
    );
    let one = app.client.get(&format!("{P}/apikey/{key}"), Some(&admin())).ok();
    assert_eq!(one.response()["apiKeyReqNo"], key.as_str());
    assert_eq!(app.client.get(&format!("{P}/apikey/nope"), Some(&admin())).error_code(), Some("PMS_PMP_015"));
    assert_eq!(app.client.get(&format!("{P}/nobody/apikey/request"), Some(&admin())).error_code(), Some("PMS_PRT_006"));

    let audit = audit_ids(&app, &key);
    assert_eq!(audit[..4], ["PMS_PRT_121", "PMS_PRT_425:PMS_PM_045", "PMS_PRT_121", "PMS_PRT_221"], "{audit:?}");
    assert!(audit_ids(&app, "req-1").starts_with(&[
        "PMS_PRT_101".into(),
        "PMS_PRT_200".into(),
        "PMS_PRT_112".into(),
        "PMS_PRT_212".into()
    ]));
}

fn requests_follow_the_policy_rules(app: TestApp) {
    world(&app);
    active_partner(&app, "rule-1");
    register(&app, "sleepy", "Auth_Partner", Some("group one")).ok();
    let code = |partner: &str, policy: &str| ask(&app, partner, policy).error_code().map(str::to_owned);
    assert_eq!(code("rule-1", "mosip@8474748").as_deref(), Some("PMS_PRT_073"), "no active policy of that name");
    assert_eq!(code("rule-1", "group two policy").as_deref(), Some("PMS_PRT_098"), "not in the partner's group");
    assert_eq!(code("rule-1", "old policy").as_deref(), Some("PMS_PMP_018"));
    assert_eq!(code("sleepy", "auth policy").as_deref(), Some("PMS_PMP_016"), "the partner is not active");
    let admin_missing = post(
        &app.client,
        &format!("{P}/ghost/policy/map"),
        &admin(),
        json!({"policyName": "auth policy", "useCaseDescription": ""}),
    );
    assert_eq!(admin_missing.error_code(), Some("PMS_PRT_005"));
    let a = post(
        &app.client,
        &format!("{P}/rule-1/policy/map"),
        &partner_token("rule-1"),
        json!({"policyName": "auth policy"}),
    );
    assert_eq!(
        a.body["errors"][0]["message"],
        "Invalid request parameter - must not be null :request.useCaseDescription"
    );

    // an inactive policy that another group has active: found, then refused as inactive
    policy(&app, "p-dup-off", "g1", "group two policy x", false, 10);
    policy(&app, "p-dup-on", "g2", "group two policy x", true, 10);
    assert_eq!(code("rule-1", "group two policy x").as_deref(), Some("PMS_PMP_019"));

    // approval re-checks the policy
    let key = mapping_key(&ask(&app, "rule-1", "share policy").ok());
    diesel::update(persistence::schema::auth_policy::table.find("p-share"))
        .set(persistence::schema::auth_policy::is_active.eq(false))
        .execute(&mut conn(&app))
        .unwrap();
    assert_eq!(decide(&app, &key, "Approved").error_code(), Some("PMS_PMP_019"));
    assert_eq!(
        decide(&app, &key, "Rejected").ok().response(),
        "Policy mapping rejected successfully",
        "rejecting always works"
    );

    // credential partners need extractors before approval
    register(&app, "cred-1", "Credential_Partner", Some("group one")).ok();
    certify(&app, "cred-1");
    let key = mapping_key(&ask(&app, "cred-1", "auth policy").ok());
    assert_eq!(decide(&app, &key, "Approved").error_code(), Some("PMS_PM_051"));
    let extractors = json!({"extractors": [{"attributeName": "photo", "biometric": "face", "extractor": {"provider": "mock", "version": "1.1"}}]});
    post(&app.client, &format!("{P}/cred-1/bioextractors/p-auth"), &partner_token("cred-1"), extractors).ok();
    decide(&app, &key, "Approved").ok();
}

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

fn keys_switch_and_move_between_policies(app: TestApp) {
    world(&app);
    active_partner(&app, "mover");
    for policy in ["auth policy", "share policy"] {
        let key = mapping_key(&ask(&app, "mover", policy).ok());
        decide(&app, &key, "Approved").ok();
    }
    let api_key =
        generate(&app, "mover", "auth policy", "string").ok().response()["apiKey"].as_str().unwrap().to_owned();
    let me = partner_token("mover");
    let status = |policy: &str, label: &str, s: &str| {
        patch(
            &app.client,
            &format!("{P}/mover/policy/{policy}/apiKey/status"),
            &me,
            json!({"label": label, "status": s}),
        )
    };
    assert_eq!(status("p-auth", "string", "De-Active").ok().response(), "Partner apikey de-activated successfully.");
    assert_eq!(status("p-auth", "string", "De-Active").error_code(), Some("PMS_PMS_022"));
    let remap =
        |body: serde_json::Value| put(&app.client, &format!("{P}/mover/apikey/{api_key}/policies"), &admin(), body);
    assert_eq!(
        remap(json!({"oldPolicyID": "p-auth", "newPolicyID": "p-share"})).error_code(),
        Some("PMS_PMS_022"),
        "only active keys move"
    );
    assert_eq!(status("p-auth", "string", "Active").ok().response(), "Partner apikey activated successfully.");
    assert_eq!(status("p-auth", "nope", "Active").error_code(), Some("PMS_PRT_111"));
    assert_eq!(status("asfv", "string", "Active").error_code(), Some("PMS_PRT_111"));
    assert_eq!(status("p-auth", "string", "off").error_code(), Some("PMS_PM_058"));
    let no_label =
        patch(&app.client, &format!("{P}/mover/policy/p-auth/apiKey/status"), &me, json!({"status": "Active"}));
    assert_eq!(no_label.error_code(), Some("PMS_COR_001"));

    assert_eq!(remap(json!({"oldPolicyID": "p-auth", "newPolicyID": "INVALID"})).error_code(), Some("PMS_PMP_014"));
    assert_eq!(
        remap(json!({"oldPolicyID": "p-auth", "newPolicyID": "p2-auth"})).error_code(),
        Some("PMS_PMP_014"),
        "other group"
    );
    assert_eq!(remap(json!({"oldPolicyID": "p-auth", "newPolicyID": "p-sleep"})).error_code(), Some("PMS_PMP_019"));
    assert_eq!(remap(json!({"oldPolicyID": "asfbgt", "newPolicyID": "p-share"})).error_code(), Some("PMS_PMP_50"));
    assert_eq!(
        remap(json!({"newPolicyID": "p-share"})).body["errors"][0]["message"],
        "Invalid request parameter - Please provide oldPolicyID :request.oldPolicyID"
    );
    let moved = remap(json!({"oldPolicyID": "p-auth", "newPolicyID": "p-share"})).ok();
    assert_eq!(moved.response(), &json!({"message": "Given apikey updated with policy successfully. "}));
    let found = app.client.get(&format!("{P}/mover/apikey/{api_key}"), Some(&admin())).ok();
    assert_eq!(found.response()["policyId"], "p-share");
    // the label now lives under the new policy; a key with the same label cannot follow it
    let other = generate(&app, "mover", "auth policy", "string").ok().response()["apiKey"].as_str().unwrap().to_owned();
    let clash = put(
        &app.client,
        &format!("{P}/mover/apikey/{other}/policies"),
        &admin(),
        json!({"oldPolicyID": "p-auth", "newPolicyID": "p-share"}),
    );
    assert_eq!(clash.error_code(), Some("PMS_PRT_110"));
    assert_eq!(status("p-share", "string", "De-Active").ok().response(), "Partner apikey de-activated successfully.");

    // a partner that is not active cannot switch its keys; an admin can
    diesel::update(persistence::schema::partner::table.find("mover"))
        .set(persistence::schema::partner::is_active.eq(false))
        .execute(&mut conn(&app))
        .unwrap();
    assert_eq!(status("p-share", "string", "Active").error_code(), Some("PMS_PMP_016"));
    let by_admin = patch(
        &app.client,
        &format!("{P}/mover/policy/p-share/apiKey/status"),
        &admin(),
        json!({"label": "string", "status": "Active"}),
    );
    by_admin.ok();
}

fn concurrent_approvals_approve_once(app: TestApp) {
    world(&app);
    active_partner(&app, "race-1");
    let key = mapping_key(&ask(&app, "race-1", "auth policy").ok());
    const N: usize = 6;
    let barrier = Barrier::new(N);
    let answers: Vec<Answer> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..N)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    decide(&app, &key, "Approved")
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let won = answers.iter().filter(|a| a.error_code().is_none()).count();
    let lost = answers.iter().filter(|a| a.error_code() == Some("PMS_PM_034")).count();
    assert_eq!((won, lost), (1, N - 1), "{:?}", answers.iter().map(|a| &a.body).collect::<Vec<_>>());
    let approvals = audit_ids(&app, &key).iter().filter(|e| *e == "PMS_PRT_221").count();
    assert_eq!(approvals, 1, "one approval recorded");

    // keys with one label, at once: exactly one is made
    let answers: Vec<Answer> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..N)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    generate(&app, "race-1", "auth policy", "same")
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let made = answers.iter().filter(|a| a.error_code().is_none()).count();
    let refused = answers.iter().filter(|a| a.error_code() == Some("PMS_PRT_110")).count();
    assert_eq!((made, refused), (1, N - 1), "{:?}", answers.iter().map(|a| &a.body).collect::<Vec<_>>());
    let stored: i64 =
        partner_policy::table.filter(partner_policy::part_id.eq("race-1")).count().get_result(&mut conn(&app)).unwrap();
    assert_eq!(stored, 1);
}

api_tests!(
    requests_are_asked_reviewed_once_and_listed,
    requests_follow_the_policy_rules,
    keys_are_generated_for_approved_policies,
    keys_switch_and_move_between_policies,
    concurrent_approvals_approve_once,
);
