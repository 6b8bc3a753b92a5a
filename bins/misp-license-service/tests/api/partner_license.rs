//! MOSIP 1.2's licence API for MISP partners (`/v1/partnermanager/misps`).

use serde_json::json;
use web_support::testing;

use crate::api_tests;
use crate::helpers::{LICENSES, MISPS, TestApp, admin, err, ida, message};

fn partner_admin() -> String {
    testing::token("partner-111997", &["AUTH_PARTNER", "PARTNER_ADMIN", "PMS_ADMIN", "POLICYMANAGER"])
}

fn generate(app: &TestApp, token: &str, provider: &str) -> web_support::testing::Answer {
    app.call("POST", LICENSES, token, Some(json!({ "providerId": provider })))
}

fn put(app: &TestApp, token: &str, provider: &str, key: &str, status: &str) -> web_support::testing::Answer {
    app.call(
        "PUT",
        LICENSES,
        token,
        Some(json!({ "providerId": provider, "licenseKeyStatus": status, "licenseKey": key })),
    )
}

fn a_misp_partner_gets_one_licence_key_and_switches_it(app: TestApp) {
    app.partner("MISP", "MISP_Partner", true);
    app.partner("MISP2", "MISP_Partner", true);
    app.partner("SLEEPY", "MISP_Partner", false);
    app.partner("AUTH1", "Auth_Partner", true);
    let t = partner_admin();

    let a = generate(&app, &t, "MISP").ok();
    let r = a.response();
    assert_eq!(r["providerId"], "MISP");
    assert_eq!(r["licenseKeyStatus"], "Active");
    let key = r["licenseKey"].as_str().unwrap().to_owned();
    assert_eq!(key.len(), 50);
    let expiry = r["licenseKeyExpiry"].as_str().unwrap();
    assert!(chrono::NaiveDateTime::parse_from_str(expiry, "%Y-%m-%dT%H:%M:%S%.f").is_ok(), "{expiry}");
    let key2 = generate(&app, &t, "MISP2").ok().response()["licenseKey"].as_str().unwrap().to_owned();

    let a = generate(&app, &t, "MISP");
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_416", "License key exists for the given provider."));
    let a = generate(&app, &t, "asdfgsd");
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_005", "MISP Partner does not exist"));
    assert_eq!(err(&generate(&app, &t, "AUTH1")), "PMS_MSP_009");
    let a = generate(&app, &t, "SLEEPY");
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_405", "MISP partner is not active."));
    assert_eq!(err(&app.call("POST", LICENSES, &t, Some(json!({})))), "PMS_COR_001");

    let a = put(&app, &t, "MISP", &key, "De-active").ok();
    assert_eq!(a.response()["providerId"], "MISP");
    assert_eq!(a.response()["licenseKeyStatus"], "de-active");
    assert_eq!(a.response()["licenseKey"], key.as_str());
    let a = put(&app, &t, "MISP2", &key2, "Active").ok();
    assert_eq!(a.response()["licenseKeyStatus"], "active");
    // MOSIP's own cases send an empty requesttime: read as absent
    let body = json!({"id": "string", "version": "string", "requesttime": "", "metadata": {},
        "request": {"providerId": "MISP", "licenseKeyStatus": "inactive", "licenseKey": "adfvad"}});
    assert_eq!(err(&app.client.send("PUT", LICENSES, Some(&t), &body)), "PMS_MSP_407");
    let a = put(&app, &t, "MISP", "adfvad", "inactive");
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_407", "mispStatus either Active or De-active."));
    let a = put(&app, &t, "MISP", &key2, "active");
    assert_eq!(
        (err(&a).as_str(), message(&a).as_str()),
        ("PMS_MSP_408", "MISP Partner and License key combintaion not exists.")
    );
    app.expire("MISP", None);
    let a = put(&app, &t, "MISP", &key, "active");
    assert_eq!(err(&a), "PMS_MSP_419", "an expired key stays off");

    let all = app.call("GET", LICENSES, &t, None).ok();
    let items = all.response().as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["mispId"], "MISP");
    assert_eq!(items[0]["licenseKey"], key.as_str());
    assert_eq!(items[0]["isActive"], false);
    assert_eq!(items[1]["isActive"], true);
    for field in ["policyId", "validFromDate", "validToDate", "createdBy", "createdDateTime", "updatedBy", "isDeleted"]
    {
        assert!(items[0].get(field).is_some(), "{field}: {}", items[0]);
    }
    assert_eq!(items[0]["updatedBy"], "partner-111997");

    // audits: generation and switches record 106; the switch call 114; refusals their events
    let updates = app.audits("PMS_MSP_106");
    assert_eq!(updates.len(), 2 + 2 + 1, "two keys, two switches, one refused switch");
    assert_eq!(updates.iter().filter(|r| r.error_code.as_deref() == Some("PMS_MSP_419")).count(), 1);
    assert_eq!(app.audits("PMS_MSP_114").len(), 6);
    assert_eq!(app.audits("PMS_MSP_418")[0].error_code.as_deref(), Some("PMS_MSP_407"));
    assert_eq!(app.audits("PMS_MSP_406")[0].error_code.as_deref(), Some("PMS_MSP_408"));
}

fn a_partner_acts_on_its_own_licence_only(app: TestApp) {
    app.partner("MISP", "MISP_Partner", true);
    app.partner("OTHER", "MISP_Partner", true);
    let own = testing::token("MISP", &["MISP_PARTNER"]);
    let key = generate(&app, &own, "MISP").ok().response()["licenseKey"].as_str().unwrap().to_owned();
    let a = generate(&app, &own, "OTHER");
    assert_eq!((a.status, err(&a).as_str()), (403, "KER-ATH-403"));
    generate(&app, &partner_admin(), "OTHER").ok();
    assert_eq!(put(&app, &own, "OTHER", "x", "active").status, 403);
    put(&app, &own, "MISP", &key, "de-active").ok();

    let mine = app.call("GET", LICENSES, &own, None).ok();
    let ids: Vec<&str> = mine.response().as_array().unwrap().iter().map(|k| k["mispId"].as_str().unwrap()).collect();
    assert_eq!(ids, ["MISP"]);
    // regenerating is for partner managers and admins (MOSIP's role set)
    let a = app.call("GET", &format!("{LICENSES}/MISP/licenseKey"), &own, None);
    assert_eq!(a.status, 403);
    let pm = testing::token("MISP", &["PARTNERMANAGER"]);
    assert_eq!(err(&app.call("GET", &format!("{LICENSES}/MISP/licenseKey"), &pm, None)), "PMS_MSP_413");
    assert_eq!(app.call("GET", &format!("{LICENSES}/OTHER/licenseKey"), &pm, None).status, 403);
    for token in [ida(), testing::token("x", &["AUTH_PARTNER"])] {
        assert_eq!(app.call("GET", LICENSES, &token, None).status, 403);
        assert_eq!(generate(&app, &token, "MISP").status, 403);
    }
}

fn regenerate_answers_the_current_key_and_rotates_an_expired_one(app: TestApp) {
    app.partner("MISP2", "MISP_Partner", true);
    app.partner("EMPTY", "MISP_Partner", true);
    let t = partner_admin();
    let path = format!("{LICENSES}/MISP2/licenseKey");
    let key = generate(&app, &t, "MISP2").ok().response()["licenseKey"].as_str().unwrap().to_owned();

    let a = app.call("GET", &path, &t, None).ok();
    assert_eq!(a.response()["providerId"], "MISP2");
    assert_eq!(a.response()["licenseKey"], key.as_str());
    assert_eq!(a.response()["licenseKeyStatus"], "Active");

    app.expire("MISP2", None);
    let rotated = app.call("GET", &path, &t, None).ok().response()["licenseKey"].as_str().unwrap().to_owned();
    assert_ne!(rotated, key);
    let again = app.call("GET", &path, &t, None).ok().response()["licenseKey"].as_str().unwrap().to_owned();
    assert_eq!(again, rotated);
    let keys = app.call("GET", LICENSES, &t, None).ok();
    let states: Vec<bool> =
        keys.response().as_array().unwrap().iter().map(|k| k["isActive"].as_bool().unwrap()).collect();
    assert_eq!(states.iter().filter(|a| **a).count(), 1, "{states:?}");

    let a = app.call("GET", &format!("{LICENSES}/EMPTY/licenseKey"), &t, None);
    assert_eq!(err(&a), "PMS_MSP_408");
    assert_eq!(err(&app.call("GET", &format!("{LICENSES}/NOPE/licenseKey"), &t, None)), "PMS_MSP_005");
}

fn keys_carry_the_partners_approved_policy(app: TestApp) {
    app.partner("P1", "MISP_Partner", true);
    app.partner("P2", "MISP_Partner", true);
    app.partner("P3", "MISP_Partner", true);
    app.policy_request("P1", "pol-1", "approved", true);
    app.policy_request("P2", "pol-2", "InProgress", true);
    app.policy_request("P3", "pol-gone", "approved", false);
    let t = partner_admin();
    generate(&app, &t, "P1").ok();
    let a = generate(&app, &t, "P2");
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_418", "Policy not approved."));
    let a = generate(&app, &t, "P3");
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_419", "Policy not exists."));
    let all = app.call("GET", LICENSES, &t, None).ok();
    assert_eq!(all.response()[0]["policyId"], "pol-1");
}

fn partner_keys_validate_through_the_misp_api(app: TestApp) {
    app.partner("MISP", "MISP_Partner", true);
    let key = generate(&app, &partner_admin(), "MISP").ok().response()["licenseKey"].as_str().unwrap().to_owned();
    let a = app.validate("MISP", &key, &ida()).ok();
    assert_eq!(a.response()["isValid"], true);
    let a = app.validate("MISP", &key, &testing::token("MISP", &["MISP"])).ok();
    assert_eq!(a.response()["isValid"], true, "the partner itself may validate its key");
    let a = app.call(
        "PUT",
        &format!("{MISPS}/MISP/licenseKey"),
        &admin(),
        Some(json!({"mispLicenseKey": key, "mispLicenseKeyStatus": "de-active"})),
    );
    assert_eq!(a.ok().response()["mispLicenseKeyStatus"], "de-active");
    assert_eq!(app.validate("MISP", &key, &ida()).ok().response()["isValid"], false);
}

fn search_and_filter_values_over_licence_keys(app: TestApp) {
    for p in ["MISP", "MISP2", "MISP3"] {
        app.partner(p, "MISP_Partner", true);
    }
    let t = partner_admin();
    let k1 = generate(&app, &t, "MISP").ok().response()["licenseKey"].as_str().unwrap().to_owned();
    generate(&app, &t, "MISP2").ok();
    generate(&app, &t, "MISP3").ok();
    put(&app, &t, "MISP", &k1, "de-active").ok();
    let search =
        |token: &str, request: serde_json::Value| app.call("POST", &format!("{LICENSES}/search"), token, Some(request));

    let a = search(
        &t,
        json!({"filters": [], "sort": [{"sortField": "createdDateTime", "sortType": "DESC"}],
        "pagination": {"pageStart": 0.0, "pageFetch": 2.0}}),
    )
    .ok();
    let r = a.response();
    assert_eq!(
        (r["fromRecord"].as_i64(), r["toRecord"].as_i64(), r["totalRecord"].as_i64()),
        (Some(1), Some(2), Some(3))
    );
    let ids: Vec<&str> = r["data"].as_array().unwrap().iter().map(|k| k["mispId"].as_str().unwrap()).collect();
    assert_eq!(ids, ["MISP3", "MISP2"]);
    let a = search(
        &t,
        json!({"filters": [{"columnName": "isActive", "type": "equals", "value": "false"}],
        "sort": [], "pagination": {"pageStart": 0, "pageFetch": 10}}),
    )
    .ok();
    assert_eq!(a.response()["data"][0]["licenseKey"], k1.as_str());
    assert_eq!(a.response()["totalRecord"], 1);
    let bad = |request: serde_json::Value| err(&search(&t, request));
    assert_eq!(
        bad(json!({"filters": [], "sort": [], "pagination": {"pageStart": -1.0, "pageFetch": 1.0}})),
        "PMS-MSD-313"
    );
    assert_eq!(
        bad(
            json!({"filters": [], "sort": [{"sortField": "createdDateTime", "sortType": "asdf"}], "pagination": {"pageStart": 0, "pageFetch": 1}})
        ),
        "PMS-MSD-358"
    );
    assert_eq!(
        bad(
            json!({"filters": [], "sort": [{"sortField": "", "sortType": "ASC"}], "pagination": {"pageStart": 0, "pageFetch": 1}})
        ),
        "PMS-MSD-314"
    );
    assert_eq!(
        bad(
            json!({"filters": [{"columnName": "nope", "type": "equals", "value": "x"}], "sort": [], "pagination": {"pageStart": 0, "pageFetch": 1}})
        ),
        "PMS-MSD-310"
    );
    // a MISP partner finds its own keys only
    let own = testing::token("MISP2", &["MISP_PARTNER"]);
    let a = search(&own, json!({"filters": [], "sort": [], "pagination": {"pageStart": 0, "pageFetch": 10}})).ok();
    assert_eq!(a.response()["totalRecord"], 1);
    assert_eq!(a.response()["data"][0]["mispId"], "MISP2");

    let filter = |token: &str, request: serde_json::Value| {
        app.call("POST", &format!("{LICENSES}/filtervalues"), token, Some(request))
    };
    let a = filter(&t, json!({"filters": [{"columnName": "isActive", "type": "all", "text": ""}]})).ok();
    let values: Vec<(&str, &str)> = a.response()["filters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["fieldID"].as_str().unwrap(), f["fieldValue"].as_str().unwrap()))
        .collect();
    assert_eq!(values, [("isActive", "true"), ("isActive", "false")]);
    let a = filter(&t, json!({"filters": [{"columnName": "mispId", "type": "unique", "text": "misp"}]})).ok();
    assert_eq!(a.response()["filters"].as_array().unwrap().len(), 3);
    let a = filter(&own, json!({"filters": [{"columnName": "mispId", "type": "unique", "text": ""}]})).ok();
    assert_eq!(a.response()["filters"][0]["fieldValue"], "MISP2");
    assert_eq!(a.response()["filters"].as_array().unwrap().len(), 1);
    let a = filter(&t, json!({"filters": [{"columnName": "iSActive", "type": "between", "text": ""}]}));
    assert_eq!(err(&a), "PMS-MSD-324");
    assert_eq!(err(&filter(&t, json!({"filters": [{"columnName": "x", "type": "all"}]}))), "PMS-MSD-317");
    assert_eq!(app.call("POST", &format!("{LICENSES}/search"), &ida(), Some(json!({}))).status, 403);
}

/// MOSIP's `MispLicense` conformance cases in their order, once their MISP partners exist and are
/// active (registered, certificate uploaded).
fn the_mosip_misp_licence_cases_in_order(app: TestApp) {
    app.partner("MISP", "MISP_Partner", true);
    app.partner("MISP2", "MISP_Partner", true);
    let t = partner_admin();
    let k1 = generate(&app, &t, "MISP").ok();
    assert_eq!(
        (k1.response()["providerId"].as_str(), k1.response()["licenseKeyStatus"].as_str()),
        (Some("MISP"), Some("Active"))
    );
    let k2 = generate(&app, &t, "MISP2").ok();
    assert_eq!(err(&generate(&app, &t, "asdfgsd")), "PMS_MSP_005");
    app.call("GET", LICENSES, &t, None).ok();
    let key1 = k1.response()["licenseKey"].as_str().unwrap();
    let key2 = k2.response()["licenseKey"].as_str().unwrap();
    assert_eq!(put(&app, &t, "MISP", key1, "De-active").ok().response()["licenseKeyStatus"], "de-active");
    assert_eq!(put(&app, &t, "MISP2", key2, "Active").ok().response()["licenseKeyStatus"], "active");
    assert_eq!(err(&put(&app, &t, "MISP", "adfvad", "inactive")), "PMS_MSP_407");
    let a = app.call("GET", &format!("{LICENSES}/MISP2/licenseKey"), &t, None).ok();
    assert_eq!(a.response()["providerId"], "MISP2");
    let search = json!({"filters": [], "sort": [{"sortField": "createdDateTime", "sortType": "ASC"}],
        "pagination": {"pageStart": 0.0, "pageFetch": 10.0}});
    app.call("POST", &format!("{LICENSES}/search"), &t, Some(search)).ok();
    let a = app
        .call(
            "POST",
            &format!("{LICENSES}/filtervalues"),
            &t,
            Some(json!({"filters": [{"columnName": "isActive", "type": "all", "text": ""}]})),
        )
        .ok();
    assert_eq!(a.response()["filters"].as_array().map(Vec::len), Some(2));
}

api_tests!(
    the_mosip_misp_licence_cases_in_order,
    search_and_filter_values_over_licence_keys,
    a_misp_partner_gets_one_licence_key_and_switches_it,
    a_partner_acts_on_its_own_licence_only,
    regenerate_answers_the_current_key_and_rotates_an_expired_one,
    keys_carry_the_partners_approved_policy,
    partner_keys_validate_through_the_misp_api,
);
