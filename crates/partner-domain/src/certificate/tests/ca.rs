//! CA uploads: domains, minimum validity, self-signed roots, single certificates and bundles.

use super::*;
use crate::certificate::testing::{cn, fresh_key, make, now, self_signed, sub_ca, t};

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
