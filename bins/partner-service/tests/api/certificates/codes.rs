//! The keymanager's error codes of a partner upload, in its order; P11, reading a certificate.

use diesel::prelude::*;
use partner_domain::certificate::issue::SigHash;
use partner_domain::certificate::parse;
use persistence::schema::partner;
use web_support::testing::token;

use super::{
    conn, days, has_event, insert_partner, key, key_besides, make, new_root, partner_cert, partner_state, subject,
    upload, upload_ca,
};
use crate::api_tests;
use crate::helpers::{TestApp, admin};

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

api_tests!(partner_upload_answers_keymanager_codes_in_order, reading_a_certificate);
