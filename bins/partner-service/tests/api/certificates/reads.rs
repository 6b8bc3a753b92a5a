//! MOSIP 1.2.2's certificate reads: `GET /partners/{partnerId}/certificate-data`,
//! `GET /partners/partner-certificates-details`, `GET /admin-partners/{partnerId}`,
//! `GET /trust-chain-certificates[/{certificateId}/certificateFile]`, each answer checked against
//! the document.

use diesel::prelude::*;
use persistence::schema::{ca_cert_store, partner};
use serde_json::Value;
use web_support::openapi::conformance::Conformance;
use web_support::testing::{Answer, token};

use super::{conn, insert_partner, new_root, partner_cert, pem_of, sub_ca, upload, upload_ca};
use crate::api_tests;
use crate::helpers::{TestApp, admin};

const BASE: &str = "/v1/partnermanager";

fn codes(a: &Answer) -> Vec<&str> {
    a.body["errors"].as_array().into_iter().flatten().filter_map(|e| e["errorCode"].as_str()).collect()
}

fn own(id: &str) -> String {
    token(id, &["AUTH_PARTNER"])
}

/// `cp1` (Auth, group `g1`) with an uploaded certificate, `cp2` (Auth, group `g2`) without one,
/// and a partner of the admin user; answers the uploaded certificate's PEM.
fn partners_with_a_certificate(app: &TestApp) -> String {
    let (root, root_key) = new_root("Reads Root");
    upload_ca(&app.client, &root.pem(), "AUTH").ok();
    insert_partner(app, "cp1", "ORG1", "Auth_Partner", Some("g1"), "InProgress", false);
    insert_partner(app, "cp2", "ORG2", "Auth_Partner", Some("g2"), "InProgress", false);
    insert_partner(app, "partner-admin", "ADMIN ORG", "Auth_Partner", Some("g3"), "approved", true);
    let certificate = partner_cert("ORG1", (&root, &root_key));
    upload(&app.client, &own("cp1"), "cp1", &certificate.pem(), "AUTH").ok();
    certificate.pem()
}

fn partner_certificates_are_read_by_their_owner_or_an_admin(app: TestApp) {
    let uploaded = partners_with_a_certificate(&app);
    let doc = Conformance::new(&partner_service::openapi::document());
    let path = "/partners/{partnerId}/certificate-data";
    let read = |who: &str, partner: &str| {
        let answer = app.client.get(&format!("{BASE}/partners/{partner}/certificate-data"), Some(who));
        doc.check("GET", &format!("{BASE}{path}"), &answer);
        answer
    };
    let mine = read(&own("cp1"), "cp1").ok();
    assert_eq!(mine.body["id"], "mosip.pms.original.partner.certificate.get");
    let r = mine.response();
    assert_eq!(pem_of(&r["caSignedCertificateData"]).pem(), uploaded);
    assert_eq!(pem_of(&r["mosipSignedCertificateData"]).subject_dn(), "CN=ORG1,O=ORG1,C=IN");
    assert_eq!(
        (r["isCaSignedCertificateExpired"].as_bool(), r["isMosipSignedCertificateExpired"].as_bool()),
        (Some(false), Some(false))
    );
    assert_eq!(read(&admin(), "cp1").response(), r, "an admin reads any partner's");
    assert_eq!(codes(&read(&own("cp2"), "cp1")), ["PMS_CERTIFICATE_ERROR_007"], "another partner's");
    assert_eq!(codes(&read(&own("cp2"), "cp2")), ["PMS_PRT_108"]);
    assert_eq!(codes(&read(&admin(), "nobody")), ["PMS_PRT_005"]);
    assert_eq!(codes(&read(&own("stranger"), "cp1")), ["PMS_CERTIFICATE_ERROR_002"]);
    diesel::update(partner::table.find("cp1")).set(partner::is_active.eq(false)).execute(&mut *conn(&app)).unwrap();
    assert_eq!(codes(&read(&own("cp1"), "cp1")), ["PMS_CERTIFICATE_ERROR_009"], "a deactivated partner");
    let denied = app.client.get(&format!("{BASE}/partners/cp1/certificate-data"), Some(&token("m", &["MISP_PARTNER"])));
    assert_eq!(denied.status, 403);

    let details = |who: &str, query: &str| {
        let answer = app.client.get(&format!("{BASE}/partners/partner-certificates-details{query}"), Some(who));
        doc.check("GET", &format!("{BASE}/partners/partner-certificates-details"), &answer);
        answer
    };
    let listed = details(&own("cp1"), "").ok();
    assert_eq!(listed.body["id"], "mosip.pms.partner.certificates.get");
    let one = &listed.response()[0];
    assert_eq!((one["partnerId"].as_str(), one["certificateIssuedTo"].as_str()), (Some("cp1"), Some("ORG1")));
    assert_eq!((one["isCertificateAvailable"].as_bool(), one["isPartnerActive"].as_bool()), (Some(true), Some(false)));
    assert!(one["certificateExpiryDateTime"].as_str().is_some_and(|t| t.ends_with("+00:00")), "{one}");
    let without = details(&own("cp2"), "").ok();
    assert_eq!(
        (without.response()[0]["isCertificateAvailable"].as_bool(), &without.response()[0]["certificateIssuedTo"]),
        (Some(false), &Value::Null)
    );
    assert_eq!(details(&own("cp1"), "?expiryPeriod=30").ok().response(), &serde_json::json!([]), "valid a year");
    assert_eq!(details(&own("cp2"), "?expiryPeriod=30").ok().response(), &serde_json::json!([]));
    assert_eq!(codes(&details(&own("cp1"), "?expiryPeriod=31")), ["PMS_COR_001"]);
    assert_eq!(codes(&details(&own("cp1"), "?expiryPeriod=0")), ["PMS_COR_001"]);
    assert_eq!(codes(&details(&own("stranger"), "")), ["PMS_CERTIFICATE_ERROR_002"]);
    let not_a_number =
        app.client.get(&format!("{BASE}/partners/partner-certificates-details?expiryPeriod=soon"), Some(&own("cp1")));
    assert_eq!((not_a_number.status, not_a_number.error_code()), (400, Some("PMS_COR_001")));
}

fn admins_read_a_partners_details(app: TestApp) {
    partners_with_a_certificate(&app);
    insert_partner(&app, "nogroup", "NOGROUP", "Auth_Partner", None, "InProgress", false);
    insert_partner(&app, "dp", "DEVICES", "Device_Provider", None, "InProgress", false);
    let doc = Conformance::new(&partner_service::openapi::document());
    let read = |who: &str, partner: &str| {
        let answer = app.client.get(&format!("{BASE}/admin-partners/{partner}"), Some(who));
        doc.check("GET", &format!("{BASE}/admin-partners/{{partnerId}}"), &answer);
        answer
    };
    let found = read(&admin(), "cp1").ok();
    assert_eq!(found.body["id"], "mosip.pms.partner.details.get");
    let r = found.response();
    assert_eq!(
        (r["partnerId"].as_str(), r["organizationName"].as_str(), r["policyGroupName"].as_str()),
        (Some("cp1"), Some("ORG1"), Some("group-g1"))
    );
    assert_eq!(
        (r["approvalStatus"].as_str(), r["isActive"].as_bool(), r["isCertificateAvailable"].as_bool()),
        (Some("approved"), Some(true), Some(true))
    );
    assert!(r["certificateExpiryDateTime"].is_string() && r["firstName"].is_null(), "{r}");
    let bare = read(&admin(), "cp2").ok();
    assert_eq!(
        (bare.response()["isCertificateAvailable"].as_bool(), &bare.response()["certificateUploadDateTime"]),
        (Some(false), &Value::Null)
    );
    assert_eq!(read(&admin(), "dp").ok().response()["policyGroupName"], Value::Null, "providers need no group");
    assert_eq!(codes(&read(&admin(), "nogroup")), ["PMS_POLICY_ERROR_005"]);
    assert_eq!(codes(&read(&admin(), "unknown")), ["PMS_PRT_005"]);
    let other_admin = token("admin-without-partner", &["PARTNER_ADMIN"]);
    assert_eq!(codes(&read(&other_admin, "cp1")), ["PMS_CERTIFICATE_ERROR_002"]);
    assert_eq!(app.client.get(&format!("{BASE}/admin-partners/cp1"), Some(&own("cp1"))).status, 403);
}

fn admins_page_through_the_trust_store(app: TestApp) {
    let (root, root_key) = new_root("Trust Root");
    upload_ca(&app.client, &root.pem(), "AUTH").ok();
    let (sub, _) = sub_ca("Trust Sub", (&root, &root_key));
    upload_ca(&app.client, &sub.pem(), "AUTH").ok();
    let (ftm_root, _) = new_root("Chip Root");
    upload_ca(&app.client, &ftm_root.pem(), "FTM").ok();
    partners_with_a_certificate(&app); // adds the service's own ROOT and PMS, never listed
    let doc = Conformance::new(&partner_service::openapi::document());
    let list = |who: &str, query: &str| {
        let answer = app.client.get(&format!("{BASE}/trust-chain-certificates{query}"), Some(who));
        doc.check("GET", &format!("{BASE}/trust-chain-certificates"), &answer);
        answer
    };
    let all = list(&admin(), "").ok();
    assert_eq!(all.body["id"], "mosip.pms.trust.certificates.get");
    let r = all.response();
    assert_eq!((r["pageNo"].as_i64(), r["pageSize"].as_i64(), r["totalResults"].as_i64()), (Some(0), Some(8), Some(4)));
    let first = &r["data"][0];
    assert_eq!((first["caCertificateType"].as_str(), first["partnerDomain"].as_str()), (Some("ROOT"), Some("AUTH")));
    assert_eq!((first["issuedTo"].as_str(), first["status"].as_bool()), (Some(root.subject_dn().as_str()), Some(true)));
    let ids = |a: &Answer| -> Vec<String> {
        a.response()["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d["issuedTo"].as_str())
            .map(str::to_owned)
            .collect()
    };
    let intermediate = list(&admin(), "?caCertificateType=intermediate").ok();
    assert_eq!(ids(&intermediate), [sub.subject_dn()]);
    assert_eq!(list(&admin(), "?partnerDomain=ftm").ok().response()["totalResults"], 1);
    assert_eq!(list(&admin(), "?issuedTo=TRUST").ok().response()["totalResults"], 2);
    assert_eq!(list(&admin(), "?issuedBy=chip%20root").ok().response()["totalResults"], 1);
    assert_eq!(list(&admin(), "?expiryPeriod=30").ok().response()["totalResults"], 0, "all valid for years");
    let sorted = list(&admin(), "?sortFieldName=issuedTo&sortType=DESC&pageNo=1&pageSize=2").ok();
    assert_eq!((sorted.response()["pageNo"].as_i64(), sorted.response()["pageSize"].as_i64()), (Some(1), Some(2)));
    let mut names = vec![root.subject_dn(), sub.subject_dn(), ftm_root.subject_dn()];
    names.extend(ids(&list(&admin(), "?issuedTo=reads")));
    names.sort();
    names.reverse();
    assert_eq!(ids(&sorted), names[2..].to_vec());
    for (query, code) in [
        ("?sortType=asc", "PMS_PS_ERROR_007"),
        ("?sortFieldName=certId&sortType=asc", "PMS_PRT_357"),
        ("?sortFieldName=issuedTo&sortType=up", "PMS_PRT_358"),
        ("?pageNo=-1", "PMS_PRT_360"),
        ("?pageSize=0", "PMS_PRT_361"),
        ("?partnerDomain=MOON", "KER-PCM-011"),
        ("?caCertificateType=LEAF", "KER-PCM-018"),
        ("?expiryPeriod=45", "PMS_COR_001"),
    ] {
        let refused = list(&admin(), query);
        assert_eq!((refused.status, codes(&refused)), (200, vec![code]), "{query}");
    }
    assert_eq!(app.client.get(&format!("{BASE}/trust-chain-certificates"), Some(&own("cp1"))).status, 403);

    let id_of = |subject: &str| -> String {
        ca_cert_store::table
            .filter(ca_cert_store::cert_subject.eq(subject))
            .select(ca_cert_store::cert_id)
            .first(&mut *conn(&app))
            .unwrap()
    };
    let file = |id: &str| {
        let answer = app.client.get(&format!("{BASE}/trust-chain-certificates/{id}/certificateFile"), Some(&admin()));
        doc.check("GET", &format!("{BASE}/trust-chain-certificates/{{certificateId}}/certificateFile"), &answer);
        answer
    };
    let root_file = file(&id_of(&root.subject_dn())).ok();
    assert_eq!(root_file.body["id"], "mosip.pms.download.trust.certificates.get");
    let p7b = |a: &Answer| a.response()["p7bFile"].as_str().unwrap_or("").to_owned();
    assert!(p7b(&root_file).starts_with("-----BEGIN PKCS7-----\n") && p7b(&root_file).ends_with("-----END PKCS7-----"));
    let sub_file = file(&id_of(&sub.subject_dn())).ok();
    assert!(p7b(&sub_file).len() > p7b(&root_file).len(), "the chain up to the root");
    assert_eq!(codes(&file("0f1e2d3c-unknown")), ["KER-PMS-019"]);
    assert_eq!(codes(&file("not_an_id")), ["PMS_PRT_099"]);
}

/// The deployment switches (`mosip.pms.ca.signed.partner.certificate.available`,
/// `mosip.pms.root.and.intermediate.certificates.available`) turn the reads off.
fn switched_off_features_refuse_their_reads(db: persistence::testing::TestDb) {
    let app = crate::helpers::spawn_with(db, |s| {
        s.service.ui.ca_signed_partner_certificate_available = false;
        s.service.ui.root_and_intermediate_certificates_available = false;
    });
    partners_with_a_certificate(&app);
    let get = |path: &str| app.client.get(&format!("{BASE}{path}"), Some(&admin()));
    assert_eq!(codes(&get("/partners/cp1/certificate-data")), ["PMS_FEATURE_003"]);
    assert_eq!(codes(&get("/trust-chain-certificates")), ["PMS_FEATURE_001"]);
    assert_eq!(codes(&get("/trust-chain-certificates/any-id/certificateFile")), ["PMS_FEATURE_001"]);
    assert_eq!(get("/partners/partner-certificates-details").status, 200, "not switched");
}

persistence::both_backends!(switched_off_features_refuse_their_reads);

api_tests!(
    partner_certificates_are_read_by_their_owner_or_an_admin,
    admins_read_a_partners_details,
    admins_page_through_the_trust_store
);
