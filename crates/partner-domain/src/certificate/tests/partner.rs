//! Partner certificates: the checks in the keymanager's order.

use super::*;
use crate::certificate::dn::{C, CN, O, OU};
use crate::certificate::issue::name;
use crate::certificate::testing::{fresh_key, key_besides, make, now, partner_spec, self_signed_with, small_key, t};

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
