//! M1 activation by an admin, and the M2/M3 lists.

use serde_json::json;
use web_support::testing::token;

use super::PARTNERS;
use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

fn admins_switch_partners_on_and_off(app: TestApp) {
    world(&app);
    let c = &app.client;
    register(&app, "MISP", "MISP_Partner", None).ok();
    let path = format!("{PARTNERS}/MISP");
    let status = |s: &str| patch(c, &path, &admin(), json!({"status": s}));
    assert_eq!(status("Active").error_code(), Some("PMS_PRT_108"), "no certificate yet");
    certify(&app, "MISP");
    misp_license_row(&app, "MISP", "lic-1");
    assert_eq!(status("De-Active").ok().response(), &json!({"message": "Partner de-activated successfully"}));
    assert_eq!(c.get(&path, Some(&admin())).response()["status"], "De-active");
    assert!(!misp_license_active(&app, "lic-1"), "deactivating a MISP switches its licence keys off");
    assert_eq!(status("de-active").ok().response()["message"], "Partner de-activated successfully", "idempotent");
    assert_eq!(status("ACTIVE").ok().response(), &json!({"message": "Partner activated successfully"}));
    assert_eq!(c.get(&path, Some(&admin())).response()["isActive"], true);
    assert_eq!(status("inactive").error_code(), Some("PMS_PM_058"));
    assert_eq!(status("").error_code(), Some("PMS_COR_001"));
    assert_eq!(
        patch(c, &format!("{PARTNERS}/asdfgrwg"), &admin(), json!({"status": "De-Active"})).error_code(),
        Some("PMS_PMP_005")
    );
    let partner = patch(c, &path, &partner_token("MISP"), json!({"status": "De-Active"}));
    assert_eq!(partner.status, 403, "only partner managers switch partners");
    let ids = audit_ids(&app, "MISP");
    assert!(ids.contains(&"PMS_PRT_425:PMS_PRT_108".to_owned()), "{ids:?}");
}

fn lists_filter_by_type_and_owner(app: TestApp) {
    world(&app);
    let c = &app.client;
    assert_eq!(c.get(PARTNERS, Some(&admin())).error_code(), Some("PMS_PMP_013"), "no partners yet");
    register(&app, "l-auth", "Auth_Partner", Some("group one")).ok();
    register(&app, "l-sdk", "SDK_Partner", None).ok();
    let all = c.get(PARTNERS, Some(&admin())).ok();
    let ids: Vec<&str> =
        all.response()["partners"].as_array().unwrap().iter().filter_map(|p| p["partnerID"].as_str()).collect();
    assert_eq!(ids, ["l-auth", "l-sdk"]);
    assert!(all.response()["partners"][0].get("logoUrl").is_none(), "v1 items carry no logo");
    let sdk = c.get(&format!("{PARTNERS}?partnerType=SDK_Partner"), Some(&admin())).ok();
    assert_eq!(sdk.response()["partners"].as_array().map(Vec::len), Some(1));
    assert_eq!(c.get(&format!("{PARTNERS}?partnerType=sdk_partner"), Some(&admin())).error_code(), Some("PMS_PMP_013"));
    // a reader without the admin role sees its own partner only
    let ida = token("l-auth", &["ID_AUTHENTICATION"]);
    let own = c.get(PARTNERS, Some(&ida)).ok();
    assert_eq!(own.response()["partners"].as_array().map(Vec::len), Some(1));
    assert_eq!(c.get(PARTNERS, Some(&partner_token("l-auth"))).status, 403, "AUTH_PARTNER may not list");
}

api_tests!(admins_switch_partners_on_and_off, lists_filter_by_type_and_owner);
