//! E2 approve/reject, E5 activate/deactivate, E6 key status, E4 validate, E10 download.

use serde_json::json;
use web_support::testing;

use crate::api_tests;
use crate::helpers::{MISPS, TestApp, admin, err, ida, message, misp_user};

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

fn only_admins_decide_switch_misps_and_switch_keys(app: TestApp) {
    let (id, key) = app.approved("u1", "Telecom");
    let own = misp_user("u1");
    let calls = [
        ("PATCH", format!("{MISPS}/{id}/status"), json!({"mispStatus": "rejected"})),
        ("PATCH", format!("{MISPS}/{id}"), json!({"mispStatus": "de-active"})),
        (
            "PUT",
            format!("{MISPS}/{id}/licenseKey"),
            json!({"mispLicenseKey": key, "mispLicenseKeyStatus": "de-active"}),
        ),
    ];
    for (method, path, body) in &calls {
        for token in [&own, &ida(), &testing::token("x", &["MISP", "PARTNERMANAGER"])] {
            let a = app.call(method, path, token, Some(body.clone()));
            assert_eq!((a.status, err(&a).as_str()), (403, "KER-ATH-403"), "{method} {path}");
        }
    }
    assert_eq!(app.key_states(&id), [(key, true)]);
    // the admin role is configurable: `misp.admin_roles`; the global admin role counts too
    let a = app.call(
        "PATCH",
        &format!("{MISPS}/{id}"),
        &testing::token("root", &["PARTNER_ADMIN"]),
        Some(json!({"mispStatus": "active"})),
    );
    assert_eq!(a.ok().response()["message"], "MISP actived successfully");
}

fn approving_a_deactivated_misp_is_405(app: TestApp) {
    let id = app.register("u1", "Telecom");
    assert_eq!(app.switch_misp(&id, "De-Active").ok().response()["message"], "MISP de-actived successfully");
    let a = app.decide(&id, "approved");
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_405", "Misp is not active."));
    let r = app.audits("PMS_MSP_405");
    assert_eq!((r[0].ref_id.as_str(), r[0].error_code.as_deref()), (id.as_str(), Some("PMS_MSP_405")));
    // a rejection is still possible
    app.decide(&id, "rejected").ok();
    assert_eq!(app.misp(&id)["misp"]["status_code"], "rejected");
}

fn activation_brings_back_only_the_keys_its_deactivation_switched_off(app: TestApp) {
    let (id, first) = app.approved("u1", "Telecom");
    app.switch_misp(&id, "de-active").ok();
    assert_eq!(app.key_states(&id), [(first.clone(), false)]);
    assert_eq!(app.misp(&id)["misp"]["isActive"], false);
    app.switch_misp(&id, "active").ok();
    assert_eq!(app.key_states(&id), [(first.clone(), true)], "suspended key resumes");

    // a key switched off by hand stays off through deactivation and activation
    app.switch_key(&id, &first, "de-active").ok();
    app.switch_misp(&id, "de-active").ok();
    app.switch_misp(&id, "active").ok();
    assert_eq!(app.key_states(&id), [(first.clone(), false)]);

    // keys a rejection retired stay off as well; the re-approval's key comes back
    app.switch_key(&id, &first, "active").ok();
    app.decide(&id, "rejected").ok();
    let second = app.decide(&id, "approved").ok().response()["mispLicenseKey"].as_str().unwrap().to_owned();
    app.switch_misp(&id, "de-active").ok();
    app.switch_misp(&id, "active").ok();
    let on: Vec<String> = app.key_states(&id).into_iter().filter(|(_, a)| *a).map(|(k, _)| k).collect();
    assert_eq!(on, std::slice::from_ref(&second));

    // a suspended key that expired meanwhile stays off
    app.switch_misp(&id, "de-active").ok();
    app.expire(&id, Some(&second));
    app.switch_misp(&id, "active").ok();
    assert!(app.key_states(&id).iter().all(|(_, active)| !active));

    // same-state requests are accepted; bad ones are 407; unknown MISPs 005
    app.switch_misp(&id, "active").ok();
    let a = app.switch_misp(&id, "inactive");
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_407", "mispStatus either Active or De-active."));
    assert_eq!(err(&app.call("PATCH", &format!("{MISPS}/{id}"), &admin(), Some(json!({})))), "PMS_MSP_407");
    assert_eq!(err(&app.switch_misp("999", "active")), "PMS_MSP_005");

    let r = app.audits("PMS_MSP_407");
    assert_eq!((r.len(), r[0].ref_id.as_str()), (2, id.as_str()));
    // 112 → 211 → 106 → 113 → 205 per successful switch
    let switches = 9;
    assert_eq!(app.audits("PMS_MSP_112").len(), switches + 3);
    assert_eq!(app.audits("PMS_MSP_211").len(), switches);
    assert_eq!(app.audits("PMS_MSP_113").len(), switches);
    assert_eq!(app.audits("PMS_MSP_205").len(), switches);
    assert_eq!(app.audits("PMS_MSP_113")[0].ref_id, id);
}

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

fn validation_reports_state_and_only_usable_keys_are_valid(app: TestApp) {
    let (id, key) = app.approved("u1", "Telecom");
    let (other, other_key) = app.approved("u2", "Other");

    let a = app.validate(&id, &key, &misp_user("u1")).ok();
    let r = a.response();
    assert_eq!(r["misp_id"], id.as_str());
    assert_eq!(r["licenseKey"], key.as_str());
    assert_eq!((r["isActive"].as_bool(), r["isValid"].as_bool()), (Some(true), Some(true)));
    assert!(r.get("active").is_none() && r.get("valid").is_none(), "no duplicate keys: {r}");
    assert_eq!(r["message"], format!("MISP {id} with license key {key}  is Valid"));
    assert!(r["validFrom"].is_string() && r["validTo"].is_string());
    assert_eq!(a.body["version"], "1.0");

    // ID-Authentication and admins validate any MISP's key; another MISP user may not
    app.validate(&other, &other_key, &ida()).ok();
    app.validate(&other, &other_key, &admin()).ok();
    let a = app.validate(&other, &other_key, &misp_user("u1"));
    assert_eq!((a.status, err(&a).as_str()), (403, "KER-ATH-403"));
    let a = app.validate(&id, &key, &testing::token("p", &["AUTH_PARTNER"]));
    assert_eq!(a.status, 403);

    let a = app.validate(&id, "missing", &ida());
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_406", "MISP License Key does not exists missing"));
    assert_eq!(err(&app.validate(&id, &other_key, &ida())), "PMS_MSP_408");
    assert_eq!(err(&app.call("PATCH", &format!("{MISPS}/{id}/licenseKey"), &ida(), Some(json!({})))), "PMS_COR_001");

    let flags = |a: &web_support::testing::Answer| {
        (a.response()["isActive"].as_bool().unwrap(), a.response()["isValid"].as_bool().unwrap())
    };
    // a deactivated MISP's key is invalid; so is a key switched off, or expired
    app.switch_misp(&id, "de-active").ok();
    let a = app.validate(&id, &key, &ida()).ok();
    assert_eq!(flags(&a), (false, false));
    app.switch_misp(&id, "active").ok();
    app.switch_key(&id, &key, "de-active").ok();
    let a = app.validate(&id, &key, &ida()).ok();
    assert_eq!(flags(&a), (false, false));
    assert!(a.response()["message"].as_str().unwrap().ends_with("  is Inactive"));
    app.switch_key(&id, &key, "active").ok();
    app.expire(&id, None);
    let a = app.validate(&id, &key, &ida()).ok();
    assert_eq!(flags(&a), (true, false), "flags keep the key's state");
    assert!(a.response()["message"].as_str().unwrap().ends_with("  is Expired"));
    // a rejected MISP's keys are off; an active key of an unapproved MISP is not valid either
    let a = app.validate(&other, &other_key, &ida()).ok();
    assert_eq!(flags(&a), (true, true));

    // audits: 109 → 110 → 111 → 204
    assert_eq!(app.audits("PMS_MSP_204").len(), 7);
    assert_eq!(app.audits("PMS_MSP_110").len(), 7);
    assert_eq!(app.audits("PMS_MSP_110")[0].ref_id, id);
    assert_eq!(app.audits("PMS_MSP_111").len(), 7);
    // 7 answers; 4 refusals inside the operation (not the owner, 406, 408, field); roles refused up front leave none
    assert_eq!(app.audits("PMS_MSP_109").len(), 7 + 4);
    assert_eq!(app.audits("PMS_MSP_406")[0].error_code.as_deref(), Some("PMS_MSP_406"));
}

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

fn both_prefixes_serve_every_endpoint(app: TestApp) {
    for (i, prefix) in ["/partnermanagement/v1/misps/misps", "/partnermanagement/v1/misps"].iter().enumerate() {
        let body =
            json!({"organizationName": format!("Org {i}"), "contactNumber": "1", "emailId": "a@b.co", "address": "x"});
        let id = app.call("POST", prefix, &misp_user("u1"), Some(body)).ok().response()["mispID"]
            .as_str()
            .unwrap()
            .to_owned();
        let key = app
            .call("PATCH", &format!("{prefix}/{id}/status"), &admin(), Some(json!({"mispStatus": "approved"})))
            .ok()
            .response()["mispLicenseKey"]
            .as_str()
            .unwrap()
            .to_owned();
        let update = json!({"name": format!("Org {i}"), "contactNumber": "2", "emailId": "a@b.co", "address": "y"});
        app.call("PUT", &format!("{prefix}/{id}"), &misp_user("u1"), Some(update)).ok();
        app.call("PATCH", &format!("{prefix}/{id}/licenseKey"), &ida(), Some(json!({"mispLicenseKey": key}))).ok();
        app.call("PATCH", &format!("{prefix}/{id}"), &admin(), Some(json!({"mispStatus": "active"}))).ok();
        app.call(
            "PUT",
            &format!("{prefix}/{id}/licenseKey"),
            &admin(),
            Some(json!({"mispLicenseKey": key, "mispLicenseKeyStatus": "active"})),
        )
        .ok();
        app.call("GET", prefix, &admin(), None).ok();
        app.call("GET", &format!("{prefix}/mispId/{id}"), &admin(), None).ok();
        app.call("GET", &format!("{prefix}/name/Org"), &admin(), None).ok();
        app.call("GET", &format!("{prefix}/{id}/licenseKey"), &misp_user("u1"), None).ok();
    }
    let a = app.call("DELETE", "/partnermanagement/v1/misps/misps/100", &admin(), None);
    assert_eq!(a.status, 405);
}

api_tests!(
    approval_issues_one_key_and_rejection_retires_every_key,
    only_admins_decide_switch_misps_and_switch_keys,
    approving_a_deactivated_misp_is_405,
    activation_brings_back_only_the_keys_its_deactivation_switched_off,
    key_status_rules,
    validation_reports_state_and_only_usable_keys_are_valid,
    download_answers_the_current_key_and_rotates_an_expired_one,
    both_prefixes_serve_every_endpoint,
);
