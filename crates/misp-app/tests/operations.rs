//! The MISP operations called as a library, on both backends: no web server involved.
#![allow(clippy::panic, reason = "tests fail loudly")]

mod common;

use app_core::testing::{actor, audit_events, store, test_now};
use app_core::{FailureKind, Store};
use common::{approved_misp, config, registration};
use misp_app::dto::{KeyStatusRequest, ValidateRequest};
use misp_app::{keys, misps};
use misp_domain::Verdict;
use persistence::Backend;
use persistence::testing::TestDb;

fn a_misp_lives_its_lifecycle_through_the_library((store, _db): (Store, TestDb)) {
    let cfg = config();
    let (misp_id, key) = approved_misp(&store, "owner");
    assert_eq!(misp_id, "100");
    assert_eq!(key.len(), 50, "the key policy's length");

    let ida = actor("ida", &["ID_AUTHENTICATION"]);
    let check = |key: &str| ValidateRequest { misp_license_key: Some(key.into()) };
    let (answer, verdict) = keys::validate(&store, &ida, &cfg, &misp_id, check(&key)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((verdict, answer.is_valid), (Verdict::Valid, true));

    let admin = actor("admin", &["PARTNER_ADMIN"]);
    let off =
        KeyStatusRequest { misp_license_key: Some(key.clone()), misp_license_key_status: Some("de-active".into()) };
    keys::switch(&store, &admin, &cfg, &misp_id, off).unwrap_or_else(|e| panic!("{e}"));
    let (answer, verdict) = keys::validate(&store, &ida, &cfg, &misp_id, check(&key)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((verdict, answer.is_valid), (Verdict::Inactive, false));

    let unknown = keys::validate(&store, &ida, &cfg, &misp_id, check("nope")).err();
    assert_eq!(unknown.map(|e| e.code().to_owned()).as_deref(), Some("PMS_MSP_406"));
    let events = audit_events(&store);
    assert!(events.iter().any(|(id, code)| id == "PMS_MSP_406" && code.as_deref() == Some("PMS_MSP_406")));
    let validated = events.iter().filter(|(id, code)| id == "PMS_MSP_204" && code.is_none()).count();
    assert_eq!(validated, 2, "two validations answered: {events:?}");
}

#[test]
fn another_users_misp_is_forbidden_and_a_refusal_is_audited_after_rollback() {
    let Some((store, _db)) = store(Backend::Sqlite) else { return };
    let cfg = config();
    let (misp_id, _) = approved_misp(&store, "owner");
    let stranger = actor("stranger", &["MISP"]);
    let err = keys::download(&store, &stranger, &cfg, &misp_id).err().map(|e| e.kind);
    assert_eq!(err, Some(FailureKind::Forbidden));

    let taken = misps::register(&store, &stranger, &cfg, registration("owner money")).err();
    assert_eq!(taken.map(|e| e.code().to_owned()).as_deref(), Some("PMS_MSP_402"));
    let events = audit_events(&store);
    assert!(events.contains(&("PMS_MSP_417".to_owned(), Some("PMS_MSP_402".to_owned()))), "{events:?}");
    let calls = events.iter().filter(|(id, _)| id == "PMS_MSP_101").count();
    assert_eq!(calls, 2, "the call event of both registrations, the refused one after its rollback");
    let created = events.iter().filter(|(id, _)| id == "PMS_MSP_200").count();
    assert_eq!(created, 1, "no success record of the refused registration");
}

#[test]
fn downloads_answer_the_current_key_at_the_stores_time() {
    let Some((store, _db)) = store(Backend::Sqlite) else { return };
    let (misp_id, key) = approved_misp(&store, "owner");
    let download =
        keys::download(&store, &actor("owner", &["MISP"]), &config(), &misp_id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(download.license_key, key);
    let expiry = test_now() + chrono::Duration::days(180);
    assert_eq!(download.license_key_expiry, expiry.format("%Y-%m-%d").to_string());
}

persistence::both_backends!(with app_core::testing::store_over; a_misp_lives_its_lifecycle_through_the_library);
