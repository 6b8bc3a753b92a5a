//! What the partner tests need that other features own: policy groups and policies (the policy
//! manager), certificate upload (which makes a partner active and approved) — written straight
//! into the store.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use persistence::schema::{misp_license, partner};
use persistence::testing::fixtures::{GroupFixture, PolicyFixture};
use persistence::{DbPool, PoolOptions, PooledDb};
use serde_json::{Value, json};
use web_support::testing::{Answer, Client, token};

use crate::helpers::TestApp;

pub fn conn(app: &TestApp) -> PooledDb {
    let pool = DbPool::open(&app.db.url, &PoolOptions::default()).unwrap();
    pool.get().unwrap()
}

pub fn group(app: &TestApp, id: &str, name: &str, active: bool) {
    GroupFixture { descr: "test group".into(), active, ..GroupFixture::new(id, name) }.insert(&mut conn(app)).unwrap();
}

/// A published policy valid for `days` more days (negative: expired).
pub fn policy(app: &TestApp, id: &str, group_id: &str, name: &str, active: bool, days: i64) {
    let p = PolicyFixture::new(id, group_id, name);
    PolicyFixture {
        descr: format!("{name} description"),
        document: r#"{"authTokenType":"partner","allowedAuthTypes":[],"allowedKycAttributes":[]}"#.into(),
        schema: Some("https://schemas.mosip.io/v1/auth-policy".into()),
        valid_from: p.created - Duration::days(1),
        valid_to: p.created + Duration::days(days),
        active,
        ..p
    }
    .insert(&mut conn(app))
    .unwrap();
}

/// What a certificate upload does to a partner: alias set, active, approved.
pub fn certify(app: &TestApp, partner_id: &str) {
    diesel::update(partner::table.find(partner_id))
        .set((
            partner::certificate_alias.eq(Some(format!("alias-{partner_id}"))),
            partner::is_active.eq(true),
            partner::approval_status.eq("approved"),
        ))
        .execute(&mut conn(app))
        .unwrap();
}

pub fn misp_license_row(app: &TestApp, misp_id: &str, key: &str) {
    let now = Utc::now().naive_utc();
    diesel::insert_into(misp_license::table)
        .values((
            misp_license::misp_id.eq(misp_id),
            misp_license::license_key.eq(key),
            misp_license::valid_from_date.eq(now),
            misp_license::valid_to_date.eq(now + Duration::days(30)),
            misp_license::is_active.eq(true),
            misp_license::cr_by.eq("tester"),
            misp_license::cr_dtimes.eq(now),
            misp_license::is_deleted.eq(false),
        ))
        .execute(&mut conn(app))
        .unwrap();
}

pub fn misp_license_active(app: &TestApp, key: &str) -> bool {
    misp_license::table
        .filter(misp_license::license_key.eq(key))
        .select(misp_license::is_active)
        .first(&mut conn(app))
        .unwrap()
}

/// The standard world of the partner tests: an active group `g1` ("group one") with active
/// policies `p-auth` ("auth policy") and `p-share` ("share policy"), an inactive policy
/// ("sleeping policy"), an expired one ("old policy"); a second group `g2` ("group two") with
/// "auth policy" too; an inactive group `g3` ("group off").
pub fn world(app: &TestApp) {
    group(app, "g1", "group one", true);
    group(app, "g2", "group two", true);
    group(app, "g3", "group off", false);
    policy(app, "p-auth", "g1", "auth policy", true, 365);
    policy(app, "p-share", "g1", "share policy", true, 365);
    policy(app, "p-sleep", "g1", "sleeping policy", false, 365);
    policy(app, "p-old", "g1", "old policy", true, -1);
    policy(app, "p2-auth", "g2", "auth policy", true, 365);
    policy(app, "p2-only", "g2", "group two policy", true, 365);
}

pub fn admin() -> String {
    token("partner-admin", &["PARTNER_ADMIN"])
}

/// A partner's own token with the partner roles the endpoints ask for.
pub fn partner_token(id: &str) -> String {
    token(id, &["AUTH_PARTNER", "CREDENTIAL_PARTNER", "PARTNER"])
}

pub fn post(c: &Client, path: &str, tok: &str, request: Value) -> Answer {
    c.send("POST", path, Some(tok), &Client::envelope(request))
}

pub fn put(c: &Client, path: &str, tok: &str, request: Value) -> Answer {
    c.send("PUT", path, Some(tok), &Client::envelope(request))
}

pub fn patch(c: &Client, path: &str, tok: &str, request: Value) -> Answer {
    c.send("PATCH", path, Some(tok), &Client::envelope(request))
}

/// Registers `id` (admin) as a partner of `partner_type` in `group`.
pub fn register(app: &TestApp, id: &str, partner_type: &str, group: Option<&str>) -> Answer {
    let mut req = json!({
        "partnerId": id,
        "organizationName": format!("{id} org"),
        "address": "Bangalore",
        "contactNumber": "8553967572",
        "emailId": format!("{}@example.org", id.to_lowercase()),
        "partnerType": partner_type,
    });
    if let Some(g) = group {
        req["policyGroup"] = json!(g);
    }
    post(&app.client, "/v1/partnermanager/partners", &admin(), req)
}

/// Registers and certifies an Auth partner of group one.
pub fn active_partner(app: &TestApp, id: &str) {
    register(app, id, "Auth_Partner", Some("group one")).ok();
    certify(app, id);
}

/// The event ids recorded for `ref_id`, oldest first.
pub fn audit_ids(app: &TestApp, ref_id: &str) -> Vec<String> {
    let (rows, _) = persistence::repo::audit::search(
        &mut conn(app),
        &persistence::repo::audit::AuditFilter { ref_id: Some(ref_id.into()), ..Default::default() },
        persistence::repo::Paging::exact(0, 500),
    )
    .unwrap();
    let mut rows = rows;
    rows.reverse();
    rows.into_iter()
        .map(|r| match r.error_code {
            Some(code) => format!("{}:{code}", r.event_id),
            None => r.event_id,
        })
        .collect()
}
