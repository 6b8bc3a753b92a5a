//! Who may decide on MISPs and switch them and their keys; deciding on a deactivated MISP.

use serde_json::json;
use web_support::testing;

use crate::api_tests;
use crate::helpers::{MISPS, TestApp, err, ida, message, misp_user};

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

api_tests!(only_admins_decide_switch_misps_and_switch_keys, approving_a_deactivated_misp_is_405);
