//! OIDC clients kept here only (no eSignet): create, read, update, the rules, ownership.

use serde_json::json;
use web_support::testing::token;

use crate::api_tests;
use crate::helpers::TestApp;
use crate::oidc_fixtures::*;
use crate::partner_fixtures::*;

fn a_client_is_created_read_changed_and_deactivated(app: TestApp) {
    rp_world(&app);
    let me = partner_token("rp1");
    let made = create(&app, &me, create_body("rp1", KEY_N)).ok();
    assert_eq!(made.response(), &json!({"clientId": KEY_CLIENT_ID, "status": "ACTIVE"}));
    assert!(made.body["id"].is_null(), "MOSIP sets no id on these answers");

    let read = app.client.get(&format!("{OAUTH}/{KEY_CLIENT_ID}"), Some(&me)).ok();
    let r = read.response();
    assert_eq!(r["name"], r#"{"@none":"Health portal","eng":"Health portal","fra":"Portail santé"}"#);
    assert_eq!((r["policyName"].as_str(), r["relyingPartyId"].as_str()), (Some("oidc policy"), Some("rp1")));
    assert_eq!(r["claims"], json!(["email", "name"]));
    assert_eq!(r["acrValues"], json!(["mosip:idp:acr:generated-code"]));
    let key: serde_json::Value = serde_json::from_str(r["publicKey"].as_str().unwrap()).unwrap();
    assert_eq!((key["n"].as_str(), key["kid"].as_str()), (Some(KEY_N), Some("rp-key")));

    let created = events(&app, "OIDC_CLIENT_CREATED");
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["partnerData"]["partnerId"], "rp1");
    assert_eq!(created[0]["policyData"]["policyId"], "p-oidc");
    assert_eq!(created[0]["clientData"]["clientId"], KEY_CLIENT_ID);
    assert_eq!(created[0]["clientData"]["userClaims"], json!(["email", "name"]));

    let path = format!("{OAUTH}/{KEY_CLIENT_ID}");
    put(&app.client, &path, &me, update_body("ACTIVE")).ok();
    let read = app.client.get(&path, Some(&me)).ok();
    assert_eq!(read.response()["redirectUris"], json!(["https://rp.example.org/cb1", "app.rp:/cb2"]));
    assert_eq!(read.response()["name"], r#"{"@none":"Health portal 2","eng":"Health portal 2"}"#);
    let off = put(&app.client, &path, &me, update_body("inactive")).ok();
    assert_eq!(off.response()["status"], "INACTIVE");
    let read = app.client.get(&path, Some(&me)).ok();
    assert_eq!(
        read.response()["logoUri"],
        "https://rp.example.org/new-logo.png",
        "a status change changes nothing else"
    );
    let updated = events(&app, "OIDC_CLIENT_UPDATED");
    assert_eq!(updated.len(), 2);
    assert_eq!(updated[1]["clientData"]["clientStatus"], "INACTIVE");
    assert_eq!(put(&app.client, &path, &me, update_body("ACTIVE")).error_code(), Some("PMS_ESI_008"), "final");
    assert_eq!(put(&app.client, &path, &admin(), update_body("ACTIVE")).error_code(), Some("PMS_ESI_008"));
    assert_eq!(audit_ids(&app, KEY_CLIENT_ID).last().map(String::as_str), Some("PMS_PRT_305:PMS_ESI_008"));
}

fn the_deprecated_form_keeps_the_plain_name_and_audits_success(app: TestApp) {
    rp_world(&app);
    let mut body = create_body("rp1", OTHER_N);
    body.as_object_mut().unwrap().remove("clientNameLangMap");
    let made = post(&app.client, OIDC, &partner_token("rp1"), body).ok();
    let id = made.response()["clientId"].as_str().unwrap().to_owned();
    let read = app.client.get(&format!("{OIDC}/{id}"), Some(&partner_token("rp1"))).ok();
    assert_eq!(read.response()["name"], "Health portal");
    assert_eq!(audit_ids(&app, "Health portal"), ["PMS_PRT_300"]);
    let mut change = update_body("ACTIVE");
    change.as_object_mut().unwrap().remove("clientNameLangMap");
    put(&app.client, &format!("{OIDC}/{id}"), &partner_token("rp1"), change).ok();
    assert_eq!(audit_ids(&app, &id), ["PMS_PRT_303"]);
    // the OAuth form needs the language map
    let mut oauth = create_body("rp1", KEY_N);
    oauth.as_object_mut().unwrap().remove("clientNameLangMap");
    assert_eq!(create(&app, &partner_token("rp1"), oauth).error_code(), Some("PMS_COR_001"));
}

fn bad_input_is_refused_with_mosips_codes_and_nothing_stored(app: TestApp) {
    rp_world(&app);
    let me = partner_token("rp1");
    let with = |field: &str, value: serde_json::Value| {
        let mut b = create_body("rp1", KEY_N);
        b[field] = value;
        create(&app, &me, b).error_code().map(str::to_owned)
    };
    let code = |c: &str| Some(c.to_owned());
    assert_eq!(with("publicKey", jwk(WEAK_N)), code("PMS_ESI_007"), "1024 bits");
    assert_eq!(with("publicKey", json!({"kty": "RSA", "n": "@@", "e": "AQAB"})), code("PMS_ESI_007"), "malformed");
    assert_eq!(with("publicKey", json!({"kty": "EC", "crv": "P-256", "x": "AQAB", "y": "AQAB"})), code("PMS_ESI_007"));
    assert_eq!(with("publicKey", json!({})), code("PMS_COR_001"));
    assert_eq!(with("name", json!(" ")), code("PMS_COR_001"));
    assert_eq!(with("name", json!("n".repeat(257))), code("PMS_COR_001"));
    assert_eq!(with("logoUri", json!("logo.png")), code("PMS_COR_001"));
    assert_eq!(with("redirectUris", json!(["/callback"])), code("PMS_COR_001"), "not absolute");
    assert_eq!(with("redirectUris", json!(["https://rp.example.org/cb#top"])), code("PMS_COR_001"), "fragment");
    assert_eq!(with("redirectUris", json!([])), code("PMS_COR_001"));
    assert_eq!(with("grantTypes", json!(["implicit"])), code("PMS_COR_001"), "unknown grant type");
    assert_eq!(with("clientAuthMethods", json!(["client_secret_basic"])), code("PMS_COR_001"));
    assert_eq!(with("clientNameLangMap", json!({"en": "x"})), code("PMS_COR_001"));
    let bad = create(&app, &me, json!({"name": "x"}));
    assert!(bad.body["errors"].as_array().unwrap().len() > 3, "every broken field is listed: {}", bad.body);
    assert_eq!(with("policyId", json!("p-nope")), code("PMS_PRT_073"), "unknown policy");
    assert_eq!(with("policyId", json!("p-unasked")), code("PMS_PRT_061"), "never asked for");
    assert_eq!(with("policyId", json!("p-pending")), code("PMS_ESI_002"), "not approved");
    assert_eq!(with("policyId", json!("p-claimless")), code("PMS_ESI_005"), "unknown claims only");
    let for_unknown = |rp: &str| {
        let b = create_body(rp, KEY_N);
        create(&app, &admin(), b).error_code().map(str::to_owned)
    };
    assert_eq!(for_unknown("nobody"), code("PMS_PRT_058"), "unknown partner");
    assert_eq!(stored_clients(&app), 0);
    assert!(events(&app, "OIDC_CLIENT_CREATED").is_empty());
    assert!(audit_ids(&app, "Health portal").iter().all(|a| a.starts_with("PMS_PRT_302:")));

    create(&app, &me, create_body("rp1", KEY_N)).ok();
    let mut again = create_body("rp1", KEY_N);
    again["publicKey"]["kid"] = json!("another kid, same key");
    assert_eq!(create(&app, &me, again).error_code(), Some("PMS_ESI_001"), "the key is taken");
    assert_eq!(stored_clients(&app), 1);
    let path = format!("{OAUTH}/{KEY_CLIENT_ID}");
    let mut change = update_body("ACTIVE");
    change["redirectUris"] = json!(["https://rp.example.org/cb#x"]);
    assert_eq!(put(&app.client, &path, &me, change).error_code(), Some("PMS_COR_001"));
    assert_eq!(put(&app.client, &path, &me, update_body("ON")).error_code(), Some("PMS_COR_001"));
    assert_eq!(
        put(&app.client, &format!("{OAUTH}/nope"), &me, update_body("ACTIVE")).error_code(),
        Some("PMS_ESI_004")
    );
    assert_eq!(app.client.get(&format!("{OAUTH}/nope"), Some(&me)).error_code(), Some("PMS_ESI_004"));
}

fn partners_act_on_their_own_clients_admins_on_all(app: TestApp) {
    rp_world(&app);
    register(&app, "dp1", "Device_Provider", Some("group one")).ok();
    certify(&app, "dp1");
    let rp2 = partner_token("rp2");
    assert_eq!(create(&app, &rp2, create_body("rp1", KEY_N)).error_code(), Some("PMS_POLICY_ERROR_009"));
    let stranger = token("stranger", &["AUTH_PARTNER"]);
    assert_eq!(create(&app, &stranger, create_body("rp1", KEY_N)).error_code(), Some("PMS_CERTIFICATE_ERROR_002"));
    assert_eq!(
        create(&app, &admin(), create_body("dp1", KEY_N)).error_code(),
        Some("PMS_PRT_059"),
        "not an Auth partner"
    );
    create(&app, &admin(), create_body("rp1", KEY_N)).ok();
    let path = format!("{OAUTH}/{KEY_CLIENT_ID}");
    assert_eq!(app.client.get(&path, Some(&rp2)).error_code(), Some("PMS_POLICY_ERROR_011"));
    assert_eq!(audit_ids(&app, KEY_CLIENT_ID), ["PMS_PRT_306:PMS_POLICY_ERROR_011"]);
    assert_eq!(put(&app.client, &path, &rp2, update_body("ACTIVE")).error_code(), Some("PMS_POLICY_ERROR_010"));
    app.client.get(&path, Some(&admin())).ok();
    app.client.get(&path, Some(&partner_token("rp1"))).ok();
    // an inactive partner changes nothing; an admin may still switch its client off
    patch(&app.client, "/v1/partnermanager/partners/rp1", &admin(), json!({"status": "De-Active"})).ok();
    let rp1 = partner_token("rp1");
    assert_eq!(put(&app.client, &path, &rp1, update_body("ACTIVE")).error_code(), Some("PMS_PMP_016"));
    assert_eq!(put(&app.client, &path, &admin(), update_body("ACTIVE")).error_code(), Some("PMS_PMP_016"));
    put(&app.client, &path, &admin(), update_body("INACTIVE")).ok();
    let unauthenticated = app.client.send("POST", OAUTH, None, &json!({"request": create_body("rp1", OTHER_N)}));
    assert_eq!(unauthenticated.status, 401);
}

api_tests!(
    a_client_is_created_read_changed_and_deactivated,
    the_deprecated_form_keeps_the_plain_name_and_audits_success,
    bad_input_is_refused_with_mosips_codes_and_nothing_stored,
    partners_act_on_their_own_clients_admins_on_all,
);
