//! Certificates: CA upload (P9), partner certificate upload (P10), certificate read (P11).
//! Partners are inserted directly (registration is another feature); certificates are issued
//! here with the service's own issuing code.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use partner_domain::certificate::dn::{C, CN, O};
use partner_domain::certificate::issue::{self, CertSpec, KeyPair, SigHash, name};
use partner_domain::certificate::{Certificate, parse};
use persistence::schema::{ca_cert_store, partner, partner_cert_store, policy_group, signing_key};
use persistence::{DbPool, PoolOptions, repo};
use rand_core::OsRng;
use serde_json::{Value, json};
use web_support::testing::{Client, token};

use crate::api_tests;
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
fn new_root(cn: &str) -> (Certificate, KeyPair) {
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

fn partner_cert(org: &str, issuer: (&Certificate, &KeyPair)) -> Certificate {
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
        diesel::insert_into(policy_group::table)
            .values((
                policy_group::id.eq(g),
                policy_group::name.eq(format!("group-{g}")),
                policy_group::descr.eq("d"),
                policy_group::user_id.eq("u"),
                policy_group::is_active.eq(true),
                policy_group::cr_by.eq("test"),
                policy_group::cr_dtimes.eq(now()),
            ))
            .execute(&mut *c)
            .expect("group");
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

fn upload_ca(c: &Client, data: &str, domain: &str) -> web_support::testing::Answer {
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
    let (rows, _) = repo::audit::search(&mut conn(app), &filter, 0, 500).expect("audit");
    rows.into_iter().map(|r| (r.event_id, r.error_code)).collect()
}

fn has_event(app: &TestApp, id: &str, code: Option<&str>) -> bool {
    events(app).iter().any(|(e, c)| e == id && c.as_deref() == code)
}

fn pem_of(value: &Value) -> Certificate {
    parse::pem_certificate(value.as_str().unwrap_or("")).expect("a PEM certificate")
}

fn ca_uploads_store_roots_and_refuse_duplicates(app: TestApp) {
    let c = &app.client;
    let (root, root_key) = new_root("mosiptest.org");
    let a = upload_ca(c, &root.pem(), "Auth").ok();
    assert_eq!(a.response()["status"], "Upload Success.");
    assert!(a.response()["timestamp"].as_str().is_some_and(|t| !t.ends_with('Z')), "{}", a.body);
    assert_eq!(a.body["id"], Value::Null);
    assert_eq!(upload_ca(c, &root.pem(), "Auth").error_code(), Some("KER-PCM-003"));
    assert_eq!(upload_ca(c, &root.pem(), "auth").error_code(), Some("KER-PCM-003"));
    // the same certificate in another domain is another row
    upload_ca(c, &root.pem(), "FTM").ok();
    // a second root with the same name and another key
    let (twin, twin_key) = new_root("mosiptest.org");
    upload_ca(c, &twin.pem(), "Auth").ok();
    // a sub-CA under the second one, and a bundle [sub2, sub] processed root side first
    let (sub, sub_key) = sub_ca("apitest2", (&twin, &twin_key));
    upload_ca(c, &sub.pem(), "Auth").ok();
    let (orphan, _) = sub_ca("orphan", (&root, &root_key));
    assert_eq!(upload_ca(c, &orphan.pem(), "DEVICE").error_code(), Some("KER-PCM-005"));
    let (sub2, _) = sub_ca("sub2", (&sub, &sub_key));
    let bundle = parse::p7b_base64url(&[&sub2, &orphan]);
    let a = upload_ca(c, &bundle, "DEVICE").ok();
    assert_eq!(a.response()["status"], "Upload Failed.");
    let bundle = parse::p7b_base64url(&[&sub2, &root]);
    let a = upload_ca(c, &bundle, "Auth").ok();
    assert_eq!(a.response()["status"], "Partial Upload Success.");
    let stored: i64 = ca_cert_store::table.count().get_result(&mut *conn(&app)).expect("count");
    assert_eq!(stored, 5);
    assert!(has_event(&app, "PMS_PRT_212", None));
    assert!(has_event(&app, "PMS_PRT_452", Some("KER-PCM-003")));
}

fn ca_upload_refuses_bad_input_with_keymanager_codes(app: TestApp) {
    let c = &app.client;
    let (root, _) = new_root("mosiptest.org");
    assert_eq!(upload_ca(c, "dgdhshj@hhdeege", "Auth").error_code(), Some("KER-CRY-003"));
    // parsing comes before the domain check
    assert_eq!(upload_ca(c, "dgdhshj@hhdeege", "dht").error_code(), Some("KER-CRY-003"));
    assert_eq!(upload_ca(c, &root.pem(), "dht").error_code(), Some("KER-PCM-011"));
    let cut = root.pem().replacen("MI", "", 1);
    assert_eq!(upload_ca(c, &cut, "Auth").error_code(), Some("KER-CRY-003"));
    assert_eq!(upload_ca(c, "aGVsbG8gd29ybGQ", "Auth").error_code(), Some("KER-PCM-001"));
    let a = upload_ca(c, "", "Auth");
    assert_eq!((a.status, a.error_code()), (200, Some("PMS_COR_001")));
    assert!(a.body["errors"][0]["message"].as_str().is_some_and(|m| m.ends_with(":request.certificateData")));
    assert_eq!(upload_ca(c, &root.pem(), " ").error_code(), Some("PMS_COR_001"));
    let huge = "A".repeat(70 * 1024);
    assert_eq!(upload_ca(c, &huge, "Auth").error_code(), Some("KER-PCM-001"));
    let mut expired_spec = subject("Old", "old");
    expired_spec.not_before = days(-400);
    expired_spec.not_after = days(-2);
    let expired = make(&expired_spec, &key(), None);
    assert_eq!(upload_ca(c, &expired.pem(), "Auth").error_code(), Some("KER-PCM-004"));
    assert!(has_event(&app, "PMS_PRT_452", Some("KER-CRY-003")));
    // only partner managers and admins may upload CAs
    let partner = token("p1", &["AUTH_PARTNER"]);
    let body = Client::envelope(json!({"certificateData": root.pem(), "partnerDomain": "Auth"}));
    let a = c.send("POST", CA_UPLOAD, Some(&partner), &body);
    assert_eq!((a.status, a.error_code()), (403, Some("KER-ATH-403")));
    let manager = token("pm", &["PARTNERMANAGER"]);
    let a = c.send("POST", CA_UPLOAD, Some(&manager), &body).ok();
    assert_eq!(a.response()["status"], "Upload Success.");
    assert_eq!(c.send("POST", CA_UPLOAD, None, &body).status, 401);
}

fn a_partner_certificate_is_resigned_and_activates_the_partner(app: TestApp) {
    let c = &app.client;
    let (root, root_key) = new_root("mosiptest.org");
    upload_ca(c, &root.pem(), "Auth").ok();
    insert_partner(&app, "Tech-123", "Techno", "MISP_Partner", None, "InProgress", false);
    let techno = partner_cert("Techno", (&root, &root_key));
    let own = token("Tech-123", &["AUTH_PARTNER"]);
    let a = upload(c, &own, "Tech-123", &techno.pem(), "Auth").ok();
    let resp = a.response();
    let id = resp["certificateId"].as_str().unwrap_or("").to_owned();
    assert_eq!(id.len(), 36, "{}", a.body);
    let signed = pem_of(&resp["signedCertificateData"]);
    assert_eq!(signed.subject_dn(), "CN=Techno,O=Techno,C=IN");
    assert_eq!(signed.issuer_dn(), "CN=www.mosip.io (PMS),OU=MOSIP-TECH-CENTER,O=IITB,L=BANGALORE,ST=KA,C=IN");
    assert_eq!(partner_state(&app, "Tech-123"), (true, "approved".to_owned(), Some(id.clone())));

    // the read answers the re-signed certificate
    let got = c.get("/v1/partnermanager/partners/Tech-123/certificate", Some(&own)).ok();
    assert_eq!(pem_of(&got.response()["certificateData"]), signed);
    assert!(got.response()["timestamp"].is_string());

    // uploading again is allowed and makes a new row; the service keys are made once
    let again = upload(c, &admin(), "Tech-123", &techno.pem(), "AUTH").ok();
    assert_ne!(again.response()["certificateId"].as_str(), Some(id.as_str()));
    let mut db = conn(&app);
    let rows: i64 = partner_cert_store::table.count().get_result(&mut *db).expect("count");
    assert_eq!(rows, 2);
    let apps: Vec<String> =
        signing_key::table.select(signing_key::app_id).order(signing_key::app_id).load(&mut *db).expect("keys");
    assert_eq!(apps, ["PMS", "ROOT"]);
    // the CA store gained the service's ROOT and PMS, not the re-signed certificates
    let types: Vec<String> = ca_cert_store::table
        .select(ca_cert_store::ca_cert_type)
        .order(ca_cert_store::ca_cert_type)
        .load(&mut *db)
        .expect("cas");
    assert_eq!(types, ["INTERMEDIATE", "ROOT", "ROOT"]);
    let stored: (String, String, String) = partner_cert_store::table
        .select((
            partner_cert_store::cert_subject,
            partner_cert_store::organization_name,
            partner_cert_store::partner_domain,
        ))
        .first(&mut *db)
        .expect("row");
    assert_eq!(stored, ("CN=Techno,O=Techno,C=IN".to_owned(), "Techno".to_owned(), "AUTH".to_owned()));
    assert!(has_event(&app, "PMS_PRT_212", None));
    assert!(has_event(&app, "PMS_PRT_269", None));
}

fn an_ftm_partner_gets_its_own_certificate_back(app: TestApp) {
    let c = &app.client;
    let (root, root_key) = new_root("mosiptest.org");
    upload_ca(c, &root.pem(), "FTM").ok();
    insert_partner(&app, "mosipprint", "mosipprint", "FTM_Provider", None, "InProgress", false);
    let cert = partner_cert("mosipprint", (&root, &root_key));
    let a = upload(c, &admin(), "mosipprint", &cert.pem(), "FTM").ok();
    assert_eq!(pem_of(&a.response()["signedCertificateData"]), cert);
    let got = c.get("/v1/partnermanager/partners/mosipprint/certificate", Some(&admin())).ok();
    let resigned = pem_of(&got.response()["certificateData"]);
    assert_ne!(resigned, cert);
    assert!(resigned.issuer_dn().starts_with("CN=www.mosip.io (PMS)"));
    // FTM does not trust the service's chain
    let cas: i64 = ca_cert_store::table.count().get_result(&mut *conn(&app)).expect("count");
    assert_eq!(cas, 1);
}

fn partner_upload_checks_the_partner_first(app: TestApp) {
    let c = &app.client;
    let (root, root_key) = new_root("mosiptest.org");
    upload_ca(c, &root.pem(), "Auth").ok();
    let pem = partner_cert("Techno", (&root, &root_key)).pem();
    assert_eq!(upload(c, &admin(), "nobody", &pem, "Auth").error_code(), Some("PMS_PRT_005"));
    assert!(has_event(&app, "PMS_PRT_421", Some("PMS_PRT_005")));
    assert!(has_event(&app, "PMS_PRT_431", Some("PMS_PRT_005")));
    insert_partner(&app, "off", "Techno", "MISP_Partner", None, "approved", false);
    assert_eq!(upload(c, &admin(), "off", &pem, "Auth").error_code(), Some("PMS_PMP_016"));
    insert_partner(&app, "nogroup", "Techno", "Auth_Partner", None, "InProgress", false);
    assert_eq!(upload(c, &admin(), "nogroup", &pem, "Auth").error_code(), Some("PMS_PRT_054"));
    insert_partner(&app, "grouped", "Techno", "Auth_Partner", Some("g1"), "InProgress", false);
    assert_eq!(upload(c, &admin(), "grouped", &pem, "Auth").error_code(), None);
    // someone else's partner
    let other = token("someone", &["AUTH_PARTNER"]);
    let a = upload(c, &other, "grouped", &pem, "Auth");
    assert_eq!((a.status, a.error_code()), (403, Some("KER-ATH-403")));
    let a = upload(c, &token("grouped", &["POLICYMANAGER"]), "grouped", &pem, "Auth");
    assert_eq!(a.status, 403);
    let a = upload(c, &admin(), "", &pem, "Auth");
    assert_eq!(a.error_code(), Some("PMS_COR_001"));
}

fn partner_upload_answers_keymanager_codes_in_order(app: TestApp) {
    let c = &app.client;
    let (root, root_key) = new_root("mosiptest.org");
    upload_ca(c, &root.pem(), "Auth").ok();
    insert_partner(&app, "Tech-123", "Techno", "MISP_Partner", None, "InProgress", false);
    let code = |data: &str, domain: &str| upload(c, &admin(), "Tech-123", data, domain).error_code().map(str::to_owned);
    let good = partner_cert("Techno", (&root, &root_key));
    // the base64 lines without the BEGIN line (MOSIP's hidden case)
    let headless: String = good.pem().lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(code(&headless, "Auth").as_deref(), Some("KER-KMS-013"));
    assert_eq!(code("not a certificate", "Auth").as_deref(), Some("KER-KMS-013"));
    assert_eq!(code(&"A".repeat(70 * 1024), "Auth").as_deref(), Some("KER-KMS-013"));
    let bundle = parse::p7b_base64url(&[&good]);
    assert_eq!(code(&bundle, "Auth").as_deref(), Some("KER-KMS-013"));
    assert_eq!(code(&good.pem(), "dht").as_deref(), Some("KER-PCM-011"));
    let mut expired = subject("Techno", "Techno");
    expired.not_before = days(-900);
    expired.not_after = days(-1);
    assert_eq!(
        code(&make(&expired, &key_besides(&root_key), Some((&root, &root_key))).pem(), "Auth").as_deref(),
        Some("KER-PCM-004")
    );
    let mut short = subject("Techno", "Techno");
    short.not_after = days(300);
    assert_eq!(
        code(&make(&short, &key_besides(&root_key), Some((&root, &root_key))).pem(), "Auth").as_deref(),
        Some("KER-PCM-004")
    );
    assert_eq!(code(&make(&subject("Techno", "Techno"), &key(), None).pem(), "Auth").as_deref(), Some("KER-PCM-015"));
    // a chain to another domain's root, or to no stored root
    assert_eq!(code(&good.pem(), "DEVICE").as_deref(), Some("KER-PCM-006"));
    let (stranger, stranger_key) = new_root("stranger");
    assert_eq!(code(&partner_cert("Techno", (&stranger, &stranger_key)).pem(), "Auth").as_deref(), Some("KER-PCM-006"));
    let mut v1 = subject("Other", "x");
    v1.version = 1;
    assert_eq!(
        code(&make(&v1, &key_besides(&root_key), Some((&root, &root_key))).pem(), "Auth").as_deref(),
        Some("KER-PCM-007")
    );
    assert_eq!(code(&partner_cert("techno", (&root, &root_key)).pem(), "Auth").as_deref(), Some("KER-PCM-008"));
    let mut sha512 = subject("Techno", "Techno");
    sha512.hash = SigHash::Sha512;
    assert_eq!(
        code(&make(&sha512, &key_besides(&root_key), Some((&root, &root_key))).pem(), "Auth").as_deref(),
        Some("KER-PCM-014")
    );
    assert!(has_event(&app, "PMS_PRT_431", Some("KER-PCM-008")));
    // nothing of this activated the partner
    assert_eq!(partner_state(&app, "Tech-123"), (false, "InProgress".to_owned(), None));
    assert_eq!(code(&good.pem(), " Auth ").as_deref(), None);
}

fn reading_a_certificate(app: TestApp) {
    let c = &app.client;
    let path = "/v1/partnermanager/partners/p-1/certificate";
    assert_eq!(c.get(path, Some(&admin())).error_code(), Some("PMS_PRT_005"));
    insert_partner(&app, "p-1", "Org", "MISP_Partner", None, "InProgress", false);
    assert_eq!(c.get(path, Some(&admin())).error_code(), Some("PMS_PRT_108"));
    assert_eq!(c.get(path, Some(&token("p-1", &["CREATE_SHARE"]))).error_code(), Some("PMS_PRT_108"));
    let a = c.get(path, Some(&token("p-2", &["AUTH_PARTNER"])));
    assert_eq!((a.status, a.error_code()), (403, Some("KER-ATH-403")));
    assert_eq!(c.get(path, Some(&token("p-1", &["POLICYMANAGER"]))).status, 403);
    // an alias that names no stored certificate (e.g. imported from MOSIP)
    diesel::update(partner::table.find("p-1"))
        .set(partner::certificate_alias.eq("unknown-id"))
        .execute(&mut *conn(&app))
        .expect("alias");
    assert_eq!(c.get(path, Some(&admin())).error_code(), Some("KER-PCM-012"));
    assert!(has_event(&app, "PMS_PRT_169", None));
}

fn chains_with_same_name_intermediates_are_found(app: TestApp) {
    let c = &app.client;
    // two roots and two sub-CAs with the same names, as the MOSIP cases upload them
    let (r1, r1k) = new_root("apitest");
    let (r2, r2k) = new_root("apitest");
    let (s1, _) = sub_ca("apitest2", (&r1, &r1k));
    let (s2, s2k) = sub_ca("apitest2", (&r2, &r2k));
    for cert in [&r1, &r2, &s1, &s2] {
        upload_ca(c, &cert.pem(), "Auth").ok();
    }
    insert_partner(&app, "MOVP", "movp", "MISP_Partner", None, "InProgress", false);
    let movp = partner_cert("movp", (&s2, &s2k));
    upload(c, &admin(), "MOVP", &movp.pem(), "Auth").ok();
    let issuer: String =
        partner_cert_store::table.select(partner_cert_store::issuer_id).first(&mut *conn(&app)).expect("row");
    let s2_id: String = ca_cert_store::table
        .filter(ca_cert_store::cert_thumbprint.eq(s2.thumbprint()))
        .select(ca_cert_store::cert_id)
        .first(&mut *conn(&app))
        .expect("s2");
    assert_eq!(issuer, s2_id);
}

fn concurrent_first_uploads_both_succeed(app: TestApp) {
    let (ca, ca_key) = new_root("mosiptest.org");
    upload_ca(&app.client, &ca.pem(), "Auth").ok();
    let ids = ["first", "second"];
    for id in ids {
        insert_partner(&app, id, "Techno", "MISP_Partner", None, "InProgress", false);
    }
    let pems: Vec<String> = ids.iter().map(|_| partner_cert("Techno", (&ca, &ca_key)).pem()).collect();
    let client = &app.client;
    let answers: Vec<Option<String>> = std::thread::scope(|s| {
        let handles: Vec<_> = ids
            .iter()
            .zip(&pems)
            .map(|(id, pem)| s.spawn(move || upload(client, &admin(), id, pem, "Auth").error_code().map(str::to_owned)))
            .collect();
        handles.into_iter().map(|h| h.join().expect("thread")).collect()
    });
    assert_eq!(answers, vec![None, None]);
    // each service ROOT key that was made (one, or one per racing transaction on PostgreSQL)
    // entered the AUTH store once, beside the uploaded root
    let mut db = conn(&app);
    let roots: i64 =
        signing_key::table.filter(signing_key::app_id.eq("ROOT")).count().get_result(&mut *db).expect("keys");
    let stored: i64 =
        ca_cert_store::table.filter(ca_cert_store::ca_cert_type.eq("ROOT")).count().get_result(&mut *db).expect("cas");
    assert!(roots >= 1);
    assert_eq!(stored, roots + 1);
}

api_tests!(
    concurrent_first_uploads_both_succeed,
    ca_uploads_store_roots_and_refuse_duplicates,
    ca_upload_refuses_bad_input_with_keymanager_codes,
    a_partner_certificate_is_resigned_and_activates_the_partner,
    an_ftm_partner_gets_its_own_certificate_back,
    partner_upload_checks_the_partner_first,
    partner_upload_answers_keymanager_codes_in_order,
    reading_a_certificate,
    chains_with_same_name_intermediates_are_found,
);
