//! Device details: create, update, approve or reject, search and filter values; roles,
//! ownership and audit records.

use serde_json::json;

use crate::api_tests;
use crate::device_fixtures::*;
use crate::helpers::TestApp;
use crate::partner_fixtures::{admin, audit_ids, patch, post, put};

fn detail(id: &str, provider: &str, sub_type: &str) -> serde_json::Value {
    json!({"id": id, "deviceProviderId": provider, "deviceTypeCode": "Finger", "deviceSubTypeCode": sub_type,
        "make": "abcde", "model": "FRO90000", "isItForRegistrationDevice": "true"})
}

fn device_details_are_created_once_per_make_model_and_approved_by_admins(app: TestApp) {
    device_world(&app);
    let c = &app.client;
    let created = post(c, DD, &provider_token("dp1"), detail("d-1", "dp1", "Slap")).ok();
    assert_eq!(created.response()["id"], "d-1");
    post(c, DD, &provider_token("dp1"), detail("d-2", "dp1", "Single")).ok();
    let again = post(c, DD, &provider_token("dp1"), detail("d-3", "dp1", "Slap"));
    assert_eq!(again.error_code(), Some("PMS_AUT_003"));
    let blanks = post(c, DD, &provider_token("dp1"), detail("d-4", "dp1", "Slab"));
    assert_eq!(blanks.error_code(), Some("PMS_AUT_001"));
    let retired = post(
        c,
        DD,
        &provider_token("dp1"),
        json!({"deviceProviderId": "dp1", "deviceTypeCode": "Iris", "deviceSubTypeCode": "Old", "make": "m", "model": "x"}),
    );
    assert_eq!(retired.error_code(), Some("PMS_AUT_001"));
    let missing = post(
        c,
        DD,
        &provider_token("dp1"),
        json!({"deviceProviderId": "dp1", "deviceSubTypeCode": "Slap", "make": "m", "model": "x"}),
    );
    assert_eq!(missing.error_code(), Some("PMS_COR_001"));
    let generated = post(c, DD, &admin(), json!({"deviceProviderId": "dp2", "deviceTypeCode": "Iris", "deviceSubTypeCode": "Single", "make": "m", "model": "x"})).ok();
    assert_eq!(generated.response()["id"].as_str().map(str::len), Some(36));
    let unknown = post(c, DD, &admin(), detail("d-5", "nobody", "Slap"));
    assert_eq!(unknown.error_code(), Some("PMS_AUT_002"));
    // ownership: a provider creates and updates for itself only
    let foreign = post(c, DD, &provider_token("dp2"), detail("d-6", "dp1", "Slap"));
    assert_eq!(foreign.error_code(), Some("PMS_DEVICE_ERROR_001"));
    let update = json!({"id": "d-1", "deviceTypeCode": "Finger", "deviceSubTypeCode": "Slap", "make": "abcdef", "model": "FRO90000"});
    assert_eq!(put(c, DD, &provider_token("dp2"), update.clone()).error_code(), Some("PMS_DEVICE_ERROR_001"));
    put(c, DD, &provider_token("dp1"), update).ok();
    // approval: admins only, MOSIP's words only
    assert_eq!(patch(c, DD, &provider_token("dp1"), json!({"id": "d-1", "approvalStatus": "Activate"})).status, 403);
    let bad = patch(c, DD, &admin(), json!({"id": "d-1", "approvalStatus": "approve"}));
    assert_eq!(bad.error_code(), Some("PMS_AUT_025"));
    let ok = patch(c, DD, &admin(), json!({"id": "d-1", "approvalStatus": "Activate"})).ok();
    assert_eq!(ok.response(), "Device details approved successfully.");
    let gone = patch(c, DD, &admin(), json!({"id": "nope", "approvalStatus": "Activate"}));
    assert_eq!(gone.error_code(), Some("PMS_AUT_005"));
    let audit = audit_ids(&app, "dp1");
    assert!(audit.contains(&"AUT-005".to_owned()), "{audit:?}");
    assert!(audit.contains(&"AUT-003:PMS_AUT_003".to_owned()), "{audit:?}");
    assert!(audit_ids(&app, "d-1").contains(&"AUT-007".to_owned()));
}

fn device_searches_keep_providers_to_their_own_rows(app: TestApp) {
    device_world(&app);
    let c = &app.client;
    post(c, DD, &provider_token("dp1"), detail("d-1", "dp1", "Slap")).ok();
    post(c, DD, &provider_token("dp2"), detail("d-2", "dp2", "Slap")).ok();
    let all = json!({"filters": [], "sort": [{"sortField": "id", "sortType": "desc"}], "pagination": {"pageStart": 0}, "purpose": "REGISTRATION"});
    let admin_rows = post(c, &format!("{DD}/search"), &admin(), all.clone()).ok();
    assert_eq!(admin_rows.response()["totalRecord"], 2);
    assert_eq!(admin_rows.response()["data"][0]["id"], "d-2");
    assert_eq!(admin_rows.response()["data"][0]["active"], false);
    let own = post(c, &format!("{DD}/search"), &provider_token("dp1"), all).ok();
    assert_eq!(own.response()["totalRecord"], 1);
    assert_eq!(own.response()["data"][0]["deviceProviderId"], "dp1");
    let values = json!({"filters": [{"columnName": "id", "text": "d-", "type": "unique"}]});
    let mine = post(c, &format!("{DD}/filtervalues"), &provider_token("dp2"), values).ok();
    assert_eq!(mine.response()["filters"], json!([{"fieldID": "id", "fieldValue": "d-2", "fieldCode": "d-2"}]));
    let types = json!({"filters": [{"columnName": "code", "text": "Finger", "type": "all"}]});
    let t = post(c, &format!("{DD}/deviceType/filtervalues"), &provider_token("dp1"), types).ok();
    assert_eq!(t.response()["filters"], json!([{"fieldID": "code", "fieldValue": "Finger", "fieldCode": "Finger"}]));
    let bad = json!({"filters": [{"columnName": "asdf", "text": "x", "type": "all"}]});
    assert_eq!(post(c, &format!("{DD}/deviceSubType/filtervalues"), &admin(), bad).error_code(), Some("PMS-MSD-317"));
    let sub = json!({"filters": [{"columnName": "deviceType", "type": "equals", "value": "Iris"}], "sort": [{"sortField": "name", "sortType": "desc"}], "pagination": {"pageStart": 0}});
    let s = post(c, &format!("{DD}/deviceType/search"), &admin(), sub).ok();
    let names: Vec<_> = s.response()["data"].as_array().unwrap().iter().map(|r| r["code"].clone()).collect();
    assert_eq!(names, [json!("Single"), json!("Old")]);
    let unsorted = json!({"filters": [], "sort": [{"sortField": "code"}], "pagination": {"pageStart": 0}});
    assert_eq!(post(c, &format!("{DD}/deviceType/search"), &admin(), unsorted).error_code(), Some("PMS-MSD-314"));
}

api_tests!(
    device_details_are_created_once_per_make_model_and_approved_by_admins,
    device_searches_keep_providers_to_their_own_rows,
);
