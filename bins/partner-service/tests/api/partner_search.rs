//! Searches and filter values (P19–P24) over the shared search engine.

use serde_json::{Value, json};
use web_support::testing::{Answer, token};

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

const P: &str = "/v1/partnermanager/partners";

fn search(app: &TestApp, path: &str, tok: &str, body: Value) -> Answer {
    post(&app.client, &format!("{P}{path}"), tok, body)
}

fn ids(a: &Answer, field: &str) -> Vec<String> {
    a.response()["data"]
        .as_array()
        .map_or_else(Vec::new, |d| d.iter().filter_map(|x| x[field].as_str().map(str::to_owned)).collect())
}

/// Three partners, requests and a key: `s-auth` (approved, key "k1"), `s-cred`, `s-ftm`.
fn setup(app: &TestApp) {
    world(app);
    active_partner(app, "s-auth");
    register(app, "s-cred", "Credential_Partner", Some("group one")).ok();
    register(app, "s-ftm", "FTM_Provider", None).ok();
    certify(app, "s-cred");
    let ask = |p: &str, policy: &str| {
        post(
            &app.client,
            &format!("{P}/{p}/policy/map"),
            &partner_token(p),
            json!({"policyName": policy, "useCaseDescription": "d"}),
        )
        .ok()
        .response()["mappingkey"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let key = ask("s-auth", "auth policy");
    put(&app.client, &format!("{P}/policy/{key}"), &admin(), json!({"status": "Approved"})).ok();
    ask("s-cred", "share policy");
    patch(
        &app.client,
        &format!("{P}/s-auth/generate/apikey"),
        &partner_token("s-auth"),
        json!({"policyName": "auth policy", "label": "k1"}),
    )
    .ok();
}

fn partner_search_filters_sorts_pages_and_keeps_to_own_rows(app: TestApp) {
    setup(&app);
    let all = search(&app, "/search", &admin(), json!({"filters": [], "sort": [{"sortField": "id", "sortType": "desc"}], "pagination": {"pageStart": "0"}, "partnerType": "all"})).ok();
    assert_eq!(ids(&all, "id"), ["s-ftm", "s-cred", "s-auth"]);
    assert_eq!((all.response()["fromRecord"].as_i64(), all.response()["totalRecord"].as_i64()), (Some(1), Some(3)));
    let item = &all.response()["data"][2];
    assert_eq!(
        (item["partnerTypeCode"].as_str(), item["isActive"].as_bool(), item["approvalStatus"].as_str()),
        (Some("Auth_Partner"), Some(true), Some("approved"))
    );
    let typed = search(&app, "/search", &admin(), json!({"filters": [], "sort": [], "pagination": {"pageStart": 0, "pageFetch": 10}, "partnerType": "Credential_Partner"})).ok();
    assert_eq!(ids(&typed, "id"), ["s-cred"]);
    let named = search(&app, "/search", &admin(), json!({"filters": [{"columnName": "name", "type": "contains", "value": "AUTH"}], "sort": [], "pagination": {"pageStart": 0, "pageFetch": 10}, "partnerType": "all"})).ok();
    assert_eq!(ids(&named, "id"), ["s-auth"]);
    let paged = search(&app, "/search", &admin(), json!({"filters": [], "sort": [{"sortField": "id", "sortType": "asc"}], "pagination": {"pageStart": 1, "pageFetch": 2}, "partnerType": "all"})).ok();
    assert_eq!(ids(&paged, "id"), ["s-ftm"]);
    assert_eq!(paged.response()["fromRecord"], 3);
    let none = search(&app, "/search", &admin(), json!({"filters": [{"columnName": "name", "type": "equals", "value": "Airtekiboi"}], "sort": [], "pagination": {"pageStart": 0}, "partnerType": "all"})).ok();
    assert_eq!(none.response(), &json!({"fromRecord": 0, "toRecord": 0, "totalRecord": 0, "data": null}));
    // a partner sees itself only
    let mine = search(
        &app,
        "/search",
        &partner_token("s-cred"),
        json!({"filters": [], "sort": [], "pagination": {"pageStart": 0}, "partnerType": "all"}),
    )
    .ok();
    assert_eq!(ids(&mine, "id"), ["s-cred"]);
    let code = |body: Value| search(&app, "/search", &admin(), body).error_code().map(str::to_owned);
    let with = |filters: Value, sort: Value, pagination: Value| json!({"filters": filters, "sort": sort, "pagination": pagination, "partnerType": "all"});
    let p = json!({"pageStart": 0, "pageFetch": 10});
    assert_eq!(
        code(with(json!([{"columnName": "a@@@3", "type": "startswith", "value": "x"}]), json!([]), p.clone()))
            .as_deref(),
        Some("PMS-MSD-310")
    );
    assert_eq!(
        code(with(json!([{"type": "startswith", "value": "x"}]), json!([]), p.clone())).as_deref(),
        Some("PMS-MSD-310")
    );
    assert_eq!(
        code(with(json!([{"columnName": "address", "value": "x"}]), json!([]), p.clone())).as_deref(),
        Some("PMS-MSD-312")
    );
    assert_eq!(
        code(with(json!([]), json!([{"sortField": "mo@@@del", "sortType": "asc"}]), p.clone())).as_deref(),
        Some("PMS-MSD-357")
    );
    assert_eq!(code(with(json!([]), json!([{"sortType": "asc"}]), p.clone())).as_deref(), Some("PMS-MSD-314"));
    assert_eq!(
        code(with(json!([]), json!([{"sortField": "name", "sortType": "dc"}]), p)).as_deref(),
        Some("PMS-MSD-358")
    );
    assert_eq!(code(with(json!([]), json!([]), json!({"pageFetch": 0}))).as_deref(), Some("PMS-MSD-313"));
    assert_eq!(
        code(json!({"filters": [], "sort": [], "pagination": {}})).as_deref(),
        Some("PMS_COR_001"),
        "partnerType is required"
    );
    assert_eq!(search(&app, "/search", &token("x", &["RESIDENT"]), with(json!([]), json!([]), json!({}))).status, 403);
    assert!(audit_ids(&app, "NO_ID").contains(&"PMS_PRT_249".to_owned()));
}

fn partner_types_and_filter_values(app: TestApp) {
    setup(&app);
    let types = search(&app, "/partnertype/search", &admin(), json!({"filters": [{"columnName": "code", "type": "contains", "value": "Device_Provider"}], "sort": [{"sortField": "code", "sortType": "asc"}], "pagination": {"pageStart": "0", "pageFetch": "10"}})).ok();
    assert_eq!(types.response()["data"][0]["code"], "Device_Provider");
    assert_eq!(types.response()["data"][0]["isActive"], true);
    assert_eq!(types.response()["data"][0]["isPolicyRequired"], false);
    let all = search(
        &app,
        "/partnertype/search",
        &partner_token("s-auth"),
        json!({"filters": [], "sort": [], "pagination": {"pageStart": "0"}}),
    )
    .ok();
    assert_eq!(all.response()["totalRecord"], 12);

    let fv = |tok: &str, filters: Value| search(&app, "/filtervalues", tok, json!({"filters": filters}));
    let a = fv(&admin(), json!([{"columnName": "id", "text": "s-auth", "type": "unique"}])).ok();
    assert_eq!(a.response(), &json!({"filters": [{"fieldID": "id", "fieldValue": "s-auth", "fieldCode": "s-auth"}]}));
    let own = fv(&partner_token("s-cred"), json!([{"columnName": "id", "type": "all"}])).ok();
    assert_eq!(own.response()["filters"].as_array().map(Vec::len), Some(1), "own partner only");
    assert_eq!(
        fv(&admin(), json!([{"columnName": "asfgs", "text": "x", "type": "unique"}])).error_code(),
        Some("PMS-MSD-317")
    );
    assert_eq!(
        fv(&admin(), json!([{"columnName": "id", "text": "x", "type": "asdg"}])).error_code(),
        Some("PMS-MSD-324")
    );
    assert_eq!(fv(&admin(), json!([{"columnName": "id", "text": "x", "type": ""}])).error_code(), Some("PMS-MSD-322"));
    assert_eq!(
        fv(&admin(), json!([{"columnName": "", "text": "x", "type": "unique"}])).error_code(),
        Some("PMS_COR_001")
    );

    let rfv =
        |tok: &str, filters: Value| search(&app, "/apikey/request/filtervalues", tok, json!({"filters": filters}));
    let a = rfv(&admin(), json!([{"columnName": "partnerId", "type": "unique"}])).ok();
    let values: Vec<&str> =
        a.response()["filters"].as_array().unwrap().iter().filter_map(|f| f["fieldValue"].as_str()).collect();
    assert_eq!(values, ["s-auth", "s-cred"]);
    let own = rfv(&partner_token("s-cred"), json!([{"columnName": "partnerId", "type": "unique"}])).ok();
    assert_eq!(own.response()["filters"].as_array().map(Vec::len), Some(1));
    assert_eq!(rfv(&admin(), json!([{"columnName": "id", "type": ""}])).error_code(), Some("PMS-MSD-322"));
}

fn request_and_key_searches_resolve_names(app: TestApp) {
    setup(&app);
    let page = json!({"pageStart": 0, "pageFetch": 10});
    let all = search(
        &app,
        "/apikey/request/search",
        &admin(),
        json!({"filters": [], "sort": [{"sortField": "partnerId", "sortType": "asc"}], "pagination": page}),
    )
    .ok();
    assert_eq!(ids(&all, "partnerId"), ["s-auth", "s-cred"]);
    let first = &all.response()["data"][0];
    assert_eq!(
        (first["partnerName"].as_str(), first["policyName"].as_str(), first["statusCode"].as_str()),
        (Some("s-auth org"), Some("auth policy"), Some("approved"))
    );
    let by_partner = search(&app, "/apikey/request/search", &admin(), json!({"filters": [{"columnName": "partnerName", "type": "contains", "value": "CRED"}], "sort": [], "pagination": page})).ok();
    assert_eq!(ids(&by_partner, "partnerId"), ["s-cred"]);
    let by_policy = search(&app, "/apikey/request/search", &admin(), json!({"filters": [{"columnName": "policyName", "type": "equals", "value": "auth policy"}], "sort": [], "pagination": page})).ok();
    assert_eq!(ids(&by_policy, "partnerId"), ["s-auth"]);
    let nothing = search(&app, "/apikey/request/search", &admin(), json!({"filters": [{"columnName": "policyName", "type": "equals", "value": "nope"}], "sort": [], "pagination": page})).ok();
    assert_eq!(nothing.response()["totalRecord"], 0);
    let mine = search(
        &app,
        "/apikey/request/search",
        &partner_token("s-cred"),
        json!({"filters": [], "sort": [], "pagination": page}),
    )
    .ok();
    assert_eq!(ids(&mine, "partnerId"), ["s-cred"]);

    let keys = search(&app, "/apikey/search", &admin(), json!({"filters": [], "sort": [{"sortField": "isActive", "sortType": "asc"}], "pagination": {"pageStart": "0"}})).ok();
    let item = &keys.response()["data"][0];
    assert_eq!(
        (item["label"].as_str(), item["partnerName"].as_str(), item["policyName"].as_str()),
        (Some("k1"), Some("s-auth org"), Some("auth policy"))
    );
    assert!(item.get("policyApiKey").is_none() && item.get("apiKey").is_none(), "keys are never shown: {item}");
    let none = search(
        &app,
        "/apikey/search",
        &partner_token("s-cred"),
        json!({"filters": [], "sort": [], "pagination": {"pageStart": "0"}}),
    )
    .ok();
    assert_eq!(none.response()["totalRecord"], 0, "another partner's keys stay hidden");
    let a = search(
        &app,
        "/apikey/search",
        &admin(),
        json!({"filters": [{"columnName": "policyApiKey", "type": "contains", "value": "x"}], "sort": [{"sortField": "abcd", "sortType": "asc"}], "pagination": {"pageFetch": "0", "pageStart": "0"}}),
    );
    assert_eq!(a.error_code(), Some("PMS-MSD-357"));
    let a = search(
        &app,
        "/apikey/search",
        &admin(),
        json!({"filters": [{"columnName": "abcd", "type": "contains", "value": "x"}], "sort": [], "pagination": {"pageFetch": "0", "pageStart": "0"}}),
    );
    assert_eq!(a.error_code(), Some("PMS-MSD-310"));
    let a = search(&app, "/apikey/search", &admin(), json!({"filters": [{"columnName": "policyApiKey", "type": "unique", "value": "x"}], "sort": [], "pagination": {"pageFetch": "1", "pageStart": "0"}})).ok();
    assert_eq!(a.response()["totalRecord"], 1, "an unknown filter type is ignored");
}

api_tests!(
    partner_search_filters_sorts_pages_and_keeps_to_own_rows,
    partner_types_and_filter_values,
    request_and_key_searches_resolve_names,
);
