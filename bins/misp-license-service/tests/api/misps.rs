//! E1 register, E3 update, E7/E8/E9 reads; both prefixes; roles; audit records.

use serde_json::json;
use web_support::testing::{self, Client};

use crate::api_tests;
use crate::helpers::{MISPS, TestApp, admin, err, ida, message, misp_user};

const DOCUMENTED: &str = "/partnermanagement/v1/misps";

fn registration(name: &str) -> serde_json::Value {
    json!({
        "organizationName": name,
        "contactNumber": "9876543210",
        "emailId": "prm@telecom.com",
        "address": "Bangalore"
    })
}

fn register_answers_ids_in_order_and_stores_an_inprogress_active_misp(app: TestApp) {
    let body = json!({"id": "mosip.partnermanagement.misp.create", "version": "1.0",
        "requesttime": web_support::time::mosip_now(), "request": registration("Telecom")});
    let a = app.client.send("POST", MISPS, Some(&misp_user("u1")), &body).ok();
    assert_eq!(a.response()["mispID"], "100");
    assert_eq!(a.response()["mispStatus"], "Active");
    assert_eq!(a.body["id"], "mosip.partnermanagement.misp.create");
    assert_eq!(a.body["version"], "1.0");
    assert_eq!(a.body["errors"], json!([]));
    // the documented form (without the doubled `/misps`) serves the same API
    let b = app.client.send("POST", DOCUMENTED, Some(&misp_user("u2")), &body);
    assert_eq!(err(&b), "PMS_MSP_402", "same name: {}", b.body);
    let b = app.client.send("POST", DOCUMENTED, Some(&misp_user("u2")), &Client::envelope(registration("Other"))).ok();
    assert_eq!(b.response()["mispID"], "101");

    let m = app.misp("100");
    assert_eq!(m["misp"]["id"], "100");
    assert!(m["misp"].get("ID").is_none(), "one id key only: {m}");
    assert_eq!(m["misp"]["name"], "Telecom");
    assert_eq!(m["misp"]["status_code"], "Inprogress");
    assert_eq!(m["misp"]["isActive"], true);
    assert_eq!(m["misp"]["userID"], "u1");
    assert_eq!(m["misp"]["createdBy"], "u1");
    assert_eq!(m["misp"]["emailId"], "prm@telecom.com");
    assert_eq!(m["misp"]["contactNumber"], "9876543210");
    assert_eq!(m["misp"]["updatedBy"], serde_json::Value::Null);
    assert_eq!(m["misp_licenses"], json!([]), "no key before approval");

    assert_eq!(
        app.audit_ids(),
        [
            "PMS_MSP_101",
            "PMS_MSP_102",
            "PMS_MSP_103",
            "PMS_MSP_212",
            "PMS_MSP_200", // 100 registered
            "PMS_MSP_101",
            "PMS_MSP_417", // duplicate name
            "PMS_MSP_101",
            "PMS_MSP_102",
            "PMS_MSP_103",
            "PMS_MSP_212",
            "PMS_MSP_200", // 101 registered
        ]
    );
    let created = app.audits("PMS_MSP_212");
    assert_eq!(created[0].ref_id, "100");
    assert_eq!(created[0].ref_id_type, "MISP ID");
    assert_eq!(created[1].ref_id, "101");
    assert!(created[1].description.contains("101"));
    assert_eq!(created[0].session_user_id, "u1");
    assert_eq!(created[0].module_id, "PMS_MSP");
    let dup = app.audits("PMS_MSP_417");
    assert_eq!(dup[0].error_code.as_deref(), Some("PMS_MSP_402"));
}

fn register_validates_fields_then_email_then_name(app: TestApp) {
    let t = misp_user("u1");
    let a = app.call("POST", MISPS, &t, Some(json!({})));
    assert_eq!(a.status, 200);
    assert_eq!(err(&a), "PMS_COR_001");
    let fields: Vec<String> =
        a.body["errors"].as_array().unwrap().iter().map(|e| e["message"].as_str().unwrap().to_owned()).collect();
    assert_eq!(fields.len(), 4, "{fields:?}");
    assert!(fields[0].ends_with(":request.organizationName"), "{fields:?}");
    assert!(fields[2].ends_with(":request.emailId"), "{fields:?}");

    let mut r = registration("Acme");
    r["contactNumber"] = json!("12345678901234567");
    let a = app.call("POST", MISPS, &t, Some(r));
    assert_eq!(err(&a), "PMS_COR_001");
    assert!(message(&a).ends_with(":request.contactNumber"));

    let mut r = registration("Acme");
    r["organizationName"] = json!(" ");
    assert_eq!(err(&app.call("POST", MISPS, &t, Some(r))), "PMS_COR_001");

    let mut r = registration("A".repeat(129).as_str());
    r["address"] = json!("x".repeat(2001));
    let a = app.call("POST", MISPS, &t, Some(r));
    assert_eq!(a.body["errors"].as_array().unwrap().len(), 2);

    let mut r = registration("Acme");
    r["emailId"] = json!("PRM@TELECOM.COM");
    let a = app.call("POST", MISPS, &t, Some(r));
    assert_eq!(err(&a), "PMS_MSP_401");
    assert_eq!(message(&a), "Invalid email id.");

    app.register("u1", "Acme");
    let a = app.call("POST", MISPS, &t, Some(registration("Acme")));
    assert_eq!(err(&a), "PMS_MSP_402");
    assert_eq!(message(&a), "MISP already registred with name :  Acme");
    // names are compared exactly
    app.register("u1", "acme");

    // no request, a bad requesttime, a body that is not JSON
    let a = app.client.send("POST", MISPS, Some(&t), &json!({"id": "x"}));
    assert_eq!(err(&a), "PMS_COR_001");
    let a =
        app.client.send("POST", MISPS, Some(&t), &json!({"requesttime": "yesterday", "request": registration("B")}));
    assert_eq!(err(&a), "PMS_COR_001");
    let a = app.client.send_raw("POST", MISPS, Some(&t), "{not json");
    assert_eq!((a.status, err(&a).as_str()), (400, "PMS_COR_001"));
    let a = app.client.send("POST", MISPS, Some(&t), &Client::envelope(json!({"organizationName": 5})));
    assert_eq!((a.status, err(&a).as_str()), (400, "PMS_COR_001"));

    let bad_email = app.audits("PMS_MSP_401");
    assert_eq!(bad_email.len(), 1);
    assert_eq!(bad_email[0].error_code.as_deref(), Some("PMS_MSP_401"));
    assert_eq!(app.audits("PMS_MSP_212").len(), 2, "only the two registrations succeeded");
}

fn register_needs_a_misp_or_admin_role(app: TestApp) {
    let a = app.client.send("POST", MISPS, None, &Client::envelope(registration("X")));
    assert_eq!((a.status, err(&a).as_str()), (401, "KER-ATH-401"));
    for token in [ida(), testing::token("p", &["AUTH_PARTNER", "MISP_PARTNER"])] {
        let a = app.call("POST", MISPS, &token, Some(registration("X")));
        assert_eq!((a.status, err(&a).as_str()), (403, "KER-ATH-403"));
    }
    let a = app.call("POST", MISPS, &admin(), Some(registration("By admin"))).ok();
    assert_eq!(app.misp(a.response()["mispID"].as_str().unwrap())["misp"]["userID"], "misp-admin");
    assert!(app.audits("PMS_MSP_101").len() == 1, "refused callers leave no record");
}

fn update_replaces_the_details_of_ones_own_misp(app: TestApp) {
    let id = app.register("u1", "Telecom");
    let other = app.register("u2", "Other");
    let path = format!("{MISPS}/{id}");
    let details = json!({"mispID": "ignored", "name": "Telecom Two", "contactNumber": "1", "emailId": "a+b@x.io", "address": "Mysore"});
    let a = app.call("PUT", &path, &misp_user("u1"), Some(details.clone())).ok();
    assert_eq!(
        a.response(),
        &json!({"mispID": id, "name": "Telecom Two", "contactNumber": "1", "emailID": "a+b@x.io", "address": "Mysore"})
    );
    assert_eq!(a.body["version"], "1.0");
    let m = app.misp(&id);
    assert_eq!(m["misp"]["name"], "Telecom Two");
    assert_eq!(m["misp"]["updatedBy"], "u1", "upd_by is the acting user");
    assert_eq!(m["misp"]["status_code"], "Inprogress", "status untouched");
    assert!(m["misp"]["updatedDateTime"].is_string());

    // another MISP user may not; an admin may
    let a = app.call("PUT", &path, &misp_user("u2"), Some(details.clone()));
    assert_eq!((a.status, err(&a).as_str()), (403, "KER-ATH-403"));
    let mut by_admin = details.clone();
    by_admin["name"] = json!("Telecom Three");
    app.call("PUT", &path, &admin(), Some(by_admin)).ok();
    assert_eq!(app.misp(&id)["misp"]["updatedBy"], "misp-admin");

    // keeping its own name is fine; another MISP's name is not
    let mut same = details.clone();
    same["name"] = json!("Telecom Three");
    app.call("PUT", &path, &misp_user("u1"), Some(same)).ok();
    let mut taken = details.clone();
    taken["name"] = json!("Other");
    let a = app.call("PUT", &path, &misp_user("u1"), Some(taken));
    assert_eq!(err(&a), "PMS_MSP_402");
    let mut bad = details.clone();
    bad["emailId"] = json!("a@b");
    assert_eq!(err(&app.call("PUT", &path, &misp_user("u1"), Some(bad))), "PMS_MSP_401");
    let mut missing = details.clone();
    missing["address"] = serde_json::Value::Null;
    assert_eq!(err(&app.call("PUT", &path, &misp_user("u1"), Some(missing))), "PMS_COR_001");
    let a = app.call("PUT", &format!("{MISPS}/999"), &admin(), Some(details));
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_005", "MISP ID does not exist  999"));
    assert_eq!(app.misp(&other)["misp"]["name"], "Other");

    let taken = app.audits("PMS_MSP_402");
    assert_eq!(taken.len(), 1);
    assert_eq!((taken[0].ref_id.as_str(), taken[0].error_code.as_deref()), (id.as_str(), Some("PMS_MSP_402")));
    let bad_email = app.audits("PMS_MSP_416");
    assert_eq!((bad_email[0].ref_id.as_str(), bad_email[0].error_code.as_deref()), (id.as_str(), Some("PMS_MSP_401")));
    assert_eq!(app.audits("PMS_MSP_108").len(), 3);
    assert_eq!(app.audits("PMS_MSP_203").len(), 3);
    assert_eq!(app.audits("PMS_MSP_107").len(), 8);
}

fn reads_list_get_and_search_by_name_prefix(app: TestApp) {
    let a = app.call("GET", MISPS, &admin(), None);
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_409", "No MISP details found"));
    let t1 = app.register("u1", "Telecom");
    let t2 = app.register("u1", "tele_100%");
    let o = app.register("u2", "Other");

    let all = app.call("GET", MISPS, &admin(), None).ok();
    let ids: Vec<&str> = all.response().as_array().unwrap().iter().map(|m| m["misp"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [t1.as_str(), t2.as_str(), o.as_str()]);
    assert!(all.body["id"].is_null(), "GET answers carry no id");
    let own = app.call("GET", DOCUMENTED, &misp_user("u2"), None).ok();
    assert_eq!(own.response().as_array().unwrap().len(), 1);
    assert_eq!(own.response()[0]["misp"]["id"], o.as_str());
    let none = app.call("GET", MISPS, &misp_user("u3"), None);
    assert_eq!(err(&none), "PMS_MSP_409");

    let get = |path: &str, token: &str| app.call("GET", &format!("{MISPS}{path}"), token, None);
    assert_eq!(get(&format!("/mispId/{t1}"), &misp_user("u1")).ok().response()["misp"]["name"], "Telecom");
    let a = get(&format!("/mispId/{t1}"), &misp_user("u2"));
    assert_eq!((a.status, err(&a).as_str()), (403, "KER-ATH-403"));
    assert_eq!(err(&get("/mispId/555", &admin())), "PMS_MSP_005");
    // literal segments win over /{mispId}/…
    assert_eq!(err(&get("/mispId/licenseKey", &admin())), "PMS_MSP_005");

    let names = |path: &str, token: &str| -> Vec<String> {
        let a = get(path, token);
        if a.error_code().is_some() {
            return vec![err(&a)];
        }
        a.response().as_array().unwrap().iter().map(|m| m["misp"]["name"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names("/name/Tele", &admin()), ["Telecom"]);
    assert_eq!(names("/name/tele", &admin()), ["tele_100%"], "case-sensitive");
    assert_eq!(names("/name/tele_", &admin()), ["tele_100%"]);
    assert_eq!(names("/name/tel%25", &admin()), ["PMS_MSP_409"], "% is no wildcard");
    assert_eq!(names("/name/te", &misp_user("u2")), ["PMS_MSP_409"], "a MISP user searches its own");
    assert_eq!(names("/name/O", &misp_user("u2")), ["Other"]);
    assert_eq!(names("/name/x", &admin()), ["PMS_MSP_409"]);
    let a = app.call("GET", MISPS, &ida(), None);
    assert_eq!(a.status, 403);
}

api_tests!(
    register_answers_ids_in_order_and_stores_an_inprogress_active_misp,
    register_validates_fields_then_email_then_name,
    register_needs_a_misp_or_admin_role,
    update_replaces_the_details_of_ones_own_misp,
    reads_list_get_and_search_by_name_prefix,
);
