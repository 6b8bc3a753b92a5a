//! Search and filter values over licence keys.

use serde_json::json;
use web_support::testing;

use super::{generate, partner_admin, put};
use crate::api_tests;
use crate::helpers::LICENSES;
use crate::helpers::TestApp;
use crate::helpers::err;
use crate::helpers::ida;

fn search_and_filter_values_over_licence_keys(app: TestApp) {
    for p in ["MISP", "MISP2", "MISP3"] {
        app.partner(p, "MISP_Partner", true);
    }
    let t = partner_admin();
    let k1 = generate(&app, &t, "MISP").ok().response()["licenseKey"].as_str().unwrap().to_owned();
    generate(&app, &t, "MISP2").ok();
    generate(&app, &t, "MISP3").ok();
    put(&app, &t, "MISP", &k1, "de-active").ok();
    let search =
        |token: &str, request: serde_json::Value| app.call("POST", &format!("{LICENSES}/search"), token, Some(request));

    let a = search(
        &t,
        json!({"filters": [], "sort": [{"sortField": "createdDateTime", "sortType": "DESC"}],
        "pagination": {"pageStart": 0.0, "pageFetch": 2.0}}),
    )
    .ok();
    let r = a.response();
    assert_eq!(
        (r["fromRecord"].as_i64(), r["toRecord"].as_i64(), r["totalRecord"].as_i64()),
        (Some(1), Some(2), Some(3))
    );
    let ids: Vec<&str> = r["data"].as_array().unwrap().iter().map(|k| k["mispId"].as_str().unwrap()).collect();
    assert_eq!(ids, ["MISP3", "MISP2"]);
    let a = search(
        &t,
        json!({"filters": [{"columnName": "isActive", "type": "equals", "value": "false"}],
        "sort": [], "pagination": {"pageStart": 0, "pageFetch": 10}}),
    )
    .ok();
    assert_eq!(a.response()["data"][0]["licenseKey"], k1.as_str());
    assert_eq!(a.response()["totalRecord"], 1);
    let bad = |request: serde_json::Value| err(&search(&t, request));
    assert_eq!(
        bad(json!({"filters": [], "sort": [], "pagination": {"pageStart": -1.0, "pageFetch": 1.0}})),
        "PMS-MSD-313"
    );
    assert_eq!(
        bad(
            json!({"filters": [], "sort": [{"sortField": "createdDateTime", "sortType": "asdf"}], "pagination": {"pageStart": 0, "pageFetch": 1}})
        ),
        "PMS-MSD-358"
    );
    assert_eq!(
        bad(
            json!({"filters": [], "sort": [{"sortField": "", "sortType": "ASC"}], "pagination": {"pageStart": 0, "pageFetch": 1}})
        ),
        "PMS-MSD-314"
    );
    assert_eq!(
        bad(
            json!({"filters": [{"columnName": "nope", "type": "equals", "value": "x"}], "sort": [], "pagination": {"pageStart": 0, "pageFetch": 1}})
        ),
        "PMS-MSD-310"
    );
    // a MISP partner finds its own keys only
    let own = testing::token("MISP2", &["MISP_PARTNER"]);
    let a = search(&own, json!({"filters": [], "sort": [], "pagination": {"pageStart": 0, "pageFetch": 10}})).ok();
    assert_eq!(a.response()["totalRecord"], 1);
    assert_eq!(a.response()["data"][0]["mispId"], "MISP2");

    let filter = |token: &str, request: serde_json::Value| {
        app.call("POST", &format!("{LICENSES}/filtervalues"), token, Some(request))
    };
    let a = filter(&t, json!({"filters": [{"columnName": "isActive", "type": "all", "text": ""}]})).ok();
    let values: Vec<(&str, &str)> = a.response()["filters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["fieldID"].as_str().unwrap(), f["fieldValue"].as_str().unwrap()))
        .collect();
    assert_eq!(values, [("isActive", "true"), ("isActive", "false")]);
    let a = filter(&t, json!({"filters": [{"columnName": "mispId", "type": "unique", "text": "misp"}]})).ok();
    assert_eq!(a.response()["filters"].as_array().unwrap().len(), 3);
    let a = filter(&own, json!({"filters": [{"columnName": "mispId", "type": "unique", "text": ""}]})).ok();
    assert_eq!(a.response()["filters"][0]["fieldValue"], "MISP2");
    assert_eq!(a.response()["filters"].as_array().unwrap().len(), 1);
    let a = filter(&t, json!({"filters": [{"columnName": "iSActive", "type": "between", "text": ""}]}));
    assert_eq!(err(&a), "PMS-MSD-324");
    assert_eq!(err(&filter(&t, json!({"filters": [{"columnName": "x", "type": "all"}]}))), "PMS-MSD-317");
    assert_eq!(app.call("POST", &format!("{LICENSES}/search"), &ida(), Some(json!({}))).status, 403);
}

api_tests!(search_and_filter_values_over_licence_keys);
