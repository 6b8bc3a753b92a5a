//! The service's keys and re-signing: the chain to the service root, kept partner keys, key usage.

use rand_core::OsRng;
use x509_cert::ext::pkix::KeyUsages;

use super::*;
use crate::certificate::dn::{C, CN, O};
use crate::certificate::issue::name;
use crate::certificate::testing::{key_besides, make, now, partner_spec, t};

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
