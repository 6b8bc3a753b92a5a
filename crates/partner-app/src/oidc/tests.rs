use std::time::Duration;

use audit_events::AuditEvent;
use chrono::Duration as Days;
use persistence::repo;
use policy_domain::Policy;
use serde_json::{Map, Value, json};

use super::*;
use crate::requests::fixtures::{World, admin, approved, now, user, world};

/// A real 2048-bit RSA modulus and MOSIP's client id of its key.
const N: &str = "-CjGT1MS_G6SdkF9ncX9_DbAGajrQdiStX0nu68tLTX6CKX1EwXMTCwwspQGblyONaSBiQCxAhSthK3o6m6iA98_EMC1RJJxhVHTftDZpbN8E1p8xl39dJCRdn9HBG336cZ8LZtlq-FvihaHJayBp1xMnpePSliEt1zBWfjzXDKcRv6hWyB7JdbN65GBtDxpUAZ1yDSiAkprECSr7sQDx-F_F9rTQf73Uxl5GGes1Z5tpkv-aLG4V5hzvXFOqISb5HhQmuxKRs2ZDBpv2jq5G8cea2QoFWiMTEPM1QagKVkrGt13ih0jHoX9GBOPpQ3ug-r6IfB_neG_4LG4YrmxAQ";
const CLIENT_ID: &str = "caGmx-PYSloxZus_2_IESWOxNjFLvEiweU87S_VpFNY";

/// The world with "oidc policy" (claims for `fullName`, OTP) approved for `tech`.
fn oidc_world() -> World {
    let w = world();
    let t = now();
    let policy = Policy {
        id: "p-oidc".into(),
        group_id: "g1".into(),
        name: "oidc policy".into(),
        desc: "d".into(),
        policies: r#"{"allowedAuthTypes":[{"authType":"otp"}],"allowedKycAttributes":[{"attributeName":"fullName"}]}"#
            .into(),
        policy_type: "Auth".into(),
        version: "1.0".into(),
        schema: Some("https://schemas.mosip.io/v1/auth-policy".into()),
        valid_from: t - Days::days(1),
        valid_to: t + Days::days(30),
        is_active: true,
        cr_by: "tester".into(),
        cr_dtimes: t,
        upd_by: None,
        upd_dtimes: None,
    };
    repo::policy::insert_policy(&mut w.store.pool().get().unwrap(), &policy).unwrap();
    approved(&w, "tech", "oidc policy");
    w
}

fn body(partner: &str) -> CreateBody {
    let key: Map<String, Value> = json!({"kty": "RSA", "e": "AQAB", "n": N}).as_object().cloned().unwrap();
    CreateBody {
        name: Some("RP".into()),
        policy_id: Some("p-oidc".into()),
        public_key: Some(key),
        auth_partner_id: Some(partner.into()),
        logo_uri: Some("https://rp.example.org/logo.png".into()),
        redirect_uris: Some(vec!["https://rp.example.org/cb".into()]),
        grant_types: Some(vec!["authorization_code".into()]),
        client_auth_methods: Some(vec!["private_key_jwt".into()]),
        client_name_lang_map: Some([("eng".to_owned(), "RP".to_owned())].into()),
    }
}

fn change(status: &str) -> UpdateBody {
    UpdateBody {
        logo_uri: Some("https://rp.example.org/2.png".into()),
        redirect_uris: Some(vec!["https://rp.example.org/cb2".into()]),
        status: Some(status.into()),
        grant_types: Some(vec!["authorization_code".into()]),
        client_name: Some("RP 2".into()),
        client_auth_methods: Some(vec!["private_key_jwt".into()]),
        client_name_lang_map: Some([("eng".to_owned(), "RP 2".to_owned())].into()),
    }
}

fn id(e: AuditEvent) -> String {
    e.id().to_owned()
}

#[test]
fn a_client_is_stored_with_its_event_and_read_back() {
    let w = oidc_world();
    let cfg = OidcConfig::default();
    let made = create(&w.store, &user("tech"), &cfg, Flavour::OAuth, body("tech")).unwrap();
    assert_eq!(made, ClientAnswer { client_id: CLIENT_ID.into(), status: "ACTIVE".into() });
    let read = get(&w.store, &user("tech"), &cfg, CLIENT_ID).unwrap();
    assert_eq!(
        (read.claims, read.acr_values),
        (vec!["name".to_owned()], vec!["mosip:idp:acr:generated-code".to_owned()])
    );
    assert_eq!(read.name, r#"{"@none":"RP","eng":"RP"}"#);
    let events: Vec<_> = w.outbox().into_iter().filter(|(t, _, _)| t.starts_with("OIDC")).collect();
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].0.as_str(), events[0].1.as_str()), ("OIDC_CLIENT_CREATED", "PartnerManagementServiceImpl"));
    assert_eq!(events[0].2["clientData"]["clientName"], read.name, "MOSIP publishes the stored name");
    let again = create(&w.store, &admin(), &cfg, Flavour::Oidc, body("tech")).unwrap_err();
    assert_eq!(again.code(), "PMS_ESI_001");
    assert!(!w.audit().iter().any(|(e, _)| e == &id(AuditEvent::CreateOidcClient)), "no success record for /oauth");
    assert!(w.audit().contains(&(id(AuditEvent::CreateOidcClientFailure), Some("PMS_ESI_001".into()))));
}

#[test]
fn updates_follow_mosips_status_rules() {
    let w = oidc_world();
    let cfg = OidcConfig::default();
    create(&w.store, &user("tech"), &cfg, Flavour::OAuth, body("tech")).unwrap();
    let by_other = update(&w.store, &user("cred"), &cfg, Flavour::OAuth, CLIENT_ID, change("ACTIVE")).unwrap_err();
    assert_eq!(by_other.code(), "PMS_POLICY_ERROR_010");
    update(&w.store, &user("tech"), &cfg, Flavour::Oidc, CLIENT_ID, change("ACTIVE")).unwrap();
    let read = get(&w.store, &admin(), &cfg, CLIENT_ID).unwrap();
    assert_eq!((read.name.as_str(), read.logo_uri.as_str()), ("RP 2", "https://rp.example.org/2.png"));
    assert!(w.audit().contains(&(id(AuditEvent::UpdateOidcClient), None)));
    let off = update(&w.store, &admin(), &cfg, Flavour::OAuth, CLIENT_ID, change("Inactive")).unwrap();
    assert_eq!(off.status, "INACTIVE");
    let after = update(&w.store, &admin(), &cfg, Flavour::OAuth, CLIENT_ID, change("ACTIVE")).unwrap_err();
    assert_eq!(after.code(), "PMS_ESI_008");
    let updates = w.outbox().into_iter().filter(|(t, _, _)| t == "OIDC_CLIENT_UPDATED").count();
    assert_eq!(updates, 2);
}

#[test]
fn a_client_for_an_idle_or_foreign_partner_is_refused() {
    let w = oidc_world();
    let cfg = OidcConfig::default();
    let code = |actor: &Actor, partner: &str| {
        create(&w.store, actor, &cfg, Flavour::OAuth, body(partner)).unwrap_err().code().to_owned()
    };
    assert_eq!(code(&admin(), "idle"), "PMS_PMP_016");
    assert_eq!(code(&admin(), "cred"), "PMS_PRT_059");
    assert_eq!(code(&user("cred"), "tech"), "PMS_POLICY_ERROR_009");
    assert_eq!(code(&user("nobody"), "tech"), "PMS_CERTIFICATE_ERROR_002");
    let off = OidcConfig { enabled: false, ..OidcConfig::default() };
    let disabled = create(&w.store, &user("tech"), &off, Flavour::OAuth, body("tech")).unwrap_err();
    assert_eq!(disabled.code(), "PMS_FEATURE_002");
    assert!(list(&w.store, &user("tech"), &cfg, ListQuery::default()).unwrap().data.is_empty());
}

#[test]
fn esignet_down_stores_nothing_and_is_recorded() {
    let w = oidc_world();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    drop(listener);
    let cfg = OidcConfig {
        esignet: Some(Esignet::new(&url, websub_publisher::TokenSource::None, Duration::from_secs(2))),
        ..OidcConfig::default()
    };
    let down = create(&w.store, &user("tech"), &cfg, Flavour::OAuth, body("tech")).unwrap_err();
    assert_eq!(down.code(), "PMS_KKS_001");
    assert!(get(&w.store, &admin(), &OidcConfig::default(), CLIENT_ID).is_err(), "nothing stored");
    assert!(w.outbox().iter().all(|(t, _, _)| !t.starts_with("OIDC")));
    assert!(w.audit().contains(&(id(AuditEvent::CreateOidcClientFailure), Some("PMS_KKS_001".into()))));
}
