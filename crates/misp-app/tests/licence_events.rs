//! What MOSIP 1.2's licence operations publish (`MISP_LICENSE_*`), on both backends.
#![allow(clippy::panic, reason = "tests fail loudly")]

mod common;

use app_core::Store;
use app_core::testing::actor;
use common::{approved_misp, approved_policy, config, expire_keys, misp_partner, outbox};
use misp_app::dto::{ProviderKeyRequest, ProviderRequest};
use misp_app::{events, partner_license};
use persistence::testing::TestDb;
use serde_json::{Value, json};

const COMMENCE: &str = "2024-05-01T10:20:30.123Z";
const EXPIRES: &str = "2024-10-28T10:20:30.123Z";

fn assert_license(row: &(String, String, Value), topic: &str, key: &str, status: &str) {
    let (t, source, data) = row;
    assert_eq!((t.as_str(), source.as_str()), (topic, "InfraProviderServiceImpl"));
    let license = &data["mispLicenseData"];
    assert_eq!(license["mispId"], "mp1");
    assert_eq!(license["licenseKey"], key);
    assert_eq!(license["mispStatus"], status);
    assert_eq!(license["mispCommenceOn"], COMMENCE);
    assert!(license["mispExpiresOn"].as_str().is_some_and(|d| d.ends_with("T10:20:30.123Z")), "{license}");
}

fn assert_policy(row: &(String, String, Value)) {
    let policy = &row.2["policyData"];
    assert_eq!(policy["policyId"], "pol1");
    assert_eq!(policy["policyName"], "pol1 name");
    assert_eq!(policy["policyDescription"], "d");
    assert_eq!(policy["policyStatus"], "ACTIVE");
    assert_eq!(policy["policyCommenceOn"], COMMENCE);
    assert_eq!(policy["policy"], json!({"allowedAuthTypes": []}));
}

fn switch_license(store: &Store, key: &str, to: &str) -> bool {
    let req = ProviderKeyRequest {
        provider_id: Some("mp1".into()),
        license_key_status: Some(to.into()),
        license_key: Some(key.into()),
    };
    partner_license::update(store, &actor("admin", &["PARTNER_ADMIN"]), &config(), req).is_ok()
}

fn licences_publish_their_changes((store, _db): (Store, TestDb)) {
    let (cfg, admin) = (config(), actor("admin", &["PARTNER_ADMIN"]));
    misp_partner(&store, "mp1");
    approved_policy(&store, "mp1", "pol1", r#"{"allowedAuthTypes": []}"#);
    let unknown = ProviderRequest { provider_id: Some("nobody".into()) };
    assert!(partner_license::generate(&store, &admin, &cfg, unknown).is_err());
    assert!(outbox(&store).is_empty(), "a refused licence publishes nothing");

    let request = ProviderRequest { provider_id: Some("mp1".into()) };
    let first = partner_license::generate(&store, &admin, &cfg, request).unwrap_or_else(|e| panic!("{e}"));
    let rows = outbox(&store);
    assert_eq!(rows.len(), 1);
    assert_license(&rows[0], "MISP_LICENSE_GENERATED", &first.license_key, "ACTIVE");
    assert_eq!(rows[0].2["mispLicenseData"]["mispExpiresOn"], EXPIRES);
    assert_policy(&rows[0]);

    assert!(switch_license(&store, &first.license_key, "de-active"));
    assert!(switch_license(&store, &first.license_key, "de-active"));
    assert!(!switch_license(&store, "no-such-key", "active"));
    let rows = outbox(&store);
    assert_eq!(rows.len(), 2, "switching an inactive key off again publishes nothing");
    assert_license(&rows[1], "MISP_LICENSE_UPDATED", &first.license_key, "NOT_ACTIVE");
    assert!(rows[1].2.get("policyData").is_none());
    assert!(switch_license(&store, &first.license_key, "active"));
    assert_license(&outbox(&store)[2], "MISP_LICENSE_UPDATED", &first.license_key, "ACTIVE");

    let current = partner_license::regenerate(&store, &admin, &cfg, "mp1").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((current.license_key.as_str(), outbox(&store).len()), (first.license_key.as_str(), 3));
    expire_keys(&store, "mp1");
    let renewed = partner_license::regenerate(&store, &admin, &cfg, "mp1").unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(renewed.license_key, first.license_key);
    let rows = outbox(&store);
    assert_eq!(rows.len(), 4, "only the new key");
    assert_license(&rows[3], "MISP_LICENSE_UPDATED", &renewed.license_key, "ACTIVE");
    assert_policy(&rows[3]);

    approved_misp(&store, "owner");
    assert_eq!(
        events::republish(&store).ok(),
        Some(1),
        "the usable licence, neither the expired one nor a MOSIP 1.1 key"
    );
    let rows = outbox(&store);
    assert_eq!(rows.len(), 5);
    assert_license(&rows[4], "MISP_LICENSE_GENERATED", &renewed.license_key, "ACTIVE");
    assert_policy(&rows[4]);
}

persistence::both_backends!(with app_core::testing::store_over; licences_publish_their_changes);
