//! Secure biometric interfaces: create, update, approve or reject, map to device details.

use chrono::{Duration, Utc};
use serde_json::{Value, json};

use crate::api_tests;
use crate::device_fixtures::*;
use crate::helpers::TestApp;
use crate::partner_fixtures::{admin, audit_ids, patch, post, put};

fn instant(days: i64) -> String {
    (Utc::now() + Duration::days(days)).format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn sbi(provider: &str, version: &str, expiry_days: i64) -> Value {
    json!({"swBinaryHash": "0", "swVersion": version, "swCreateDateTime": instant(0),
        "swExpiryDateTime": instant(expiry_days), "providerId": provider})
}

fn create(app: &TestApp, tok: &str, body: Value) -> String {
    post(&app.client, SBI, tok, body).ok().response()["id"].as_str().unwrap().to_owned()
}

fn sbis_are_checked_approved_and_mapped_to_approved_devices_of_their_provider(app: TestApp) {
    device_world(&app);
    let c = &app.client;
    let s1 = create(&app, &provider_token("dp1"), sbi("dp1", "MO.TD.01", 365));
    assert_eq!(post(c, SBI, &provider_token("dp1"), sbi("dp1", "MO.TD.01", 365)).error_code(), Some("PMS_AUT_512"));
    assert_eq!(
        post(c, SBI, &provider_token("dp1"), sbi("dp1", "MO.TD.09", 365 * 11)).error_code(),
        Some("PMS_AUT_515")
    );
    assert_eq!(post(c, SBI, &provider_token("dp1"), sbi("dp1", "MO.TD.09", 0)).error_code(), Some("PMS_AUT_508"));
    assert_eq!(
        post(c, SBI, &provider_token("dp2"), sbi("dp1", "MO.TD.09", 30)).error_code(),
        Some("PMS_DEVICE_ERROR_001")
    );
    let missing = post(c, SBI, &provider_token("dp1"), json!({"swBinaryHash": "0", "swVersion": "x"}));
    assert_eq!(missing.error_code(), Some("PMS_COR_001"));
    let s2 = create(&app, &admin(), sbi("dp2", "MO.TD.01", 365));
    // a device of dp1, approved
    post(c, DD, &provider_token("dp1"), json!({"id": "d-1", "deviceProviderId": "dp1", "deviceTypeCode": "Finger", "deviceSubTypeCode": "Slap", "make": "m", "model": "x"})).ok();
    let map = |sbi_id: &str| json!({"deviceDetailId": "d-1", "sbiId": sbi_id});
    assert_eq!(
        put(c, &format!("{SBI}/devicedetails/map"), &provider_token("dp1"), map(&s1)).error_code(),
        Some("PMS_AUT_027")
    );
    patch(c, DD, &admin(), json!({"id": "d-1", "approvalStatus": "Activate"})).ok();
    assert_eq!(
        put(c, &format!("{SBI}/devicedetails/map"), &provider_token("dp1"), map(&s1)).error_code(),
        Some("PMS_AUT_511")
    );
    // approval
    assert_eq!(patch(c, SBI, &provider_token("dp1"), json!({"id": s1, "approvalStatus": "Activate"})).status, 403);
    let approved = patch(c, SBI, &admin(), json!({"id": s1, "approvalStatus": "Activate"})).ok();
    assert_eq!(approved.response(), "Secure biometric details approved successfully.");
    assert_eq!(
        patch(c, SBI, &admin(), json!({"id": s1, "approvalStatus": "Activate"})).error_code(),
        Some("PMS_AUT_517")
    );
    let spaced =
        patch(c, SBI, &admin(), json!({"id": "a0f2b0ca-92 66-4cf4-832c-7741d5b6a174", "approvalStatus": "Activate"}));
    assert_eq!(spaced.error_code(), Some("PMS_COR_001"));
    // mapping
    assert_eq!(
        put(c, &format!("{SBI}/devicedetails/map"), &provider_token("dp1"), map(&s1)).ok().response(),
        "Success"
    );
    assert_eq!(
        put(c, &format!("{SBI}/devicedetails/map"), &provider_token("dp1"), map(&s1)).ok().response(),
        "Mapping already exists"
    );
    patch(c, SBI, &admin(), json!({"id": s2, "approvalStatus": "Activate"})).ok();
    assert_eq!(put(c, &format!("{SBI}/devicedetails/map"), &admin(), map(&s2)).error_code(), Some("PMS_AUT_509"));
    assert_eq!(
        put(c, &format!("{SBI}/devicedetails/map/remove"), &provider_token("dp1"), map(&s1)).ok().response(),
        "Success"
    );
    assert_eq!(
        put(c, &format!("{SBI}/devicedetails/map/remove"), &provider_token("dp1"), map(&s1)).error_code(),
        Some("PMS_AUT_510")
    );
    let audit = audit_ids(&app, &s1);
    assert!(audit.contains(&"AUT-012".to_owned()) && audit.contains(&"AUT-016:PMS_AUT_517".to_owned()), "{audit:?}");
}

fn sbi_updates_searches_and_rejections(app: TestApp) {
    device_world(&app);
    let c = &app.client;
    let s1 = create(&app, &provider_token("dp1"), sbi("dp1", "v1", 365));
    let s2 = create(&app, &provider_token("dp1"), sbi("dp1", "v2", 365));
    create(&app, &provider_token("dp2"), sbi("dp2", "v1", 365));
    patch(c, SBI, &admin(), json!({"id": s2, "approvalStatus": "De-activate"})).ok();
    assert_eq!(
        patch(c, SBI, &admin(), json!({"id": s2, "approvalStatus": "Activate"})).error_code(),
        Some("PMS_AUT_518")
    );
    let mut update = sbi("dp1", "v2", 400);
    update["id"] = json!(s1);
    update["isActive"] = json!(true);
    assert_eq!(put(c, SBI, &provider_token("dp1"), update.clone()).error_code(), Some("PMS_AUT_512"));
    update["swVersion"] = json!("v3");
    assert_eq!(put(c, SBI, &provider_token("dp2"), update.clone()).error_code(), Some("PMS_DEVICE_ERROR_001"));
    put(c, SBI, &provider_token("dp1"), update).ok();
    let search = json!({"filters": [{"columnName": "providerId", "type": "equals", "value": "dp1"}], "sort": [{"sortField": "swVersion", "sortType": "asc"}], "pagination": {"pageStart": 0}});
    let rows = post(c, &format!("{SBI}/search"), &admin(), search).ok();
    let versions: Vec<_> = rows.response()["data"].as_array().unwrap().iter().map(|r| r["swVersion"].clone()).collect();
    assert_eq!(versions, [json!("v2"), json!("v3")]);
    assert_eq!(rows.response()["data"][1]["isActive"], true);
    let own = json!({"filters": [], "sort": [], "pagination": {"pageStart": 0}});
    assert_eq!(post(c, &format!("{SBI}/search"), &provider_token("dp2"), own).ok().response()["totalRecord"], 1);
    let empty_type = json!({"filters": [{"columnName": "providerId", "text": "dp", "type": ""}]});
    assert_eq!(post(c, &format!("{SBI}/filtervalues"), &admin(), empty_type).error_code(), Some("PMS-MSD-322"));
}

api_tests!(
    sbis_are_checked_approved_and_mapped_to_approved_devices_of_their_provider,
    sbi_updates_searches_and_rejections
);
