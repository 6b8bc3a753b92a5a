//! API keys switched on and off and moved between policies (M5, M6, M7).

use diesel::prelude::*;
use serde_json::json;

use super::{P, ask, decide, generate, mapping_key};
use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

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

api_tests!(keys_switch_and_move_between_policies);
