//! E6's rules for switching a key.

use serde_json::json;

use crate::api_tests;
use crate::helpers::MISPS;
use crate::helpers::TestApp;
use crate::helpers::admin;
use crate::helpers::err;
use crate::helpers::message;

fn key_status_rules(app: TestApp) {
    let (id, key) = app.approved("u1", "Telecom");
    let (other, other_key) = app.approved("u2", "Other");
    let a = app.switch_key(&id, &key, "De-Active").ok();
    assert_eq!(a.response()["mispLicenseKeyStatus"], "De-Active", "echoes the request");
    assert_eq!(app.key_states(&id), [(key.clone(), false)]);
    app.switch_key(&id, &key, "active").ok();
    assert_eq!(app.key_states(&id), [(key.clone(), true)]);

    let a = app.switch_key(&id, &key, "on");
    assert_eq!(
        (err(&a).as_str(), message(&a).as_str()),
        ("PMS_MSP_418", "mispLicenseKeyStatus either Active or De-active.")
    );
    let a = app.switch_key(&id, "nope", "active");
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_406", "MISP License Key does not exists nope"));
    let a = app.switch_key(&id, &other_key, "de-active");
    assert_eq!(err(&a), "PMS_MSP_408");
    assert_eq!(
        message(&a),
        format!("MISP License key not associated to MISP ID  MISPID: {id}, LicenseKey: {other_key}")
    );
    assert_eq!(app.key_states(&other), [(other_key, true)]);
    let a =
        app.call("PUT", &format!("{MISPS}/{id}/licenseKey"), &admin(), Some(json!({"mispLicenseKeyStatus": "active"})));
    assert_eq!(err(&a), "PMS_COR_001");
    let long = "k".repeat(129);
    assert_eq!(err(&app.switch_key(&id, &long, "active")), "PMS_COR_001");

    // a key of a deactivated or unapproved MISP cannot be switched on; an expired one neither
    app.switch_misp(&id, "de-active").ok();
    let a = app.switch_key(&id, &key, "active");
    assert_eq!(err(&a), "PMS_MSP_405");
    app.switch_misp(&id, "active").ok();
    app.decide(&id, "rejected").ok();
    let a = app.switch_key(&id, &key, "active");
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_419", "misp is not yet approved."));
    app.decide(&id, "approved").ok();
    app.expire(&id, Some(&key));
    let a = app.switch_key(&id, &key, "active");
    assert_eq!(
        (err(&a).as_str(), message(&a).as_str()),
        ("PMS_MSP_419", "misp license is expired.Cannot activate the same.")
    );
    app.switch_key(&id, &key, "de-active").ok();

    assert_eq!(app.audits("PMS_MSP_418")[0].ref_id, id);
    let nf = app.audits("PMS_MSP_406");
    assert_eq!((nf.len(), nf[0].error_code.as_deref()), (1, Some("PMS_MSP_406")));
}

api_tests!(key_status_rules);
