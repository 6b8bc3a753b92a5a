//! Drafting a policy: validation of the request and the document, unique names and ids.

use serde_json::{Value, json};

use super::{GROUPS, POLICIES, audits, auth_policy, codes, create_group, get, post, put};
use crate::api_tests;
use crate::helpers::TestApp;

fn policies_are_drafted_validated_and_unique(app: TestApp) {
    let group_id = create_group(&app, "g1");
    let a = post(
        &app,
        POLICIES,
        json!({"policyGroupName": "g1", "policyType": "auth", "name": "p1", "desc": "first", "version": "1.0", "policies": auth_policy()}),
    )
    .ok();
    let p = a.response();
    assert_eq!(
        (p["policyGroupName"].as_str(), p["name"].as_str(), p["desc"].as_str()),
        (Some("g1"), Some("p1"), Some("first"))
    );
    assert_eq!(p["is_Active"], false);
    assert!(p["cr_dtimes"].as_str().unwrap().ends_with("+00:00"), "{p}");
    assert_eq!(a.body["version"], "1.0");
    let id = p["id"].as_str().unwrap().to_owned();

    let got = get(&app, &format!("{POLICIES}/{id}")).ok();
    let p = got.response();
    assert_eq!(
        (p["status"].as_str(), p["policyType"].as_str(), p["schema"].as_str()),
        (Some("DRAFTED"), Some("Auth"), None)
    );
    assert_eq!((p["policyGroupId"].as_str(), p["policyGroupName"].as_str()), (Some(group_id.as_str()), Some("g1")));
    assert_eq!(p["policies"], auth_policy());
    assert_eq!(
        &p["validTill"].as_str().unwrap()[..4],
        (chrono::Utc::now().naive_utc().format("%Y").to_string().parse::<i32>().unwrap() + 200).to_string()
    );

    let base = json!({"policyGroupName": "g1", "policyType": "Auth", "name": "p2", "desc": "d", "version": "1.0", "policies": auth_policy()});
    let with = |k: &str, v: Value| {
        let mut b = base.clone();
        b[k] = v;
        b
    };
    assert_eq!(codes(&post(&app, POLICIES, with("name", json!("p1")))), ["PMS_POL_009"]);
    assert_eq!(codes(&post(&app, POLICIES, with("policyGroupName", json!("nope")))), ["PMS_POL_019"]);
    assert_eq!(codes(&post(&app, POLICIES, with("policyType", json!("abcd")))), ["PMS_POL_023"]);
    assert_eq!(codes(&post(&app, POLICIES, with("version", json!("123456789")))), ["PMS_COR_001"]);
    assert_eq!(codes(&post(&app, POLICIES, with("policies", Value::Null))), ["PMS_COR_003", "PMS_COR_001"]);
    assert_eq!(codes(&post(&app, POLICIES, with("policies", json!("text")))), ["PMS_COR_001"]);
    let broken = json!({"allowedAuthTypes": [{"authSubType": "FINGER", "mandatory": "yes"}], "authTokenType": "Policy", "extra": 1});
    let bad = post(&app, POLICIES, with("policies", broken));
    assert_eq!(codes(&bad), ["PMS_PV_006", "PMS_PV_005", "PMS_PV_005", "PMS_PV_006", "PMS_PV_005"], "{}", bad.body);
    assert_eq!(bad.body["errors"][0]["message"], "Missing input parameter - allowedKycAttributes in policy data");

    let chosen = post(&app, POLICIES, with("policyId", json!("MY-POLICY"))).ok();
    assert_eq!(chosen.response()["id"], "MY-POLICY");
    let again = post(
        &app,
        POLICIES,
        json!({"policyId": "MY-POLICY", "policyGroupName": "g1", "policyType": "Auth", "name": "p3", "desc": "d", "version": "1", "policies": auth_policy()}),
    );
    assert_eq!(codes(&again), ["PMS_COR_002"]);

    put(&app, &format!("{GROUPS}/{group_id}"), json!({"name": "g1", "desc": "d", "isActive": false})).ok();
    assert_eq!(codes(&post(&app, POLICIES, with("name", json!("p9")))), ["PMS_POL_053"]);

    let events: Vec<String> = audits(&app, &id).into_iter().map(|(e, _)| e).collect();
    assert_eq!(&events[..3], ["PMS_PRT_237", "PMS_PRT_187", "PMS_PRT_287"]);
    let failed = audits(&app, "p1");
    assert!(failed.contains(&("PMS_PRT_437".to_owned(), Some("PMS_POL_009".to_owned()))), "{failed:?}");
}

api_tests!(policies_are_drafted_validated_and_unique);
