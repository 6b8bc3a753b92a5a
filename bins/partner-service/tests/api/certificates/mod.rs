//! Certificates: CA upload (P9), partner certificate upload (P10), certificate read (P11).
//! Partners are inserted directly (registration is another feature); certificates are issued
//! here with the service's own issuing code.

mod ca;
mod chains;
mod codes;
mod partner_checks;
mod reads;
mod secrets;
mod uploads;

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use partner_domain::certificate::dn::{C, CN, O};
use partner_domain::certificate::issue;
use partner_domain::certificate::issue::CertSpec;
use partner_domain::certificate::issue::KeyPair;
use partner_domain::certificate::issue::name;
use partner_domain::certificate::{Certificate, parse};
use persistence::schema::partner;
use persistence::testing::fixtures::GroupFixture;
use persistence::{DbPool, PoolOptions, repo};
use rand_core::OsRng;
use serde_json::{Value, json};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use web_support::testing::Client;

use crate::helpers::{TestApp, admin};

const CA_UPLOAD: &str = "/v1/partnermanager/partners/certificate/ca/upload";

const UPLOAD: &str = "/v1/partnermanager/partners/certificate/upload";

fn keys() -> &'static Vec<KeyPair> {
    static KEYS: OnceLock<Vec<KeyPair>> = OnceLock::new();
    KEYS.get_or_init(|| (0..5).map(|_| KeyPair::generate(&mut OsRng, 2048).expect("key")).collect())
}

/// A 2048-bit key, another one on each call (from a pool of five).
fn key() -> KeyPair {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    keys()[NEXT.fetch_add(1, Ordering::Relaxed) % keys().len()].clone()
}

/// A key from the pool that is not `other` (a certificate signed with its own key is self-signed).
fn key_besides(other: &KeyPair) -> KeyPair {
    let theirs = other.spki().expect("spki");
    (0..keys().len()).map(|_| key()).find(|k| k.spki().ok().as_ref() != Some(&theirs)).expect("another key")
}

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn days(n: i64) -> NaiveDateTime {
    now() + TimeDelta::days(n)
}

fn subject(org: &str, cn: &str) -> partner_domain::certificate::issue::CertSpec {
    CertSpec::new(
        name(&[(C, "IN"), (O, org), (CN, cn)]),
        rand_core::RngCore::next_u64(&mut OsRng) >> 1,
        days(-1),
        days(900),
    )
}

fn make(spec: &CertSpec, subject_key: &KeyPair, issuer: Option<(&Certificate, &KeyPair)>) -> Certificate {
    let (issuer_cert, issuer_key) = match issuer {
        Some((c, k)) => (Some(c), k),
        None => (None, subject_key),
    };
    issue::issue(spec, &subject_key.spki().expect("spki"), issuer_cert, issuer_key, &mut OsRng).expect("issue")
}

/// A self-signed root with CA:FALSE, as MOSIP's `mosiptest.org`.
pub(crate) fn new_root(cn: &str) -> (Certificate, KeyPair) {
    let k = key();
    let mut spec = subject("MOSIPTEST", cn);
    spec.basic_constraints = Some((false, None));
    (make(&spec, &k, None), k)
}

fn sub_ca(cn: &str, issuer: (&Certificate, &KeyPair)) -> (Certificate, KeyPair) {
    let k = key_besides(issuer.1);
    let mut spec = subject(cn, cn);
    spec.basic_constraints = Some((true, Some(0)));
    (make(&spec, &k, Some(issuer)), k)
}

pub(crate) fn partner_cert(org: &str, issuer: (&Certificate, &KeyPair)) -> Certificate {
    let mut spec = subject(org, org);
    spec.basic_constraints = Some((false, None));
    make(&spec, &key_besides(issuer.1), Some(issuer))
}

fn conn(app: &TestApp) -> persistence::PooledDb {
    DbPool::open(&app.db.url, &PoolOptions::default()).expect("pool").get().expect("connection")
}

/// Inserts a partner the way registration leaves it, with the given type and group.
fn insert_partner(
    app: &TestApp,
    id: &str,
    org: &str,
    partner_type: &str,
    group: Option<&str>,
    status: &str,
    active: bool,
) {
    let mut c = conn(app);
    if let Some(g) = group {
        let group = GroupFixture {
            user: "u".into(),
            by: "test".into(),
            created: now(),
            ..GroupFixture::new(g, format!("group-{g}"))
        };
        group.insert(&mut c).expect("group");
    }
    diesel::insert_into(partner::table)
        .values((
            partner::id.eq(id),
            partner::policy_group_id.eq(group),
            partner::name.eq(org),
            partner::user_id.eq(id),
            partner::partner_type_code.eq(partner_type),
            partner::approval_status.eq(status),
            partner::is_active.eq(active),
            partner::cr_by.eq("test"),
            partner::cr_dtimes.eq(now()),
        ))
        .execute(&mut *c)
        .expect("partner");
}

fn partner_state(app: &TestApp, id: &str) -> (bool, String, Option<String>) {
    partner::table
        .find(id)
        .select((partner::is_active, partner::approval_status, partner::certificate_alias))
        .first(&mut *conn(app))
        .expect("partner row")
}

pub(crate) fn upload_ca(c: &Client, data: &str, domain: &str) -> web_support::testing::Answer {
    c.send(
        "POST",
        CA_UPLOAD,
        Some(&admin()),
        &Client::envelope(json!({"certificateData": data, "partnerDomain": domain})),
    )
}

fn upload(c: &Client, who: &str, partner_id: &str, data: &str, domain: &str) -> web_support::testing::Answer {
    c.send(
        "POST",
        UPLOAD,
        Some(who),
        &Client::envelope(json!({"partnerId": partner_id, "certificateData": data, "partnerDomain": domain})),
    )
}

fn events(app: &TestApp) -> Vec<(String, Option<String>)> {
    let filter = repo::audit::AuditFilter::default();
    let (rows, _) = repo::audit::search(&mut conn(app), &filter, repo::Paging::exact(0, 500)).expect("audit");
    rows.into_iter().map(|r| (r.event_id, r.error_code)).collect()
}

fn has_event(app: &TestApp, id: &str, code: Option<&str>) -> bool {
    events(app).iter().any(|(e, c)| e == id && c.as_deref() == code)
}

pub(crate) fn pem_of(value: &Value) -> Certificate {
    parse::pem_certificate(value.as_str().unwrap_or("")).expect("a PEM certificate")
}
