//! Policy-mapping requests: asked, reviewed once and listed (P12, M4, P14, M8, M9).

use serde_json::json;

use super::{P, ask, decide, mapping_key};
use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

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

api_tests!(requests_are_asked_reviewed_once_and_listed);
