//! The OpenAPI document: every route documented and every operation routed (but for the
//! `PENDING` list), the document and Swagger UI served under both scopes.

use serde_json::{Value, json};
use web_support::openapi::conformance::Conformance;
use web_support::openapi::drift::compare;
use web_support::openapi::{Route, route_table};
use web_support::testing::{Answer, Client, token};

use crate::api_tests;
use crate::helpers::TestApp;

/// Routes of `/v1/partnermanager` whose handlers are not documented yet. Documenting one (see
/// `docs/development.md`, "Documenting an endpoint") means taking it off this list; the test
/// fails while a documented route is still listed. The list must end up empty.
const PENDING: &[(&str, &str)] = &[];

#[test]
fn every_route_is_documented_and_every_operation_is_routed() {
    let table = route_table(partner_service::routes::register);
    let builder = partner_service::openapi::builder();
    assert!(builder.conflicts().is_empty(), "{:?}", builder.conflicts());
    let doc = builder.build();
    let pending: Vec<Route> = PENDING.iter().map(|(m, p)| Route { method: (*m).into(), path: (*p).into() }).collect();
    if let Err(report) = compare(&table, &doc).check(&pending) {
        panic!("the OpenAPI document and the routes differ:\n{report}");
    }
    assert!(table.routes.len() >= 17 + 4 + PENDING.len(), "{} routes", table.routes.len());
}

#[test]
fn the_committed_document_is_the_served_one() {
    let doc = serde_json::to_value(partner_service::openapi::document()).unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi/partner-service.json");
    if let Err(difference) = web_support::testing::snapshot::check_openapi(&doc, &path) {
        panic!("{difference}");
    }
}

#[test]
fn the_policy_manager_is_documented_with_mosips_operation_ids() {
    let doc = serde_json::to_value(partner_service::openapi::document()).unwrap();
    let ids: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, _)| path.starts_with("/v1/policymanager/policies"))
        .flat_map(|(_, item)| item.as_object().unwrap().values().filter_map(|op| op["operationId"].as_str()))
        .collect();
    assert_eq!(ids.len(), 21, "{ids:?}");
    for id in [
        "definePolicyGroup",
        "definePolicy",
        "publishPolicy",
        "searchPolicy",
        "getPoliciesByGroupName",
        "getPolicyGroups",
        "getAllPolicies",
        "deactivatePolicy",
        "deactivatePolicyGroup",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    let create = &doc["paths"]["/v1/policymanager/policies"]["post"];
    assert!(create["description"].as_str().unwrap().contains("PMS_POL_009"));
    assert_eq!(create["requestBody"]["content"]["application/json"]["example"]["request"]["policyType"], "Auth");
    assert_eq!(doc["paths"]["/v1/policymanager/actuator/health"]["get"]["operationId"], "healthPolicyManager");
    assert_eq!(doc["paths"]["/v1/partnermanager/actuator/health"]["get"]["security"], json!([{}]));
}

fn the_document_and_swagger_ui_are_served_under_both_scopes(app: TestApp) {
    let c = &app.client;
    let expected = serde_json::to_value(partner_service::openapi::document()).unwrap();
    for base in ["/v1/partnermanager", "/v1/policymanager"] {
        let served = c.get(&format!("{base}/v3/api-docs"), None);
        assert_eq!(served.status, 200, "{base}");
        assert_eq!(served.body, expected, "{base}");
        let page = c.get(&format!("{base}/swagger-ui/"), None);
        assert_eq!(page.status, 200, "{base}");
        assert!(page.body.as_str().unwrap_or_default().contains("swagger-ui"), "{base}");
        let init = c.get(&format!("{base}/swagger-ui/swagger-initializer.js"), None);
        assert!(init.body.as_str().unwrap_or_default().contains(&format!("{base}/v3/api-docs")), "{}", init.body);
    }
}

fn methods_a_route_does_not_serve_answer_405_in_the_envelope(app: TestApp) {
    let a = app.client.send("DELETE", "/v1/partnermanager/audits", None, &json!({}));
    assert_eq!((a.status, a.error_code()), (405, Some("PMS_COR_405")));
    let a = app.client.send("DELETE", "/v1/policymanager/policies/group/all", None, &json!({}));
    assert_eq!((a.status, a.error_code()), (405, Some("PMS_COR_405")));
    assert!(a.body.get("metadata").is_none(), "the policy manager answers without metadata");
}

/// Every policy-manager operation on its success path (and the common failures), each answer
/// checked against the schema the document gives for its operation and status.
fn policy_manager_answers_match_the_document(app: TestApp) {
    let doc = Conformance::new(&partner_service::openapi::document());
    let pm = token("pm-1", &["POLICYMANAGER"]);
    let c = &app.client;
    let call = |method: &str, template: &str, path: &str, request: Option<Value>| -> Answer {
        let answer = match (method, request) {
            ("GET", _) => c.get(path, Some(&pm)),
            (_, Some(r)) => c.send(method, path, Some(&pm), &Client::envelope(r)),
            (_, None) => c.send(method, path, Some(&pm), &json!({})),
        };
        doc.check(method, template, &answer);
        answer
    };
    let pl = "/v1/policymanager/policies";
    let group =
        call("POST", &format!("{pl}/group/new"), &format!("{pl}/group/new"), Some(json!({"name": "g1", "desc": "d"})))
            .ok();
    let group_id = group.response()["id"].as_str().unwrap().to_owned();
    let g = format!("{pl}/group/{group_id}");
    call(
        "PUT",
        &format!("{pl}/group/{{policygroupId}}"),
        &g,
        Some(json!({"name": "g1", "desc": "d2", "isActive": true})),
    )
    .ok();
    let auth = json!({
        "allowedAuthTypes": [{"authSubType": "FINGER", "authType": "bio", "mandatory": true}],
        "allowedKycAttributes": [{"attributeName": "fullName"}],
        "authTokenType": "partner"
    });
    let body = json!({"policyGroupName": "g1", "policyType": "Auth", "name": "p1", "desc": "d", "version": "1.0", "policies": auth});
    let draft = call("POST", pl, pl, Some(body.clone())).ok();
    let policy_id = draft.response()["id"].as_str().unwrap().to_owned();
    let p = format!("{pl}/{policy_id}");
    call("PUT", &format!("{pl}/{{policyId}}"), &p, Some(body)).ok();
    let status = format!("{pl}/{{policyId}}/group/{{policygroupId}}");
    call("PATCH", &status, &format!("{p}/group/{group_id}"), Some(json!({"status": "De-Active"}))).ok();
    let publish = format!("{pl}/{{policyId}}/group/{{policygroupId}}/publish");
    call("POST", &publish, &format!("{p}/group/{group_id}/publish"), None).ok();
    call("GET", pl, pl, None).ok();
    call("GET", &format!("{pl}/{{policyId}}"), &p, None).ok();
    let held = call("GET", &format!("{pl}/{{policyId}}/partner/{{partnerId}}"), &format!("{p}/partner/nobody"), None);
    assert_eq!(held.error_code(), Some("PMS_POL_017"));
    call("GET", &format!("{pl}/group/{{policygroupId}}"), &g, None).ok();
    call("GET", &format!("{pl}/group/all"), &format!("{pl}/group/all"), None).ok();
    let page = json!({"filters": [{"columnName": "name", "type": "contains", "value": "1"}],
        "sort": [{"sortField": "name", "sortType": "asc"}], "pagination": {"pageStart": 0, "pageFetch": 5}});
    let found = call("POST", &format!("{pl}/group/search"), &format!("{pl}/group/search"), Some(page.clone())).ok();
    assert_eq!(found.response()["totalRecord"], 1);
    let mut policy_page = page;
    policy_page["policyType"] = json!("all");
    let found = call("POST", &format!("{pl}/search"), &format!("{pl}/search"), Some(policy_page)).ok();
    assert_eq!(found.response()["data"][0]["id"], policy_id.as_str());
    let values = json!({"filters": [{"columnName": "name", "type": "unique", "text": ""}]});
    call("POST", &format!("{pl}/group/filtervalues"), &format!("{pl}/group/filtervalues"), Some(values.clone())).ok();
    let mut policy_values = values;
    policy_values["policyType"] = json!("Auth");
    call("POST", &format!("{pl}/filtervalues"), &format!("{pl}/filtervalues"), Some(policy_values)).ok();
    let active = format!("{pl}/active/group/{{groupName}}");
    let listed = call("GET", &active, &format!("{pl}/active/group/g1"), None).ok();
    assert_eq!(listed.response()[0]["id"], policy_id.as_str());
    let config = format!("{pl}/config/{{key}}");
    for key in ["pmp.allowed.policy.types", "pmp.auth.policy.schema", "not.public"] {
        call("GET", &config, &format!("{pl}/config/{key}"), None).ok();
    }
    // MOSIP 1.2.2: the active groups, the paged list, deactivations (in the 1.2.2 envelope)
    call("GET", &format!("{pl}/policy-groups"), &format!("{pl}/policy-groups"), None).ok();
    let listed = call("GET", &format!("{pl}/v2"), &format!("{pl}/v2?sortFieldName=status&sortType=asc"), None).ok();
    assert_eq!(listed.response()["totalResults"], 1);
    let bad_page = call("GET", &format!("{pl}/v2"), &format!("{pl}/v2?pageSize=0"), None);
    assert_eq!(bad_page.error_code(), Some("PMS_PRT_361"));
    let off = |id: &str| Client::envelope_v2(id, json!({"status": "De-Activate"}));
    let deactivated = c.send("PATCH", &p, Some(&pm), &off("mosip.pms.deactivate.policy.patch"));
    doc.check("PATCH", &format!("{pl}/{{policyId}}"), &deactivated.ok());
    let again = c.send("PATCH", &p, Some(&pm), &off("mosip.pms.deactivate.policy.patch"));
    assert_eq!(doc.check("PATCH", &format!("{pl}/{{policyId}}"), &again).error_code(), Some("PMS_POL_062"));
    let group_off = c.send("PATCH", &g, Some(&pm), &off("mosip.pms.deactivate.policy.group.patch"));
    doc.check("PATCH", &format!("{pl}/group/{{policygroupId}}"), &group_off.ok());
    // a business error (HTTP 200), then the common failures
    let taken =
        call("POST", &format!("{pl}/group/new"), &format!("{pl}/group/new"), Some(json!({"name": "g1", "desc": "d"})));
    assert_eq!(taken.error_code(), Some("PMS_POL_014"));
    let none = c.get(pl, None);
    assert_eq!(doc.check("GET", pl, &none).status, 401);
    let partner = c.get(pl, Some(&token("p1", &["AUTH_PARTNER"])));
    assert_eq!(doc.check("GET", pl, &partner).status, 403);
    let bad = c.send_raw("POST", pl, Some(&pm), "{not json");
    assert_eq!(doc.check("POST", pl, &bad).status, 400);
    let health = c.get("/v1/policymanager/actuator/health", None);
    doc.check("GET", "/v1/policymanager/actuator/health", &health);
    let unchecked: Vec<String> = doc
        .unchecked_operations()
        .into_iter()
        .filter(|op| op.contains("/v1/policymanager/") && !op.ends_with("/actuator/prometheus"))
        .collect();
    assert!(unchecked.is_empty(), "not walked: {unchecked:?}");
}

api_tests!(
    the_document_and_swagger_ui_are_served_under_both_scopes,
    methods_a_route_does_not_serve_answer_405_in_the_envelope,
    policy_manager_answers_match_the_document
);
