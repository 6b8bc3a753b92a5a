//! The OpenAPI document: every route documented and every operation routed, the document and
//! Swagger UI served, and the licence-key validation counter.

use misp_app::metrics::VALIDATIONS;
use serde_json::{Value, json};
use web_support::openapi::conformance::Conformance;
use web_support::openapi::drift::compare;
use web_support::openapi::route_table;
use web_support::testing::{Answer, token};

use crate::api_tests;
use crate::helpers::{LICENSES, TestApp, admin, ida, misp_user};

const DOCS: &str = "/partnermanagement/v1/misps/v3/api-docs";
const UI: &str = "/partnermanagement/v1/misps/swagger-ui/";

#[test]
fn every_route_is_documented_and_every_operation_is_routed() {
    let table = route_table(misp_license_service::routes::register);
    let doc = misp_license_service::openapi::document();
    if let Err(report) = compare(&table, &doc).check(&[]) {
        panic!("the OpenAPI document and the routes differ:\n{report}");
    }
    // E1–E10 under two prefixes, six MOSIP 1.2 operations, two actuator endpoints
    assert_eq!(table.routes.len(), 2 * 10 + 6 + 2);
}

#[test]
fn the_committed_document_is_the_served_one() {
    let doc = serde_json::to_value(misp_license_service::openapi::document()).unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi/misp-license-service.json");
    if let Err(difference) = web_support::testing::snapshot::check_openapi(&doc, &path) {
        panic!("{difference}");
    }
}

#[test]
fn the_document_describes_security_and_the_envelope() {
    let doc = serde_json::to_value(misp_license_service::openapi::document()).unwrap();
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    assert_eq!(doc["components"]["securitySchemes"]["cookie"]["in"], "cookie");
    assert_eq!(doc["components"]["securitySchemes"]["cookie"]["name"], "Authorization");
    let register = &doc["paths"]["/partnermanagement/v1/misps/misps"]["post"];
    assert_eq!(register["operationId"], "registerMisp");
    assert!(register["description"].as_str().unwrap().contains("PMS_MSP_402"));
    assert_eq!(register["responses"]["401"]["$ref"], "#/components/responses/Unauthenticated");
    assert_eq!(register["responses"]["400"]["$ref"], "#/components/responses/MalformedBody");
    let example = &register["requestBody"]["content"]["application/json"]["example"];
    assert_eq!(example["request"]["organizationName"], "Airtel Money");
    let short = &doc["paths"]["/partnermanagement/v1/misps"]["post"];
    assert_eq!(short["operationId"], "registerMispShort");
    let health = &doc["paths"]["/partnermanagement/v1/misps/actuator/health"]["get"];
    assert_eq!(health["security"], json!([{}]), "the actuator needs no token");
    assert!(health["responses"]["401"].is_null());
}

fn the_document_and_swagger_ui_are_served(app: TestApp) {
    let c = &app.client;
    let served = c.get(DOCS, None);
    assert_eq!(served.status, 200);
    assert_eq!(served.body, serde_json::to_value(misp_license_service::openapi::document()).unwrap());
    let page = c.get(UI, None);
    assert_eq!(page.status, 200);
    assert!(page.body.as_str().unwrap_or_default().contains("swagger-ui"), "{}", page.body);
    let init = c.get(&format!("{UI}swagger-initializer.js"), None);
    assert!(init.body.as_str().unwrap_or_default().contains(DOCS), "{}", init.body);
    let bare = c.get("/partnermanagement/v1/misps/swagger-ui", None);
    assert_eq!(bare.status, 200, "redirected to the UI");
}

/// The value of the validation counter for `outcome` (0 before its first increment).
fn validations(app: &TestApp, outcome: &str) -> f64 {
    let text = app.client.get("/partnermanagement/v1/misps/actuator/prometheus", None).body;
    let label = format!(r#"{VALIDATIONS}{{outcome="{outcome}"}} "#);
    text.as_str()
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(&label))
        .map_or(0.0, |v| v.trim().parse().unwrap())
}

fn validations_are_counted_by_outcome(app: TestApp) {
    let (id, key) = app.approved("u1", "Counted Org");
    let (other, _) = app.approved("u2", "Other Org");
    // the recorder is process-wide and other tests validate too: compare before and after
    let outcomes = ["valid", "key_inactive", "unknown_key", "other_misp", "forbidden", "bad_request"];
    let before: Vec<f64> = outcomes.iter().map(|o| validations(&app, o)).collect();
    app.validate(&id, &key, &ida()).ok();
    app.validate(&id, &key, &ida()).ok();
    app.validate(&id, "no-such-key", &ida());
    app.validate(&other, &key, &ida());
    app.validate(&id, &key, &misp_user("u2"));
    app.call("PATCH", &format!("/partnermanagement/v1/misps/{id}/licenseKey"), &ida(), Some(json!({})));
    app.switch_key(&id, &key, "de-active").ok();
    app.validate(&id, &key, &admin()).ok();
    let after: Vec<f64> = outcomes.iter().map(|o| validations(&app, o)).collect();
    let grew: Vec<f64> = after.iter().zip(&before).map(|(a, b)| a - b).collect();
    for (outcome, (grew, least)) in outcomes.iter().zip(grew.iter().zip([2.0, 1.0, 1.0, 1.0, 1.0, 1.0])) {
        assert!(*grew >= least, "{outcome}: grew by {grew}, expected at least {least}");
    }
    let text = app.client.get("/partnermanagement/v1/misps/actuator/prometheus", None).body;
    let series: Vec<&str> = text.as_str().unwrap_or_default().lines().filter(|l| l.starts_with(VALIDATIONS)).collect();
    assert!(series.iter().all(|l| !l.contains(&key) && !l.contains(&id)), "no ids or keys in labels: {series:?}");
}

/// Every operation on its success path (and the common failures), under both prefixes, each
/// answer checked against the schema the document gives for its operation and status.
fn answers_match_the_document(app: TestApp) {
    let doc = Conformance::new(&misp_license_service::openapi::document());
    let call = |method: &str, template: &str, path: &str, tok: &str, request: Option<Value>| -> Answer {
        let answer = app.call(method, path, tok, request);
        doc.check(method, template, &answer);
        answer
    };
    for (n, prefix) in ["/partnermanagement/v1/misps/misps", "/partnermanagement/v1/misps"].into_iter().enumerate() {
        let owner = format!("owner{n}");
        let name = format!("Org {n}");
        let registration = json!({"organizationName": name, "contactNumber": "9876543210",
            "emailId": "misp@example.com", "address": "Bangalore"});
        let a = call("POST", prefix, prefix, &misp_user(&owner), Some(registration.clone())).ok();
        let id = a.response()["mispID"].as_str().unwrap().to_owned();
        let misp = format!("{prefix}/{id}");
        let key_path = format!("{prefix}/{{mispId}}/licenseKey");
        let approved = call(
            "PATCH",
            &format!("{prefix}/{{mispId}}/status"),
            &format!("{misp}/status"),
            &admin(),
            Some(json!({"mispStatus": "approved"})),
        )
        .ok();
        let key = approved.response()["mispLicenseKey"].as_str().unwrap().to_owned();
        let mut update = registration;
        update["name"] = json!(name);
        call("PUT", &format!("{prefix}/{{mispId}}"), &misp, &misp_user(&owner), Some(update)).ok();
        call("PATCH", &key_path, &format!("{misp}/licenseKey"), &ida(), Some(json!({"mispLicenseKey": key}))).ok();
        call(
            "PUT",
            &key_path,
            &format!("{misp}/licenseKey"),
            &admin(),
            Some(json!({"mispLicenseKey": key, "mispLicenseKeyStatus": "active"})),
        )
        .ok();
        call("GET", &key_path, &format!("{misp}/licenseKey"), &misp_user(&owner), None).ok();
        call("GET", prefix, prefix, &admin(), None).ok();
        call("GET", &format!("{prefix}/mispId/{{mispId}}"), &format!("{prefix}/mispId/{id}"), &admin(), None).ok();
        call("GET", &format!("{prefix}/name/{{orgName}}"), &format!("{prefix}/name/Org"), &admin(), None).ok();
        call("PATCH", &format!("{prefix}/{{mispId}}"), &misp, &admin(), Some(json!({"mispStatus": "de-active"}))).ok();
        let rejected = call(
            "PATCH",
            &format!("{prefix}/{{mispId}}/status"),
            &format!("{misp}/status"),
            &admin(),
            Some(json!({"mispStatus": "rejected"})),
        )
        .ok();
        assert!(rejected.response()["mispLicenseKey"].is_null(), "a rejection issues no key");
        let unknown =
            call("GET", &format!("{prefix}/mispId/{{mispId}}"), &format!("{prefix}/mispId/nope"), &admin(), None);
        assert_eq!(unknown.error_code(), Some("PMS_MSP_005"));
        let forbidden = app.call("GET", prefix, &ida(), None);
        assert_eq!(doc.check("GET", prefix, &forbidden).status, 403);
        let unauthenticated = app.client.get(prefix, None);
        assert_eq!(doc.check("GET", prefix, &unauthenticated).status, 401);
        let malformed = app.client.send_raw("POST", prefix, Some(&admin()), "[1, 2");
        assert_eq!(doc.check("POST", prefix, &malformed).status, 400);
    }

    app.partner("MISPP", "MISP_Partner", true);
    let pa = token("partner-admin", &["PARTNER_ADMIN"]);
    let generated = call("POST", LICENSES, LICENSES, &pa, Some(json!({"providerId": "MISPP"}))).ok();
    let key = generated.response()["licenseKey"].as_str().unwrap().to_owned();
    call(
        "PUT",
        LICENSES,
        LICENSES,
        &pa,
        Some(json!({"providerId": "MISPP", "licenseKeyStatus": "active", "licenseKey": key})),
    )
    .ok();
    call("GET", LICENSES, LICENSES, &pa, None).ok();
    let current = format!("{LICENSES}/{{mispId}}/licenseKey");
    call("GET", &current, &format!("{LICENSES}/MISPP/licenseKey"), &pa, None).ok();
    let search = json!({"filters": [{"columnName": "mispId", "type": "equals", "value": "MISPP"}],
        "sort": [{"sortField": "createdDateTime", "sortType": "desc"}], "pagination": {"pageStart": 0, "pageFetch": 5}});
    let page = call("POST", &format!("{LICENSES}/search"), &format!("{LICENSES}/search"), &pa, Some(search)).ok();
    assert_eq!(page.response()["totalRecord"], 1);
    let values = json!({"filters": [{"columnName": "mispId", "type": "unique", "text": ""}]});
    call("POST", &format!("{LICENSES}/filtervalues"), &format!("{LICENSES}/filtervalues"), &pa, Some(values)).ok();
    let health = app.client.get("/partnermanagement/v1/misps/actuator/health", None);
    doc.check("GET", "/partnermanagement/v1/misps/actuator/health", &health);

    let unchecked: Vec<String> =
        doc.unchecked_operations().into_iter().filter(|op| !op.ends_with("/actuator/prometheus")).collect();
    assert!(unchecked.is_empty(), "not walked: {unchecked:?}");
}

api_tests!(the_document_and_swagger_ui_are_served, validations_are_counted_by_outcome, answers_match_the_document);
