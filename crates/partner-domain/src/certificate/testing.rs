//! Test support: a fixed clock, a small pool of RSA keys (generated once per test binary), and
//! certificates of the shapes the checks look at.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use rand_core::OsRng;
use x509_cert::ext::pkix::{KeyUsage, KeyUsages};
use x509_cert::name::Name;

use super::dn::{C, CN, O};
use super::issue::{CertSpec, KeyPair, issue, name};
use super::x509::Certificate;

/// "Now" in these tests.
pub fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 6, 1).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap_or_default()
}

/// `now()` plus `days`.
pub fn t(days: i64) -> NaiveDateTime {
    now() + TimeDelta::days(days)
}

fn pool() -> &'static Vec<KeyPair> {
    static POOL: OnceLock<Vec<KeyPair>> = OnceLock::new();
    POOL.get_or_init(|| (0..6).map(|_| KeyPair::generate(&mut OsRng, 2048).unwrap_or_else(|e| panic!("{e}"))).collect())
}

/// A 2048-bit key, a different one on each call (cycling through a pool of six).
pub fn fresh_key() -> KeyPair {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let keys = pool();
    keys[NEXT.fetch_add(1, Ordering::Relaxed) % keys.len()].clone()
}

/// A key from the pool that is not `other` (a certificate signed with its own key is self-signed).
pub fn key_besides(other: &KeyPair) -> KeyPair {
    let theirs = other.spki().ok();
    (0..pool().len()).map(|_| fresh_key()).find(|k| k.spki().ok() != theirs).unwrap_or_else(|| panic!("another key"))
}

/// A 1024-bit key.
pub fn small_key() -> KeyPair {
    static SMALL: OnceLock<KeyPair> = OnceLock::new();
    SMALL.get_or_init(|| KeyPair::generate(&mut OsRng, 1024).unwrap_or_else(|e| panic!("{e}"))).clone()
}

pub fn cn(common_name: &str) -> Name {
    name(&[(C, "IN"), (O, common_name), (CN, common_name)])
}

/// Issues `spec` for `key`, signed by `issuer` (none: self-signed).
pub fn make(spec: &CertSpec, key: &KeyPair, issuer: Option<(&Certificate, &KeyPair)>) -> Certificate {
    let spki = key.spki().unwrap_or_else(|e| panic!("{e}"));
    let (issuer_cert, issuer_key) = match issuer {
        Some((c, k)) => (Some(c), k),
        None => (None, key),
    };
    issue(spec, &spki, issuer_cert, issuer_key, &mut OsRng).unwrap_or_else(|e| panic!("{e}"))
}

/// Key `i` of the pool (tests that need keys to differ pick them by index).
pub fn pool_key(i: usize) -> KeyPair {
    pool()[i % pool().len()].clone()
}

/// A self-signed CA named `common_name`, valid from `from` to `to`.
pub fn self_signed(common_name: &str, from: NaiveDateTime, to: NaiveDateTime) -> (Certificate, KeyPair) {
    self_signed_with(common_name, fresh_key(), from, to)
}

/// The same with `key`, and a random serial.
pub fn self_signed_with(
    common_name: &str,
    key: KeyPair,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> (Certificate, KeyPair) {
    let mut spec = CertSpec::new(cn(common_name), rand_core::RngCore::next_u64(&mut OsRng) >> 1, from, to);
    spec.basic_constraints = Some((true, None));
    (make(&spec, &key, None), key)
}

/// A CA named `common_name` signed by `issuer`, with `path_len`.
pub fn sub_ca(common_name: &str, issuer: (&Certificate, &KeyPair), path_len: Option<u8>) -> (Certificate, KeyPair) {
    let key = key_besides(issuer.1);
    let mut spec = CertSpec::new(cn(common_name), 2, t(-1), t(3000));
    spec.basic_constraints = Some((true, path_len));
    spec.key_usage = Some(KeyUsage(KeyUsages::DigitalSignature | KeyUsages::KeyCertSign | KeyUsages::CRLSign));
    (make(&spec, &key, Some(issuer)), key)
}

/// A partner certificate for organisation `org` signed by `issuer`, valid for `days` from yesterday.
pub fn partner_spec(org: &str, days: i64) -> CertSpec {
    let mut spec = CertSpec::new(name(&[(C, "IN"), (O, org), (CN, org)]), 3, t(-1), t(days));
    spec.basic_constraints = Some((false, None));
    spec
}
