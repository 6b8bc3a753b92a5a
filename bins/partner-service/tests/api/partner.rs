//! Partners: registration (P1/P2), e-mail check (P3), get (P4), update (P5/P6), contacts (P7),
//! policy-group mapping (P8), admin activation (M1), lists (M2/M3).

use serde_json::json;
use web_support::testing::token;

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

const PARTNERS: &str = "/v1/partnermanager/partners";

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

fn partners_register_themselves_only(app: TestApp) {
    world(&app);
    let c = &app.client;
    let req = |id: &str, email: &str| {
        json!({
            "partnerId": id, "organizationName": "o", "address": "a", "contactNumber": "1",
            "emailId": email, "partnerType": "Auth_Partner", "policyGroup": "group one"
        })
    };
    assert_eq!(
        c.send("POST", PARTNERS, None, &web_support::testing::Client::envelope(req("x", "x@gmail.com"))).status,
        401
    );
    // any authenticated user may register, but only under its own id
    let me = token("self-1", &["SOME_ROLE"]);
    let other = post(c, PARTNERS, &me, req("someone-else", "se@gmail.com"));
    assert_eq!((other.status, other.error_code()), (403, Some("KER-ATH-403")));
    post(c, PARTNERS, &me, req("self-1", "self1@gmail.com")).ok();
    // a caller whose token e-mail already belongs to a partner cannot register another one
    let secret = web_support::testing::TEST_SECRET.to_owned();
    let mailed = web_support::auth::mint_hs256(
        &secret.into(),
        "partner-admin",
        &["PARTNER_ADMIN".to_owned()],
        Some("self1@gmail.com"),
        600,
    )
    .unwrap();
    assert_eq!(post(c, PARTNERS, &mailed, req("self-2", "self2@gmail.com")).error_code(), Some("PMS_PRT_055"));
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

fn updates_keep_what_they_do_not_carry(app: TestApp) {
    world(&app);
    let c = &app.client;
    let v2 = json!({
        "partnerId": "up-1", "organizationName": "o", "address": "a", "contactNumber": "1",
        "emailId": "up1@gmail.com", "partnerType": "Auth_Partner", "policyGroup": "group one",
        "logoUrl": "https://logo", "additionalInfo": {"a": 1}
    });
    post(c, "/v1/partnermanager/partners/v2", &admin(), v2).ok();
    let me = partner_token("up-1");
    let a =
        put(c, &format!("{PARTNERS}/up-1"), &me, json!({"address": "Bangalore Ind", "contactNumber": "8553967576"}))
            .ok();
    assert_eq!(a.response(), &json!({"partnerId": "up-1", "status": "InProgress"}));
    let listed = c.get("/v1/partnermanager/partners/v2?partnerType=Auth_Partner", Some(&admin())).ok();
    let item = &listed.response()["partners"][0];
    assert_eq!((item["address"].as_str(), item["contactNumber"].as_str()), (Some("Bangalore Ind"), Some("8553967576")));
    assert_eq!(
        (item["logoUrl"].as_str(), &item["additionalInfo"]),
        (Some("https://logo"), &json!({"a": 1})),
        "v1 wipes nothing"
    );
    put(
        c,
        &format!("{PARTNERS}/v2/up-1"),
        &me,
        json!({"address": "x", "contactNumber": "2", "logoUrl": "https://new"}),
    )
    .ok();
    let listed = c.get("/v1/partnermanager/partners/v2", Some(&admin())).ok();
    let item = &listed.response()["partners"][0];
    assert_eq!((item["logoUrl"].as_str(), &item["additionalInfo"]), (Some("https://new"), &json!({"a": 1})));
    put(c, &format!("{PARTNERS}/v2/up-1"), &me, json!({"address": "x", "contactNumber": "2", "additionalInfo": [3]}))
        .ok();
    let listed = c.get("/v1/partnermanager/partners/v2", Some(&admin())).ok();
    assert_eq!(listed.response()["partners"][0]["additionalInfo"], json!([3]));
    assert_eq!(audit_ids(&app, "up-1").iter().filter(|e| *e == "PMS_PRT_244").count(), 3);

    let a = put(c, &format!("{PARTNERS}/nobody"), &admin(), json!({"address": "x", "contactNumber": "2"}));
    assert_eq!(a.error_code(), Some("PMS_PRT_005"));
    assert!(audit_ids(&app, "nobody").contains(&"PMS_PRT_421:PMS_PRT_005".to_owned()));
    let a = put(c, &format!("{PARTNERS}/up-1"), &me, json!({"address": "x"}));
    assert_eq!(
        a.body["errors"][0]["message"],
        "Invalid request parameter - value is empty or null :request.contactNumber"
    );
    let a = put(c, &format!("{PARTNERS}/up-1"), &me, json!({"address": "x", "contactNumber": "1".repeat(17)}));
    assert_eq!(a.error_code(), Some("PMS_COR_001"));
    assert_eq!(c.get(&format!("{PARTNERS}/nobody"), Some(&admin())).error_code(), Some("PMS_PRT_005"));
}

fn contacts_are_added_then_updated(app: TestApp) {
    world(&app);
    register(&app, "ct-1", "Auth_Partner", Some("group one")).ok();
    let c = &app.client;
    let me = partner_token("ct-1");
    let path = format!("{PARTNERS}/ct-1/contact/add");
    let contact =
        json!({"address": "Bangalore", "contactNumber": "9903255448", "emailId": "print@email.com", "is_Active": true});
    assert_eq!(
        post(c, &path, &me, contact.clone()).error_code(),
        Some("PMS_PMP_016"),
        "a new contact needs an active partner"
    );
    certify(&app, "ct-1");
    let a = post(c, &path, &me, contact.clone()).ok();
    assert_eq!(a.response(), "Contacts details added successfully.");
    let mut changed = contact.clone();
    changed["address"] = json!("Mysore");
    assert_eq!(post(c, &path, &me, changed).ok().response(), "Contacts details updated successfully.");
    let mut bad = contact.clone();
    bad["emailId"] = json!("nope");
    assert_eq!(post(c, &path, &me, bad).error_code(), Some("PMS_PRT_012"));
    let mut no_flag = contact.clone();
    no_flag.as_object_mut().unwrap().remove("is_Active");
    let a = post(c, &path, &me, no_flag);
    assert_eq!(a.body["errors"][0]["message"], "Invalid request parameter - must not be null :request.is_Active");
    let mut same_phone = contact;
    same_phone["emailId"] = json!("other@email.com");
    assert_eq!(post(c, &path, &me, same_phone).error_code(), Some("PMS_COR_001"));
    let ids = audit_ids(&app, "ct-1");
    assert!(ids.contains(&"PMS_PRT_144".to_owned()) && ids.contains(&"PMS_PRT_244".to_owned()), "{ids:?}");
    assert!(ids.contains(&"PMS_PRT_416:PMS_PRT_012".to_owned()), "{ids:?}");
}

fn policy_group_changes_while_inactive(app: TestApp) {
    world(&app);
    register(&app, "pg-1", "Auth_Partner", Some("group one")).ok();
    register(&app, "pg-ftm", "FTM_Provider", None).ok();
    let c = &app.client;
    let path = |id: &str, g: &str| format!("{PARTNERS}/{id}/policygroup/{}", g.replace(' ', "%20"));
    let a = c.send("PUT", &path("pg-1", "group two"), Some(&admin()), &json!({})).ok();
    assert_eq!(a.response(), "Success");
    assert_eq!(c.get(&format!("{PARTNERS}/pg-1"), Some(&admin())).response()["policyGroup"], "group two");
    let code =
        |id: &str, g: &str| c.send("PUT", &path(id, g), Some(&admin()), &json!({})).error_code().map(str::to_owned);
    assert_eq!(code("pg-1", "nope").as_deref(), Some("PMS_PRT_002"));
    assert_eq!(code("pg-1", "group off").as_deref(), Some("PMS_PMP_023"));
    assert_eq!(code("pg-ftm", "group one").as_deref(), Some("PMS_PRT_048"));
    assert_eq!(code("nobody", "group one").as_deref(), Some("PMS_PRT_005"));
    certify(&app, "pg-1");
    assert_eq!(code("pg-1", "group one").as_deref(), Some("PMS_PRT_050"));
    assert!(audit_ids(&app, "pg-1").starts_with(&[
        "PMS_PRT_101".into(),
        "PMS_PRT_200".into(),
        "PMS_PRT_121".into(),
        "PMS_PRT_221".into()
    ]));
}

fn admins_switch_partners_on_and_off(app: TestApp) {
    world(&app);
    let c = &app.client;
    register(&app, "MISP", "MISP_Partner", None).ok();
    let path = format!("{PARTNERS}/MISP");
    let status = |s: &str| patch(c, &path, &admin(), json!({"status": s}));
    assert_eq!(status("Active").error_code(), Some("PMS_PRT_108"), "no certificate yet");
    certify(&app, "MISP");
    misp_license_row(&app, "MISP", "lic-1");
    assert_eq!(status("De-Active").ok().response(), &json!({"message": "Partner de-activated successfully"}));
    assert_eq!(c.get(&path, Some(&admin())).response()["status"], "De-active");
    assert!(!misp_license_active(&app, "lic-1"), "deactivating a MISP switches its licence keys off");
    assert_eq!(status("de-active").ok().response()["message"], "Partner de-activated successfully", "idempotent");
    assert_eq!(status("ACTIVE").ok().response(), &json!({"message": "Partner activated successfully"}));
    assert_eq!(c.get(&path, Some(&admin())).response()["isActive"], true);
    assert_eq!(status("inactive").error_code(), Some("PMS_PM_058"));
    assert_eq!(status("").error_code(), Some("PMS_COR_001"));
    assert_eq!(
        patch(c, &format!("{PARTNERS}/asdfgrwg"), &admin(), json!({"status": "De-Active"})).error_code(),
        Some("PMS_PMP_005")
    );
    let partner = patch(c, &path, &partner_token("MISP"), json!({"status": "De-Active"}));
    assert_eq!(partner.status, 403, "only partner managers switch partners");
    let ids = audit_ids(&app, "MISP");
    assert!(ids.contains(&"PMS_PRT_425:PMS_PRT_108".to_owned()), "{ids:?}");
}

fn lists_filter_by_type_and_owner(app: TestApp) {
    world(&app);
    let c = &app.client;
    assert_eq!(c.get(PARTNERS, Some(&admin())).error_code(), Some("PMS_PMP_013"), "no partners yet");
    register(&app, "l-auth", "Auth_Partner", Some("group one")).ok();
    register(&app, "l-sdk", "SDK_Partner", None).ok();
    let all = c.get(PARTNERS, Some(&admin())).ok();
    let ids: Vec<&str> =
        all.response()["partners"].as_array().unwrap().iter().filter_map(|p| p["partnerID"].as_str()).collect();
    assert_eq!(ids, ["l-auth", "l-sdk"]);
    assert!(all.response()["partners"][0].get("logoUrl").is_none(), "v1 items carry no logo");
    let sdk = c.get(&format!("{PARTNERS}?partnerType=SDK_Partner"), Some(&admin())).ok();
    assert_eq!(sdk.response()["partners"].as_array().map(Vec::len), Some(1));
    assert_eq!(c.get(&format!("{PARTNERS}?partnerType=sdk_partner"), Some(&admin())).error_code(), Some("PMS_PMP_013"));
    // a reader without the admin role sees its own partner only
    let ida = token("l-auth", &["ID_AUTHENTICATION"]);
    let own = c.get(PARTNERS, Some(&ida)).ok();
    assert_eq!(own.response()["partners"].as_array().map(Vec::len), Some(1));
    assert_eq!(c.get(PARTNERS, Some(&partner_token("l-auth"))).status, 403, "AUTH_PARTNER may not list");
}

fn non_admins_touch_only_their_own_partner(app: TestApp) {
    world(&app);
    active_partner(&app, "mine");
    active_partner(&app, "theirs");
    let c = &app.client;
    let me = token(
        "mine",
        &["AUTH_PARTNER", "CREDENTIAL_PARTNER", "PARTNER", "PARTNERMANAGER", "ONLINE_VERIFICATION_PARTNER"],
    );
    let forbidden = |a: web_support::testing::Answer, what: &str| {
        assert_eq!((a.status, a.error_code()), (403, Some("KER-ATH-403")), "{what}: {}", a.body);
    };
    let t = "/v1/partnermanager/partners/theirs";
    forbidden(c.get(t, Some(&me)), "P4");
    forbidden(put(c, t, &me, json!({"address": "a", "contactNumber": "1"})), "P5");
    forbidden(
        put(c, "/v1/partnermanager/partners/v2/theirs", &me, json!({"address": "a", "contactNumber": "1"})),
        "P6",
    );
    forbidden(
        post(
            c,
            &format!("{t}/contact/add"),
            &me,
            json!({"address": "a", "contactNumber": "1", "emailId": "a@b.org", "is_Active": true}),
        ),
        "P7",
    );
    forbidden(c.send("PUT", &format!("{t}/policygroup/group%20two"), Some(&me), &json!({})), "P8");
    forbidden(
        post(c, &format!("{t}/policy/map"), &me, json!({"policyName": "auth policy", "useCaseDescription": "x"})),
        "P12",
    );
    forbidden(
        patch(c, &format!("{t}/generate/apikey"), &me, json!({"policyName": "auth policy", "label": "l"})),
        "P13",
    );
    forbidden(c.get(&format!("{t}/apikey/request"), Some(&me)), "P14");
    forbidden(post(c, &format!("{t}/bioextractors/p-auth"), &me, json!({"extractors": []})), "P15");
    forbidden(c.get(&format!("{t}/bioextractors/p-auth"), Some(&me)), "P16");
    forbidden(c.send("POST", &format!("{t}/credentialtype/auth/policies/auth%20policy"), Some(&me), &json!({})), "P17");
    forbidden(c.get(&format!("{t}/credentialtype/auth/policies"), Some(&me)), "P18");
    forbidden(
        patch(c, &format!("{t}/policy/p-auth/apiKey/status"), &me, json!({"label": "l", "status": "Active"})),
        "M5",
    );
    forbidden(
        put(c, &format!("{t}/apikey/k/policies"), &me, json!({"oldPolicyID": "p-auth", "newPolicyID": "p-share"})),
        "M6",
    );
    forbidden(c.get(&format!("{t}/apikey/k"), Some(&me)), "M7");
    forbidden(patch(c, t, &me, json!({"status": "De-Active"})), "M1");
    // the caller's own partner works
    assert_eq!(c.get("/v1/partnermanager/partners/mine", Some(&me)).status, 200);
}

api_tests!(
    registration_creates_inactive_partners_and_refuses_bad_input,
    partners_register_themselves_only,
    email_check_reports_use_and_policy_types,
    updates_keep_what_they_do_not_carry,
    contacts_are_added_then_updated,
    policy_group_changes_while_inactive,
    admins_switch_partners_on_and_off,
    lists_filter_by_type_and_owner,
    non_admins_touch_only_their_own_partner,
);
