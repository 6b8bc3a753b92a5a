//! The FTM chip operations over a store, on both backends: who may create and change a chip,
//! make/model uniqueness, approval only with a certificate, the certificate upload, and MOSIP
//! 1.2.2's deactivation, certificate data, admin list and the caller's own chips.
#![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]

use app_core::paged::PageQuery;
use app_core::testing::{actor, audit_events, test_now};
use app_core::{Actor, AppError, FixedClock, Store};
use chrono::TimeDelta;
use device_app::dto::{FtmCertificateRequest, FtmChipRequest, FtmChipStatusRequest, FtmChipUpdateRequest};
use device_app::ftm_v2::{self, FtmChipsQuery, FtmDeactivateRequest};
use device_app::{ftm, ftm_certificate};
use diesel::prelude::*;
use partner_app::certificates::{CaCertificateRequest, CertificateConfig, upload_ca};
use partner_domain::certificate::Certificate;
use partner_domain::certificate::dn::{C, CN, O};
use partner_domain::certificate::issue::{CertSpec, KeyPair, issue, name};
use persistence::schema::partner;
use persistence::testing::TestDb;
use rand_core::OsRng;

fn admin() -> Actor {
    actor("admin", &["GLOBAL_ADMIN"])
}

fn provider(id: &str) -> Actor {
    actor(id, &["FTM_PROVIDER"])
}

/// A partner of `kind` whose user is `user`, approved and active unless `active` is false.
fn partner_row(store: &Store, id: &str, user: &str, kind: &str, active: bool) {
    let mut conn = store.pool().get().unwrap();
    diesel::insert_into(partner::table)
        .values((
            partner::id.eq(id),
            partner::name.eq(format!("{id} org")),
            partner::user_id.eq(user),
            partner::partner_type_code.eq(kind),
            partner::approval_status.eq("approved"),
            partner::is_active.eq(active),
            partner::cr_by.eq("test"),
            partner::cr_dtimes.eq(test_now()),
            partner::is_deleted.eq(false),
        ))
        .execute(&mut conn)
        .unwrap();
}

fn create(store: &Store, who: &Actor, provider: &str, make: &str, model: &str) -> Result<String, AppError> {
    let req =
        FtmChipRequest { ftp_provider_id: Some(provider.into()), make: Some(make.into()), model: Some(model.into()) };
    ftm::create(store, who, req).map(|id| id.id)
}

fn decide(store: &Store, id: &str, approve: bool) -> Result<String, AppError> {
    let req = FtmChipStatusRequest { ftp_chip_detail_id: Some(id.into()), approval_status: Some(approve) };
    ftm::decide(store, &admin(), req)
}

fn code<T: std::fmt::Debug>(r: Result<T, AppError>) -> String {
    r.unwrap_err().code().to_owned()
}

/// The audit records as `id` or `id:code`, sorted (the fixed clock gives them one time).
fn audit(store: &Store) -> Vec<String> {
    audit_events(store).into_iter().map(|(id, code)| code.map_or(id.clone(), |c| format!("{id}:{c}"))).collect()
}

fn spec(org: &str, ca: bool) -> CertSpec {
    let from = test_now() - TimeDelta::days(1);
    let mut spec = CertSpec::new(name(&[(C, "IN"), (O, org), (CN, org)]), 11, from, from + TimeDelta::days(900));
    spec.basic_constraints = Some((ca, None));
    spec
}

/// Uploads a new FTM root CA; a chip certificate of organisation `org` it issued.
fn ftm_ca_and_chip_certificate(store: &Store, org: &str) -> Certificate {
    let root_key = KeyPair::generate(&mut OsRng, 2048).unwrap();
    let root = issue(&spec("FTM Root", true), &root_key.spki().unwrap(), None, &root_key, &mut OsRng).unwrap();
    let ca = CaCertificateRequest { certificate_data: Some(root.pem()), partner_domain: Some("FTM".into()) };
    upload_ca(store, &admin(), &CertificateConfig::default(), ca).unwrap();
    let chip_key = KeyPair::generate(&mut OsRng, 2048).unwrap();
    issue(&spec(org, false), &chip_key.spki().unwrap(), Some(&root), &root_key, &mut OsRng).unwrap()
}

fn upload(store: &Store, who: &Actor, provider: &str, chip: &str, cert: &Certificate) -> Result<String, AppError> {
    let req = FtmCertificateRequest {
        ftp_provider_id: Some(provider.into()),
        ftp_chip_detail_id: Some(chip.into()),
        certificate_data: Some(cert.pem()),
        organization_name: Some(format!("{provider} org")),
        partner_domain: Some("FTM".into()),
    };
    ftm_certificate::upload(store, who, &CertificateConfig::default(), req, &mut OsRng).map(|r| r.certificate_id)
}

fn off() -> FtmDeactivateRequest {
    FtmDeactivateRequest { status: Some("De-Activate".into()) }
}

fn chips_are_created_by_active_providers_for_themselves_unique_per_make_and_model((store, _db): (Store, TestDb)) {
    partner_row(&store, "ftp1", "ftp1", "FTM_Provider", true);
    partner_row(&store, "ftp2", "ftp2", "FTM_Provider", true);
    partner_row(&store, "sleeper", "sleeper", "FTM_Provider", false);
    let me = provider("ftp1");
    assert_eq!(code(create(&store, &admin(), "nobody", "m", "x")), "PMP_AUT_030");
    assert_eq!(code(create(&store, &admin(), "sleeper", "m", "x")), "PMP_AUT_030", "an inactive provider");
    assert_eq!(code(create(&store, &me, "ftp2", "m", "x")), "PMS_DEVICE_ERROR_001", "another partner's id");
    assert_eq!(code(create(&store, &me, "ftp1", "", "x")), "PMS_COR_001");
    let id = create(&store, &me, "ftp1", "Make 123", "MODEL-01").unwrap();
    assert_eq!(code(create(&store, &me, "ftp1", "  Make   123 ", "MODEL-01")), "PMP_AUT_032", "the same, spaced");
    create(&store, &provider("ftp2"), "ftp2", "Make 123", "MODEL-01").unwrap();
    let other = create(&store, &me, "ftp1", "Make 123", "MODEL-02").unwrap();

    let update = |who: &Actor, chip: &str, make: &str, model: &str| {
        let req = FtmChipUpdateRequest {
            ftp_chip_detail_id: Some(chip.into()),
            make: Some(make.into()),
            model: Some(model.into()),
        };
        ftm::update(&store, who, req)
    };
    assert_eq!(code(update(&me, &other, "Make 123", "MODEL-01")), "PMP_AUT_032", "another chip's make and model");
    assert_eq!(update(&me, &id, "Make 123", "MODEL-01").unwrap().id, id, "its own are fine");
    assert_eq!(code(update(&provider("ftp2"), &id, "a", "b")), "PMS_DEVICE_ERROR_001");
    assert_eq!(code(update(&me, "nope", "a", "b")), "PMP_AUT_031");

    let records = audit(&store);
    assert!(records.contains(&"AUT-003:PMP_AUT_030".to_owned()), "{records:?}");
    assert!(records.contains(&"AUT-003:PMP_AUT_032".to_owned()), "{records:?}");
    assert_eq!(records.iter().filter(|r| *r == "AUT-005").count(), 3, "{records:?}");
    assert!(records.contains(&"AUT-008:PMP_AUT_031".to_owned()), "{records:?}");
}

fn a_chip_is_approved_only_with_its_certificate_uploaded_by_its_provider((store, _db): (Store, TestDb)) {
    partner_row(&store, "ftp1", "ftp1", "FTM_Provider", true);
    partner_row(&store, "ftp2", "ftp2", "FTM_Provider", true);
    let me = provider("ftp1");
    let id = create(&store, &me, "ftp1", "Make", "Model").unwrap();
    assert_eq!(code(decide(&store, &id, true)), "PMP_AUT_033", "no certificate yet");
    assert_eq!(code(decide(&store, "nope", false)), "PMP_AUT_031");

    let cert = ftm_ca_and_chip_certificate(&store, "ftp1 org");
    assert_eq!(code(upload(&store, &admin(), "ftp2", &id, &cert)), "PMP_AUT_034", "another provider's chip");
    assert_eq!(code(upload(&store, &provider("ftp2"), "ftp1", &id, &cert)), "PMS_DEVICE_ERROR_001");
    upload(&store, &me, "ftp1", &id, &cert).unwrap();
    let chip = ftm_v2::mine(&store, &me).unwrap().remove(0);
    assert_eq!(
        (chip.status.as_str(), chip.is_active, chip.is_certificate_available),
        ("pending_approval", false, true)
    );
    assert_eq!(decide(&store, &id, true).unwrap(), "Status updated successfully.");
    let chip = ftm_v2::mine(&store, &me).unwrap().remove(0);
    assert_eq!((chip.status.as_str(), chip.is_active), ("approved", true));

    // rejected: no more uploads
    decide(&store, &id, false).unwrap();
    assert_eq!(code(upload(&store, &me, "ftp1", &id, &cert)), "PMP_AUT_038");
}

fn approved_chips_are_deactivated_and_their_certificates_read_by_their_owners((store, _db): (Store, TestDb)) {
    partner_row(&store, "ftp1", "ftp1", "FTM_Provider", true);
    partner_row(&store, "ftp2", "ftp2", "FTM_Provider", true);
    let me = provider("ftp1");
    let cert = ftm_ca_and_chip_certificate(&store, "ftp1 org");
    let id = create(&store, &me, "ftp1", "Make", "Model").unwrap();
    let pending = create(&store, &me, "ftp1", "Make", "Other").unwrap();
    assert_eq!(code(ftm_v2::certificate_data(&store, &me, &pending)), "PMS_FTM_ERROR_008");
    upload(&store, &me, "ftp1", &id, &cert).unwrap();

    let data = ftm_v2::certificate_data(&store, &me, &id).unwrap();
    assert_eq!(data.ca_signed_certificate_data, cert.pem());
    assert!(!data.is_ca_signed_certificate_expired && !data.is_mosip_signed_certificate_expired);
    assert_ne!(data.mosip_signed_certificate_data, cert.pem(), "the re-signed one");
    assert_eq!(code(ftm_v2::certificate_data(&store, &provider("ftp2"), &id)), "PMS_FTM_ERROR_006");
    assert_eq!(code(ftm_v2::certificate_data(&store, &provider("nobody"), &id)), "PMS_CERTIFICATE_ERROR_002");
    assert_eq!(code(ftm_v2::certificate_data(&store, &me, "nope")), "PMS_FTM_ERROR_005");
    // years later both certificates have expired: answered empty, flagged
    let later = store.clone().with_clock(FixedClock(test_now() + TimeDelta::days(2000)));
    let expired = ftm_v2::certificate_data(&later, &me, &id).unwrap();
    assert_eq!((expired.ca_signed_certificate_data.as_str(), expired.is_ca_signed_certificate_expired), ("", true));
    assert_eq!(
        (expired.mosip_signed_certificate_data.as_str(), expired.is_mosip_signed_certificate_expired),
        ("", true)
    );
    assert_eq!(expired.ca_signed_cert_expiry_date_time, data.ca_signed_cert_expiry_date_time);
    let listed = ftm_v2::mine(&later, &me).unwrap();
    let chip = listed.iter().find(|c| c.ftm_id == id).unwrap();
    assert_eq!(
        (chip.is_certificate_expired, chip.certificate_expiry_date_time.as_deref()),
        (Some(true), Some(data.ca_signed_cert_expiry_date_time.as_str()))
    );

    assert_eq!(code(ftm_v2::deactivate(&store, &me, &id, off())), "PMS_FTM_ERROR_010", "pending approval");
    decide(&store, &id, true).unwrap();
    let bad = FtmDeactivateRequest { status: Some("Activate".into()) };
    assert_eq!(code(ftm_v2::deactivate(&store, &me, &id, bad)), "PMS_DEVICE_ERROR_026");
    assert_eq!(code(ftm_v2::deactivate(&store, &provider("ftp2"), &id, off())), "PMS_FTM_ERROR_006");
    let done = ftm_v2::deactivate(&store, &me, &id, off()).unwrap();
    assert_eq!((done.status.as_str(), done.is_active), ("approved", false));
    assert_eq!(code(ftm_v2::deactivate(&store, &admin(), &id, off())), "PMS_FTM_ERROR_007");
    assert_eq!(code(ftm_v2::certificate_data(&store, &me, &id)), "PMS_FTM_ERROR_009");
    let records = audit(&store);
    for refused in ["PMS_FTM_ERROR_010", "PMS_DEVICE_ERROR_026", "PMS_FTM_ERROR_006", "PMS_FTM_ERROR_007"] {
        let record = format!("AUT-008:{refused}");
        assert_eq!(records.iter().filter(|r| **r == record).count(), 1, "{record} in {records:?}");
    }

    // an inactive partner's user acts on nothing
    let mut conn = store.pool().get().unwrap();
    diesel::update(partner::table.find("ftp1")).set(partner::is_active.eq(false)).execute(&mut conn).unwrap();
    assert_eq!(code(ftm_v2::certificate_data(&store, &me, &pending)), "PMS_PMP_016");
}

fn lists_show_admins_every_chip_and_providers_their_ftm_partners_chips((store, _db): (Store, TestDb)) {
    partner_row(&store, "ftp1", "user1", "FTM_Provider", true);
    partner_row(&store, "dev1", "user1", "Device_Provider", true);
    partner_row(&store, "ftp2", "user2", "FTM_Provider", false);
    create(&store, &admin(), "ftp1", "Alpha", "A").unwrap();
    create(&store, &admin(), "dev1", "Device chip", "D").unwrap();
    create(&store, &admin(), "ftp1", "Beta", "B").unwrap();
    let user1 = ftm_v2::mine(&store, &provider("user1")).unwrap();
    let mut makes: Vec<&str> = user1.iter().map(|c| c.make.as_str()).collect();
    makes.sort_unstable();
    assert_eq!(makes, ["Alpha", "Beta"], "only its FTM providers' chips");
    assert_eq!((user1[0].partner_status.as_str(), user1[0].is_certificate_expired), ("approved", Some(false)));
    assert!(ftm_v2::mine(&store, &provider("user2")).unwrap().is_empty());

    let everything = |query: FtmChipsQuery, paging: PageQuery| {
        let (page, filter) = ftm_v2::list_request(&paging, &query).unwrap();
        ftm_v2::list(&store, &page, &filter).unwrap()
    };
    let all = everything(FtmChipsQuery::default(), PageQuery::default());
    assert_eq!((all.total_results, all.page_size, all.data.len()), (3, 8, 3));
    let pending =
        FtmChipsQuery { status: Some("pending_cert_upload".into()), make: Some("A".into()), ..Default::default() };
    let found = everything(pending, PageQuery::default());
    let mut makes: Vec<&str> = found.data.iter().map(|c| c.make.as_str()).collect();
    makes.sort_unstable();
    assert_eq!(makes, ["Alpha", "Beta"], "a case-insensitive substring, and the status");
    let sorted = PageQuery {
        sort_field_name: Some("make".into()),
        sort_type: Some("asc".into()),
        page_no: Some("1".into()),
        page_size: Some("2".into()),
    };
    let page = everything(FtmChipsQuery::default(), sorted);
    assert_eq!((page.page_no, page.total_results, page.data[0].make.as_str()), (1, 3, "Device chip"));
    let unknown =
        PageQuery { sort_field_name: Some("colour".into()), sort_type: Some("asc".into()), ..Default::default() };
    assert_eq!(code(ftm_v2::list_request(&unknown, &FtmChipsQuery::default()).map(|_| ())), "PMS_PRT_357");
    let lonely = PageQuery { sort_type: Some("asc".into()), ..Default::default() };
    assert_eq!(code(ftm_v2::list_request(&lonely, &FtmChipsQuery::default()).map(|_| ())), "PMS_PS_ERROR_007");
}

persistence::both_backends!(
    with app_core::testing::store_over;
    chips_are_created_by_active_providers_for_themselves_unique_per_make_and_model,
    a_chip_is_approved_only_with_its_certificate_uploaded_by_its_provider,
    approved_chips_are_deactivated_and_their_certificates_read_by_their_owners,
    lists_show_admins_every_chip_and_providers_their_ftm_partners_chips,
);
