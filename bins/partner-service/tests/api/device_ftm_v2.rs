//! FTM chips: the search, and MOSIP 1.2.2's deactivation, certificate data, admin list and the
//! caller's own chips.

use diesel::prelude::*;
use persistence::schema::partner;
use serde_json::{Value, json};
use web_support::testing::{Answer, Client, token};

use crate::api_tests;
use crate::certificates::pem_of;
use crate::device_fixtures::*;
use crate::device_ftm_upload::{FtmCa, my_chip};
use crate::helpers::TestApp;
use crate::partner_fixtures::{admin, audit_ids, certify, conn, post, register};

const DEACTIVATE: &str = "mosip.pms.deactivate.ftm.patch";

fn deactivate(app: &TestApp, tok: &str, id: &str, status: &str) -> Answer {
    let body = Client::envelope_v2(DEACTIVATE, json!({"status": status}));
    app.client.send("PATCH", &format!("{FTM}/{id}"), Some(tok), &body)
}

fn certificate_data(app: &TestApp, tok: &str, id: &str) -> Answer {
    app.client.get(&format!("{FTM}/{id}/certificate-data"), Some(tok))
}

/// The 1.2.2 answer's first error code (the envelope is always HTTP 200 here).
fn code(a: &Answer) -> Option<&str> {
    assert_eq!(a.status, 200, "{}", a.body);
    a.error_code()
}

/// A second FTM provider, `ftp2`.
fn second_provider(app: &TestApp) {
    register(app, "ftp2", "FTM_Provider", None).ok();
    certify(app, "ftp2");
}

fn ftm_chips_are_deactivated_and_their_certificates_read_by_their_owners(app: TestApp) {
    device_world(&app);
    second_provider(&app);
    let ca = FtmCa::upload(&app);
    let (approved, approved_cert) = ca.chip(&app, "ftp1", "Alpha", true);
    let (pending, _) = ca.chip(&app, "ftp1", "Beta", false);
    let bare = post(&app.client, FTM, &admin(), json!({"ftpProviderId": "ftp1", "make": "Gamma", "model": "M"})).ok();
    let bare = bare.response()["id"].as_str().unwrap().to_owned();
    let (other, _) = ca.chip(&app, "ftp2", "Alpha", true);
    let own = ftm_token("ftp1");

    // both certificates of an approved chip: the uploaded one and the re-signed one
    let data = certificate_data(&app, &own, &approved);
    assert_eq!((code(&data), data.body["id"].as_str()), (None, Some("mosip.pms.original.ftm.certificate.get")));
    let r = data.response();
    assert_eq!(pem_of(&r["caSignedCertificateData"]), approved_cert);
    let resigned = pem_of(&r["mosipSignedCertificateData"]);
    assert_eq!(resigned.subject_dn(), approved_cert.subject_dn());
    assert!(resigned.issuer_dn().starts_with("CN=www.mosip.io (PMS)"));
    assert_eq!(
        (r["isCaSignedCertificateExpired"].as_bool(), r["isMosipSignedCertificateExpired"].as_bool()),
        (Some(false), Some(false))
    );
    for field in ["caSignedCertUploadDateTime", "caSignedCertExpiryDateTime", "mosipSignedCertExpiryDateTime"] {
        assert!(r[field].as_str().is_some_and(|t| t.len() == 23), "{field}: {r}");
    }
    assert_eq!(code(&certificate_data(&app, &own, &pending)), None, "pending approval");
    assert_eq!(code(&certificate_data(&app, &own, &bare)), Some("PMS_FTM_ERROR_008"), "no certificate yet");
    assert_eq!(code(&certificate_data(&app, &own, &other)), Some("PMS_FTM_ERROR_006"), "ftp2's chip");
    assert_eq!(code(&certificate_data(&app, &own, "nope")), Some("PMS_FTM_ERROR_005"));
    let stranger = token("nobody", &["FTM_PROVIDER"]);
    assert_eq!(code(&certificate_data(&app, &stranger, &approved)), Some("PMS_CERTIFICATE_ERROR_002"));
    assert_eq!(certificate_data(&app, &provider_token("dp1"), &approved).status, 403);
    assert_eq!(code(&certificate_data(&app, &admin(), &other)), None, "an admin reads any chip's");

    // deactivation: the envelope, the status word, ownership, then the chip's state
    assert_eq!(code(&deactivate(&app, &own, &approved, "Activate")), Some("PMS_DEVICE_ERROR_026"));
    let wrong_id = Client::envelope_v2("mosip.pms.other", json!({"status": "De-Activate"}));
    let a = app.client.send("PATCH", &format!("{FTM}/{approved}"), Some(&own), &wrong_id);
    assert_eq!((code(&a), a.body["id"].as_str()), (Some("PMS_REQUEST_ERROR_002"), Some(DEACTIVATE)));
    assert_eq!(code(&deactivate(&app, &own, &pending, "De-Activate")), Some("PMS_FTM_ERROR_010"));
    assert_eq!(code(&deactivate(&app, &own, &other, "De-Activate")), Some("PMS_FTM_ERROR_006"));
    assert_eq!(code(&deactivate(&app, &own, "nope", "De-Activate")), Some("PMS_FTM_ERROR_005"));
    assert_eq!(code(&deactivate(&app, &stranger, &approved, "De-Activate")), Some("PMS_CERTIFICATE_ERROR_002"));
    assert_eq!(deactivate(&app, &provider_token("dp1"), &approved, "De-Activate").status, 403);
    assert_eq!(my_chip(&app, &own, &approved)["isActive"], true, "refusals change nothing");

    let off = deactivate(&app, &own, &approved, "De-Activate");
    assert_eq!(code(&off), None);
    assert_eq!(off.response(), &json!({"ftmId": approved, "status": "approved", "isActive": false}));
    assert_eq!(code(&deactivate(&app, &own, &approved, "De-Activate")), Some("PMS_FTM_ERROR_007"));
    assert_eq!(code(&certificate_data(&app, &own, &approved)), Some("PMS_FTM_ERROR_009"));
    let chip = my_chip(&app, &own, &approved);
    assert_eq!((chip["status"].as_str(), chip["isActive"].as_bool()), (Some("approved"), Some(false)));
    // an approved, deactivated chip's certificate cannot be replaced (MOSIP's upload rule)
    let upload = json!({"ftpProviderId": "ftp1", "ftpChipDeatilId": approved, "certificateData": approved_cert.pem(),
        "organizationName": "ftp1 org", "partnerDomain": "FTM"});
    assert_eq!(post(&app.client, &format!("{FTM}/uploadcertificate"), &own, upload).error_code(), Some("PMP_AUT_039"));
    let audit = audit_ids(&app, &approved);
    for expected in ["AUT-006", "AUT-007", "AUT-008:PMS_DEVICE_ERROR_026", "AUT-008:PMS_FTM_ERROR_007"] {
        assert!(audit.contains(&expected.to_owned()), "{expected} in {audit:?}");
    }

    // a partner switched off acts on nothing of its own; the admin still does
    diesel::update(partner::table.find("ftp2")).set(partner::is_active.eq(false)).execute(&mut conn(&app)).unwrap();
    let ftp2 = ftm_token("ftp2");
    assert_eq!(code(&certificate_data(&app, &ftp2, &other)), Some("PMS_PMP_016"));
    assert_eq!(code(&deactivate(&app, &ftp2, &other, "De-Activate")), Some("PMS_PMP_016"));
    assert_eq!(code(&deactivate(&app, &admin(), &other, "De-Activate")), None);
    let mine = app.client.get(FTM, Some(&ftp2)).ok();
    assert_eq!(mine.response()[0]["partnerStatus"], "deactivated", "{}", mine.body);
}

fn admins_page_every_ftm_chip_and_providers_search_their_own(app: TestApp) {
    device_world(&app);
    second_provider(&app);
    let ca = FtmCa::upload(&app);
    let (alpha, _) = ca.chip(&app, "ftp1", "Alpha", true);
    deactivate(&app, &ftm_token("ftp1"), &alpha, "De-Activate").ok();
    let beta = post(&app.client, FTM, &admin(), json!({"ftpProviderId": "ftp1", "make": "Beta", "model": "B-1"})).ok();
    let beta = beta.response()["id"].as_str().unwrap().to_owned();
    let (gamma, _) = ca.chip(&app, "ftp2", "Gamma", false);

    let list = |query: &str| app.client.get(&format!("{FTM}/v2{query}"), Some(&admin()));
    let makes = |a: &Answer| -> Vec<String> {
        a.response()["data"].as_array().unwrap().iter().map(|c| c["make"].as_str().unwrap().to_owned()).collect()
    };
    let all = list("");
    assert_eq!((code(&all), all.body["id"].as_str()), (None, Some("mosip.pms.partners.ftm.chip.details.get")));
    assert_eq!((all.response()["totalResults"].as_i64(), all.response()["pageSize"].as_i64()), (Some(3), Some(8)));
    let first = &all.response()["data"].as_array().unwrap().iter().find(|c| c["ftmId"] == alpha).cloned().unwrap();
    assert_eq!(first["status"], "deactivated");
    assert_eq!((first["partnerId"].as_str(), first["orgName"].as_str()), (Some("ftp1"), Some("ftp1 org")));
    assert_eq!((first["isActive"].as_bool(), first["isCertificateAvailable"].as_bool()), (Some(false), Some(true)));
    assert!(first["createdDateTime"].is_string());

    assert_eq!(makes(&list("?status=deactivated")), ["Alpha"]);
    assert_eq!(makes(&list("?status=approved")), Vec::<String>::new());
    assert_eq!(makes(&list("?status=pending_cert_upload")), ["Beta"]);
    assert_eq!(makes(&list("?status=pending_approval")), ["Gamma"]);
    let none = list("?status=bogus");
    assert_eq!(none.response(), &json!({"pageNo": 0, "pageSize": 0, "totalResults": 0, "data": []}));
    assert_eq!(makes(&list("?make=ALP")), ["Alpha"]);
    assert_eq!(makes(&list("?partnerId=FTP2")), ["Gamma"]);
    assert_eq!(list("?orgName=ftp1%20ORG").response()["totalResults"], 2);
    assert_eq!(makes(&list(&format!("?ftmId={beta}"))), ["Beta"]);
    assert_eq!(makes(&list("?model=b-")), ["Beta"]);

    let page = list("?sortFieldName=make&sortType=desc&pageNo=0&pageSize=2");
    assert_eq!(
        (makes(&page), page.response()["totalResults"].as_i64()),
        (vec!["Gamma".to_owned(), "Beta".into()], Some(3))
    );
    assert_eq!(makes(&list("?sortFieldName=make&sortType=DESC&pageNo=1&pageSize=2")), ["Alpha"]);
    assert_eq!(makes(&list("?sortFieldName=status&sortType=asc")), ["Alpha", "Gamma", "Beta"]);
    assert_eq!(makes(&list("?sortFieldName=status&sortType=desc")), ["Beta", "Gamma", "Alpha"]);
    assert_eq!(makes(&list("?sortFieldName=partnerId&sortType=desc"))[0], "Gamma");
    for (query, expected) in [
        ("?sortFieldName=make", "PMS_PS_ERROR_007"),
        ("?sortFieldName=colour&sortType=asc", "PMS_PRT_357"),
        ("?sortFieldName=make&sortType=up", "PMS_PRT_358"),
        ("?pageNo=-1", "PMS_PRT_360"),
        ("?pageSize=0", "PMS_PRT_361"),
    ] {
        assert_eq!(code(&list(query)), Some(expected), "{query}");
    }
    assert_eq!(app.client.get(&format!("{FTM}/v2"), Some(&ftm_token("ftp1"))).status, 403, "admins only");

    // the caller's own chips (an admin owning no partner has none)
    let mine = app.client.get(FTM, Some(&ftm_token("ftp2"))).ok();
    assert_eq!(mine.body["id"], "mosip.pms.ftm.chip.details.get");
    let chips = mine.response().as_array().unwrap();
    assert_eq!(chips.len(), 1);
    assert_eq!(
        (chips[0]["ftmId"].as_str(), chips[0]["partnerStatus"].as_str()),
        (Some(gamma.as_str()), Some("approved"))
    );
    assert!(chips[0]["certificateUploadDateTime"].is_string() && chips[0]["certificateExpiryDateTime"].is_string());
    let beta_row = my_chip(&app, &ftm_token("ftp1"), &beta);
    assert_eq!(
        (beta_row["isCertificateAvailable"].as_bool(), beta_row["isCertificateExpired"].as_bool()),
        (Some(false), Some(false))
    );
    assert!(beta_row["certificateUploadDateTime"].is_null());
    assert_eq!(app.client.get(FTM, Some(&admin())).ok().response(), &json!([]));
    assert_eq!(app.client.get(FTM, Some(&provider_token("dp1"))).status, 403);

    // the search: MOSIP's SearchDto; a provider finds its own chips only
    let search = |tok: &str, request: Value| post(&app.client, &format!("{FTM}/search"), tok, request);
    let by_make = json!({"filters": [], "sort": [{"sortField": "make", "sortType": "asc"}],
        "pagination": {"pageStart": 0, "pageFetch": 10}, "purpose": "REGISTRATION"});
    let found = search(&admin(), by_make.clone()).ok();
    let made = |a: &Answer| -> Vec<String> {
        a.response()["data"].as_array().unwrap().iter().map(|c| c["make"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(made(&found), ["Alpha", "Beta", "Gamma"]);
    assert_eq!(found.response()["totalRecord"], 3);
    let row = &found.response()["data"][0];
    assert_eq!((row["ftpChipDetailId"].as_str(), row["ftpProviderId"].as_str()), (Some(alpha.as_str()), Some("ftp1")));
    assert_eq!((row["approvalStatus"].as_str(), row["active"].as_bool()), (Some("approved"), Some(false)));
    assert_eq!(row["partnerOrganizationName"], "ftp1 org");
    assert_eq!(made(&search(&ftm_token("ftp1"), by_make.clone()).ok()), ["Alpha", "Beta"]);
    let filtered = json!({"filters": [{"columnName": "approvalStatus", "type": "equals", "value": "pending_approval"}],
        "sort": [], "pagination": {"pageStart": 0, "pageFetch": 10}});
    assert_eq!(made(&search(&admin(), filtered).ok()), ["Gamma"]);
    let bad = json!({"filters": [{"columnName": "colour", "type": "equals", "value": "x"}], "sort": [],
        "pagination": {"pageStart": 0, "pageFetch": 10}});
    assert_eq!(search(&admin(), bad).error_code(), Some("PMS-MSD-310"));
    assert_eq!(search(&provider_token("dp1"), by_make).status, 403);
    // the 1.2.2 reads are not audited, as in MOSIP
    let before = audit_ids(&app, &gamma).len();
    assert_eq!(code(&certificate_data(&app, &admin(), &gamma)), None);
    assert_eq!(audit_ids(&app, &gamma).len(), before);
}

api_tests!(
    ftm_chips_are_deactivated_and_their_certificates_read_by_their_owners,
    admins_page_every_ftm_chip_and_providers_search_their_own
);
