//! FTM chips: create, update, approve or reject.

use serde_json::json;

use crate::api_tests;
use crate::device_fixtures::*;
use crate::helpers::TestApp;
use crate::partner_fixtures::{admin, audit_ids, patch, post, put};

fn ftm_chips_are_unique_per_make_model_and_approved_only_with_a_certificate(app: TestApp) {
    device_world(&app);
    let c = &app.client;
    let chip = json!({"ftpProviderId": "ftp1", "make": "Make123", "model": "MODEL-01"});
    let created = post(c, FTM, &ftm_token("ftp1"), chip.clone()).ok();
    let id = created.response()["id"].as_str().unwrap().to_owned();
    assert_eq!(post(c, FTM, &ftm_token("ftp1"), chip).error_code(), Some("PMP_AUT_032"));
    let unknown = json!({"ftpProviderId": "asdgfb", "make": "m", "model": "x"});
    assert_eq!(post(c, FTM, &admin(), unknown).error_code(), Some("PMP_AUT_030"));
    assert_eq!(
        post(c, FTM, &provider_token("dp1"), json!({"ftpProviderId": "dp1", "make": "m", "model": "x"})).status,
        403
    );
    assert_eq!(post(c, FTM, &admin(), json!({"make": "m", "model": "x"})).error_code(), Some("PMS_COR_001"));
    let update = json!({"ftpChipDetailId": id, "make": "Make123Updated", "model": "MODEL-001"});
    assert_eq!(put(c, FTM, &ftm_token("other"), update.clone()).error_code(), Some("PMS_DEVICE_ERROR_001"));
    put(c, FTM, &ftm_token("ftp1"), update).ok();
    assert_eq!(patch(c, FTM, &admin(), json!({"approvalStatus": true})).error_code(), Some("PMS_COR_001"));
    assert_eq!(
        patch(c, FTM, &admin(), json!({"ftpChipDetailId": id, "approvalStatus": true})).error_code(),
        Some("PMP_AUT_033")
    );
    assert_eq!(
        patch(c, FTM, &admin(), json!({"ftpChipDetailId": "nope", "approvalStatus": false})).error_code(),
        Some("PMP_AUT_031")
    );
    let rejected = patch(c, FTM, &admin(), json!({"ftpChipDetailId": id, "approvalStatus": false})).ok();
    assert_eq!(rejected.response(), "Status updated successfully.");
    // certificates: the provider must exist and own the chip; none uploaded yet
    let upload = |provider: &str| {
        json!({"ftpProviderId": provider, "ftpChipDeatilId": id, "certificateData": "x",
        "organizationName": "ftp1 org", "partnerDomain": "FTM"})
    };
    let u = format!("{FTM}/uploadcertificate");
    assert_eq!(post(c, &u, &admin(), upload("asdgfb")).error_code(), Some("PMP_AUT_030"));
    assert_eq!(post(c, &u, &admin(), upload("dp1")).error_code(), Some("PMP_AUT_034"));
    assert_eq!(post(c, &u, &ftm_token("ftp1"), upload("ftp1")).error_code(), Some("PMP_AUT_038"), "a rejected chip");
    let read = c.get(&format!("{FTM}/getPartnerCertificate/{id}"), Some(&ftm_token("ftp1")));
    assert_eq!(read.error_code(), Some("PMP_AUT_033"));
    let audit = audit_ids(&app, &id);
    assert!(audit.contains(&"AUT-007".to_owned()) && audit.contains(&"AUT-008:PMP_AUT_033".to_owned()), "{audit:?}");
    assert!(audit_ids(&app, "ftp1").contains(&"AUT-005".to_owned()));
}

api_tests!(ftm_chips_are_unique_per_make_model_and_approved_only_with_a_certificate);
