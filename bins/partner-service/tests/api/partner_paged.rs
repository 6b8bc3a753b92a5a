//! MOSIP 1.2.2's paged partner reads (`GET /admin-partners`) in the 1.2.2 envelope, each answer
//! checked against the document.

use serde_json::json;
use web_support::openapi::conformance::Conformance;
use web_support::testing::{Answer, token};

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::{active_partner, admin, partner_token, patch, post, put, register, world};

const ADMIN_PARTNERS: &str = "/v1/partnermanager/admin-partners";
const REQUESTS: &str = "/v1/partnermanager/partner-policy-requests";
const KEYS: &str = "/v1/partnermanager/partner-api-keys";

fn codes(a: &Answer) -> Vec<&str> {
    a.body["errors"].as_array().into_iter().flatten().filter_map(|e| e["errorCode"].as_str()).collect()
}

fn admins_page_through_partners(app: TestApp) {
    world(&app);
    let doc = Conformance::new(&partner_service::openapi::document());
    let list = |query: &str| {
        let answer = app.client.get(&format!("{ADMIN_PARTNERS}{query}"), Some(&admin()));
        doc.check("GET", ADMIN_PARTNERS, &answer);
        answer
    };
    let empty = list("").ok();
    assert_eq!(empty.response(), &json!({"pageNo": 0, "pageSize": 0, "totalResults": 0, "data": []}));
    assert_eq!(empty.body["id"], "mosip.pms.admin.partners.get");
    active_partner(&app, "pa_one");
    register(&app, "pb-two", "SDK_Partner", None).ok();
    register(&app, "pc-three", "Auth_Partner", Some("group two")).ok();

    let page = list("?sortFieldName=partnerId&sortType=DESC&pageNo=0&pageSize=2").ok();
    let r = page.response();
    assert_eq!((r["pageNo"].as_i64(), r["pageSize"].as_i64(), r["totalResults"].as_i64()), (Some(0), Some(2), Some(3)));
    let ids: Vec<&str> = r["data"].as_array().unwrap().iter().filter_map(|p| p["partnerId"].as_str()).collect();
    assert_eq!(ids, ["pc-three", "pb-two"]);
    let last = list("?sortFieldName=partnerId&sortType=desc&pageNo=1&pageSize=2").ok();
    let one = &last.response()["data"][0];
    assert_eq!(
        (one["partnerId"].as_str(), one["policyGroupName"].as_str(), one["certificateUploadStatus"].as_str()),
        (Some("pa_one"), Some("group one"), Some("uploaded"))
    );
    assert_eq!(
        (one["orgName"].as_str(), one["emailAddress"].as_str()),
        (Some("pa_one org"), Some("pa_one@example.org"))
    );
    assert!(one["createdDateTime"].as_str().is_some_and(|t| t.ends_with("+00:00")), "{one}");
    let no_group = list("?partnerType=sdk").ok();
    assert_eq!(no_group.response()["data"][0]["policyGroupName"], serde_json::Value::Null);
    let not_uploaded = list("?certificateUploadStatus=not_uploaded&sortFieldName=partnerId&sortType=asc").ok();
    assert_eq!(not_uploaded.response()["totalResults"], 2);
    // the two columns MOSIP sorts by label: not_uploaded < uploaded, and active before inactive
    let first =
        |query: &str| list(&format!("{query}&pageNo=0&pageSize=3")).ok().response()["data"][0]["partnerId"].clone();
    assert_eq!(first("?sortFieldName=certificateUploadStatus&sortType=desc"), "pa_one");
    assert_ne!(first("?sortFieldName=certificateUploadStatus&sortType=asc"), "pa_one");
    assert_eq!(first("?sortFieldName=isActive&sortType=asc"), "pa_one");
    assert_ne!(first("?sortFieldName=isActive&sortType=desc"), "pa_one");
    let in_group = list("?policyGroupName=TWO").ok();
    assert_eq!(in_group.response()["data"][0]["partnerId"], "pc-three");
    let literal = list("?partnerId=_").ok();
    assert_eq!(literal.response()["totalResults"], 1, "a filter's _ is not a wildcard");
    let unknown = list("?certificateUploadStatus=maybe").ok();
    assert_eq!(unknown.response()["totalResults"], 0);
    let inactive = list("?isActive=false").ok();
    assert_eq!(inactive.response()["totalResults"], 2, "registered partners wait for their certificate");
    let active = list("?isActive=true").ok();
    assert_eq!(active.response()["data"][0]["partnerId"], "pa_one");

    for (query, code) in [
        ("?sortFieldName=partnerId", "PMS_PS_ERROR_007"),
        ("?sortFieldName=id&sortType=asc", "PMS_PRT_357"),
        ("?sortFieldName=partnerId&sortType=sideways", "PMS_PRT_358"),
        ("?pageNo=-1", "PMS_PRT_360"),
        ("?pageSize=0", "PMS_PRT_361"),
    ] {
        let refused = list(query);
        assert_eq!((refused.status, codes(&refused)), (200, vec![code]), "{query}");
        assert_eq!(refused.body["id"], "mosip.pms.admin.partners.get");
    }
    let bad_flag = app.client.get(&format!("{ADMIN_PARTNERS}?isActive=maybe"), Some(&admin()));
    assert_eq!((bad_flag.status, bad_flag.error_code()), (400, Some("PMS_COR_001")));
    let partner = app.client.get(ADMIN_PARTNERS, Some(&token("pa_one", &["AUTH_PARTNER"])));
    assert_eq!(doc.check("GET", ADMIN_PARTNERS, &partner).status, 403);
}

/// `partner` asks for `policy`; `decision`: the admin's answer, if any.
fn ask(app: &TestApp, partner: &str, policy: &str, decision: Option<&str>) {
    let path = format!("/v1/partnermanager/partners/{partner}/policy/map");
    let asked = post(
        &app.client,
        &path,
        &partner_token(partner),
        json!({"policyName": policy, "useCaseDescription": "need it"}),
    );
    let key = asked.ok().response()["mappingkey"].as_str().unwrap().to_owned();
    if let Some(status) = decision {
        put(&app.client, &format!("/v1/partnermanager/partners/policy/{key}"), &admin(), json!({"status": status}))
            .ok();
    }
}

fn policy_requests_are_paged_for_admins_and_scoped_for_partners(app: TestApp) {
    world(&app);
    let doc = Conformance::new(&partner_service::openapi::document());
    let list = |tok: &str, query: &str| {
        let answer = app.client.get(&format!("{REQUESTS}{query}"), Some(tok));
        doc.check("GET", REQUESTS, &answer);
        answer
    };
    active_partner(&app, "pa");
    active_partner(&app, "pb");
    ask(&app, "pa", "auth policy", Some("Approved"));
    ask(&app, "pa", "share policy", None);
    ask(&app, "pb", "auth policy", Some("Rejected"));

    let all = list(&admin(), "").ok();
    assert_eq!(all.body["id"], "mosip.pms.all.partner.policy.mapping.requests.get");
    let r = all.response();
    assert_eq!(
        (r["pageNo"].as_i64(), r["pageSize"].as_i64(), r["totalResults"].as_i64()),
        (Some(0), Some(3), Some(3)),
        "one page of all"
    );
    let page = list(&admin(), "?sortFieldName=policyName&sortType=desc&pageNo=0&pageSize=2").ok();
    let names: Vec<&str> =
        page.response()["data"].as_array().unwrap().iter().filter_map(|d| d["policyName"].as_str()).collect();
    assert_eq!((names, page.response()["totalResults"].as_i64()), (vec!["share policy", "auth policy"], Some(3)));
    let approved = list(&admin(), "?status=approved").ok();
    let one = &approved.response()["data"][0];
    assert_eq!(
        (one["partnerId"].as_str(), one["partnerStatus"].as_str(), one["status"].as_str()),
        (Some("pa"), Some("activated"), Some("approved"))
    );
    assert_eq!(
        (one["policyGroupName"].as_str(), one["partnerComment"].as_str(), one["policyId"].as_str()),
        (Some("group one"), Some("need it"), Some("p-auth"))
    );
    assert!(one["updatedDateTime"].as_str().is_some_and(|t| t.ends_with("+00:00")), "reviewed: {one}");
    let by_org = list(&admin(), "?orgName=PB%20ORG").ok();
    assert_eq!(by_org.response()["data"][0]["status"], "rejected");

    let own = list(&partner_token("pa"), "").ok();
    assert_eq!(own.response()["totalResults"], 2, "a partner sees its own requests");
    let stranger = list(&token("nobody", &["AUTH_PARTNER"]), "");
    assert_eq!(codes(&stranger), ["PMS_CERTIFICATE_ERROR_002"]);
    register(&app, "ps", "SDK_Partner", None).ok();
    let no_group = list(&token("ps", &["SDK_PARTNER"]), "");
    assert_eq!(codes(&no_group), ["PMS_POLICY_ERROR_005"]);
    for (query, code) in [
        ("?sortFieldName=policyName&sortType=asc", "PMS_PS_ERROR_008"),
        ("?pageNo=0", "PMS_PS_ERROR_006"),
        ("?sortType=asc&pageNo=0&pageSize=1", "PMS_PS_ERROR_007"),
        ("?sortFieldName=name&sortType=asc&pageNo=0&pageSize=1", "PMS_PRT_357"),
    ] {
        assert_eq!(codes(&list(&admin(), query)), [code], "{query}");
    }
    assert_eq!(app.client.get(REQUESTS, Some(&token("m", &["MISP_PARTNER"]))).status, 403);
}

fn generate(app: &TestApp, partner: &str, policy: &str, label: &str) -> String {
    let path = format!("/v1/partnermanager/partners/{partner}/generate/apikey");
    let made = patch(&app.client, &path, &partner_token(partner), json!({"policyName": policy, "label": label}));
    made.ok().response()["apiKey"].as_str().unwrap().to_owned()
}

fn api_keys_are_listed_without_their_values(app: TestApp) {
    world(&app);
    let doc = Conformance::new(&partner_service::openapi::document());
    let list = |tok: &str, query: &str| {
        let answer = app.client.get(&format!("{KEYS}{query}"), Some(tok));
        doc.check("GET", KEYS, &answer);
        answer
    };
    active_partner(&app, "ka");
    active_partner(&app, "kb");
    ask(&app, "ka", "auth policy", Some("Approved"));
    ask(&app, "kb", "share policy", Some("Approved"));
    let secret = generate(&app, "ka", "auth policy", "first");
    generate(&app, "ka", "auth policy", "second");
    generate(&app, "kb", "share policy", "third");
    let path = "/v1/partnermanager/partners/ka/policy/p-auth/apiKey/status";
    patch(&app.client, path, &admin(), json!({"label": "second", "status": "De-Active"})).ok();

    let all = list(&admin(), "").ok();
    assert_eq!(all.body["id"], "mosip.pms.all.api.key.requests.get");
    assert_eq!((all.response()["totalResults"].as_i64(), all.response()["pageSize"].as_i64()), (Some(3), Some(3)));
    assert!(!all.body.to_string().contains(&secret), "a key's value is never listed");
    let sorted = list(&admin(), "?sortFieldName=status&sortType=desc&pageNo=0&pageSize=1").ok();
    let first = &sorted.response()["data"][0];
    assert_eq!((first["apiKeyLabel"].as_str(), first["status"].as_str()), (Some("second"), Some("deactivated")));
    assert_eq!((first["policyGroupName"].as_str(), first["policyId"].as_str()), (Some("group one"), Some("p-auth")));
    let active = list(&admin(), "?status=activated&policyName=SHARE").ok();
    assert_eq!(active.response()["data"][0]["apiKeyLabel"], "third");
    let own = list(&token("ka", &["AUTH_PARTNER"]), "?sortFieldName=apiKeyLabel&sortType=asc&pageNo=0&pageSize=8").ok();
    let labels: Vec<&str> =
        own.response()["data"].as_array().unwrap().iter().filter_map(|k| k["apiKeyLabel"].as_str()).collect();
    assert_eq!(labels, ["first", "second"], "a partner sees its own keys");
    assert_eq!(codes(&list(&token("nobody", &["AUTH_PARTNER"]), "")), ["PMS_CERTIFICATE_ERROR_002"]);
    assert_eq!(codes(&list(&admin(), "?status=paused")), Vec::<&str>::new());
    assert_eq!(list(&admin(), "?status=paused").response()["totalResults"], 0);
    assert_eq!(codes(&list(&admin(), "?pageSize=3")), ["PMS_PS_ERROR_006"]);
    assert_eq!(app.client.get(KEYS, Some(&token("c", &["CREDENTIAL_PARTNER"]))).status, 403);
}

api_tests!(
    admins_page_through_partners,
    policy_requests_are_paged_for_admins_and_scoped_for_partners,
    api_keys_are_listed_without_their_values
);
