//! P10, partner certificate upload: re-signed by the service and the partner activated.

use diesel::prelude::*;
use persistence::schema::ca_cert_store;
use persistence::schema::partner_cert_store;
use persistence::schema::signing_key;
use web_support::testing::token;

use super::{conn, has_event, insert_partner, new_root, partner_cert, partner_state, pem_of, upload, upload_ca};
use crate::api_tests;
use crate::helpers::{TestApp, admin};

pub(super) fn a_partner_certificate_is_resigned_and_activates_the_partner(app: TestApp) {
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

api_tests!(a_partner_certificate_is_resigned_and_activates_the_partner);
