//! The partner manager's answers (`/v1/partnermanager/partners/**`) against the OpenAPI document:
//! every operation on its success path, and the common failures, each answer checked against the
//! schema the document gives for its operation and status.

use serde_json::{Value, json};
use web_support::openapi::conformance::Conformance;
use web_support::testing::{Answer, Client, token};

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::{admin, certify, partner_token, world};

const P: &str = "/v1/partnermanager/partners";

/// Sends `request` (in the envelope; `None`: no body) and checks the answer against the
/// document's schema for `template`.
struct Caller<'a> {
    doc: &'a Conformance,
    client: &'a Client,
}

impl Caller<'_> {
    fn call(&self, tok: &str, method: &str, template: &str, path: &str, request: Option<Value>) -> Answer {
        let answer = match (method, request) {
            ("GET", _) => self.client.get(path, Some(tok)),
            (_, Some(r)) => self.client.send(method, path, Some(tok), &Client::envelope(r)),
            (_, None) => self.client.send(method, path, Some(tok), &json!({})),
        };
        self.doc.check(method, &format!("{P}{template}"), &answer);
        answer
    }
}

fn partner_manager_answers_match_the_document(app: TestApp) {
    world(&app);
    let doc = Conformance::new(&partner_service::openapi::document());
    let c = Caller { doc: &doc, client: &app.client };
    let adm = admin();
    let call = |method: &str, template: &str, path: &str, request: Option<Value>| {
        c.call(&adm, method, template, path, request)
    };

    // P1, P2, P3: registration and the e-mail check
    let one = json!({"partnerId": "PA1", "organizationName": "PA1 org", "address": "Bangalore",
        "contactNumber": "8553967572", "emailId": "pa1@example.org", "partnerType": "Auth_Partner",
        "policyGroup": "group one", "langCode": "eng"});
    let a = call("POST", "", P, Some(one)).ok();
    assert_eq!(a.response(), &json!({"partnerId": "PA1", "status": "InProgress"}));
    let two = json!({"partnerId": "PA2", "organizationName": "PA2 org", "address": "Bangalore",
        "contactNumber": "8553967573", "emailId": "pa2@example.org", "partnerType": "Online_Verification_Partner",
        "policyGroup": "group one", "logoUrl": "https://example.org/logo.png", "additionalInfo": [{"k": "v"}]});
    call("POST", "/v2", &format!("{P}/v2"), Some(two)).ok();
    let taken = call("PUT", "/email/verify", &format!("{P}/email/verify"), Some(json!({"emailId": "pa1@example.org"})));
    assert_eq!(taken.ok().response()["emailExists"], true);

    // P4–P8: details, updates, the policy group (while inactive), a contact (once active)
    let got = call("GET", "/{partnerId}", &format!("{P}/PA1"), None).ok();
    assert_eq!(got.response()["policyGroup"], "group one");
    let update = json!({"address": "Mysore", "contactNumber": "8553967574"});
    call("PUT", "/{partnerId}", &format!("{P}/PA1"), Some(update.clone())).ok();
    let mut update_v2 = update;
    update_v2["logoUrl"] = json!("https://example.org/other.png");
    call("PUT", "/v2/{partnerId}", &format!("{P}/v2/PA2"), Some(update_v2)).ok();
    let moved =
        call("PUT", "/{partnerId}/policygroup/{policygroupName}", &format!("{P}/PA1/policygroup/group%20two"), None);
    assert_eq!(moved.ok().response(), "Success");
    certify(&app, "PA1");
    certify(&app, "PA2");
    let contact =
        json!({"address": "Bangalore", "contactNumber": "9903255448", "emailId": "print@email.com", "is_Active": true});
    let added = call("POST", "/{partnerId}/contact/add", &format!("{P}/PA1/contact/add"), Some(contact));
    assert_eq!(added.ok().response(), "Contacts details added successfully.");

    // M1–M3: activation and the lists
    for status in ["De-Active", "Active"] {
        call("PATCH", "/{partnerId}", &format!("{P}/PA1"), Some(json!({"status": status}))).ok();
    }
    let v1 = call("GET", "", &format!("{P}?partnerType=Auth_Partner"), None).ok();
    assert!(v1.response()["partners"][0].get("logoUrl").is_none(), "{}", v1.body);
    let v2 = call("GET", "/v2", &format!("{P}/v2"), None).ok();
    assert_eq!(v2.response()["partners"].as_array().map(Vec::len), Some(2));
    let v3 = c.call(&partner_token("PA1"), "GET", "/v3", &format!("{P}/v3?status=InProgress"), None).ok();
    assert_eq!(v3.body["id"], "mosip.pms.partners.v3.get");

    // P12, M8, M9, P14, M4: a policy request and its review
    let request = json!({"policyName": "auth policy", "useCaseDescription": "counters"});
    let mapped = call("POST", "/{partnerId}/policy/map", &format!("{P}/PA1/policy/map"), Some(request)).ok();
    let mapping_key = mapped.response()["mappingkey"].as_str().unwrap().to_owned();
    call("GET", "/apikey", &format!("{P}/apikey"), None).ok();
    call("GET", "/apikey/{apikey}", &format!("{P}/apikey/{mapping_key}"), None).ok();
    let pending = call("GET", "/{partnerId}/apikey/request", &format!("{P}/PA1/apikey/request"), None).ok();
    assert_eq!(pending.response()[0]["validityTill"], Value::Null);
    let review = Some(json!({"status": "Approved"}));
    call("PUT", "/policy/{mappingkey}", &format!("{P}/policy/{mapping_key}"), review).ok();

    // P13, M5, M7, M6: an API key
    let generate = json!({"policyName": "auth policy", "label": "counter-1"});
    let key = c
        .call(
            &partner_token("PA1"),
            "PATCH",
            "/{partnerId}/generate/apikey",
            &format!("{P}/PA1/generate/apikey"),
            Some(generate),
        )
        .ok();
    let api_key = key.response()["apiKey"].as_str().unwrap().to_owned();
    let with_key = call("GET", "/{partnerId}/apikey/request", &format!("{P}/PA1/apikey/request"), None).ok();
    assert_eq!(with_key.response()[0]["partnerApiKey"], api_key.as_str());
    let status = "/{partnerId}/policy/{policyId}/apiKey/status";
    for s in ["De-Active", "Active"] {
        call(
            "PATCH",
            status,
            &format!("{P}/PA1/policy/p2-auth/apiKey/status"),
            Some(json!({"label": "counter-1", "status": s})),
        )
        .ok();
    }
    let of_key = call("GET", "/{partnerId}/apikey/{apikey}", &format!("{P}/PA1/apikey/{api_key}"), None).ok();
    assert_eq!(of_key.response()["policyId"], "p2-auth");
    let remap = json!({"oldPolicyID": "p2-auth", "newPolicyID": "p2-only"});
    let policies = "/{partnerId}/apikey/{apikey}/policies";
    call("PUT", policies, &format!("{P}/PA1/apikey/{api_key}/policies"), Some(remap)).ok();

    // P15–P18: extractors and credential types
    let request = json!({"policyName": "auth policy", "useCaseDescription": "verification"});
    call("POST", "/{partnerId}/policy/map", &format!("{P}/PA2/policy/map"), Some(request)).ok();
    let extractors = json!({"extractors": [
        {"attributeName": "photo", "biometric": "face", "extractor": {"provider": "mock", "version": "1.1"}},
        {"attributeName": "fingers", "biometric": "finger[LeftThumb]", "extractor": {"provider": "mock"}}]});
    let bio = "/{partnerId}/bioextractors/{policyId}";
    call("POST", bio, &format!("{P}/PA2/bioextractors/p-auth"), Some(extractors)).ok();
    let got = call("GET", bio, &format!("{P}/PA2/bioextractors/p-auth"), None).ok();
    // by attribute name: `fingers` first, without a version
    assert_eq!(got.response()["extractors"][0]["extractor"]["version"], Value::Null);
    let map = "/{partnerId}/credentialtype/{credentialType}/policies/{policyName}";
    call("POST", map, &format!("{P}/PA2/credentialtype/auth/policies/auth%20policy"), None).ok();
    let got = "/{partnerId}/credentialtype/{credentialType}/policies";
    call("GET", got, &format!("{P}/PA2/credentialtype/auth/policies"), None).ok();

    // P19–P24: searches and filter values, with a page and an empty page each
    let page = json!({"filters": [], "sort": [{"sortField": "crDtimes", "sortType": "desc"}],
        "pagination": {"pageStart": 0, "pageFetch": 5}});
    let nothing = json!({"filters": [{"columnName": "crBy", "type": "equals", "value": "nobody"}],
        "sort": [], "pagination": {"pageStart": 0, "pageFetch": 5}});
    for body in [&page, &nothing] {
        let mut partners = body.clone();
        partners["partnerType"] = json!("all");
        call("POST", "/search", &format!("{P}/search"), Some(partners)).ok();
        for path in ["/partnertype/search", "/apikey/request/search", "/apikey/search"] {
            call("POST", path, &format!("{P}{path}"), Some(body.clone())).ok();
        }
    }
    let found = call("POST", "/apikey/search", &format!("{P}/apikey/search"), Some(page)).ok();
    assert_eq!(found.response()["totalRecord"], 1);
    let values = json!({"filters": [{"columnName": "partnerTypeCode", "type": "unique", "text": ""}]});
    call("POST", "/filtervalues", &format!("{P}/filtervalues"), Some(values)).ok();
    let values = json!({"filters": [{"columnName": "statusCode", "type": "all", "text": ""}],
        "optionalFilters": [{"columnName": "partnerId", "type": "equals", "value": "PA1"}]});
    call("POST", "/apikey/request/filtervalues", &format!("{P}/apikey/request/filtervalues"), Some(values)).ok();

    // business errors (HTTP 200), then the common failures
    let missing = call("GET", "/{partnerId}", &format!("{P}/nobody"), None);
    assert_eq!(missing.error_code(), Some("PMS_PRT_005"));
    let invalid = call("POST", "", P, Some(json!({"partnerId": "PA3"})));
    assert_eq!(invalid.error_code(), Some("PMS_COR_001"));
    let unknown_column = json!({"partnerType": "all", "filters": [{"columnName": "bogus", "type": "equals", "value": "x"}],
        "sort": [], "pagination": {"pageStart": 0, "pageFetch": 5}});
    let bad_search = call("POST", "/search", &format!("{P}/search"), Some(unknown_column));
    assert_eq!(bad_search.error_code(), Some("PMS-MSD-310"));
    let none = app.client.get(&format!("{P}/PA1"), None);
    assert_eq!(doc.check("GET", &format!("{P}/{{partnerId}}"), &none).status, 401);
    let other = app.client.get(&format!("{P}/PA1"), Some(&partner_token("PA2")));
    assert_eq!(doc.check("GET", &format!("{P}/{{partnerId}}"), &other).status, 403);
    let bad = app.client.send_raw("POST", &format!("{P}/search"), Some(&adm), "{not json");
    assert_eq!(doc.check("POST", &format!("{P}/search"), &bad).status, 400);
    let bad_query = app.client.get(&format!("{P}?partnerType=%ZZ"), Some(&token("svc", &["ID_AUTHENTICATION"])));
    doc.check("GET", P, &bad_query);

    let details = call("GET", "/partner-certificates-details", &format!("{P}/partner-certificates-details"), None);
    assert_eq!(details.body["errors"][0]["errorCode"], "PMS_CERTIFICATE_ERROR_002", "the admin owns no partner");

    let unchecked: Vec<String> =
        doc.unchecked_operations().into_iter().filter(|op| op.contains(P) && !op.contains("/certificate")).collect();
    assert!(unchecked.is_empty(), "not walked: {unchecked:?}");
}

api_tests!(partner_manager_answers_match_the_document);
