//! Path building through intermediates of the same name, and concurrent first uploads.

use diesel::prelude::*;
use persistence::schema::ca_cert_store;
use persistence::schema::partner_cert_store;
use persistence::schema::signing_key;

use super::{conn, insert_partner, new_root, partner_cert, sub_ca, upload, upload_ca};
use crate::api_tests;
use crate::helpers::{TestApp, admin};

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

api_tests!(chains_with_same_name_intermediates_are_found, concurrent_first_uploads_both_succeed);
