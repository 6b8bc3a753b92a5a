//! Partner certificate uploads: the partner is checked first; an FTM partner gets its own certificate back.

use diesel::prelude::*;
use persistence::schema::ca_cert_store;
use web_support::testing::token;

use super::{conn, has_event, insert_partner, new_root, partner_cert, pem_of, upload, upload_ca};
use crate::api_tests;
use crate::helpers::{TestApp, admin};

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

api_tests!(an_ftm_partner_gets_its_own_certificate_back, partner_upload_checks_the_partner_first);
