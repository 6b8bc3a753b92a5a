//! E10: the download answers the current key and rotates an expired one.

use crate::api_tests;
use crate::helpers::{MISPS, TestApp, admin, err, message, misp_user};

fn download_answers_the_current_key_and_rotates_an_expired_one(app: TestApp) {
    let id = app.register("u1", "Telecom");
    let path = format!("{MISPS}/{id}/licenseKey");
    let own = misp_user("u1");
    let a = app.call("GET", &path, &own, None);
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_419", "misp is not yet approved."));
    let key = app.decide(&id, "approved").ok().response()["mispLicenseKey"].as_str().unwrap().to_owned();

    let a = app.call("GET", &path, &own, None).ok();
    assert_eq!(a.response()["licenseKey"], key.as_str());
    assert_eq!(a.response()["licenseKeyStatus"], "Active");
    let expiry = a.response()["licenseKeyExpiry"].as_str().unwrap();
    assert_eq!(expiry.len(), 10, "date only: {expiry}");
    assert!(a.body["id"].is_null());
    let a = app.call("GET", &path, &misp_user("u2"), None);
    assert_eq!((a.status, err(&a).as_str()), (403, "KER-ATH-403"));
    app.call("GET", &path, &admin(), None).ok();
    assert_eq!(err(&app.call("GET", &format!("{MISPS}/999/licenseKey"), &admin(), None)), "PMS_MSP_005");

    // every active key expired: they are switched off and exactly one new key is issued
    app.expire(&id, None);
    let rotated = app.call("GET", &path, &own, None).ok().response()["licenseKey"].as_str().unwrap().to_owned();
    assert_ne!(rotated, key);
    let again = app.call("GET", &path, &own, None).ok().response()["licenseKey"].as_str().unwrap().to_owned();
    assert_eq!(again, rotated, "no second rotation");
    let mut states = app.key_states(&id);
    states.sort();
    let mut expected = vec![(key, false), (rotated.clone(), true)];
    expected.sort();
    assert_eq!(states, expected);
    assert_eq!(app.audits("PMS_MSP_106").len(), 1, "the rotation is recorded");

    // keys switched off on purpose are not replaced
    app.switch_key(&id, &rotated, "de-active").ok();
    let a = app.call("GET", &path, &own, None);
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_413", "misp license all are inactive."));
    app.switch_key(&id, &rotated, "active").ok();
    app.switch_misp(&id, "de-active").ok();
    assert_eq!(err(&app.call("GET", &path, &own, None)), "PMS_MSP_405");
}

api_tests!(download_answers_the_current_key_and_rotates_an_expired_one);
