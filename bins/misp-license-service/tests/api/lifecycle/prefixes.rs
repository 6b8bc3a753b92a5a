//! Both path prefixes serve every endpoint.

use serde_json::json;

use crate::api_tests;
use crate::helpers::TestApp;
use crate::helpers::admin;
use crate::helpers::ida;
use crate::helpers::misp_user;

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

api_tests!(both_prefixes_serve_every_endpoint);
