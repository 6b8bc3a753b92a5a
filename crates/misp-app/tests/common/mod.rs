//! The configuration and the MISPs the operations' tests share.
#![allow(dead_code, reason = "each test crate uses part of it")]

use app_core::Store;
use app_core::testing::actor;
use diesel::prelude::*;
use misp_app::dto::{RegisterRequest, StatusRequest};
use misp_app::roles::{MispRoles, split};
use misp_app::{MispConfig, misps, status};
use misp_domain::KeyPolicy;
use persistence::schema::misp_license;
use persistence::testing::fixtures::{GroupFixture, PolicyFixture, insert_partner, insert_request};

pub fn config() -> MispConfig {
    MispConfig {
        keys: KeyPolicy::new(50, 180).unwrap_or_else(|e| panic!("{e}")),
        first_id: 100,
        roles: MispRoles { admin: split("PARTNER_ADMIN"), misp: split("MISP"), validator: split("ID_AUTHENTICATION") },
        partner_type: "MISP_Partner".into(),
    }
}

pub fn registration(name: &str) -> RegisterRequest {
    RegisterRequest {
        organization_name: Some(name.into()),
        contact_number: Some("9876543210".into()),
        email_id: Some("misp@example.org".into()),
        address: Some("1 Main Street".into()),
    }
}

/// Registers and approves a MISP owned by `owner`; its id and first key.
pub fn approved_misp(store: &Store, owner: &str) -> (String, String) {
    let cfg = config();
    let registered = misps::register(store, &actor(owner, &["MISP"]), &cfg, registration(&format!("{owner} money")))
        .unwrap_or_else(|e| panic!("{e}"));
    let admin = actor("admin", &["PARTNER_ADMIN"]);
    let approved = status::decide(
        store,
        &admin,
        &cfg,
        &registered.misp_id,
        StatusRequest { misp_status: Some("approved".into()) },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    (registered.misp_id, approved.misp_license_key.unwrap_or_default())
}

/// A partner of type `MISP_Partner`, active, as the partner service would create it.
pub fn misp_partner(store: &Store, id: &str) {
    let now = app_core::testing::test_now();
    insert_partner(&mut conn(store), id, "MISP_Partner", true, now).unwrap_or_else(|e| panic!("partner {id}: {e}"));
}

/// A policy `policy` (document `document`, in a group of its own) and an approved request of
/// `partner` for it.
pub fn approved_policy(store: &Store, partner: &str, policy: &str, document: &str) {
    let now = app_core::testing::test_now();
    let mut conn = conn(store);
    let group = GroupFixture::new(format!("g-{policy}"), format!("group {policy}"));
    group.insert(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    let fixture = PolicyFixture {
        policy_type: "MISP".into(),
        document: document.into(),
        valid_from: now,
        ..PolicyFixture::new(policy, &group.id, format!("{policy} name"))
    };
    fixture.insert(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    insert_request(&mut conn, partner, policy, "approved", now).unwrap_or_else(|e| panic!("{e}"));
}

/// Moves the validity of every key of `holder` into the past.
pub fn expire_keys(store: &Store, holder: &str) {
    let past = app_core::testing::test_now() - chrono::Duration::days(1);
    let n = diesel::update(misp_license::table.filter(misp_license::misp_id.eq(holder)))
        .set(misp_license::valid_to_date.eq(past))
        .execute(&mut conn(store))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(n > 0, "no key of {holder} to expire");
}

/// The outbox's pending rows as `(topic, source, data)`, oldest first.
pub fn outbox(store: &Store) -> Vec<(String, String, serde_json::Value)> {
    let rows = persistence::repo::outbox::list(&mut conn(store), persistence::repo::outbox::PENDING, 0, 100)
        .unwrap_or_else(|e| panic!("{e}"));
    rows.into_iter()
        .map(|r| (r.topic, r.source, serde_json::from_str(&r.data).unwrap_or_else(|e| panic!("{e}"))))
        .collect()
}

fn conn(store: &Store) -> persistence::PooledDb {
    store.pool().get().unwrap_or_else(|e| panic!("{e}"))
}
