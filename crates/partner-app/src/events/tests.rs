use chrono::Duration;
use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
use misp_domain::License;
use persistence::repo::certificate::PartnerCertRow;
use persistence::repo::misp_license;
use serde_json::{Value, json};

use super::*;
use crate::PartnerConfig;
use crate::admin::activation;
use crate::api_keys::{GenerateBody, KeyStatusBody, RemapBody, generate, remap, status};
use crate::dto::StatusBody;
use crate::requests::fixtures::{World, admin, approved, insert_partner, now, user, world};

const PEM: &str = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
/// [`now`] as the events write it.
const NOW: &str = "2027-01-15T08:00:00.000Z";

fn at(days: i64) -> String {
    websub_events::utc(now() + Duration::days(days))
}

/// Gives `partner` an uploaded certificate whose re-signed PEM is [`PEM`].
fn with_certificate(w: &World, partner: &str) {
    use persistence::schema::partner::dsl;
    let conn = &mut w.store.pool().get().unwrap();
    let row = PartnerCertRow {
        cert_id: format!("cert-{partner}"),
        partner_id: partner.into(),
        cert_subject: "CN=x".into(),
        cert_issuer: "CN=ca".into(),
        issuer_id: "ca".into(),
        cert_not_before: now(),
        cert_not_after: now() + Duration::days(365),
        partner_domain: "AUTH".into(),
        cert_data: "original".into(),
        signed_cert_data: PEM.into(),
        signed_cert_chain: "chain".into(),
        key_usage: String::new(),
        organization_name: format!("{partner} org"),
        cert_thumbprint: format!("thumb-{partner}"),
        cert_serial_no: "1".into(),
        cr_by: "tester".into(),
        cr_dtimes: now(),
        upd_by: None,
        upd_dtimes: None,
        is_deleted: false,
        del_dtimes: None,
    };
    certificate::insert_partner_certificate(conn, &row).unwrap();
    diesel::update(dsl::partner.filter(dsl::id.eq(partner)))
        .set(dsl::certificate_alias.eq(Some(row.cert_id)))
        .execute(conn)
        .unwrap();
}

fn switch(w: &World, partner: &str, to: &str) -> Result<crate::dto::Message, AppError> {
    activation(&w.store, &admin(), &PartnerConfig::default(), partner, StatusBody { status: Some(to.into()) })
}

fn partner_json(id: &str, certificate: Option<&str>, status: &str) -> Value {
    json!({"partnerId": id, "partnerName": format!("{id} org"), "certificateData": certificate, "partnerStatus": status})
}

#[test]
fn a_partner_is_published_when_its_activation_flips_and_not_when_refused_or_unchanged() {
    let w = world();
    assert_eq!(switch(&w, "idle", "Active").unwrap_err().code(), "PMS_PRT_108");
    assert!(w.outbox().is_empty(), "a refused activation publishes nothing");
    with_certificate(&w, "idle");
    switch(&w, "idle", "Active").unwrap();
    switch(&w, "idle", "Active").unwrap();
    switch(&w, "tech", "De-active").unwrap();
    let events = w.outbox();
    assert_eq!(events.len(), 2, "{events:?}");
    let (topic, source, data) = &events[0];
    assert_eq!((topic.as_str(), source.as_str()), ("PARTNER_UPDATED", "PartnerManagementServiceImpl"));
    assert_eq!(data["partnerData"], partner_json("idle", Some(PEM), "ACTIVE"));
    assert_eq!(events[1].2["partnerData"], partner_json("tech", None, "DEACTIVE"));
}

#[test]
fn deactivating_a_misp_partner_publishes_each_licence_it_switches_off_first() {
    let w = world();
    let conn = &mut w.store.pool().get().unwrap();
    insert_partner(conn, "misp", "MISP_Partner", true);
    for (key, active) in [("licence-on", true), ("licence-off", false)] {
        let license = License {
            misp_id: "misp".into(),
            key: key.into(),
            policy_id: None,
            valid_from: now() - Duration::days(1),
            valid_to: now() + Duration::days(89),
            is_active: active,
            suspended: false,
            cr_by: "tester".into(),
            cr_dtimes: now(),
            upd_by: None,
            upd_dtimes: None,
        };
        misp_license::insert_new(conn, || license.clone()).unwrap().unwrap();
    }
    switch(&w, "misp", "De-active").unwrap();
    let events = w.outbox();
    assert_eq!(events.len(), 2, "{events:?}");
    let (topic, source, data) = &events[0];
    assert_eq!((topic.as_str(), source.as_str()), ("MISP_LICENSE_UPDATED", "PartnerManagementServiceImpl"));
    let licence = &data["mispLicenseData"];
    assert_eq!(licence["mispId"], "misp");
    assert_eq!(licence["licenseKey"], "licence-on");
    assert_eq!(licence["mispStatus"], "NOT_ACTIVE");
    assert_eq!(licence["mispCommenceOn"], at(-1));
    assert_eq!(licence["mispExpiresOn"], at(89));
    assert!(data.get("policyData").is_none());
    assert_eq!(events[1].0, "PARTNER_UPDATED");
    assert_eq!(events[1].2["partnerData"], partner_json("misp", None, "DEACTIVE"));
}

fn key_json(key: &str, status: &str) -> Value {
    json!({"apiKeyId": key, "apiKeyCommenceOn": NOW, "apiKeyExpiresOn": at(90), "apiKeyStatus": status})
}

#[test]
fn a_new_key_is_approved_and_each_real_change_of_it_updated() {
    let w = world();
    approved(&w, "tech", "auth policy");
    let cfg = PartnerConfig::default();
    let body = GenerateBody { policy_name: Some("auth policy".into()), label: Some("k".into()) };
    let key = generate(&w.store, &user("tech"), &cfg, "tech", body).unwrap().api_key;
    let events = w.outbox();
    assert_eq!(events.len(), 1, "{events:?}");
    let (topic, source, data) = &events[0];
    assert_eq!((topic.as_str(), source.as_str()), ("APIKEY_APPROVED", "PartnerManagementServiceImpl"));
    assert_eq!(data["partnerData"], partner_json("tech", None, "ACTIVE"));
    assert_eq!(data["apiKeyData"], key_json(&key, "ACTIVE"));
    let policy = &data["policyData"];
    assert_eq!((&policy["policyId"], &policy["policyName"]), (&json!("p-auth"), &json!("auth policy")));
    assert_eq!(
        (&policy["policyStatus"], &policy["policyDescription"]),
        (&json!("ACTIVE"), &json!("auth policy description"))
    );
    assert_eq!((&policy["policyCommenceOn"], &policy["policyExpiresOn"]), (&json!(at(-2)), &json!(at(30))));
    assert_eq!(policy["policy"], json!({"allowedKycAttributes": []}));

    let set = |to: &str| {
        let body = KeyStatusBody { label: Some("k".into()), status: Some(to.into()) };
        status(&w.store, &user("tech"), "tech", "p-auth", body)
    };
    set("De-Active").unwrap();
    assert_eq!(set("De-Active").unwrap_err().code(), "PMS_PMS_022");
    set("Active").unwrap();
    set("Active").unwrap();
    let moved = RemapBody { old_policy_id: Some("p-auth".into()), new_policy_id: Some("p-old".into()) };
    remap(&w.store, &user("tech"), "tech", &key, moved).unwrap();
    let updates: Vec<_> = w.outbox().into_iter().skip(1).collect();
    assert_eq!(updates.len(), 3, "{updates:?}");
    for ((topic, source, data), status) in updates.iter().zip(["DEACTIVE", "ACTIVE", "ACTIVE"]) {
        assert_eq!((topic.as_str(), source.as_str()), ("APIKEY_UPDATED", "PartnerManagementServiceImpl"));
        assert_eq!(data, &json!({"apiKeyData": key_json(&key, status)}));
    }
}

#[test]
fn republish_writes_the_active_certified_partners_and_the_active_keys() {
    let w = world();
    with_certificate(&w, "tech");
    with_certificate(&w, "idle");
    approved(&w, "tech", "auth policy");
    let cfg = PartnerConfig::default();
    let mut keys = Vec::new();
    for label in ["on", "off"] {
        let body = GenerateBody { policy_name: Some("auth policy".into()), label: Some(label.into()) };
        keys.push(generate(&w.store, &user("tech"), &cfg, "tech", body).unwrap().api_key);
    }
    let off = KeyStatusBody { label: Some("off".into()), status: Some("De-active".into()) };
    status(&w.store, &user("tech"), "tech", "p-auth", off).unwrap();
    let before = w.outbox().len();

    let counts = republish(&w.store).unwrap();
    assert_eq!(counts, RepublishCounts { partners_updated: 1, api_keys_approved: 1 });
    let written: Vec<_> = w.outbox().into_iter().skip(before).collect();
    assert_eq!(written.len(), 2, "{written:?}");
    assert_eq!((written[0].0.as_str(), written[0].1.as_str()), ("PARTNER_UPDATED", "PartnerManagementServiceImpl"));
    assert_eq!(written[0].2["partnerData"], partner_json("tech", Some(PEM), "ACTIVE"));
    assert_eq!(written[1].0, "APIKEY_APPROVED");
    assert_eq!(written[1].2["partnerData"], partner_json("tech", Some(PEM), "ACTIVE"));
    assert_eq!(written[1].2["apiKeyData"], key_json(&keys[0], "ACTIVE"));
    assert_eq!(written[1].2["policyData"]["policyId"], "p-auth");
}
