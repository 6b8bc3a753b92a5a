//! A MISP partner's licence key: generated once, switched, and acted on by its own partner only.

use serde_json::json;
use web_support::testing;

use super::{generate, partner_admin, put};
use crate::api_tests;
use crate::helpers::LICENSES;
use crate::helpers::TestApp;
use crate::helpers::err;
use crate::helpers::ida;
use crate::helpers::message;

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

api_tests!(a_misp_partner_gets_one_licence_key_and_switches_it, a_partner_acts_on_its_own_licence_only);
