//! The policy manager (`/v1/policymanager`): policy groups, policies, publication, status, reads,
//! configuration values, role checks and audit records.

use diesel::RunQueryDsl;
use persistence::repo::audit::{AuditFilter, search};
use persistence::{DbPool, PoolOptions};
use serde_json::{Value, json};
use web_support::testing::{Answer, Client, token};

use crate::api_tests;
use crate::helpers::TestApp;

const GROUPS: &str = "/v1/policymanager/policies/group";
const POLICIES: &str = "/v1/policymanager/policies";

fn pm() -> String {
    token("pm-1", &["POLICYMANAGER"])
}

fn post(app: &TestApp, path: &str, request: Value) -> Answer {
    app.client.send("POST", path, Some(&pm()), &Client::envelope(request))
}

fn put(app: &TestApp, path: &str, request: Value) -> Answer {
    app.client.send("PUT", path, Some(&pm()), &Client::envelope(request))
}

fn patch(app: &TestApp, path: &str, request: Value) -> Answer {
    app.client.send("PATCH", path, Some(&pm()), &Client::envelope(request))
}

fn get(app: &TestApp, path: &str) -> Answer {
    app.client.get(path, Some(&pm()))
}

fn codes(a: &Answer) -> Vec<String> {
    a.body["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["errorCode"].as_str().map(String::from))
        .collect()
}

fn create_group(app: &TestApp, name: &str) -> String {
    let a = post(app, &format!("{GROUPS}/new"), json!({"name": name, "desc": format!("{name} desc")})).ok();
    a.response()["id"].as_str().unwrap_or_default().to_owned()
}

fn auth_policy() -> Value {
    json!({
        "allowedAuthTypes": [{"authSubType": "FINGER", "authType": "bio", "mandatory": true}],
        "allowedKycAttributes": [{"attributeName": "fullName"}],
        "authTokenType": "partner"
    })
}

fn create_policy(app: &TestApp, group: &str, name: &str) -> String {
    let a = post(
        app,
        POLICIES,
        json!({"policyGroupName": group, "policyType": "Auth", "name": name, "desc": "d", "version": "1.0", "policies": auth_policy()}),
    )
    .ok();
    a.response()["id"].as_str().unwrap_or_default().to_owned()
}

fn publish(app: &TestApp, policy: &str, group_id: &str) -> Answer {
    app.client.send("POST", &format!("{POLICIES}/{policy}/group/{group_id}/publish"), Some(&pm()), &json!({}))
}

/// Audit event ids (with error codes) recorded for `ref_id`, oldest first.
fn audits(app: &TestApp, ref_id: &str) -> Vec<(String, Option<String>)> {
    let pool = DbPool::open(&app.db.url, &PoolOptions::default()).unwrap();
    let mut conn = pool.get().unwrap();
    let filter = AuditFilter { ref_id: Some(ref_id.into()), ..AuditFilter::default() };
    let (rows, _) = search(&mut conn, &filter, 0, 100).unwrap();
    rows.into_iter().rev().map(|r| (r.event_id, r.error_code)).collect()
}

fn sql(app: &TestApp, statement: &str) {
    let pool = DbPool::open(&app.db.url, &PoolOptions::default()).unwrap();
    let mut conn = pool.get().unwrap();
    diesel::sql_query(statement).execute(&mut *conn).unwrap();
}

/// A partner holding an API key (active or not) for `policy`.
fn give_api_key(app: &TestApp, partner: &str, policy: &str, active: bool) {
    sql(
        app,
        &format!(
            "INSERT INTO partner (id, name, user_id, partner_type_code, approval_status, is_active, cr_by, cr_dtimes) \
             VALUES ('{partner}', '{partner}', '{partner}', 'Auth_Partner', 'approved', TRUE, 't', CURRENT_TIMESTAMP)"
        ),
    );
    sql(
        app,
        &format!(
            "INSERT INTO partner_policy (policy_api_key, part_id, policy_id, valid_from_datetime, is_active, label, cr_by, cr_dtimes) \
             VALUES ('key-{partner}', '{partner}', '{policy}', CURRENT_TIMESTAMP, {active}, 'l', 't', CURRENT_TIMESTAMP)"
        ),
    );
}

fn groups_are_created_unique_and_answer_without_metadata(app: TestApp) {
    let a = post(&app, &format!("{GROUPS}/new"), json!({"name": "telecom", "desc": "Telecom operators"})).ok();
    assert!(a.body.get("metadata").is_none(), "{}", a.body);
    assert_eq!((a.body["id"].as_str(), a.body["version"].as_str()), (Some("mosip.test"), Some("1.0")));
    let g = a.response();
    assert_eq!(
        (g["name"].as_str(), g["desc"].as_str(), g["is_Active"].as_bool()),
        (Some("telecom"), Some("Telecom operators"), Some(true))
    );
    assert_eq!(g["cr_by"], "pm-1");
    let id = g["id"].as_str().unwrap().to_owned();

    let dup = post(&app, &format!("{GROUPS}/new"), json!({"name": "telecom", "desc": "again"}));
    assert_eq!((dup.status, codes(&dup)), (200, vec!["PMS_POL_014".to_owned()]));
    assert!(dup.body.get("metadata").is_none(), "{}", dup.body);
    assert_eq!(dup.body["errors"][0]["message"], "Policy group exists with name : telecom");

    let missing = post(&app, &format!("{GROUPS}/new"), json!({"desc": "x".repeat(129)}));
    assert_eq!(codes(&missing), ["PMS_COR_001", "PMS_COR_001"]);
    assert_eq!(missing.body["errors"][0]["message"], "Invalid request parameter - must not be blank :request.name");
    assert_eq!(
        missing.body["errors"][1]["message"],
        "Invalid request parameter - Length should be in between 1 and 128 chars :request.desc"
    );
    let no_request = app.client.send("POST", &format!("{GROUPS}/new"), Some(&pm()), &json!({"id": "x"}));
    assert_eq!(codes(&no_request), ["PMS_COR_001"]);
    let not_json = app.client.send_raw("POST", &format!("{GROUPS}/new"), Some(&pm()), "{oops");
    assert_eq!((not_json.status, not_json.error_code()), (400, Some("PMS_COR_001")));
    assert!(not_json.body.get("metadata").is_none(), "{}", not_json.body);

    assert_eq!(
        audits(&app, "telecom").iter().map(|(e, _)| e.as_str()).collect::<Vec<_>>(),
        ["PMS_PRT_115", "PMS_PRT_115", "PMS_PRT_475"]
    );
    assert_eq!(audits(&app, "telecom")[2].1.as_deref(), Some("PMS_POL_014"));
    assert_eq!(audits(&app, &id), [("PMS_PRT_215".to_owned(), None)]);
}

fn groups_are_renamed_described_and_switched(app: TestApp) {
    let id = create_group(&app, "banks");
    create_group(&app, "insurers");
    let path = format!("{GROUPS}/{id}");
    let a = put(&app, &path, json!({"name": "banking", "desc": "Banks", "isActive": false})).ok();
    assert_eq!((a.response()["name"].as_str(), a.response()["is_Active"].as_bool()), (Some("banking"), Some(false)));
    assert_eq!(a.response()["up_by"], "pm-1");
    assert_eq!(a.body["id"], "mosip.test");

    let taken = put(&app, &path, json!({"name": "insurers", "desc": "Banks", "isActive": false}));
    assert_eq!(codes(&taken), ["PMS_POL_014"]);
    let unknown = put(&app, &format!("{GROUPS}/nope"), json!({"name": "x", "desc": "y", "isActive": true}));
    assert_eq!(codes(&unknown), ["PMS_POL_008"]);
    let no_state = put(&app, &path, json!({"name": "banking", "desc": "Banks"}));
    assert_eq!(codes(&no_state), ["PMS_COR_003", "PMS_COR_001"]);
    assert_eq!(no_state.body["errors"][1]["message"], "Invalid request parameter - must not be null :request.isActive");

    let back = put(&app, &path, json!({"name": "banking", "desc": "Banks again", "isActive": true})).ok();
    assert_eq!(back.response()["is_Active"], true);
    let one = get(&app, &path).ok();
    assert!(one.body.get("metadata").is_none());
    let group = &one.response()["policyGroup"];
    assert_eq!(
        (group["name"].as_str(), group["desc"].as_str(), group["isActive"].as_bool()),
        (Some("banking"), Some("Banks again"), Some(true))
    );
    assert_eq!(group["userId"], "pm-1");
    assert_eq!(one.response()["policies"], json!([]));
    assert_eq!(codes(&get(&app, &format!("{GROUPS}/nope"))), ["PMS_POL_016"]);
    let all = get(&app, &format!("{GROUPS}/all")).ok();
    let names: Vec<&str> =
        all.response().as_array().unwrap().iter().filter_map(|g| g["policyGroup"]["name"].as_str()).collect();
    assert_eq!(names, ["banking", "insurers"]);
    let events: Vec<String> = audits(&app, &id).into_iter().map(|(e, _)| e).collect();
    assert!(
        events.starts_with(&[
            "PMS_PRT_215".into(),
            "PMS_PRT_156".into(),
            "PMS_PRT_256".into(),
            "PMS_PRT_156".into(),
            "PMS_PRT_456".into()
        ]),
        "{events:?}"
    );
    assert!(events.contains(&"PMS_PRT_216".to_owned()), "{events:?}");
}

fn only_policy_admins_may_manage_policies(app: TestApp) {
    let partner = token("p-1", &["AUTH_PARTNER"]);
    let body = Client::envelope(json!({"name": "g", "desc": "d"}));
    let a = app.client.send("POST", &format!("{GROUPS}/new"), Some(&partner), &body);
    assert_eq!((a.status, a.error_code()), (403, Some("KER-ATH-403")));
    assert!(a.body.get("metadata").is_none(), "{}", a.body);
    let a = app.client.send("POST", &format!("{GROUPS}/new"), None, &body);
    assert_eq!((a.status, a.error_code()), (401, Some("KER-ATH-401")));
    for path in [POLICIES.to_owned(), format!("{GROUPS}/all"), format!("{POLICIES}/x"), format!("{POLICIES}/config/k")]
    {
        assert_eq!(app.client.get(&path, Some(&partner)).status, 403, "{path}");
    }
    let admin = token("admin", &["PARTNER_ADMIN"]);
    app.client.send("POST", &format!("{GROUPS}/new"), Some(&admin), &body).ok();
    let active = app.client.get(&format!("{POLICIES}/active/group/g"), Some(&partner)).ok();
    assert_eq!(active.response(), &json!([]));
    let device = token("d-1", &["DEVICE_PROVIDER"]);
    assert_eq!(app.client.get(&format!("{POLICIES}/active/group/g"), Some(&device)).status, 403);
    let wrong_method = app.client.send("DELETE", &format!("{GROUPS}/new"), Some(&pm()), &json!({}));
    assert_eq!((wrong_method.status, wrong_method.error_code()), (405, Some("PMS_COR_405")));
}

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

fn draft_status_and_api_keys(app: TestApp) {
    let group_id = create_group(&app, "g1");
    let draft = create_policy(&app, "g1", "draft");
    let status = format!("{POLICIES}/{draft}/group/{group_id}");
    assert_eq!(codes(&patch(&app, &status, json!({"status": "Active"}))), ["PMS_POL_054"]);
    let off = patch(&app, &status, json!({"status": "de-active"})).ok();
    assert_eq!(off.response()["message"], "status updated successfully");
    assert_eq!(off.body["id"], "mosip.test");
    give_api_key(&app, "partner-a", &draft, true);
    assert_eq!(codes(&patch(&app, &status, json!({"status": "De-Active"}))), ["PMS_POL_057"]);

    let published = create_policy(&app, "g1", "published");
    publish(&app, &published, &group_id).ok();
    give_api_key(&app, "partner-b", &published, false);
    let path = |partner: &str, policy: &str| format!("{POLICIES}/{policy}/partner/{partner}");
    assert_eq!(codes(&get(&app, &path("partner-b", &published))), ["PMS_POL_017"]);
    assert_eq!(codes(&get(&app, &path("partner-a", &published))), ["PMS_POL_017"]);
    let held = get(&app, &path("partner-a", &draft)).ok();
    assert_eq!(
        (held.response()["policyId"].as_str(), held.response()["policyGroupName"].as_str()),
        (Some(draft.as_str()), Some("g1"))
    );
    assert_eq!(codes(&get(&app, &format!("{POLICIES}/nope"))), ["PMS_POL_008"]);
}

fn stored_documents_that_are_not_json_are_reported(app: TestApp) {
    create_group(&app, "g1");
    let id = create_policy(&app, "g1", "p1");
    sql(&app, &format!("UPDATE auth_policy SET policy_file_id = '{{oops' WHERE id = '{id}'"));
    assert_eq!(codes(&get(&app, &format!("{POLICIES}/{id}"))), ["PMS_POL_052"]);
    assert_eq!(codes(&get(&app, POLICIES)), ["PMS_POL_052"]);
    assert!(audits(&app, &id).contains(&("PMS_PRT_487".to_owned(), Some("PMS_POL_052".to_owned()))));
}

fn config_values_come_from_an_allow_list(app: TestApp) {
    let a = get(&app, &format!("{POLICIES}/config/pmp.allowed.policy.types")).ok();
    assert_eq!(
        a.response(),
        &json!({"key": "pmp.allowed.policy.types", "value": "Auth,DataShare,CredentialIssuance,MISP"})
    );
    let schema = get(&app, &format!("{POLICIES}/config/pmp.auth.policy.schema")).ok();
    assert_eq!(schema.response()["value"]["type"], "object");
    for secret in ["auth.hs256_secret", "database.url", "spring.datasource.password", "mosip.kernel.keymanager.secret"]
    {
        let a = get(&app, &format!("{POLICIES}/config/{secret}")).ok();
        assert_eq!(a.response(), &json!({"key": secret, "value": null}), "{secret}");
    }
}

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

api_tests!(
    pages_beyond_any_end_are_empty,
    groups_are_created_unique_and_answer_without_metadata,
    groups_are_renamed_described_and_switched,
    only_policy_admins_may_manage_policies,
    policies_are_drafted_validated_and_unique,
    drafts_change_publish_once_and_freeze,
    draft_status_and_api_keys,
    stored_documents_that_are_not_json_are_reported,
    config_values_come_from_an_allow_list,
    searches_filter_sort_and_page_in_the_database,
);
