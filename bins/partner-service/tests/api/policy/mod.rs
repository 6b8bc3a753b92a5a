//! The policy manager (`/v1/policymanager`): policy groups, policies, publication, status, reads,
//! configuration values, role checks and audit records.

mod drafts;
mod groups;
mod publication;
mod reads;
mod search;
mod v2;

use diesel::RunQueryDsl;
use persistence::repo::audit::{AuditFilter, search};
use persistence::{DbPool, PoolOptions};
use serde_json::{Value, json};
use web_support::testing::{Answer, Client, token};

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
    let (rows, _) = search(&mut conn, &filter, persistence::repo::Paging::exact(0, 100)).unwrap();
    rows.into_iter().rev().map(|r| (r.event_id, r.error_code)).collect()
}

fn sql(app: &TestApp, statement: &str) {
    let pool = DbPool::open(&app.db.url, &PoolOptions::default()).unwrap();
    let mut conn = pool.get().unwrap();
    diesel::sql_query(statement).execute(&mut *conn).unwrap();
}

/// An approved, active auth partner.
fn insert_partner(app: &TestApp, partner: &str) {
    sql(
        app,
        &format!(
            "INSERT INTO partner (id, name, user_id, partner_type_code, approval_status, is_active, cr_by, cr_dtimes) \
             VALUES ('{partner}', '{partner}', '{partner}', 'Auth_Partner', 'approved', TRUE, 't', CURRENT_TIMESTAMP)"
        ),
    );
}

/// A partner holding an API key (active or not) for `policy`.
fn give_api_key(app: &TestApp, partner: &str, policy: &str, active: bool) {
    insert_partner(app, partner);
    sql(
        app,
        &format!(
            "INSERT INTO partner_policy (policy_api_key, part_id, policy_id, valid_from_datetime, is_active, label, cr_by, cr_dtimes) \
             VALUES ('key-{partner}', '{partner}', '{policy}', CURRENT_TIMESTAMP, {active}, 'l', 't', CURRENT_TIMESTAMP)"
        ),
    );
}
