//! Searches and filter values of groups and policies, in the database.

use serde_json::{Value, json};
use web_support::testing::{Answer, Client, token};

use super::{GROUPS, POLICIES, auth_policy, codes, create_group, create_policy, post};
use crate::api_tests;
use crate::helpers::TestApp;

fn misp_policy() -> Value {
    json!({"allowAuthRequestDelegation": true, "allowKycRequestDelegation": false, "allowKeyBindingDelegation": true})
}

fn searches_filter_sort_and_page_in_the_database(app: TestApp) {
    for g in ["alpha", "beta", "gamma", "delta"] {
        create_group(&app, g);
    }
    let search = |body: Value| post(&app, &format!("{GROUPS}/search"), body);
    let page = |start: i64| {
        search(json!({
            "filters": [{"columnName": "name", "type": "contains", "value": "A"}],
            "sort": [{"sortField": "name", "sortType": "desc"}],
            "pagination": {"pageStart": start, "pageFetch": "2"}
        }))
        .ok()
    };
    let first = page(0);
    let names = |a: &Answer| -> Vec<String> {
        a.response()["data"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|g| g["name"].as_str().map(String::from))
            .collect()
    };
    assert_eq!(names(&first), ["gamma", "delta"]);
    assert_eq!(
        (
            first.response()["fromRecord"].as_i64(),
            first.response()["toRecord"].as_i64(),
            first.response()["totalRecord"].as_i64()
        ),
        (Some(1), Some(2), Some(4))
    );
    assert!(first.body.get("metadata").is_none());
    assert_eq!(first.response()["data"][0]["isActive"], true);
    let second = page(1);
    assert_eq!(names(&second), ["beta", "alpha"]);
    assert_eq!(second.response()["fromRecord"], 3);
    let none = search(json!({"filters": [{"columnName": "name", "type": "equals", "value": "zeta"}], "sort": [], "pagination": {"pageStart": 0}})).ok();
    assert_eq!(none.response(), &json!({"fromRecord": 0, "toRecord": 0, "totalRecord": 0, "data": null}));
    assert_eq!(
        codes(&search(json!({"filters": [], "sort": [{"sortField": "name", "sortType": "dc"}], "pagination": {}}))),
        ["PMS-MSD-358"]
    );
    assert_eq!(
        codes(&search(
            json!({"filters": [{"columnName": "nope", "type": "equals", "value": "x"}], "sort": [], "pagination": {}})
        )),
        ["PMS-MSD-310"]
    );
    assert_eq!(codes(&search(json!({"filters": [], "sort": []}))), ["PMS-MSD-356"]);
    let auth_partner = token("p-1", &["AUTH_PARTNER"]);
    let body = Client::envelope(json!({"filters": [], "sort": [], "pagination": {"pageStart": 0}}));
    app.client.send("POST", &format!("{GROUPS}/search"), Some(&auth_partner), &body).ok();
    assert_eq!(app.client.send("POST", &format!("{POLICIES}/search"), Some(&auth_partner), &body).status, 403);

    create_policy(&app, "alpha", "login");
    create_policy(&app, "beta", "kyc");
    let misp = json!({"policyGroupName": "beta", "policyType": "MISP", "name": "delegation", "desc": "d", "version": "1", "policies": misp_policy()});
    post(&app, POLICIES, misp).ok();
    let policies = |body: Value| post(&app, &format!("{POLICIES}/search"), body);
    let by_type = policies(json!({"filters": [], "sort": [{"sortField": "name", "sortType": "asc"}], "pagination": {"pageStart": 0}, "policyType": "Auth"})).ok();
    assert_eq!(names(&by_type), ["kyc", "login"]);
    let item = &by_type.response()["data"][0];
    assert_eq!(
        (item["policyGroupName"].as_str(), item["policyType"].as_str(), item["desc"].as_str()),
        (Some("beta"), Some("Auth"), Some("d"))
    );
    assert_eq!(serde_json::from_str::<Value>(item["policies"].as_str().unwrap()).unwrap(), auth_policy());
    let all_of_beta = policies(json!({
        "filters": [{"columnName": "policyGroupName", "type": "contains", "value": "BET"}],
        "sort": [{"sortField": "name", "sortType": "desc"}], "pagination": {"pageStart": 0}, "policyType": "all"
    }))
    .ok();
    assert_eq!(names(&all_of_beta), ["kyc", "delegation"]);
    let no_group = policies(json!({"filters": [{"columnName": "policyGroupName", "type": "equals", "value": "zzz"}], "sort": [], "pagination": {"pageStart": 0}, "policyType": "all"})).ok();
    assert_eq!(no_group.response()["totalRecord"], 0);
    let by_desc = policies(json!({"filters": [{"columnName": "desc", "type": "equals", "value": "D"}], "sort": [], "pagination": {"pageStart": 0}, "policyType": "MISP"})).ok();
    assert_eq!(names(&by_desc), ["delegation"]);
    assert_eq!(codes(&policies(json!({"filters": [], "sort": [], "pagination": {}}))), ["PMS_COR_001"]);
    let no_column = policies(
        json!({"filters": [{"type": "startswith", "value": "k"}], "sort": [], "pagination": {}, "policyType": "all"}),
    );
    assert_eq!(codes(&no_column), ["PMS_COR_003", "PMS-MSD-311"]);

    let values = |path: &str, body: Value| post(&app, &format!("{POLICIES}{path}"), body);
    let group_names =
        values("/group/filtervalues", json!({"filters": [{"columnName": "name", "type": "unique", "text": "ta"}]}))
            .ok();
    assert_eq!(
        group_names.response()["filters"],
        json!([{"fieldID": "name", "fieldValue": "beta", "fieldCode": "beta"}, {"fieldID": "name", "fieldValue": "delta", "fieldCode": "delta"}])
    );
    let bad = values(
        "/group/filtervalues",
        json!({"filters": [{"columnName": "name", "type": ""}, {"columnName": "sfg", "type": "all"}]}),
    );
    assert_eq!(codes(&bad), ["PMS_COR_003", "PMS-MSD-322", "PMS-MSD-317"]);
    let policy_names =
        values("/filtervalues", json!({"filters": [{"columnName": "name", "type": "all"}], "policyType": "MISP"})).ok();
    let filters = policy_names.response()["filters"].as_array().unwrap().clone();
    assert_eq!(filters.len(), 1);
    assert_eq!(filters[0]["fieldValue"], "delegation");
    assert!(filters[0]["fieldCode"].as_str().is_some_and(|c| !c.is_empty()));
    assert_eq!(
        codes(&values("/filtervalues", json!({"filters": [{"columnName": "name", "type": "all"}]}))),
        ["PMS_COR_001"]
    );
    let plain_partner = token("p-2", &["PARTNER"]);
    let body = Client::envelope(json!({"filters": [{"columnName": "name", "type": "unique"}]}));
    app.client.send("POST", &format!("{GROUPS}/filtervalues"), Some(&plain_partner), &body).ok();
}

/// Found by schemathesis: a page far beyond the end (page × size past `i64`) is an empty page,
/// not an overflow.
fn pages_beyond_any_end_are_empty(app: TestApp) {
    create_group(&app, "g1");
    let far = json!({"pageStart": 1_i64 << 40, "pageFetch": 1_i64 << 40});
    let groups = post(&app, &format!("{GROUPS}/search"), json!({"pagination": far})).ok();
    assert_eq!(groups.response(), &json!({"fromRecord": 0, "toRecord": 0, "totalRecord": 1, "data": null}));
    let policies = post(&app, &format!("{POLICIES}/search"), json!({"policyType": "all", "pagination": far})).ok();
    assert_eq!(policies.response()["data"], Value::Null);
}

api_tests!(searches_filter_sort_and_page_in_the_database, pages_beyond_any_end_are_empty);
