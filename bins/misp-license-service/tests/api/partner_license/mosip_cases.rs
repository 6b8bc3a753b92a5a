//! MOSIP's own MISP licence cases, in their order.

use serde_json::json;

use super::{generate, partner_admin, put};
use crate::api_tests;
use crate::helpers::LICENSES;
use crate::helpers::TestApp;
use crate::helpers::err;

/// MOSIP's `MispLicense` conformance cases in their order, once their MISP partners exist and are
/// active (registered, certificate uploaded).
fn the_mosip_misp_licence_cases_in_order(app: TestApp) {
    app.partner("MISP", "MISP_Partner", true);
    app.partner("MISP2", "MISP_Partner", true);
    let t = partner_admin();
    let k1 = generate(&app, &t, "MISP").ok();
    assert_eq!(
        (k1.response()["providerId"].as_str(), k1.response()["licenseKeyStatus"].as_str()),
        (Some("MISP"), Some("Active"))
    );
    let k2 = generate(&app, &t, "MISP2").ok();
    assert_eq!(err(&generate(&app, &t, "asdfgsd")), "PMS_MSP_005");
    app.call("GET", LICENSES, &t, None).ok();
    let key1 = k1.response()["licenseKey"].as_str().unwrap();
    let key2 = k2.response()["licenseKey"].as_str().unwrap();
    assert_eq!(put(&app, &t, "MISP", key1, "De-active").ok().response()["licenseKeyStatus"], "de-active");
    assert_eq!(put(&app, &t, "MISP2", key2, "Active").ok().response()["licenseKeyStatus"], "active");
    assert_eq!(err(&put(&app, &t, "MISP", "adfvad", "inactive")), "PMS_MSP_407");
    let a = app.call("GET", &format!("{LICENSES}/MISP2/licenseKey"), &t, None).ok();
    assert_eq!(a.response()["providerId"], "MISP2");
    let search = json!({"filters": [], "sort": [{"sortField": "createdDateTime", "sortType": "ASC"}],
        "pagination": {"pageStart": 0.0, "pageFetch": 10.0}});
    app.call("POST", &format!("{LICENSES}/search"), &t, Some(search)).ok();
    let a = app
        .call(
            "POST",
            &format!("{LICENSES}/filtervalues"),
            &t,
            Some(json!({"filters": [{"columnName": "isActive", "type": "all", "text": ""}]})),
        )
        .ok();
    assert_eq!(a.response()["filters"].as_array().map(Vec::len), Some(2));
}

api_tests!(the_mosip_misp_licence_cases_in_order);
