//! P9, CA upload: roots and sub-CAs stored, duplicates and bad input refused with the keymanager's
//! codes.

use diesel::prelude::*;
use partner_domain::certificate::parse;
use persistence::schema::ca_cert_store;
use serde_json::{Value, json};
use web_support::testing::{Client, token};

use super::{CA_UPLOAD, conn, days, has_event, key, make, new_root, sub_ca, subject, upload_ca};
use crate::api_tests;
use crate::helpers::TestApp;

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

api_tests!(ca_uploads_store_roots_and_refuse_duplicates, ca_upload_refuses_bad_input_with_keymanager_codes);
