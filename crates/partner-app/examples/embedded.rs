//! The service embedded in another Rust program, with no web server: open a SQLite store, let a
//! policy manager publish an authentication policy, register a partner, upload its CA and its
//! certificate (which activates it), approve its policy request, and issue it an API key — all
//! through the application layer. Every step is audited exactly as over HTTP.
//!
//! `cargo run -p partner-app --example embedded [-- <directory for the store>]`

use app_core::{Actor, AuditDefaults, Store};
use partner_app::PartnerConfig;
use partner_app::api_keys::{self, GenerateBody};
use partner_app::certificates::{self, CaCertificateRequest, CertificateConfig, PartnerCertificateRequest};
use partner_app::dto::{ApiVersion, StatusBody};
use partner_app::registration::{self, RegisterBody};
use partner_app::requests::{self, MappingBody};
use partner_domain::certificate::dn::{C, CN, O};
use partner_domain::certificate::issue::{self, CertSpec, KeyPair, name};
use persistence::{DbPool, PoolOptions};
use policy_app::config::{PolicyConfig, PolicySettings};
use policy_app::dto::{GroupRequest, PolicyBody};
use policy_app::{groups, policies};
use rand_core::OsRng;

fn main() -> anyhow::Result<()> {
    let dir = match std::env::args().nth(1) {
        Some(d) => std::path::PathBuf::from(d),
        None => std::env::temp_dir().join(format!("pms-embedded-{}", std::process::id())),
    };
    std::fs::create_dir_all(&dir)?;
    let url = format!("sqlite://{}", dir.join("pms.sqlite3").display());
    let pool = DbPool::open(&url, &PoolOptions::default())?; // creates and migrates the file
    let audit = AuditDefaults {
        host_name: "embedded".into(),
        host_ip: "127.0.0.1".into(),
        application_id: "10002".into(),
        application_name: "embedded example".into(),
    };
    let store = Store::new(pool, audit)?;

    let admin = Actor::new("admin", ["PARTNER_ADMIN".to_owned(), "POLICYMANAGER".to_owned()], "PARTNER_ADMIN");
    let partner = Actor::new("acme-auth", ["AUTH_PARTNER".to_owned()], "PARTNER_ADMIN");
    let partners = PartnerConfig::default();
    let policy_rules =
        PolicyConfig::load(&PolicySettings { allowed_types: vec!["Auth".to_owned()], ..PolicySettings::default() })?;

    let group = groups::create(
        &store,
        &admin,
        GroupRequest { name: Some("embedded-auth".into()), desc: Some("Auth partners".into()), is_active: None },
    )?;
    let policy = policies::create(
        &store,
        &admin,
        &policy_rules,
        PolicyBody {
            policy_group_name: Some(group.name.clone()),
            policy_type: Some("Auth".into()),
            name: Some("embedded auth policy".into()),
            desc: Some("fingerprint authentication, full name".into()),
            version: Some("1.0".into()),
            policies: Some(serde_json::json!({
                "allowedAuthTypes": [{"authSubType": "FINGER", "authType": "bio", "mandatory": true}],
                "allowedKycAttributes": [{"attributeName": "fullName"}],
                "authTokenType": "partner",
                "kycLanguages": ["eng"]
            })),
            ..PolicyBody::default()
        },
    )?;
    policies::publish(&store, &admin, &policy_rules, &policy.id, &group.id)?;
    println!("published policy {} in group {}", policy.name, group.name);

    let registered = registration::register(
        &store,
        &partner,
        &partners,
        RegisterBody {
            partner_id: Some(partner.user_id.clone()),
            policy_group: Some(group.name.clone()),
            organization_name: Some("ACME Authentication".into()),
            address: Some("1 Main Street".into()),
            contact_number: Some("9876543210".into()),
            email_id: Some("contact@acme.example".into()),
            partner_type: Some("Auth_Partner".into()),
            lang_code: Some("eng".into()),
            ..RegisterBody::default()
        },
        ApiVersion::V1,
    )?;
    println!("registered partner {} ({})", registered.partner_id, registered.status);
    certify(&store, &admin, &partner, "ACME Authentication")?;

    let asked = requests::request(
        &store,
        &partner,
        &registered.partner_id,
        MappingBody { policy_name: Some(policy.name.clone()), use_case_description: Some("counter sign-in".into()) },
    )?;
    let review =
        requests::review(&store, &admin, &partners, &asked.mappingkey, StatusBody { status: Some("Approved".into()) })?;
    println!("policy request {}: {review}", asked.mappingkey);

    let key = api_keys::generate(
        &store,
        &partner,
        &partners,
        &registered.partner_id,
        GenerateBody { policy_name: Some(policy.name.clone()), label: Some("counter-1".into()) },
    )?;
    println!("API key for {} under policy {}: {}…", key.partner_id, key.policy_id, &key.api_key[..8]);
    println!("store: {}", dir.display());
    Ok(())
}

/// A CA of the partner's (uploaded by an admin) and the partner's certificate signed by it,
/// uploaded by the partner: the service checks the chain, re-signs it, and activates the partner.
fn certify(store: &Store, admin: &Actor, partner: &Actor, organization: &str) -> anyhow::Result<()> {
    let now = store.now();
    let spec = |org: &str, days: i64, ca: bool| {
        let mut spec = CertSpec::new(
            name(&[(C, "IN"), (O, org), (CN, org)]),
            rand_core::RngCore::next_u64(&mut OsRng) >> 1,
            now - chrono::Duration::days(1),
            now + chrono::Duration::days(days),
        );
        spec.basic_constraints = Some((ca, None));
        spec
    };
    let ca_key = KeyPair::generate(&mut OsRng, 2048)?;
    let ca = issue::issue(&spec("ACME Root CA", 3650, true), &ca_key.spki()?, None, &ca_key, &mut OsRng)?;
    let partner_key = KeyPair::generate(&mut OsRng, 2048)?;
    let cert = issue::issue(&spec(organization, 1000, false), &partner_key.spki()?, Some(&ca), &ca_key, &mut OsRng)?;
    let rules = CertificateConfig::default();
    let domain = || Some("AUTH".to_owned());
    certificates::upload_ca(
        store,
        admin,
        &rules,
        CaCertificateRequest { certificate_data: Some(ca.pem()), partner_domain: domain() },
    )?;
    let request = PartnerCertificateRequest {
        partner_id: Some(partner.user_id.clone()),
        certificate_data: Some(cert.pem()),
        partner_domain: domain(),
    };
    certificates::upload_partner(store, partner, &rules, request, &mut OsRng)?;
    Ok(())
}
