//! P1/P2 registration (inactive partners, bad input refused) and P3, the e-mail check.

use serde_json::json;
use web_support::testing::token;

use super::PARTNERS;
use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

fn registration_creates_inactive_partners_and_refuses_bad_input(app: TestApp) {
    world(&app);
    let c = &app.client;
    let a = register(&app, "Tech-123", "auth_partner", Some("group one")).ok();
    assert_eq!(a.response(), &json!({"partnerId": "Tech-123", "status": "InProgress"}));
    assert_eq!(a.body["id"], "mosip.test", "the request id is echoed");
    assert_eq!(audit_ids(&app, "Tech-123"), ["PMS_PRT_101", "PMS_PRT_200"]);

    let got = c.get(&format!("{PARTNERS}/Tech-123"), Some(&admin())).ok();
    let p = got.response();
    assert_eq!((p["partnerID"].as_str(), p["partnerType"].as_str()), (Some("Tech-123"), Some("Auth_Partner")));
    assert_eq!((p["status"].as_str(), p["isActive"].as_bool()), (Some("De-active"), Some(false)));
    assert_eq!(p["policyGroup"], "group one");
    assert_eq!(got.body["id"], "mosip.partnermanagement.partners.retrieve");

    let base = json!({
        "partnerId": "Tech-200", "organizationName": "Techno", "address": "Bangalore",
        "contactNumber": "8553967572", "emailId": "tech200@gmail.com", "partnerType": "Auth_Partner",
        "policyGroup": "group one"
    });
    let with = |k: &str, v: serde_json::Value| {
        let mut r = base.clone();
        r[k] = v;
        r
    };
    let code = |req: serde_json::Value| post(c, PARTNERS, &admin(), req).error_code().map(str::to_owned);
    assert_eq!(code(with("partnerId", json!("Tech-123"))).as_deref(), Some("PMS_PRT_051"));
    assert_eq!(code(with("emailId", json!("tech-123@example.org"))).as_deref(), Some("PMS_PRT_011"));
    assert_eq!(code(with("partnerId", json!("Tech -9"))).as_deref(), Some("PMS_PRT_066"));
    assert_eq!(code(with("partnerId", json!("x".repeat(37)))).as_deref(), Some("PMS_PRT_052"));
    assert_eq!(code(with("emailId", json!("not-an-email"))).as_deref(), Some("PMS_PRT_012"));
    assert_eq!(code(with("partnerType", json!("Nope"))).as_deref(), Some("PMS_PRT_010"));
    assert_eq!(code(with("policyGroup", json!(""))).as_deref(), Some("PMS_PRT_108"));
    assert_eq!(code(with("policyGroup", json!("no such group"))).as_deref(), Some("PMS_PRT_002"));
    assert_eq!(code(with("policyGroup", json!("group off"))).as_deref(), Some("PMS_PMP_023"));
    assert_eq!(code(with("langCode", json!("deu"))).as_deref(), Some("PMS_PRT_056"));
    let mut missing = base.clone();
    missing.as_object_mut().unwrap().remove("partnerId");
    missing["contactNumber"] = json!("");
    let a = post(c, PARTNERS, &admin(), missing);
    assert_eq!(a.status, 200);
    let errors = a.body["errors"].as_array().unwrap();
    assert_eq!(errors[0]["errorCode"], "PMS_COR_001");
    assert_eq!(errors[0]["message"], "Invalid request parameter - value is empty or null :request.partnerId");
    assert_eq!(errors[1]["message"], "Invalid request parameter - value is empty or null :request.contactNumber");
    assert_eq!(code(json!(null)).as_deref(), Some("PMS_COR_001"));
    // failures are audited with their own events and codes
    let ids = audit_ids(&app, "Tech-123");
    assert!(ids.ends_with(&["PMS_PRT_101".to_owned(), "PMS_PRT_402:PMS_PRT_051".to_owned()]), "{ids:?}");
    assert!(audit_ids(&app, "Tech-200").contains(&"PMS_PRT_401:PMS_PRT_012".to_owned()));

    // a type that needs no group, with an empty group name; v2 keeps logo and additional info
    let ftm = json!({
        "partnerId": "FTP", "organizationName": "ftp", "address": "a", "contactNumber": "1",
        "emailId": "ftp@gmail.com", "partnerType": "FTM_Provider", "policyGroup": "",
        "logoUrl": "https://logo.example/ftp.png", "additionalInfo": {"k": [1, 2]}
    });
    post(c, "/v1/partnermanager/partners/v2", &admin(), ftm).ok();
    let listed = c.get("/v1/partnermanager/partners/v2?partnerType=FTM_Provider", Some(&admin())).ok();
    let item = &listed.response()["partners"][0];
    assert_eq!(item["logoUrl"], "https://logo.example/ftp.png");
    assert_eq!(item["additionalInfo"], json!({"k": [1, 2]}));
    assert_eq!(c.get(&format!("{PARTNERS}/FTP"), Some(&admin())).response()["policyGroup"], json!(null));

    // v1 ignores v2's fields and stores "[]"
    let v1 = json!({
        "partnerId": "plain-1", "organizationName": "o", "address": "a", "contactNumber": "1",
        "emailId": "plain1@gmail.com", "partnerType": "SDK_Partner", "logoUrl": "ignored"
    });
    post(c, PARTNERS, &admin(), v1).ok();
    let listed = c.get("/v1/partnermanager/partners/v2?partnerType=SDK_Partner", Some(&admin())).ok();
    assert_eq!(listed.response()["partners"][0]["logoUrl"], json!(null));
    assert_eq!(listed.response()["partners"][0]["additionalInfo"], json!([]));
}

fn email_check_reports_use_and_policy_types(app: TestApp) {
    world(&app);
    register(&app, "mail-1", "Auth_Partner", Some("group one")).ok();
    let c = &app.client;
    let anyone = token("anyone", &[]);
    let a = put(c, "/v1/partnermanager/partners/email/verify", &anyone, json!({"emailId": "mail-1@example.org"})).ok();
    assert_eq!(a.response()["emailExists"], true);
    let types = a.response()["policyRequiredPartnerTypes"].as_array().unwrap();
    assert!(types.contains(&json!("AUTH_PARTNER")) && !types.contains(&json!("FTM_PROVIDER")), "{types:?}");
    let a = put(c, "/v1/partnermanager/partners/email/verify", &anyone, json!({"emailId": "free@example.org"})).ok();
    assert_eq!(a.response()["emailExists"], false);
    let a = put(c, "/v1/partnermanager/partners/email/verify", &anyone, json!({"emailId": "bad"}));
    assert_eq!(a.error_code(), Some("PMS_PRT_012"));
}

api_tests!(registration_creates_inactive_partners_and_refuses_bad_input, email_check_reports_use_and_policy_types);
