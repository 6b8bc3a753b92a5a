//! MOSIP 1.2.2's paged partner reads (`GET /admin-partners`) in the 1.2.2 envelope, each answer
//! checked against the document.

use serde_json::json;
use web_support::openapi::conformance::Conformance;
use web_support::testing::{Answer, token};

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::{active_partner, admin, register, world};

const ADMIN_PARTNERS: &str = "/v1/partnermanager/admin-partners";

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

api_tests!(admins_page_through_partners);
