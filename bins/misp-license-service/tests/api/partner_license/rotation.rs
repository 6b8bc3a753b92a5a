//! Regeneration (rotating an expired key), the partner's approved policy on its keys, and
//! validation through the MISP API.

use serde_json::json;
use web_support::testing;

use super::{generate, partner_admin};
use crate::api_tests;
use crate::helpers::{LICENSES, MISPS, TestApp, admin, err, ida, message};

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

api_tests!(
    regenerate_answers_the_current_key_and_rotates_an_expired_one,
    keys_carry_the_partners_approved_policy,
    partner_keys_validate_through_the_misp_api
);
