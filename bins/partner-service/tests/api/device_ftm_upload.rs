//! An FTM chip's certificate end to end: the FTM domain's CA, the chip, its certificate checked
//! and stored, the re-signed one read back, `CA_CERTIFICATE_UPLOADED`, then the admin's approval.

use partner_domain::certificate::issue::KeyPair;
use partner_domain::certificate::{Certificate, parse};
use serde_json::{Value, json};

use crate::api_tests;
use crate::certificates::{new_root, partner_cert, pem_of, upload_ca};
use crate::device_fixtures::*;
use crate::helpers::TestApp;
use crate::oidc_fixtures::events;
use crate::partner_fixtures::{admin, audit_ids, patch, post};

/// An FTM-domain root CA, uploaded, and its key: it issues the chips' certificates.
pub(crate) struct FtmCa {
    root: Certificate,
    key: KeyPair,
}

impl FtmCa {
    pub(crate) fn upload(app: &TestApp) -> Self {
        let (root, key) = new_root("ftm-root.example.org");
        upload_ca(&app.client, &root.pem(), "FTM").ok();
        FtmCa { root, key }
    }

    /// A chip certificate of organisation `org`.
    pub(crate) fn chip_certificate(&self, org: &str) -> Certificate {
        partner_cert(org, (&self.root, &self.key))
    }

    /// A new chip (`make`, model `M`) of `provider` (whose organisation is `<provider> org`) with
    /// its certificate uploaded, approved by the admin when `approve`: its id and certificate.
    pub(crate) fn chip(&self, app: &TestApp, provider: &str, make: &str, approve: bool) -> (String, Certificate) {
        let c = &app.client;
        let tok = ftm_token(provider);
        let created = post(c, FTM, &tok, json!({"ftpProviderId": provider, "make": make, "model": "M"})).ok();
        let id = created.response()["id"].as_str().unwrap().to_owned();
        let org = format!("{provider} org");
        let cert = self.chip_certificate(&org);
        let upload = json!({"ftpProviderId": provider, "ftpChipDeatilId": id, "certificateData": cert.pem(),
            "organizationName": org, "partnerDomain": "FTM"});
        post(c, &format!("{FTM}/uploadcertificate"), &tok, upload).ok();
        if approve {
            patch(c, FTM, &admin(), json!({"ftpChipDetailId": id, "approvalStatus": true})).ok();
        }
        (id, cert)
    }
}

/// The caller's chip `id` as `GET /ftpchipdetail` answers it.
pub(crate) fn my_chip(app: &TestApp, token: &str, id: &str) -> Value {
    let mine = app.client.get(FTM, Some(token)).ok();
    let chips = mine.response().as_array().cloned().unwrap_or_default();
    chips.into_iter().find(|c| c["ftmId"] == id).unwrap_or_else(|| panic!("chip {id} in {}", mine.body))
}

fn an_ftm_chip_certificate_is_checked_stored_published_and_the_chip_approved(app: TestApp) {
    device_world(&app);
    let c = &app.client;
    let provider = ftm_token("ftp1");
    let ca = FtmCa::upload(&app);
    let created =
        post(c, FTM, &provider, json!({"ftpProviderId": "ftp1", "make": "Make123", "model": "MODEL-01"})).ok();
    let id = created.response()["id"].as_str().unwrap().to_owned();
    assert_eq!(my_chip(&app, &provider, &id)["status"], "pending_cert_upload");

    let chip_cert = ca.chip_certificate("ftp1 org");
    let upload = |data: &str, org: &str| {
        json!({"ftpProviderId": "ftp1", "ftpChipDeatilId": id, "certificateData": data,
            "organizationName": org, "partnerDomain": "FTM"})
    };
    let u = format!("{FTM}/uploadcertificate");
    // a certificate naming another organisation, or not chaining to an FTM CA, stores nothing
    assert!(post(c, &u, &provider, upload(&chip_cert.pem(), "someone else")).error_code().is_some());
    let (stranger, stranger_key) = new_root("stranger.example.org");
    let unchained = partner_cert("ftp1 org", (&stranger, &stranger_key));
    assert!(post(c, &u, &provider, upload(&unchained.pem(), "ftp1 org")).error_code().is_some());
    assert_eq!(my_chip(&app, &provider, &id)["status"], "pending_cert_upload");
    assert!(events(&app, "CA_CERTIFICATE_UPLOADED").is_empty(), "a refused upload publishes nothing");

    let answer = post(c, &u, &provider, upload(&chip_cert.pem(), "ftp1 org")).ok();
    let stored_id = answer.response()["certificateId"].as_str().unwrap_or_default().to_owned();
    assert_eq!(stored_id.len(), 36, "{}", answer.body);
    // the FTM domain is not re-signed by default: the upload answers the chip's own certificate
    assert_eq!(pem_of(&answer.response()["signedCertificateData"]), chip_cert);
    assert!(answer.response()["timestamp"].is_string());

    // the chip waits for approval, inactive, with its certificate
    let chip = my_chip(&app, &provider, &id);
    assert_eq!((chip["status"].as_str(), chip["isActive"].as_bool()), (Some("pending_approval"), Some(false)));
    assert_eq!(chip["isCertificateAvailable"], true);
    assert_eq!(chip["isCertificateExpired"], false);

    // the read answers the certificate as the service re-signed it
    let read = c.get(&format!("{FTM}/getPartnerCertificate/{id}"), Some(&provider)).ok();
    let resigned = pem_of(&read.response()["certificateData"]);
    assert_ne!(resigned, chip_cert);
    assert_eq!(resigned.subject_dn(), chip_cert.subject_dn());
    assert!(resigned.issuer_dn().starts_with("CN=www.mosip.io (PMS)"), "{}", resigned.issuer_dn());

    // audited: the call, the success; the read too
    let audit = audit_ids(&app, &id);
    for expected in ["AUT-009", "AUT-007", "AUT-006"] {
        assert!(audit.contains(&expected.to_owned()), "{expected} in {audit:?}");
    }
    assert!(audit.iter().filter(|e| e.starts_with("AUT-008")).count() >= 2, "the refused uploads: {audit:?}");

    // CA_CERTIFICATE_UPLOADED with the chain ID-Authentication trusts: the chip's own, then its CA
    let published = events(&app, "CA_CERTIFICATE_UPLOADED");
    assert_eq!(published.len(), 1, "{published:?}");
    assert_eq!(published[0]["partnerDomain"], "FTM");
    let chain = published[0]["certChain"].as_str().unwrap_or_default();
    assert_eq!(parse::first_of_chain(chain).ok(), Some(chip_cert.clone()));

    // the admin approves it: active
    let approved = patch(c, FTM, &admin(), json!({"ftpChipDetailId": id, "approvalStatus": true})).ok();
    assert_eq!(approved.response(), "Status updated successfully.");
    let chip = my_chip(&app, &provider, &id);
    assert_eq!((chip["status"].as_str(), chip["isActive"].as_bool()), (Some("approved"), Some(true)));
    // an approved chip may have its certificate replaced; it waits for approval again
    post(c, &u, &provider, upload(&chip_cert.pem(), "ftp1 org")).ok();
    assert_eq!(my_chip(&app, &provider, &id)["status"], "pending_approval");
    assert_eq!(events(&app, "CA_CERTIFICATE_UPLOADED").len(), 2);
}

api_tests!(an_ftm_chip_certificate_is_checked_stored_published_and_the_chip_approved);
