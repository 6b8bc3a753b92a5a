//! Secrets at rest: the service's ROOT and PMS private keys sealed under the key-encryption key
//! (KEK), re-signing working over sealed keys, a wrong KEK refused at start, rotation.

use diesel::prelude::*;
use persistence::schema::signing_key;
use persistence::testing::TestDb;
use secrecy::SecretString;
use std::collections::BTreeMap;
use web_support::testing::{Client, token};

use super::{conn, events, insert_partner, new_root, partner_cert, pem_of, upload, upload_ca};
use crate::helpers::{TestApp, serve, spawn_with};
use partner_service::settings::Settings;

const KEK_1: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const KEK_2: &str = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
const PMS_ISSUER: &str = "CN=www.mosip.io (PMS),OU=MOSIP-TECH-CENTER,O=IITB,L=BANGALORE,ST=KA,C=IN";

fn with_kek(s: &mut Settings, id: &str, kek: &str) {
    s.service.secrets.kek = Some(SecretString::from(kek));
    s.service.secrets.kek_id = id.into();
}

/// The stored private keys, by key id.
fn stored_keys(app: &TestApp) -> Vec<(String, String)> {
    signing_key::table
        .select((signing_key::key_id, signing_key::private_key))
        .order(signing_key::key_id)
        .load(&mut *conn(app))
        .expect("keys")
}

/// A partner's certificate uploaded through `c` (the service's keys made on first use): the
/// re-signed certificate is issued by the service's PMS key.
fn resign(app: &TestApp, c: &Client, partner: &str) {
    let (root, root_key) = new_root(&format!("{partner}.example"));
    upload_ca(c, &root.pem(), "AUTH").ok();
    insert_partner(app, partner, partner, "MISP_Partner", None, "InProgress", false);
    let cert = partner_cert(partner, (&root, &root_key));
    let answer = upload(c, &token(partner, &["AUTH_PARTNER"]), partner, &cert.pem(), "AUTH").ok();
    assert_eq!(pem_of(&answer.response()["signedCertificateData"]).issuer_dn(), PMS_ISSUER, "{}", answer.body);
}

/// A start over `db` with `configure`d settings; answers the start's error, if any.
fn start_error(db: &TestDb, configure: impl FnOnce(&mut Settings)) -> Option<String> {
    let dir = tempfile::tempdir().expect("dir");
    let mut settings: Settings = web_support::testing::settings(db, dir.path());
    configure(&mut settings);
    partner_service::startup::build(settings).err().map(|e| format!("{e:#}"))
}

fn keys_are_sealed_resigning_works_and_a_wrong_kek_is_refused(db: TestDb) {
    let app = spawn_with(db, |s| with_kek(s, "k1", KEK_1));
    resign(&app, &app.client, "sealed-1");
    let first = stored_keys(&app);
    assert_eq!(first.len(), 2, "ROOT and PMS");
    for (_, stored) in &first {
        assert!(stored.starts_with("enc:v1:k1:"), "{stored}");
        assert!(!stored.contains("PRIVATE KEY"));
    }
    // the sealed keys open again: a second upload re-signs with them, no key is made anew
    resign(&app, &app.client, "sealed-2");
    assert_eq!(stored_keys(&app), first);

    // a wrong KEK under the same id, an unknown id, or none at all: the start stops, nothing changes
    let wrong = start_error(&app.db, |s| with_kek(s, "k1", KEK_2)).expect("refused");
    assert!(wrong.contains("cannot be opened") && wrong.contains("k1"), "{wrong}");
    assert!(!wrong.contains(KEK_2));
    let unknown = start_error(&app.db, |s| with_kek(s, "k2", KEK_2)).expect("refused");
    assert!(unknown.contains("KEK id k1, which is not configured"), "{unknown}");
    let none = start_error(&app.db, |_| {}).expect("refused");
    assert!(none.contains("no KEK is configured"), "{none}");
    assert_eq!(stored_keys(&app), first);
}

fn clear_keys_are_sealed_at_start_once(db: TestDb) {
    let app = spawn_with(db, |_| {});
    resign(&app, &app.client, "clear-1");
    let clear = stored_keys(&app);
    assert!(clear.iter().all(|(_, k)| k.contains("PRIVATE KEY")), "stored in clear without a KEK");

    let c = serve(&app.db, app.data_dir(), |s| with_kek(s, "k1", KEK_1));
    let sealed = stored_keys(&app);
    assert_eq!(sealed.len(), clear.len());
    assert!(sealed.iter().all(|(_, k)| k.starts_with("enc:v1:k1:")), "{sealed:?}");
    let seals = |app: &TestApp| events(app).iter().filter(|(id, _)| id == "PMS_PRT_296").count();
    assert_eq!(seals(&app), 1, "audited with the change");
    // starting again changes nothing (and records nothing); the sealed keys still re-sign
    let _again = serve(&app.db, app.data_dir(), |s| with_kek(s, "k1", KEK_1));
    assert_eq!(stored_keys(&app), sealed);
    assert_eq!(seals(&app), 1);
    resign(&app, &c, "clear-2");
    assert_eq!(stored_keys(&app), sealed);

    // secrets.require_kek: no start without a KEK
    let refused = start_error(&app.db, |s| s.service.secrets.require_kek = true).expect("refused");
    assert!(refused.contains("require_kek"), "{refused}");
}

fn rotation_reseals_every_key_and_the_old_kek_is_no_longer_needed(db: TestDb) {
    let app = spawn_with(db, |s| with_kek(s, "k1", KEK_1));
    resign(&app, &app.client, "rotate-1");
    let dir = tempfile::tempdir().expect("dir");
    let mut settings: Settings = web_support::testing::settings(&app.db, dir.path());
    with_kek(&mut settings, "k2", KEK_2);
    // without the previous KEK the keys do not open, and nothing is re-sealed
    assert!(partner_service::secrets::rotate(&settings).is_err());
    assert!(stored_keys(&app).iter().all(|(_, k)| k.starts_with("enc:v1:k1:")));
    settings.service.secrets.previous_keks = BTreeMap::from([("k1".to_owned(), SecretString::from(KEK_1))]);
    let done = partner_service::secrets::rotate(&settings).expect("rotated");
    assert_eq!((done.keys, done.sealed), (2, 2));
    assert!(stored_keys(&app).iter().all(|(_, k)| k.starts_with("enc:v1:k2:")), "{:?}", stored_keys(&app));
    assert_eq!(partner_service::secrets::rotate(&settings).expect("again").sealed, 0, "idempotent");
    assert!(events(&app).iter().any(|(id, _)| id == "PMS_PRT_196"), "the rotation is audited");

    // the new KEK alone starts the service and re-signs; the old one alone is refused
    let c = serve(&app.db, app.data_dir(), |s| with_kek(s, "k2", KEK_2));
    resign(&app, &c, "rotate-2");
    assert!(start_error(&app.db, |s| with_kek(s, "k1", KEK_1)).is_some());
}

/// The existing end-to-end re-signing test, run with a KEK set.
fn the_partner_certificate_upload_test_passes_with_a_kek(db: TestDb) {
    let app = spawn_with(db, |s| with_kek(s, "k1", KEK_1));
    super::uploads::a_partner_certificate_is_resigned_and_activates_the_partner(app);
}

persistence::both_backends!(
    the_partner_certificate_upload_test_passes_with_a_kek,
    keys_are_sealed_resigning_works_and_a_wrong_kek_is_refused,
    clear_keys_are_sealed_at_start_once,
    rotation_reseals_every_key_and_the_old_kek_is_no_longer_needed
);
