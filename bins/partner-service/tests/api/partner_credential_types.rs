//! Credential-type mappings (P17/P18): each maps to one policy.

use serde_json::json;

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

const P: &str = "/v1/partnermanager/partners";

fn credential_types_map_one_policy_each(app: TestApp) {
    world(&app);
    register(&app, "MOVP", "Online_Verification_Partner", Some("group one")).ok();
    register(&app, "MISP3", "Online_Verification_Partner", Some("group one")).ok();
    register(&app, "FTP", "FTM_Provider", None).ok();
    certify(&app, "MOVP");
    certify(&app, "FTP");
    let c = &app.client;
    let map = |partner: &str, ct: &str, policy: &str| {
        let path = format!("{P}/{partner}/credentialtype/{ct}/policies/{}", policy.replace(' ', "%20"));
        c.send("POST", &path, Some(&admin()), &json!({}))
    };
    let a = map("MOVP", "auth", "auth policy").ok();
    assert_eq!(a.response(), "Partner, policy and credentialType mapping done successfully.");
    let dup = map("MOVP", "AUTH", "share policy");
    assert_eq!(dup.error_code(), Some("PMS_PRT_072"), "one policy per credential type");
    assert!(dup.body["errors"][0]["message"].as_str().unwrap_or("").contains("already mapped"));
    assert_eq!(map("MOVP", "sfdgsaefhb", "auth policy").error_code(), Some("PMS_PRT_072"));
    assert_eq!(map("asvgasfbkasdm", "auth", "auth policy").error_code(), Some("PMS_PRT_005"));
    assert_eq!(map("MISP3", "auth", "auth policy").error_code(), Some("PMS_PMP_016"));
    assert_eq!(map("FTP", "auth", "auth policy").error_code(), Some("PMS_PRT_070"));
    assert_eq!(map("MOVP", "qrcode", "asrhtaeh").error_code(), Some("PMS_PRT_073"));
    assert_eq!(map("MOVP", "qrcode", "old policy").error_code(), Some("PMS_PMP_018"));

    let got = c.get(&format!("{P}/MOVP/credentialtype/auth/policies"), Some(&admin())).ok();
    let r = got.response();
    assert_eq!(
        (r["partnerId"].as_str(), r["credentialType"].as_str(), r["policyName"].as_str()),
        (Some("MOVP"), Some("auth"), Some("auth policy"))
    );
    assert_eq!(
        (r["status"].as_str(), r["is_Active"].as_bool(), r["policyType"].as_str()),
        (Some("PUBLISHED"), Some(true), Some("Auth"))
    );
    assert_eq!(r["policies"]["authTokenType"], "partner");
    assert!(r["publishDate"].as_str().is_some_and(|d| !d.ends_with('Z')), "LocalDateTime, no zone: {r}");
    assert_eq!(
        c.get(&format!("{P}/MOVP/credentialtype/asfgr/policies"), Some(&admin())).error_code(),
        Some("PMS_PRT_064")
    );
    assert_eq!(
        c.get(&format!("{P}/asdg/credentialtype/auth/policies"), Some(&admin())).error_code(),
        Some("PMS_PRT_064")
    );
    let ids = audit_ids(&app, "MOVP");
    assert!(ids.contains(&"PMS_PRT_221".to_owned()), "{ids:?}");
}

api_tests!(credential_types_map_one_policy_each);
