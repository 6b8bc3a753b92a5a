//! Path building: same-name roots, intermediates that must be CAs, path lengths, a valid anchor.

use x509_cert::ext::pkix::{KeyUsage, KeyUsages};

use super::*;
use crate::certificate::testing::{
    cn, key_besides, make, now, partner_spec, pool_key, self_signed, self_signed_with, sub_ca, t,
};

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
