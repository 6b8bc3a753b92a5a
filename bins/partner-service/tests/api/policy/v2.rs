//! MOSIP 1.2.2's policy endpoints: deactivation of policies and groups, the active groups and
//! the paged policy list, in the 1.2.2 envelope.

use serde_json::{Value, json};
use web_support::testing::{Answer, Client, token};

use super::{GROUPS, POLICIES, audits, codes, create_group, create_policy, get, insert_partner, pm, publish, sql};
use crate::api_tests;
use crate::helpers::TestApp;

const DEACTIVATE_POLICY: &str = "mosip.pms.deactivate.policy.patch";
const DEACTIVATE_GROUP: &str = "mosip.pms.deactivate.policy.group.patch";

fn deactivate(app: &TestApp, path: &str, id: &str, request: Value) -> Answer {
    app.client.send("PATCH", path, Some(&pm()), &Client::envelope_v2(id, request))
}

fn off() -> Value {
    json!({"status": "De-Activate"})
}

/// A partner's request for `policy` in state `status` (`approved`, `InProgress`, `rejected`).
fn request_policy(app: &TestApp, partner: &str, policy: &str, status: &str) {
    insert_partner(app, partner);
    sql(
        app,
        &format!(
            "INSERT INTO partner_policy_request (id, part_id, policy_id, request_datetimes, request_detail, status_code, cr_by, cr_dtimes) \
             VALUES ('r-{partner}', '{partner}', '{policy}', CURRENT_TIMESTAMP, 'd', '{status}', 't', CURRENT_TIMESTAMP)"
        ),
    );
}

/// A published policy of `group` (named `group_id`).
fn live_policy(app: &TestApp, group: &str, group_id: &str, name: &str) -> String {
    let id = create_policy(app, group, name);
    publish(app, &id, group_id).ok();
    id
}

fn a_policy_is_deactivated_unless_live_requests_use_it(app: TestApp) {
    let group_id = create_group(&app, "g1");
    let draft = create_policy(&app, "g1", "draft");
    let approved = live_policy(&app, "g1", &group_id, "approved");
    let pending = live_policy(&app, "g1", &group_id, "pending");
    let rejected = live_policy(&app, "g1", &group_id, "rejected");
    request_policy(&app, "pa", &approved, "approved");
    request_policy(&app, "pp", &pending, "InProgress");
    request_policy(&app, "pr", &rejected, "rejected");
    let at = |id: &str| format!("{POLICIES}/{id}");

    let done = deactivate(&app, &at(&rejected), DEACTIVATE_POLICY, off()).ok();
    assert_eq!(done.response(), &json!({"policyId": rejected, "isActive": false}));
    assert_eq!((done.body["id"].as_str(), done.body["version"].as_str()), (Some(DEACTIVATE_POLICY), Some("1.0")));
    assert!(done.body["responseTime"].as_str().is_some_and(|t| t.ends_with('Z')), "{}", done.body);
    assert_eq!(done.body["metadata"], Value::Null);
    let listed = get(&app, &at(&rejected)).ok();
    assert_eq!(listed.response()["is_Active"], false);

    for (id, code) in [
        (&draft, "PMS_POL_072"),
        (&approved, "PMS_POL_063"),
        (&pending, "PMS_POL_064"),
        (&rejected, "PMS_POL_062"),
        (&"nope".to_owned(), "PMS_POL_065"),
    ] {
        let refused = deactivate(&app, &at(id), DEACTIVATE_POLICY, off());
        assert_eq!((refused.status, codes(&refused)), (200, vec![code.to_owned()]), "{id}");
        assert_eq!(
            (refused.body["id"].as_str(), refused.body["response"].clone()),
            (Some(DEACTIVATE_POLICY), Value::Null)
        );
    }
    let wrong_status = deactivate(&app, &at(&approved), DEACTIVATE_POLICY, json!({"status": "De-Active"}));
    assert_eq!(codes(&wrong_status), ["PMS_POL_073"]);
    let wrong_id = deactivate(&app, &at(&approved), "mosip.test", off());
    assert_eq!(codes(&wrong_id), ["PMS_REQUEST_ERROR_002"]);
    let mut old = Client::envelope_v2(DEACTIVATE_POLICY, off());
    old["requestTime"] = json!("2020-01-01T00:00:00.000Z");
    let stale = app.client.send("PATCH", &at(&approved), Some(&pm()), &old);
    assert_eq!(
        (codes(&stale), stale.body["id"].as_str()),
        (vec!["PMS_REQUEST_ERROR_006".to_owned()], Some(DEACTIVATE_POLICY))
    );
    let v1 = app.client.send("PATCH", &at(&approved), Some(&pm()), &Client::envelope(off()));
    assert_eq!(codes(&v1), ["PMS_REQUEST_ERROR_002"], "a 1.2.0 envelope is not a 1.2.2 one");
    let partner = app.client.send(
        "PATCH",
        &at(&approved),
        Some(&token("p", &["AUTH_PARTNER"])),
        &Client::envelope_v2(DEACTIVATE_POLICY, off()),
    );
    assert_eq!(partner.status, 403);

    let trail = audits(&app, &approved);
    assert!(trail.contains(&("PMS_PRT_483".to_owned(), Some("PMS_POL_063".to_owned()))), "{trail:?}");
    assert!(audits(&app, &rejected).iter().filter(|(e, _)| e == "PMS_PRT_283").count() == 2, "publish, deactivate");
}

fn a_group_is_deactivated_once_empty_of_live_policies(app: TestApp) {
    let empty = create_group(&app, "empty");
    let with_draft = create_group(&app, "drafts");
    create_policy(&app, "drafts", "p1");
    let with_live = create_group(&app, "live");
    live_policy(&app, "live", &with_live, "p2");
    let at = |id: &str| format!("{GROUPS}/{id}");

    let done = deactivate(&app, &at(&empty), DEACTIVATE_GROUP, off()).ok();
    assert_eq!(done.response(), &json!({"policyGroupId": empty, "isActive": false}));
    assert_eq!(done.body["id"], DEACTIVATE_GROUP);
    for (id, code) in [
        (&with_draft, "PMS_POL_070"),
        (&with_live, "PMS_POL_056"),
        (&empty, "PMS_POL_067"),
        (&"nope".to_owned(), "PMS_POL_068"),
    ] {
        let refused = deactivate(&app, &at(id), DEACTIVATE_GROUP, off());
        assert_eq!(codes(&refused), [code], "{id}");
    }
    let group = get(&app, &at(&empty)).ok();
    assert_eq!(group.response()["policyGroup"]["isActive"], false, "{}", group.body);
    let trail = audits(&app, &empty);
    assert!(trail.contains(&("PMS_PRT_256".to_owned(), None)), "{trail:?}");
    assert!(trail.contains(&("PMS_PRT_456".to_owned(), Some("PMS_POL_067".to_owned()))), "{trail:?}");
}

fn the_active_groups_and_a_page_of_policies(app: TestApp) {
    let groups = format!("{POLICIES}/policy-groups");
    let partner = token("p", &["AUTH_PARTNER"]);
    let none = app.client.get(&groups, Some(&partner));
    assert_eq!(
        (none.status, codes(&none), none.body["id"].as_str()),
        (200, vec!["PMS_POL_059".to_owned()], Some("mosip.pms.policy.groups.get"))
    );
    let alpha = create_group(&app, "Alpha");
    let gone = create_group(&app, "gone");
    deactivate(&app, &format!("{GROUPS}/{gone}"), DEACTIVATE_GROUP, off()).ok();
    let active = app.client.get(&groups, Some(&partner)).ok();
    assert_eq!(active.response(), &json!([{"id": alpha, "description": "Alpha desc", "name": "Alpha"}]));

    let first = live_policy(&app, "Alpha", &alpha, "a-first");
    create_policy(&app, "Alpha", "b_second");
    create_policy(&app, "Alpha", "c-third");
    let v2 = |query: &str| get(&app, &format!("{POLICIES}/v2{query}"));
    let page = v2("?sortFieldName=policyName&sortType=desc&pageNo=0&pageSize=2").ok();
    assert_eq!(page.body["id"], "mosip.pms.policies.get");
    let r = page.response();
    assert_eq!((r["pageNo"].as_i64(), r["pageSize"].as_i64(), r["totalResults"].as_i64()), (Some(0), Some(2), Some(3)));
    assert_eq!(r["data"][0]["policyName"], "c-third");
    assert_eq!(r["data"][1]["status"], "draft");
    let active_only = v2("?status=activated&policyGroupName=alp").ok();
    let only = &active_only.response()["data"];
    assert_eq!((only.as_array().map(Vec::len), only[0]["policyId"].as_str()), (Some(1), Some(first.as_str())));
    assert_eq!(
        (only[0]["policyGroupId"].as_str(), only[0]["policyGroupName"].as_str()),
        (Some(alpha.as_str()), Some("Alpha"))
    );
    assert!(only[0]["createdDateTime"].as_str().is_some_and(|t| t.ends_with("+00:00")), "{only}");
    let literal = v2("?policyName=_").ok();
    assert_eq!(literal.response()["data"][0]["policyName"], "b_second");
    let empty = v2("?policyName=zzz").ok();
    assert_eq!(empty.response(), &json!({"pageNo": 0, "pageSize": 0, "totalResults": 0, "data": []}));
    for (query, code) in [
        ("?sortFieldName=name&sortType=asc", "PMS_PRT_357"),
        ("?sortFieldName=policyName&sortType=up", "PMS_PRT_358"),
        ("?pageNo=-1", "PMS_PRT_360"),
        ("?pageSize=0", "PMS_PRT_361"),
        ("?pageSize=many", "PMS_PRT_361"),
    ] {
        let refused = v2(query);
        assert_eq!((refused.status, codes(&refused)), (200, vec![code.to_owned()]), "{query}");
        assert_eq!(refused.body["id"], "mosip.pms.policies.get", "{query}");
    }
    assert_eq!(app.client.get(&format!("{POLICIES}/v2"), Some(&partner)).status, 403);
}

api_tests!(
    a_policy_is_deactivated_unless_live_requests_use_it,
    a_group_is_deactivated_once_empty_of_live_policies,
    the_active_groups_and_a_page_of_policies
);
