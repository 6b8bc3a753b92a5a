//! E2: approval issues one key, rejection retires every key.

use serde_json::json;

use crate::api_tests;
use crate::helpers::{MISPS, TestApp, admin, err, message};

fn approval_issues_one_key_and_rejection_retires_every_key(app: TestApp) {
    let id = app.register("u1", "Telecom");
    let a = app.decide(&id, "APPROVED").ok();
    let r = a.response();
    assert_eq!(r["mispID"], id.as_str());
    assert_eq!(r["mispStatus"], "Active");
    assert_eq!(r["mispStatusCode"], "approved");
    assert_eq!(r["message"], "MISP approved successfully");
    assert_eq!(r["mispLicenseKeyStatus"], "active");
    let key = r["mispLicenseKey"].as_str().unwrap().to_owned();
    assert_eq!(key.len(), 50);
    assert!(key.chars().all(|c| c.is_ascii_alphanumeric()));
    let expiry = r["mispLicenseKeyExpiry"].as_str().unwrap();
    let expected = (chrono::Utc::now().naive_utc() + chrono::Duration::days(90)).format("%Y-%m-%dT").to_string();
    assert!(expiry.starts_with(&expected), "{expiry}");
    assert_eq!(app.key_states(&id), [(key.clone(), true)]);

    let again = app.decide(&id, "approved");
    assert_eq!((err(&again).as_str(), message(&again).as_str()), ("PMS_MSP_404", "Misp already approved"));
    for bad in [json!({"mispStatus": "active"}), json!({"mispStatus": null}), json!({})] {
        let a = app.call("PATCH", &format!("{MISPS}/{id}/status"), &admin(), Some(bad));
        assert_eq!(err(&a), "PMS_MSP_403", "{}", a.body);
    }
    assert_eq!(err(&app.decide("999", "approved")), "PMS_MSP_005");

    let a = app.decide(&id, "rejected").ok();
    assert_eq!(a.response()["message"], "MISP rejected successfully");
    assert_eq!(a.response()["mispStatusCode"], "rejected");
    assert!(a.response()["mispLicenseKey"].is_null() && a.response()["mispLicenseKeyStatus"].is_null());
    assert_eq!(app.key_states(&id), [(key.clone(), false)]);
    assert_eq!(err(&app.decide(&id, "rejected")), "PMS_MSP_404");

    // re-approval issues another key; the rejected one stays off
    let second = app.decide(&id, "approved").ok().response()["mispLicenseKey"].as_str().unwrap().to_owned();
    assert_ne!(second, key);
    let mut states = app.key_states(&id);
    states.sort();
    let mut expected = vec![(key, false), (second, true)];
    expected.sort();
    assert_eq!(states, expected);
    assert_eq!(app.misp(&id)["misp"]["updatedBy"], "misp-admin");

    // audits: 104 (call) → 104 (id validated) → 202 → [reject: 106 → 105] → 201
    let call = app.audits("PMS_MSP_104");
    // approve 2, again 1 (the validation event rolls back), bad 3, unknown 1, reject 2, again 1, approve 2
    assert_eq!(call.len(), 2 + 1 + 3 + 1 + 2 + 1 + 2, "calls and validations");
    assert!(call.iter().all(|r| r.ref_id == id || r.ref_id == "999"));
    assert_eq!(app.audits("PMS_MSP_202").len(), 3);
    assert_eq!(app.audits("PMS_MSP_201").len(), 3);
    assert_eq!(app.audits("PMS_MSP_105").len(), 1);
    assert_eq!(app.audits("PMS_MSP_106")[0].ref_id, id);
    let bad = app.audits("PMS_MSP_403");
    assert_eq!((bad.len(), bad[0].error_code.as_deref()), (3, Some("PMS_MSP_403")));
    let already = app.audits("PMS_MSP_404");
    assert_eq!((already.len(), already[0].error_code.as_deref()), (2, Some("PMS_MSP_404")));
}

api_tests!(approval_issues_one_key_and_rejection_retires_every_key);
