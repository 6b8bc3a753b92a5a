//! E4 validation of a key.

use serde_json::json;
use web_support::testing;

use crate::api_tests;
use crate::helpers::{MISPS, TestApp, admin, err, ida, message, misp_user};

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

api_tests!(validation_reports_state_and_only_usable_keys_are_valid);
