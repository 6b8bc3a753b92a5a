//! Changing a draft, publishing it once, and what a published policy refuses.

use serde_json::json;

use super::{GROUPS, POLICIES, audits, auth_policy, codes, create_group, create_policy, get, patch, publish, put};
use crate::api_tests;
use crate::helpers::TestApp;

fn drafts_change_publish_once_and_freeze(app: TestApp) {
    let group_id = create_group(&app, "g1");
    let other_group = create_group(&app, "g2");
    let id = create_policy(&app, "g1", "p1");
    create_policy(&app, "g1", "taken");
    let path = format!("{POLICIES}/{id}");
    let change = json!({"policyGroupName": "g1", "name": "p1-renamed", "desc": "new", "version": "2", "policies": auth_policy()});
    let a = put(&app, &path, change.clone()).ok();
    assert_eq!((a.response()["name"].as_str(), a.response()["desc"].as_str()), (Some("p1-renamed"), Some("new")));
    assert_eq!(a.response()["up_by"], "pm-1");
    let clash =
        json!({"policyGroupName": "g1", "name": "taken", "desc": "d", "version": "2", "policies": auth_policy()});
    assert_eq!(codes(&put(&app, &path, clash)), ["PMS_POL_009"]);
    let elsewhere =
        json!({"policyGroupName": "g2", "name": "x", "desc": "d", "version": "2", "policies": auth_policy()});
    assert_eq!(codes(&put(&app, &path, elsewhere)), ["PMS_POL_015"]);
    let invalid = json!({"policyGroupName": "g1", "name": "x", "desc": "d", "version": "2", "policies": {"authTokenType": "random"}});
    assert_eq!(codes(&put(&app, &path, invalid)), ["PMS_PV_006", "PMS_PV_006"]);

    assert_eq!(codes(&publish(&app, &id, &other_group)), ["PMS_POL_015"]);
    assert_eq!(codes(&publish(&app, "nope", &group_id)), ["PMS_POL_008"]);
    assert_eq!(codes(&publish(&app, &id, "nope")), ["PMS_POL_016"]);
    let p = publish(&app, &id, &group_id).ok();
    let r = p.response();
    assert_eq!((r["status"].as_str(), r["is_Active"].as_bool()), (Some("PUBLISHED"), Some(true)));
    assert_eq!(r["schema"], "https://schemas.mosip.io/v1/auth-policy");
    assert_eq!((r["policyName"].as_str(), r["policyGroupStatus"].as_bool()), (Some("p1-renamed"), Some(true)));
    assert!(p.body["id"].is_null());
    assert_eq!(codes(&publish(&app, &id, &group_id)), ["PMS_POL_020"]);
    assert_eq!(codes(&put(&app, &path, change)), ["PMS_POL_055"]);

    let status = format!("{POLICIES}/{id}/group/{group_id}");
    assert_eq!(codes(&patch(&app, &status, json!({"status": "De-Active"}))), ["PMS_POL_058"]);
    assert_eq!(codes(&patch(&app, &status, json!({"status": "maybe"}))), ["PMS_POL_045"]);
    assert_eq!(codes(&patch(&app, &status, json!({}))), ["PMS_COR_003", "PMS_COR_001"]);

    let active = get(&app, &format!("{POLICIES}/active/group/g1")).ok();
    let list = active.response().as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0]["id"].as_str(), list[0]["descr"].as_str(), list[0]["policyType"].as_str()),
        (Some(id.as_str()), Some("new"), Some("Auth"))
    );
    assert_eq!(codes(&get(&app, &format!("{POLICIES}/active/group/nope"))), ["PMS_POL_019"]);

    let switch_off = put(&app, &format!("{GROUPS}/{group_id}"), json!({"name": "g1", "desc": "d", "isActive": false}));
    assert_eq!(codes(&switch_off), ["PMS_POL_056"]);
    put(&app, &format!("{GROUPS}/{other_group}"), json!({"name": "g2", "desc": "d", "isActive": false})).ok();
    assert_eq!(codes(&get(&app, &format!("{POLICIES}/active/group/g2"))), ["PMS_POL_053"]);

    let all = get(&app, POLICIES).ok();
    assert_eq!(all.response().as_array().map(Vec::len), Some(2));
    let group = get(&app, &format!("{GROUPS}/{group_id}")).ok();
    let statuses: Vec<&str> =
        group.response()["policies"].as_array().unwrap().iter().filter_map(|p| p["status"].as_str()).collect();
    assert_eq!(statuses, ["PUBLISHED", "DRAFTED"]);

    let events: Vec<String> = audits(&app, &id).into_iter().map(|(e, _)| e).collect();
    assert!(events.contains(&"PMS_PRT_283".to_owned()) && events.contains(&"PMS_PRT_483".to_owned()), "{events:?}");
}

api_tests!(drafts_change_publish_once_and_freeze);
