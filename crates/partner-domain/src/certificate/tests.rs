//! The rules of the CA and partner uploads, one test per rule.

use rand_core::OsRng;
use x509_cert::ext::pkix::{KeyUsage, KeyUsages};

use super::dn::{C, CN, O, OU};
use super::issue::name;
use super::testing::{
    cn, fresh_key, key_besides, make, now, partner_spec, pool_key, self_signed, self_signed_with, small_key, sub_ca, t,
};
use super::*;

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("id-{n}")
    }
}

fn stored(rows: &[(&str, &Certificate, bool)]) -> Vec<StoredCa> {
    rows.iter().map(|(id, c, root)| StoredCa { id: (*id).into(), certificate: (*c).clone(), root: *root }).collect()
}

fn code<T>(r: Result<T, CertificateError>) -> &'static str {
    r.err().map_or("ok", |e| e.code())
}

#[test]
fn domains_are_trimmed_upper_cased_and_allowed_only() {
    let allowed: Vec<String> = ["AUTH", "DEVICE", "FTM", "MISP"].iter().map(|s| (*s).into()).collect();
    assert_eq!(PartnerDomain::parse("Auth", &allowed).map(|d| d.as_str().to_owned()), Ok("AUTH".into()));
    assert_eq!(PartnerDomain::parse(" ftm ", &allowed).map(|d| d.as_str().to_owned()), Ok("FTM".into()));
    assert_eq!(code(PartnerDomain::parse("dht", &allowed)), "KER-PCM-011");
    assert_eq!(code(PartnerDomain::parse("", &allowed)), "KER-PCM-011");
}

#[test]
fn minimum_validity_is_a_year_less_grace() {
    assert_eq!(min_validity_days(1, 30), 335);
    assert_eq!(min_validity_days(2, 0), 730);
    assert_eq!(min_validity_days(0, 30), 315);
}

#[test]
fn a_self_signed_root_is_stored_as_its_own_issuer_whatever_its_ca_flag() {
    let key = fresh_key();
    let mut spec = CertSpec::new(cn("mosiptest.org"), 9, t(-1), t(3650));
    spec.basic_constraints = Some((false, None));
    let root = make(&spec, &key, None);
    let up = ca_upload(vec![root], &[], now(), ids()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(up.status, CaUploadStatus::Success);
    assert_eq!(up.stored.len(), 1);
    assert_eq!(up.stored[0].kind, CaCertType::Root);
    assert_eq!(up.stored[0].issuer_id, up.stored[0].id);
}

#[test]
fn one_ca_certificate_fails_loudly() {
    let (root, root_key) = self_signed("Root", t(-1), t(3650));
    let existing = stored(&[("r", &root, true)]);
    assert_eq!(code(ca_upload(vec![root.clone()], &existing, now(), ids())), "KER-PCM-003");
    let (expired, _) = self_signed("Old", t(-400), t(-1));
    assert_eq!(code(ca_upload(vec![expired], &[], now(), ids())), "KER-PCM-004");
    let (future, _) = self_signed("Future", t(2), t(400));
    assert_eq!(code(ca_upload(vec![future], &[], now(), ids())), "KER-PCM-004");
    let (sub, _) = sub_ca("Sub", (&root, &root_key), None);
    assert_eq!(code(ca_upload(vec![sub.clone()], &[], now(), ids())), "KER-PCM-005");
    let up = ca_upload(vec![sub], &existing, now(), ids()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((up.stored[0].kind, up.stored[0].issuer_id.as_str()), (CaCertType::Intermediate, "r"));
}

#[test]
fn a_bundle_skips_what_fails_and_chains_to_what_it_just_stored() {
    let (root, root_key) = self_signed("Root", t(-1), t(3650));
    let (sub, sub_key) = sub_ca("Sub", (&root, &root_key), None);
    let (subsub, _) = sub_ca("SubSub", (&sub, &sub_key), None);
    // processing order is root first (the parser reverses a [leaf..root] bundle)
    let up =
        ca_upload(vec![root.clone(), sub.clone(), subsub.clone()], &[], now(), ids()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(up.status, CaUploadStatus::Success);
    assert_eq!(up.stored.iter().map(|s| s.issuer_id.as_str()).collect::<Vec<_>>(), ["id-1", "id-1", "id-2"]);

    let existing = stored(&[("r", &root, true)]);
    let (stranger, _) = sub_ca("Stranger", (&subsub, &fresh_key()), None);
    let up =
        ca_upload(vec![root.clone(), sub.clone(), stranger], &existing, now(), ids()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((up.status, up.stored.len(), up.flagged), (CaUploadStatus::Partial, 1, 2));

    let up = ca_upload(vec![root.clone(), root], &existing, now(), ids()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((up.status, up.stored.len()), (CaUploadStatus::Failed, 0));
    assert_eq!(ca_upload(vec![], &existing, now(), ids()).map(|u| u.status).ok(), Some(CaUploadStatus::Failed));
}

#[test]
fn same_name_roots_with_different_keys_are_both_tried() {
    let (first, first_key) = self_signed_with("apitest", pool_key(0), t(-1), t(3650));
    let (second, second_key) = self_signed_with("apitest", pool_key(1), t(-1), t(3650));
    assert_eq!(first.subject_dn(), second.subject_dn());
    // without key identifiers only the signature tells the candidates apart
    let sub_key = pool_key(2);
    let mut spec = CertSpec::new(cn("apitest2"), 5, t(-1), t(3000));
    spec.basic_constraints = Some((true, Some(0)));
    spec.key_identifiers = false;
    let sub = make(&spec, &sub_key, Some((&second, &second_key)));
    let store = stored(&[("a", &first, true), ("b", &second, true)]);
    assert_eq!(path::build(&sub, &store, now()), Some(vec![1]));
    // and the two roots are both stored: different thumbprints
    let up = ca_upload(vec![second.clone()], &stored(&[("a", &first, true)]), now(), ids());
    assert_eq!(code(up), "ok");

    // a partner under the sub-CA, with another same-name sub-CA (of the first root) in the store
    let mut other = CertSpec::new(cn("apitest2"), 6, t(-1), t(3000));
    other.basic_constraints = Some((true, Some(0)));
    other.key_identifiers = false;
    let other_sub = make(&other, &pool_key(3), Some((&first, &first_key)));
    let store = stored(&[("a", &first, true), ("b", &second, true), ("s1", &other_sub, false), ("s2", &sub, false)]);
    let mut leaf = partner_spec("movp", 800);
    leaf.key_identifiers = false;
    let partner = make(&leaf, &pool_key(4), Some((&sub, &sub_key)));
    assert_eq!(check_partner(&partner, "movp", &store, now(), 335), Ok(vec![3, 1]));
}

#[test]
fn intermediates_must_be_certificate_authorities() {
    let (root, root_key) = self_signed("Root", t(-1), t(3650));
    let build = |mid: &Certificate, mid_key: &KeyPair| {
        let leaf = make(&partner_spec("Org", 800), &key_besides(mid_key), Some((mid, mid_key)));
        path::build(&leaf, &stored(&[("r", &root, true), ("m", mid, false)]), now())
    };
    let (good, good_key) = sub_ca("Mid", (&root, &root_key), None);
    assert_eq!(build(&good, &good_key), Some(vec![1, 0]));

    let not_ca_key = key_besides(&root_key);
    let mut spec = CertSpec::new(cn("Mid"), 7, t(-1), t(3000));
    spec.basic_constraints = Some((false, None));
    assert_eq!(build(&make(&spec, &not_ca_key, Some((&root, &root_key))), &not_ca_key), None);

    spec.basic_constraints = Some((true, None));
    spec.key_usage = Some(KeyUsage(KeyUsages::DigitalSignature.into()));
    assert_eq!(build(&make(&spec, &not_ca_key, Some((&root, &root_key))), &not_ca_key), None);

    let mut v1 = CertSpec::new(cn("Mid"), 8, t(-1), t(3000));
    v1.version = 1;
    assert_eq!(build(&make(&v1, &not_ca_key, Some((&root, &root_key))), &not_ca_key), None);

    let mut expired = CertSpec::new(cn("Mid"), 9, t(-100), t(-1));
    expired.basic_constraints = Some((true, None));
    assert_eq!(build(&make(&expired, &not_ca_key, Some((&root, &root_key))), &not_ca_key), None);
}

#[test]
fn path_length_constraints_are_enforced() {
    let (root, root_key) = self_signed("Root", t(-1), t(3650));
    let (top, top_key) = sub_ca("Top", (&root, &root_key), Some(0));
    let (low, low_key) = sub_ca("Low", (&top, &top_key), None);
    let leaf = make(&partner_spec("Org", 800), &key_besides(&low_key), Some((&low, &low_key)));
    let store = stored(&[("r", &root, true), ("top", &top, false), ("low", &low, false)]);
    assert_eq!(path::build(&leaf, &store, now()), None);
    let direct = make(&partner_spec("Org", 800), &key_besides(&top_key), Some((&top, &top_key)));
    assert_eq!(path::build(&direct, &store, now()), Some(vec![1, 0]));
}

#[test]
fn the_anchor_must_be_valid_now() {
    let (root, root_key) = self_signed("Root", t(-400), t(-2));
    let leaf = make(&partner_spec("Org", 800), &key_besides(&root_key), Some((&root, &root_key)));
    assert_eq!(path::build(&leaf, &stored(&[("r", &root, true)]), now()), None);
}

fn partner_setup() -> (Vec<StoredCa>, Certificate, KeyPair) {
    let (root, root_key) = self_signed("Root", t(-1), t(3650));
    (stored(&[("r", &root, true)]), root, root_key)
}

#[test]
fn a_good_partner_certificate_passes() {
    let (store, root, root_key) = partner_setup();
    let cert = make(&partner_spec("Techno", 800), &key_besides(&root_key), Some((&root, &root_key)));
    assert_eq!(check_partner(&cert, "Techno", &store, now(), 335), Ok(vec![0]));
    let mut sha224 = partner_spec("Techno", 800);
    sha224.hash = SigHash::Sha224;
    let cert = make(&sha224, &key_besides(&root_key), Some((&root, &root_key)));
    assert_eq!(check_partner(&cert, "Techno", &store, now(), 335), Ok(vec![0]));
}

#[test]
fn partner_dates_come_first() {
    let (store, root, root_key) = partner_setup();
    let mut expired = partner_spec("Wrong", 800);
    expired.not_before = t(-800);
    expired.not_after = t(-1);
    let cert = make(&expired, &fresh_key(), None);
    assert_eq!(code(check_partner(&cert, "Techno", &store, now(), 335)), "KER-PCM-004");
    let mut future = partner_spec("Techno", 800);
    future.not_before = t(1);
    let cert = make(&future, &key_besides(&root_key), Some((&root, &root_key)));
    assert_eq!(code(check_partner(&cert, "Techno", &store, now(), 335)), "KER-PCM-004");
    let short = make(&partner_spec("Techno", 334), &key_besides(&root_key), Some((&root, &root_key)));
    assert_eq!(code(check_partner(&short, "Techno", &store, now(), 335)), "KER-PCM-004");
    let enough = make(&partner_spec("Techno", 336), &key_besides(&root_key), Some((&root, &root_key)));
    assert_eq!(code(check_partner(&enough, "Techno", &store, now(), 335)), "ok");
}

#[test]
fn partner_self_signed_then_chain() {
    let (store, _, root_key) = partner_setup();
    let key = fresh_key();
    let own = make(&partner_spec("Wrong", 800), &key, None);
    assert_eq!(code(check_partner(&own, "Techno", &store, now(), 335)), "KER-PCM-015");
    let (elsewhere, elsewhere_key) = self_signed_with("Root", key_besides(&root_key), t(-1), t(3650));
    let cert = make(&partner_spec("Wrong", 800), &key_besides(&elsewhere_key), Some((&elsewhere, &elsewhere_key)));
    assert_eq!(code(check_partner(&cert, "Techno", &store, now(), 335)), "KER-PCM-006");
    assert_eq!(code(check_partner(&cert, "Techno", &[], now(), 335)), "KER-PCM-006");
}

#[test]
fn partner_version_org_key_and_algorithm_in_that_order() {
    let (store, root, root_key) = partner_setup();
    let mut v1 = partner_spec("Wrong", 800);
    v1.version = 1;
    let cert = make(&v1, &small_key(), Some((&root, &root_key)));
    assert_eq!(code(check_partner(&cert, "Techno", &store, now(), 335)), "KER-PCM-007");

    let mut sha384 = partner_spec("techno", 800);
    sha384.hash = SigHash::Sha384;
    let cert = make(&sha384, &small_key(), Some((&root, &root_key)));
    assert_eq!(code(check_partner(&cert, "Techno", &store, now(), 335)), "KER-PCM-008");
    assert_eq!(code(check_partner(&cert, "techno", &store, now(), 335)), "KER-PCM-013");
    let cert = make(&sha384, &key_besides(&root_key), Some((&root, &root_key)));
    assert_eq!(code(check_partner(&cert, "techno", &store, now(), 335)), "KER-PCM-014");
    let mut sha1 = partner_spec("techno", 800);
    sha1.hash = SigHash::Sha1;
    let cert = make(&sha1, &key_besides(&root_key), Some((&root, &root_key)));
    assert_eq!(code(check_partner(&cert, "techno", &store, now(), 335)), "KER-PCM-014");
}

#[test]
fn only_the_organisation_counts_exactly() {
    let (store, root, root_key) = partner_setup();
    let mut no_o = partner_spec("x", 800);
    no_o.subject = name(&[(C, "IN"), (CN, "Techno"), (OU, "Techno")]);
    let cert = make(&no_o, &key_besides(&root_key), Some((&root, &root_key)));
    assert_eq!(code(check_partner(&cert, "Techno", &store, now(), 335)), "KER-PCM-008");
    assert_eq!(code(check_partner(&cert, "", &store, now(), 335)), "KER-PCM-008");
    let mut comma = partner_spec("x", 800);
    comma.subject = name(&[(C, "IN"), (O, "Acme, Inc"), (CN, "x")]);
    let cert = make(&comma, &key_besides(&root_key), Some((&root, &root_key)));
    assert_eq!(code(check_partner(&cert, "Acme, Inc", &store, now(), 335)), "KER-PCM-008");
    let mut spaced = partner_spec("Techno ", 800);
    spaced.subject = name(&[(C, "IN"), (O, "Techno "), (CN, "x")]);
    let cert = make(&spaced, &key_besides(&root_key), Some((&root, &root_key)));
    assert_eq!(code(check_partner(&cert, "Techno", &store, now(), 335)), "KER-PCM-008");
}

fn identities() -> (SigningIdentity, ServiceKeys) {
    let subject = SignerSubject::default();
    let root =
        SigningIdentity::new_root(&mut OsRng, subject.name(ROOT_APP_ID), t(-1), 2920).unwrap_or_else(|e| panic!("{e}"));
    let pms = SigningIdentity::new_intermediate(&mut OsRng, subject.name(PMS_APP_ID), &root, t(-1), 1460)
        .unwrap_or_else(|e| panic!("{e}"));
    (root.clone(), ServiceKeys { root, pms })
}

#[test]
fn the_service_keys_form_a_chain_and_survive_storage() {
    let (root, keys) = identities();
    assert!(root.certificate.is_self_signed());
    assert_eq!(
        root.certificate.subject_dn(),
        "CN=www.mosip.io (ROOT),OU=MOSIP-TECH-CENTER,O=IITB,L=BANGALORE,ST=KA,C=IN"
    );
    let store = stored(&[("root", &root.certificate, true)]);
    assert_eq!(path::build(&keys.pms.certificate, &store, now()), Some(vec![0]));
    let pem = keys.pms.key.to_pkcs8_pem().unwrap_or_else(|e| panic!("{e}"));
    let back = SigningIdentity::from_pem(&keys.pms.certificate.pem(), &pem).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.certificate, keys.pms.certificate);
    assert_eq!(back.key.spki().ok(), keys.pms.key.spki().ok());
}

#[test]
fn resigning_keeps_the_partner_key_and_chains_to_the_service_root() {
    let (root, keys) = identities();
    let (_, ca, ca_key) = partner_setup();
    let mut spec = partner_spec("Techno", 800);
    spec.subject = name(&[(C, "IN"), (O, "Techno"), (CN, "Techno"), (CN, "second")]);
    let cert = make(&spec, &key_besides(&ca_key), Some((&ca, &ca_key)));
    let allowed = vec!["AUTH".to_owned(), "FTM".to_owned()];
    let auth = PartnerDomain::parse("auth", &allowed).unwrap_or_else(|e| panic!("{e}"));
    let rules = ResignRules { validity_days: 365, resign_ftm: false };
    let up = complete_partner_upload(&cert, &[&ca], &auth, &keys, rules, now(), &mut OsRng)
        .unwrap_or_else(|e| panic!("{e}"));
    let r = &up.resigned;
    assert_eq!(r.subject_dn(), "CN=Techno,O=Techno,C=IN");
    assert_eq!(r.issuer_dn(), keys.pms.certificate.subject_dn());
    assert_eq!(r.spki(), cert.spki());
    assert!(verify::signed_by(r, keys.pms.certificate.spki()));
    assert_eq!((r.not_after() - r.not_before()).num_days(), 365);
    assert!(r.may_sign_certificates());
    assert_eq!(r.signature_algorithm_name(), "SHA256withRSA");
    assert!(r.authority_key_id().is_none() && r.subject_key_id().is_some());
    assert_eq!(up.leaf, up.resigned);
    let chain = parse::der_certificates(&base64_url(&up.chain)).unwrap_or_default();
    assert_eq!(chain, vec![up.resigned.clone(), keys.pms.certificate.clone(), root.certificate.clone()]);

    // FTM gets its own chain back; re-signing still happens
    let ftm = PartnerDomain::parse("FTM", &allowed).unwrap_or_else(|e| panic!("{e}"));
    let up =
        complete_partner_upload(&cert, &[&ca], &ftm, &keys, rules, now(), &mut OsRng).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(up.leaf, cert);
    assert_eq!(parse::der_certificates(&base64_url(&up.chain)), Some(vec![cert.clone(), ca.clone()]));
    assert_eq!(up.resigned.issuer_dn(), keys.pms.certificate.subject_dn());
    let resign_ftm = ResignRules { validity_days: 30, resign_ftm: true };
    let up = complete_partner_upload(&cert, &[&ca], &ftm, &keys, resign_ftm, now(), &mut OsRng)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(up.leaf, up.resigned);
    assert_eq!((up.resigned.not_after() - up.resigned.not_before()).num_days(), 30);
}

#[test]
fn key_encipherment_only_for_auth() {
    let (_, keys) = identities();
    let (_, ca, ca_key) = partner_setup();
    let cert = make(&partner_spec("Techno", 800), &key_besides(&ca_key), Some((&ca, &ca_key)));
    let allowed = vec!["AUTH".to_owned(), "DEVICE".to_owned()];
    let rules = ResignRules { validity_days: 365, resign_ftm: false };
    let usage = |domain: &str| {
        let d = PartnerDomain::parse(domain, &allowed).unwrap_or_else(|e| panic!("{e}"));
        let up = complete_partner_upload(&cert, &[&ca], &d, &keys, rules, now(), &mut OsRng)
            .unwrap_or_else(|e| panic!("{e}"));
        up.resigned.key_usage_bits()
    };
    assert_eq!(usage("AUTH"), KeyUsages::DigitalSignature | KeyUsages::KeyCertSign | KeyUsages::KeyEncipherment);
    assert_eq!(usage("DEVICE"), KeyUsages::DigitalSignature | KeyUsages::KeyCertSign);
}

fn base64_url(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(s).unwrap_or_default()
}
