//! The paged list of OIDC clients (`GET /oauth/client`): roles, ownership, filters, sorting,
//! paging and MOSIP's parameter errors.

use serde_json::json;
use web_support::testing::token;

use crate::api_tests;
use crate::helpers::TestApp;
use crate::oidc_fixtures::*;
use crate::partner_fixtures::*;

fn named(rp: &str, n: &str, name: &str) -> serde_json::Value {
    let mut b = create_body(rp, n);
    b["name"] = json!(name);
    b["clientNameLangMap"] = json!({"eng": name});
    b
}

fn partners_list_their_clients_admins_all(app: TestApp) {
    rp_world(&app);
    request(&app, "rp2", "oidc policy", true);
    create(&app, &partner_token("rp1"), named("rp1", KEY_N, "Alpha")).ok();
    create(&app, &partner_token("rp1"), named("rp1", OTHER_N, "Beta")).ok();
    create(&app, &partner_token("rp2"), named("rp2", THIRD_N, "Gamma")).ok();
    let list = |tok: &str, query: &str| app.client.get(&format!("{OAUTH}{query}"), Some(tok));

    let mine = list(&partner_token("rp1"), "").ok();
    assert_eq!(mine.body["id"], "mosip.pms.oauth.partners.clients.get");
    assert!(mine.body["responseTime"].is_string(), "MOSIP's V2 envelope: {}", mine.body);
    let page = mine.response();
    assert_eq!(
        (page["pageNo"].as_u64(), page["pageSize"].as_u64(), page["totalResults"].as_u64()),
        (Some(0), Some(2), Some(2))
    );
    let first = &page["data"][0];
    assert_eq!((first["partnerId"].as_str(), first["orgName"].as_str()), (Some("rp1"), Some("rp1 org")));
    assert_eq!(
        (first["policyName"].as_str(), first["policyGroupName"].as_str()),
        (Some("oidc policy"), Some("group one"))
    );

    let all = list(&admin(), "?sortFieldName=clientName&sortType=desc&pageNo=0&pageSize=2").ok();
    let names: Vec<&str> =
        all.response()["data"].as_array().unwrap().iter().map(|c| c["clientName"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 2);
    assert!(names[0].contains("Gamma") && names[1].contains("Beta"), "{names:?}");
    assert_eq!(all.response()["totalResults"], 3);
    let second = list(&admin(), "?sortFieldName=clientName&sortType=desc&pageNo=1&pageSize=2").ok();
    assert_eq!(second.response()["data"].as_array().unwrap().len(), 1);
    let beyond = list(&admin(), "?pageNo=5&pageSize=2").ok();
    assert_eq!(beyond.response(), &json!({"pageNo": 0, "pageSize": 0, "totalResults": 0, "data": []}));
    let filtered = list(&admin(), "?clientName=ALP&partnerId=rp").ok();
    assert_eq!(filtered.response()["totalResults"], 1);
    assert_eq!(list(&admin(), "?status=INACTIVE").ok().response()["totalResults"], 0);

    let refused = |query: &str| list(&admin(), query).error_code().map(str::to_owned);
    assert_eq!(refused("?sortFieldName=clientName").as_deref(), Some("PMS_PS_ERROR_007"));
    assert_eq!(refused("?pageNo=0").as_deref(), Some("PMS_PS_ERROR_006"));
    assert_eq!(refused("?sortFieldName=clientName&sortType=asc").as_deref(), Some("PMS_PS_ERROR_008"));
    assert_eq!(refused("?sortFieldName=name&sortType=asc&pageNo=0&pageSize=1").as_deref(), Some("PMS_PRT_357"));
    assert_eq!(refused("?sortFieldName=status&sortType=up&pageNo=0&pageSize=1").as_deref(), Some("PMS_PRT_358"));
    assert_eq!(refused("?pageNo=-1&pageSize=1").as_deref(), Some("PMS_PRT_360"));
    assert_eq!(refused("?pageNo=0&pageSize=0").as_deref(), Some("PMS_PRT_361"));
    let bad_sort = list(&admin(), "?sortFieldName=name&sortType=asc&pageNo=0&pageSize=1");
    assert_eq!(
        (bad_sort.body["id"].as_str(), bad_sort.body["response"].is_null(), bad_sort.body["responseTime"].is_string()),
        (Some("mosip.pms.oauth.partners.clients.get"), true, true),
        "errors come in the list's own envelope: {}",
        bad_sort.body
    );

    assert_eq!(list(&token("rp1", &["PARTNER"]), "").status, 403, "role denial as elsewhere");
    assert_eq!(list(&token("stranger", &["AUTH_PARTNER"]), "").error_code(), Some("PMS_CERTIFICATE_ERROR_002"));
}

api_tests!(partners_list_their_clients_admins_all);
