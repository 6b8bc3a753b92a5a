//! Policy requests follow the policy's rules.

use diesel::prelude::*;
use serde_json::json;

use super::{P, ask, decide, mapping_key};
use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

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

api_tests!(requests_follow_the_policy_rules);
