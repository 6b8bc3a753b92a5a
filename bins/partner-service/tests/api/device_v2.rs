//! MOSIP 1.2.2's SBI and device life cycle in the 1.2.2 envelopes: devices added to SBIs and
//! decided with their mapping, deactivation of devices and SBIs, the paged SBI and device lists;
//! roles, ownership, bad input, audit records and the SBI history.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use persistence::repo::device::sbi_history;
use persistence::schema::{partner, secure_biometric_interface};
use serde_json::{Value, json};
use web_support::testing::{Answer, Client, token};

use crate::api_tests;
use crate::device_fixtures::*;
use crate::helpers::TestApp;
use crate::partner_fixtures::{admin, audit_ids, certify, conn, patch, post, register};

const ADD: &str = "mosip.pms.add.device.to.sbi.id.post";
const APPROVAL: &str = "mosip.pms.approval.mapping.device.to.sbi.post";
const OFF_DEVICE: &str = "mosip.pms.deactivate.device.patch";
const OFF_SBI: &str = "mosip.pms.deactivate.sbi.patch";

fn instant(days: i64) -> String {
    (Utc::now() + Duration::days(days)).format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// An SBI of `provider` (created by the admin), approved when `approve`.
fn sbi(app: &TestApp, provider: &str, version: &str, approve: bool) -> String {
    let body = json!({"swBinaryHash": "0", "swVersion": version, "swCreateDateTime": instant(0),
        "swExpiryDateTime": instant(365), "providerId": provider});
    let id = post(&app.client, SBI, &admin(), body).ok().response()["id"].as_str().unwrap().to_owned();
    if approve {
        patch(&app.client, SBI, &admin(), json!({"id": id, "approvalStatus": "Activate"})).ok();
    }
    id
}

fn device(id: &str, provider: &str, make: &str) -> Value {
    json!({"id": id, "deviceProviderId": provider, "deviceTypeCode": "Finger", "deviceSubTypeCode": "Slap",
        "make": make, "model": "FRO90000"})
}

fn v2(app: &TestApp, method: &str, path: &str, tok: &str, id: &str, request: Value) -> Answer {
    app.client.send(method, path, Some(tok), &Client::envelope_v2(id, request))
}

fn add(app: &TestApp, tok: &str, sbi_id: &str, body: Value) -> Answer {
    v2(app, "POST", &format!("{SBI}/{sbi_id}/devices"), tok, ADD, body)
}

fn decide(app: &TestApp, device_id: &str, body: Value) -> Answer {
    v2(app, "POST", &format!("{DD}/{device_id}/approval"), &admin(), APPROVAL, body)
}

fn get(app: &TestApp, path: &str, tok: &str) -> Answer {
    app.client.get(path, Some(tok))
}

fn no_partner() -> String {
    token("nobody", &["DEVICE_PROVIDER"])
}

fn devices_are_added_to_approved_sbis_and_decided_with_their_mapping(app: TestApp) {
    device_world(&app);
    let s1 = sbi(&app, "dp1", "v1", true);
    let pending = sbi(&app, "dp1", "v2", false);
    let added = add(&app, &provider_token("dp1"), &s1, device("d-1", "dp1", "m1")).ok();
    assert_eq!((added.response()["id"].as_str(), added.body["id"].as_str()), (Some("d-1"), Some(ADD)));
    let listed = get(&app, &format!("{SBI}/{s1}/devices"), &provider_token("dp1")).ok();
    assert_eq!(listed.body["id"], "mosip.pms.sbi.devices.get");
    let d = &listed.response()[0];
    assert_eq!(
        (d["deviceId"].as_str(), d["status"].as_str(), d["isActive"].as_bool()),
        (Some("d-1"), Some("pending_approval"), Some(false))
    );
    // refusals keep nothing
    let refused = add(&app, &provider_token("dp1"), &pending, device("d-2", "dp1", "m2"));
    assert_eq!(refused.error_code(), Some("PMS_DEVICE_ERROR_009"));
    assert_eq!(refused.status, 200);
    assert_eq!(refused.response(), &Value::Null);
    let none = get(&app, &format!("{DD}?deviceId=d-2"), &admin()).ok();
    assert_eq!(none.response()["totalResults"], 0);
    assert_eq!(
        add(&app, &provider_token("dp2"), &s1, device("d-3", "dp1", "m3")).error_code(),
        Some("PMS_DEVICE_ERROR_001")
    );
    assert_eq!(
        add(&app, &provider_token("dp2"), &s1, device("d-3", "dp2", "m3")).error_code(),
        Some("PMS_DEVICE_ERROR_002")
    );
    assert_eq!(
        add(&app, &provider_token("dp1"), "nope", device("d-3", "dp1", "m3")).error_code(),
        Some("PMS_DEVICE_ERROR_005")
    );
    assert_eq!(
        add(&app, &no_partner(), &s1, device("d-3", "dp1", "m3")).error_code(),
        Some("PMS_CERTIFICATE_ERROR_002")
    );
    assert_eq!(add(&app, &provider_token("dp1"), &s1, device("d-3", "dp1", "m1")).error_code(), Some("PMS_AUT_003"));
    let mut blank = device("d-3", "dp1", "m3");
    blank["make"] = json!(" ");
    assert_eq!(add(&app, &provider_token("dp1"), &s1, blank).error_code(), Some("PMS_COR_001"));
    let wrong_id =
        v2(&app, "POST", &format!("{SBI}/{s1}/devices"), &provider_token("dp1"), OFF_SBI, device("d-3", "dp1", "m3"));
    assert_eq!(wrong_id.error_code(), Some("PMS_REQUEST_ERROR_002"));
    assert_eq!(add(&app, &ftm_token("ftp1"), &s1, device("d-3", "ftp1", "m3")).status, 403);
    // listing: the caller's device providers' SBIs only
    assert_eq!(
        get(&app, &format!("{SBI}/{s1}/devices"), &provider_token("dp2")).error_code(),
        Some("PMS_DEVICE_ERROR_019")
    );
    assert_eq!(
        get(&app, &format!("{SBI}/nope/devices"), &provider_token("dp1")).error_code(),
        Some("PMS_DEVICE_ERROR_005")
    );
    let ftm_sbi = sbi(&app, "ftp1", "f1", false);
    let ftm_as_dp = token("ftp1", &["DEVICE_PROVIDER"]);
    assert_eq!(get(&app, &format!("{SBI}/{ftm_sbi}/devices"), &ftm_as_dp).error_code(), Some("PMS_DEVICE_ERROR_003"));
    let empty = get(&app, &format!("{SBI}/{pending}/devices"), &provider_token("dp1")).ok();
    assert_eq!(empty.response(), &Value::Null);
    // the admin's decision
    let approve = json!({"partnerId": "dp1", "sbiId": s1, "status": "approved"});
    let by_provider =
        v2(&app, "POST", &format!("{DD}/d-1/approval"), &provider_token("dp1"), APPROVAL, approve.clone());
    assert_eq!(by_provider.status, 403);
    assert_eq!(
        decide(&app, "d-1", json!({"partnerId": "dp1", "sbiId": s1, "status": "Activate"})).error_code(),
        Some("PMS_DEVICE_ERROR_027")
    );
    assert_eq!(
        decide(&app, "d-1", json!({"partnerId": "dp1", "status": "rejected"})).error_code(),
        Some("PMS_DEVICE_ERROR_025")
    );
    assert_eq!(
        decide(&app, "d-1", json!({"sbiId": s1, "status": "approved"})).error_code(),
        Some("PMS_REQUEST_ERROR_001")
    );
    assert_eq!(
        decide(&app, "d-1", json!({"partnerId": "dp2", "sbiId": s1, "status": "approved"})).error_code(),
        Some("PMS_DEVICE_ERROR_002")
    );
    assert_eq!(decide(&app, "d-9", approve.clone()).error_code(), Some("PMS_DEVICE_ERROR_006"));
    let done = decide(&app, "d-1", approve.clone()).ok();
    assert_eq!((done.response(), done.body["id"].as_str()), (&json!(true), Some(APPROVAL)));
    let listed = get(&app, &format!("{SBI}/{s1}/devices"), &provider_token("dp1")).ok();
    assert_eq!(
        (listed.response()[0]["status"].as_str(), listed.response()[0]["isActive"].as_bool()),
        (Some("approved"), Some(true))
    );
    assert_eq!(decide(&app, "d-1", approve).error_code(), Some("PMS_DEVICE_ERROR_010"));
    // audit records
    let by_provider = audit_ids(&app, "dp1");
    for id in ["AUT-001", "AUT-005", "AUT-003:PMS_DEVICE_ERROR_009"] {
        assert!(by_provider.contains(&id.to_owned()), "{id} in {by_provider:?}");
    }
    let by_device = audit_ids(&app, "d-1");
    for id in ["AUT-006", "AUT-007", "AUT-008:PMS_DEVICE_ERROR_010"] {
        assert!(by_device.contains(&id.to_owned()), "{id} in {by_device:?}");
    }
    // the SBI's history: created, then approved
    let history = sbi_history::of_sbi(&mut conn(&app), &s1).unwrap();
    let states: Vec<_> = history.iter().map(|(_, status, active, _)| (status.as_str(), *active)).collect();
    assert_eq!(states, [("pending_approval", false), ("approved", true)]);
}

fn devices_and_sbis_are_deactivated_by_their_owners(app: TestApp) {
    device_world(&app);
    register(&app, "partner-admin", "Device_Provider", None).ok();
    certify(&app, "partner-admin");
    let s1 = sbi(&app, "dp1", "v1", true);
    let dp1 = provider_token("dp1");
    for (id, make) in [("d-1", "m1"), ("d-2", "m2"), ("d-3", "m3"), ("d-4", "m4")] {
        add(&app, &dp1, &s1, device(id, "dp1", make)).ok();
    }
    decide(&app, "d-1", json!({"partnerId": "dp1", "sbiId": s1, "status": "approved"})).ok();
    decide(&app, "d-3", json!({"partnerId": "dp1", "sbiId": s1, "status": "rejected"})).ok();
    decide(&app, "d-4", json!({"partnerId": "dp1", "sbiId": s1, "status": "approved"})).ok();
    let off = json!({"status": "De-Activate"});
    let off_device = |tok: &str, id: &str, body: Value| v2(&app, "PATCH", &format!("{DD}/{id}"), tok, OFF_DEVICE, body);
    assert_eq!(off_device(&dp1, "d-2", off.clone()).error_code(), Some("PMS_DEVICE_ERROR_023"));
    assert_eq!(off_device(&provider_token("dp2"), "d-1", off.clone()).error_code(), Some("PMS_DEVICE_ERROR_016"));
    assert_eq!(off_device(&dp1, "d-1", json!({"status": "De-activate"})).error_code(), Some("PMS_DEVICE_ERROR_026"));
    assert_eq!(off_device(&no_partner(), "d-1", off.clone()).error_code(), Some("PMS_CERTIFICATE_ERROR_002"));
    assert_eq!(off_device(&dp1, "nope", off.clone()).error_code(), Some("PMS_DEVICE_ERROR_006"));
    assert_eq!(off_device(&ftm_token("ftp1"), "d-1", off.clone()).status, 403);
    let done = off_device(&dp1, "d-1", off.clone()).ok();
    assert_eq!(done.response(), &json!({"deviceId": "d-1", "status": "approved", "isActive": false}));
    assert_eq!(off_device(&dp1, "d-1", off.clone()).error_code(), Some("PMS_DEVICE_ERROR_014"));
    // the SBI, with its devices
    let off_sbi =
        |tok: &str, id: &str| v2(&app, "PATCH", &format!("{SBI}/{id}"), tok, OFF_SBI, json!({"status": "De-Activate"}));
    assert_eq!(off_sbi(&provider_token("dp2"), &s1).error_code(), Some("PMS_DEVICE_ERROR_019"));
    let sbi_done = off_sbi(&dp1, &s1).ok();
    assert_eq!(sbi_done.response(), &json!({"sbiId": s1, "sbiVersion": "v1", "status": "approved", "isActive": false}));
    assert_eq!(off_sbi(&dp1, &s1).error_code(), Some("PMS_DEVICE_ERROR_020"));
    let rows = get(&app, &format!("{DD}?sbiId={s1}&sortFieldName=deviceId&sortType=asc"), &admin()).ok();
    let states: Vec<_> = rows.response()["data"].as_array().unwrap().iter().map(|r| r["status"].clone()).collect();
    assert_eq!(states, [json!("deactivated"), json!("rejected"), json!("rejected"), json!("deactivated")]);
    // an admin acts on any provider's SBI; an inactive partner on none
    let pending = sbi(&app, "dp2", "v1", false);
    assert_eq!(off_sbi(&admin(), &pending).error_code(), Some("PMS_DEVICE_ERROR_022"));
    let s2 = sbi(&app, "dp2", "v2", true);
    diesel::update(partner::table.find("dp2")).set(partner::is_active.eq(false)).execute(&mut conn(&app)).unwrap();
    assert_eq!(off_sbi(&provider_token("dp2"), &s2).error_code(), Some("PMS_PMP_016"));
    off_sbi(&admin(), &s2).ok();
    let audit = audit_ids(&app, &s1);
    for id in ["AUT-013", "AUT-012", "AUT-016:PMS_DEVICE_ERROR_019", "AUT-016:PMS_DEVICE_ERROR_020"] {
        assert!(audit.contains(&id.to_owned()), "{id} in {audit:?}");
    }
    assert!(audit_ids(&app, "d-1").contains(&"AUT-008:PMS_DEVICE_ERROR_014".to_owned()));
}

fn sbis_and_devices_are_listed_in_pages(app: TestApp) {
    device_world(&app);
    let s1 = sbi(&app, "dp1", "v1", true);
    let s2 = sbi(&app, "dp1", "v2", false);
    let s3 = sbi(&app, "dp2", "v1", true);
    let yesterday = Utc::now().naive_utc() - Duration::days(2);
    diesel::update(secure_biometric_interface::table.find(&s3))
        .set(secure_biometric_interface::sw_expiry_dtimes.eq(Some(yesterday)))
        .execute(&mut conn(&app))
        .unwrap();
    add(&app, &provider_token("dp1"), &s1, device("d-1", "dp1", "m1")).ok();
    add(&app, &provider_token("dp1"), &s1, device("d-2", "dp1", "m2")).ok();
    decide(&app, "d-1", json!({"partnerId": "dp1", "sbiId": s1, "status": "approved"})).ok();
    post(&app.client, DD, &provider_token("dp2"), device("d-9", "dp2", "m9")).ok();
    let all = get(&app, SBI, &admin()).ok();
    assert_eq!(all.body["id"], "mosip.pms.all.sbi.details.get");
    assert_eq!((all.response()["totalResults"].as_i64(), all.response()["pageSize"].as_i64()), (Some(3), Some(3)));
    let by_count =
        get(&app, &format!("{SBI}?sortFieldName=countOfAssociatedDevices&sortType=desc&pageNo=0&pageSize=2"), &admin())
            .ok();
    let top = &by_count.response()["data"][0];
    assert_eq!(top["sbiId"], json!(s1));
    assert_eq!(
        (
            top["countOfAssociatedDevices"].as_i64(),
            top["countOfApprovedDevices"].as_i64(),
            top["countOfPendingDevices"].as_i64()
        ),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(
        (by_count.response()["pageSize"].as_i64(), by_count.response()["totalResults"].as_i64()),
        (Some(2), Some(3))
    );
    let ids = |a: &Answer| -> Vec<Value> {
        a.response()["data"].as_array().unwrap().iter().map(|r| r["sbiId"].clone()).collect()
    };
    let by_status =
        get(&app, &format!("{SBI}?sortFieldName=status&sortType=asc&pageNo=0&pageSize=8&partnerId=DP1"), &admin()).ok();
    assert_eq!(ids(&by_status), [json!(s1), json!(s2)]);
    let expired = get(&app, &format!("{SBI}?sbiExpiryStatus=expired"), &admin()).ok();
    assert_eq!(ids(&expired), [json!(s3)]);
    assert_eq!(expired.response()["data"][0]["sbiExpiryStatus"], "expired");
    assert_eq!(ids(&get(&app, &format!("{SBI}?status=pending_approval"), &admin()).ok()), [json!(s2)]);
    let nothing = get(&app, &format!("{SBI}?status=deactivated"), &admin()).ok();
    assert_eq!(nothing.response(), &json!({"pageNo": 0, "pageSize": 0, "totalResults": 0, "data": []}));
    // providers see their own partners' SBIs
    assert_eq!(ids(&get(&app, SBI, &provider_token("dp2")).ok()), [json!(s3)]);
    assert_eq!(get(&app, SBI, &no_partner()).error_code(), Some("PMS_CERTIFICATE_ERROR_002"));
    assert_eq!(get(&app, SBI, &ftm_token("ftp1")).status, 403);
    for (query, code) in [
        ("sortFieldName=make&sortType=asc&pageNo=0&pageSize=1", "PMS_PRT_357"),
        ("sortFieldName=status", "PMS_PS_ERROR_007"),
        ("pageNo=0", "PMS_PS_ERROR_006"),
        ("sortFieldName=status&sortType=asc", "PMS_PS_ERROR_008"),
        ("pageNo=-1&pageSize=2", "PMS_PRT_360"),
    ] {
        assert_eq!(get(&app, &format!("{SBI}?{query}"), &admin()).error_code(), Some(code), "{query}");
    }
    // devices: one line per mapping, for admins
    let devices = get(&app, DD, &admin()).ok();
    assert_eq!(devices.body["id"], "mosip.pms.get.all.device.details.get");
    assert_eq!(
        (devices.response()["totalResults"].as_i64(), devices.response()["pageSize"].as_i64()),
        (Some(3), Some(8))
    );
    let pending = get(&app, &format!("{DD}?status=pending_approval&partnerId=dp1"), &admin()).ok();
    let line = &pending.response()["data"][0];
    assert_eq!(
        (line["deviceId"].as_str(), line["sbiId"].as_str(), line["sbiVersion"].as_str()),
        (Some("d-2"), Some(s1.as_str()), Some("v1"))
    );
    let by_status = get(&app, &format!("{DD}?sortFieldName=status&sortType=desc"), &admin()).ok();
    let statuses: Vec<_> =
        by_status.response()["data"].as_array().unwrap().iter().map(|r| r["status"].clone()).collect();
    assert_eq!(statuses, [json!("pending_approval"), json!("pending_approval"), json!("approved")]);
    let unmapped = get(&app, &format!("{DD}?deviceId=D-9&make=M9"), &admin()).ok();
    assert_eq!(unmapped.response()["data"][0]["sbiId"], Value::Null);
    assert_eq!(get(&app, DD, &provider_token("dp1")).status, 403);
    assert_eq!(
        get(&app, &format!("{DD}?sortFieldName=countOfAssociatedDevices&sortType=asc"), &admin()).error_code(),
        Some("PMS_PRT_357")
    );
    assert_eq!(get(&app, &format!("{DD}?pageSize=0"), &admin()).error_code(), Some("PMS_PRT_361"));
}

fn mappings_are_searched_with_their_devices_and_sbis(app: TestApp) {
    device_world(&app);
    let s1 = sbi(&app, "dp1", "v1", true);
    let s3 = sbi(&app, "dp2", "v9", true);
    add(&app, &provider_token("dp1"), &s1, device("d-1", "dp1", "m1")).ok();
    add(&app, &provider_token("dp1"), &s1, device("d-2", "dp1", "m2")).ok();
    add(&app, &provider_token("dp2"), &s3, device("d-9", "dp2", "m9")).ok();
    let path = format!("{SBI}/devicedetails/map/search");
    let search = |filters: Value| json!({"filters": filters, "sort": [{"sortField": "deviceDetailId", "sortType": "desc"}], "pagination": {"pageStart": 0, "pageFetch": 10}});
    let all = post(&app.client, &path, &admin(), search(json!([]))).ok();
    assert_eq!(all.response()["totalRecord"], 3);
    let first = &all.response()["data"][0];
    assert_eq!((first["deviceDetailId"].as_str(), first["sbiId"].as_str()), (Some("d-9"), Some(s3.as_str())));
    assert_eq!(
        (first["make"].as_str(), first["swVersion"].as_str(), first["swBinaryHash"].as_str()),
        (Some("m9"), Some("v9"), Some("MA=="))
    );
    assert_eq!((first["providerId"].as_str(), first["providerName"].as_str()), (Some("dp2"), Some("dp2 org")));
    let own = post(&app.client, &path, &provider_token("dp1"), search(json!([]))).ok();
    let ids: Vec<_> = own.response()["data"].as_array().unwrap().iter().map(|r| r["deviceDetailId"].clone()).collect();
    assert_eq!(ids, [json!("d-2"), json!("d-1")]);
    let one = post(
        &app.client,
        &path,
        &provider_token("dp1"),
        search(json!([{"columnName": "deviceDetailId", "type": "equals", "value": "d-1"}])),
    )
    .ok();
    assert_eq!(one.response()["totalRecord"], 1);
    let bad =
        post(&app.client, &path, &admin(), search(json!([{"columnName": "make", "type": "equals", "value": "m1"}])));
    assert!(bad.error_code().is_some_and(|c| c.starts_with("PMS-MSD")), "{}", bad.body);
    assert_eq!(post(&app.client, &path, &token("x", &["AUTH_PARTNER"]), search(json!([]))).status, 403);
}

api_tests!(
    mappings_are_searched_with_their_devices_and_sbis,
    devices_are_added_to_approved_sbis_and_decided_with_their_mapping,
    devices_and_sbis_are_deactivated_by_their_owners,
    sbis_and_devices_are_listed_in_pages,
);
