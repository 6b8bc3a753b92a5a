//! What MOSIP 1.1's MISP operations publish (`MISP_UPDATED`), on both backends.
#![allow(clippy::panic, reason = "tests fail loudly")]

mod common;

use app_core::Store;
use app_core::testing::actor;
use common::{approved_misp, config, outbox};
use misp_app::dto::{KeyStatusRequest, StatusRequest};
use misp_app::{keys, status};
use persistence::testing::TestDb;
use serde_json::json;

fn misps_publish_their_keys_changes((store, _db): (Store, TestDb)) {
    let (cfg, admin) = (config(), actor("admin", &["PARTNER_ADMIN"]));
    let (misp_id, key) = approved_misp(&store, "owner");
    assert!(outbox(&store).is_empty(), "approving a MISP publishes nothing");
    let expect = json!({"mispLicenseKey": key});

    let set_key = |to: &str| {
        let req = KeyStatusRequest { misp_license_key: Some(key.clone()), misp_license_key_status: Some(to.into()) };
        keys::switch(&store, &admin, &cfg, &misp_id, req).is_ok()
    };
    assert!(set_key("de-active"));
    assert!(set_key("de-active"));
    let rows = outbox(&store);
    assert_eq!(rows.len(), 1, "once, and not again for a key already off");
    assert_eq!((rows[0].0.as_str(), rows[0].1.as_str(), &rows[0].2), ("MISP_UPDATED", "MISPService", &expect));
    assert!(set_key("active"));

    let set_misp =
        |to: &str| status::activate(&store, &admin, &misp_id, StatusRequest { misp_status: Some(to.into()) });
    assert!(set_misp("nonsense").is_err());
    assert_eq!(outbox(&store).len(), 2, "a refused request publishes nothing");
    assert!(set_misp("de-active").is_ok());
    assert!(set_misp("de-active").is_ok());
    assert!(set_misp("active").is_ok());
    let decide =
        |to: &str| status::decide(&store, &admin, &cfg, &misp_id, StatusRequest { misp_status: Some(to.into()) });
    assert!(decide("rejected").is_ok());
    let rows = outbox(&store);
    assert_eq!(rows.len(), 5, "key on, suspended, resumed, retired: {rows:?}");
    assert!(
        rows.iter().all(|(topic, source, data)| topic == "MISP_UPDATED" && source == "MISPService" && *data == expect)
    );
}

persistence::both_backends!(with app_core::testing::store_over; misps_publish_their_keys_changes);
