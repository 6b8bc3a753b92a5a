//! Biometric extractors (P15/P16).

use serde_json::json;

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

const P: &str = "/v1/partnermanager/partners";

fn extractors_are_kept_until_approval(app: TestApp) {
    world(&app);
    register(&app, "MOVP", "Online_Verification_Partner", Some("group one")).ok();
    certify(&app, "MOVP");
    let me = partner_token("MOVP");
    let c = &app.client;
    let path = format!("{P}/MOVP/bioextractors/p-auth");
    let body = json!({"extractors": [
        {"attributeName": "photo", "biometric": "face", "extractor": {"provider": "mock", "version": "1.1"}},
        {"attributeName": "fingerprint", "biometric": "finger[LeftThumb,RightThumb]", "extractor": {"provider": "mock", "version": "1.1"}}
    ]});
    assert_eq!(post(c, &path, &me, body.clone()).error_code(), Some("PMS_PRT_061"), "no request for the policy yet");
    assert_eq!(c.get(&path, Some(&me)).error_code(), Some("PMS_PRT_064"));
    let key =
        post(c, &format!("{P}/MOVP/policy/map"), &me, json!({"policyName": "auth policy", "useCaseDescription": "x"}))
            .ok();
    let key = key.response()["mappingkey"].as_str().unwrap().to_owned();
    let a = post(c, &path, &me, body).ok();
    assert_eq!(a.response(), "Extractors added successfully.");
    // the same attribute replaces the earlier extractor
    let again = json!({"extractors": [{"attributeName": "photo", "biometric": "face", "extractor": {"provider": "other", "version": "2"}}]});
    post(c, &path, &me, again).ok();
    let got = c.get(&path, Some(&me)).ok();
    assert_eq!(
        got.response(),
        &json!({"extractors": [
            {"attributeName": "fingerprint", "biometric": "finger[LeftThumb,RightThumb]", "extractor": {"provider": "mock", "version": "1.1"}},
            {"attributeName": "photo", "biometric": "face", "extractor": {"provider": "other", "version": "2"}}
        ]})
    );
    let bad = json!({"extractors": [{"attributeName": "iris", "biometric": "iris", "extractor": {"version": "1.1"}}]});
    let a = post(c, &path, &me, bad);
    assert_eq!(
        a.body["errors"][0]["message"],
        "Invalid request parameter - value is empty or null :request.extractors[0].extractor.provider"
    );
    assert_eq!(post(c, &path, &me, json!({})).error_code(), Some("PMS_COR_001"));
    put(c, &format!("{P}/policy/{key}"), &admin(), json!({"status": "Approved"})).ok();
    let late =
        json!({"extractors": [{"attributeName": "iris", "biometric": "iris", "extractor": {"provider": "mock"}}]});
    assert_eq!(post(c, &path, &me, late).error_code(), Some("PMS_PRT_062"));
    let ids = audit_ids(&app, "MOVP");
    assert!(ids.contains(&"PMS_PRT_111".to_owned()) && ids.contains(&"PMS_PRT_211".to_owned()), "{ids:?}");
    assert!(ids.contains(&"PMS_PRT_423:PMS_PRT_061".to_owned()), "{ids:?}");
    assert_eq!(c.get(&format!("{P}/asvg/bioextractors/p-auth"), Some(&admin())).error_code(), Some("PMS_PRT_064"));
}

api_tests!(extractors_are_kept_until_approval);
