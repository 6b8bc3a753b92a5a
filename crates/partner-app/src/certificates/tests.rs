#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use app_core::testing::{self, audit_events as events, test_now};
use app_core::{Actor, FailureKind, Store};
use chrono::{NaiveDateTime, TimeDelta};
use partner_domain::certificate::Certificate;
use partner_domain::certificate::dn::{C, CN, O};
use partner_domain::certificate::issue::{CertSpec, KeyPair, issue, name};
use partner_domain::registration::{Registrant, RegistrationRequest, RegistrationRules};
use persistence::testing::TestDb;
use persistence::{Backend, repo};
use rand_core::OsRng;

use super::*;

fn store() -> (Store, TestDb) {
    testing::store(Backend::Sqlite).unwrap()
}

fn config() -> CertificateConfig {
    CertificateConfig { allowed_domains: vec!["AUTH".into(), "FTM".into()], ..CertificateConfig::default() }
}

fn admin() -> Actor {
    testing::actor("admin-1", &["GLOBAL_ADMIN"])
}

fn ev(event: AuditEvent, code: Option<&str>) -> (String, Option<String>) {
    (event.id().to_owned(), code.map(str::to_owned))
}

fn sorted<const N: usize>(events: [(String, Option<String>); N]) -> Vec<(String, Option<String>)> {
    let mut events = events.to_vec();
    events.sort();
    events
}

fn spec(org: &str, ca: bool, from: NaiveDateTime) -> CertSpec {
    let mut spec = CertSpec::new(name(&[(C, "IN"), (O, org), (CN, org)]), 7, from, from + TimeDelta::days(900));
    spec.basic_constraints = Some((ca, None));
    spec
}

/// A self-signed CA and its key, and a partner certificate of `org` it issued.
fn root_and_partner(org: &str) -> (Certificate, Certificate) {
    let yesterday = test_now() - TimeDelta::days(1);
    let root_key = KeyPair::generate(&mut OsRng, 2048).unwrap();
    let root =
        issue(&spec("Test Root", true, yesterday), &root_key.spki().unwrap(), None, &root_key, &mut OsRng).unwrap();
    let partner_key = KeyPair::generate(&mut OsRng, 2048).unwrap();
    let spki = partner_key.spki().unwrap();
    let partner = issue(&spec(org, false, yesterday), &spki, Some(&root), &root_key, &mut OsRng).unwrap();
    (root, partner)
}

/// Registers `id` as a device provider (no policy group needed), waiting for its certificate.
fn register(store: &Store, id: &str, org: &str) {
    let req = RegistrationRequest {
        partner_id: id.into(),
        organization_name: org.into(),
        address: "1 Main Street".into(),
        contact_number: "9876543210".into(),
        email_id: format!("{id}@example.org"),
        partner_type: "Device_Provider".into(),
        policy_group: None,
        lang_code: None,
        logo_url: None,
        additional_info: None,
    };
    let who = Registrant { user_id: id, email: None };
    let rules = RegistrationRules::default();
    store
        .write(|tx| repo::partner::register_partner::<AppError>(tx.conn, req, who, &rules, tx.now).map(|_| ()))
        .unwrap();
}

fn ca_request(pem: &str) -> CaCertificateRequest {
    CaCertificateRequest { certificate_data: Some(pem.to_owned()), partner_domain: Some("auth".into()) }
}

#[test]
fn a_partner_certificate_chaining_to_an_uploaded_root_is_resigned_and_readable() {
    let (store, _db) = store();
    let (root, partner) = root_and_partner("Tech Auth Ltd");
    let done = upload_ca(&store, &admin(), &config(), ca_request(&root.pem())).unwrap();
    assert_eq!(done.status, "Upload Success.");
    register(&store, "tech-auth-1", "Tech Auth Ltd");

    let me = testing::actor("tech-auth-1", &["DEVICE_PROVIDER"]);
    let req = PartnerCertificateRequest {
        partner_id: Some("tech-auth-1".into()),
        certificate_data: Some(partner.pem()),
        partner_domain: Some("AUTH".into()),
    };
    let uploaded = upload_partner(&store, &me, &config(), req, &mut OsRng).unwrap();
    let resigned = parse::pem_certificate(&uploaded.signed_certificate_data).unwrap();
    assert_ne!(resigned, partner, "re-signed by the service");
    assert_eq!(resigned.subject_dn(), partner.subject_dn());

    let read = partner_certificate(&store, &me, "tech-auth-1").unwrap();
    assert_eq!(read.certificate_data, uploaded.signed_certificate_data);
    let all = events(&store);
    assert!(all.contains(&ev(AuditEvent::PartnerKeyCreated, None)), "{all:?}");
    assert!(all.contains(&ev(AuditEvent::GetCertificateSuccess, None)), "{all:?}");
}

#[test]
fn a_duplicate_ca_is_refused_and_audited_as_a_failed_upload() {
    let (store, _db) = store();
    let (root, _) = root_and_partner("Org");
    upload_ca(&store, &admin(), &config(), ca_request(&root.pem())).unwrap();
    let again = upload_ca(&store, &admin(), &config(), ca_request(&root.pem())).unwrap_err();
    assert_eq!(again.code(), "KER-PCM-003");
    assert_eq!(again.kind, FailureKind::Refused);
    assert_eq!(
        events(&store),
        sorted([
            ev(AuditEvent::RequestPartnerKey, None),
            ev(AuditEvent::PartnerKeyCreated, None),
            ev(AuditEvent::RequestPartnerKey, None),
            ev(AuditEvent::CaCertificateUploadFailed, Some("KER-PCM-003")),
        ])
    );
}

#[test]
fn blank_fields_and_other_partners_are_refused_before_anything_is_audited() {
    let (store, _db) = store();
    let blank = CaCertificateRequest { certificate_data: Some(" ".into()), partner_domain: Some("AUTH".into()) };
    let e = upload_ca(&store, &admin(), &config(), blank).unwrap_err();
    assert_eq!(e.message(), "Invalid request parameter - must not be blank :request.certificateData");

    let someone = testing::actor("someone", &["PARTNER"]);
    let req = PartnerCertificateRequest {
        partner_id: Some("another".into()),
        certificate_data: Some("x".into()),
        partner_domain: Some("AUTH".into()),
    };
    let e = upload_partner(&store, &someone, &config(), req, &mut OsRng).unwrap_err();
    assert_eq!(e.kind, FailureKind::Forbidden);
    assert!(events(&store).is_empty());
}

#[test]
fn reading_the_certificate_of_an_unknown_partner_records_the_missing_partner() {
    let (store, _db) = store();
    let e = partner_certificate(&store, &admin(), "nobody").unwrap_err();
    assert_eq!(e.code(), "PMS_PRT_005");
    assert_eq!(
        events(&store),
        sorted([ev(AuditEvent::GetCertificate, None), ev(AuditEvent::PartnerMissing, Some("PMS_PRT_005"))])
    );
    register(&store, "no-cert", "No Cert Ltd");
    assert_eq!(partner_certificate(&store, &admin(), "no-cert").unwrap_err().code(), "PMS_PRT_108");
}

fn outbox(store: &Store) -> Vec<repo::outbox::OutboxRow> {
    repo::outbox::list(&mut store.pool().get().unwrap(), repo::outbox::PENDING, 0, 100).unwrap()
}

#[test]
fn an_upload_publishes_the_partner_then_its_chain_and_a_refused_one_nothing() {
    let (store, _db) = store();
    let (root, partner) = root_and_partner("Tech Auth Ltd");
    upload_ca(&store, &admin(), &config(), ca_request(&root.pem())).unwrap();
    let req = |id: &str| PartnerCertificateRequest {
        partner_id: Some(id.into()),
        certificate_data: Some(partner.pem()),
        partner_domain: Some("auth".into()),
    };
    assert_eq!(
        upload_partner(&store, &admin(), &config(), req("nobody"), &mut OsRng).unwrap_err().code(),
        "PMS_PRT_005"
    );
    assert!(outbox(&store).is_empty(), "CA uploads and refused uploads publish nothing");
    register(&store, "tech-auth-1", "Tech Auth Ltd");
    let uploaded = upload_partner(&store, &admin(), &config(), req("tech-auth-1"), &mut OsRng).unwrap();

    let events = outbox(&store);
    assert_eq!(events.len(), 2);
    assert_eq!((events[0].topic.as_str(), events[0].source.as_str()), ("PARTNER_UPDATED", "PartnerServiceImpl"));
    let data: serde_json::Value = serde_json::from_str(&events[0].data).unwrap();
    let partner_data = &data["partnerData"];
    assert_eq!(partner_data["partnerId"], "tech-auth-1");
    assert_eq!(partner_data["partnerName"], "Tech Auth Ltd");
    assert_eq!(partner_data["certificateData"], uploaded.signed_certificate_data.as_str());
    assert_eq!(partner_data["partnerStatus"], "ACTIVE");
    assert_eq!(
        (events[1].topic.as_str(), events[1].source.as_str()),
        ("CA_CERTIFICATE_UPLOADED", "PartnerServiceImpl")
    );
    let data: serde_json::Value = serde_json::from_str(&events[1].data).unwrap();
    let stored = repo::certificate::partner_certificate(&mut store.pool().get().unwrap(), &uploaded.certificate_id);
    let chain = stored.unwrap().unwrap().signed_cert_chain;
    assert!(!chain.is_empty());
    assert_eq!(data, serde_json::json!({"partnerDomain": "AUTH", "certChain": chain}));
}
