//! One parsed X.509 certificate and what the checks read from it.

use base64::Engine;
use chrono::NaiveDateTime;
use der::asn1::ObjectIdentifier;
use der::{Decode, Encode};
use sha1::{Digest, Sha1};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::certificate::Version;
use x509_cert::ext::pkix::{AuthorityKeyIdentifier, BasicConstraints, KeyUsage, KeyUsages, SubjectKeyIdentifier};
use x509_cert::name::Name;

use super::{asn1, dn, verify};

const BASIC_CONSTRAINTS: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.19");
const KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.15");
const SUBJECT_KEY_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.14");
const AUTHORITY_KEY_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.35");
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");

/// Critical extensions Java's PKIX validator knows how to process; any other critical extension
/// makes a path fail.
const KNOWN_CRITICAL: [&str; 9] = [
    "2.5.29.15", // keyUsage
    "2.5.29.37", // extKeyUsage
    "2.5.29.17", // subjectAltName
    "2.5.29.19", // basicConstraints
    "2.5.29.30", // nameConstraints
    "2.5.29.32", // certificatePolicies
    "2.5.29.33", // policyMappings
    "2.5.29.36", // policyConstraints
    "2.5.29.54", // inhibitAnyPolicy
];

/// A certificate: its encoding and its decoded fields.
#[derive(Debug, Clone)]
pub struct Certificate {
    der: Vec<u8>,
    tbs: Vec<u8>,
    inner: x509_cert::Certificate,
    basic_constraints: Option<BasicConstraints>,
    key_usage: Option<KeyUsage>,
    subject_key_id: Option<Vec<u8>>,
    authority_key_id: Option<Vec<u8>>,
}

impl PartialEq for Certificate {
    fn eq(&self, other: &Self) -> bool {
        self.der == other.der
    }
}

impl Eq for Certificate {}

impl Certificate {
    /// Decodes the certificate at the start of `bytes` (trailing bytes are ignored, as Java's
    /// certificate factory ignores them). The error says why, for the parsing error's message.
    pub fn from_der(bytes: &[u8]) -> Result<Self, String> {
        let tlv = asn1::read(bytes).ok_or("Could not parse certificate: truncated or not DER")?;
        if tlv.tag != asn1::SEQUENCE {
            return Err("Could not parse certificate: not a certificate".into());
        }
        let der = tlv.raw.to_vec();
        let tbs = asn1::read(tlv.contents).ok_or("Could not parse certificate: no certificate body")?.raw.to_vec();
        let inner = x509_cert::Certificate::from_der(&der).map_err(|e| format!("Could not parse certificate: {e}"))?;
        let mut cert = Certificate {
            der,
            tbs,
            inner,
            basic_constraints: None,
            key_usage: None,
            subject_key_id: None,
            authority_key_id: None,
        };
        cert.decode_extensions()?;
        Ok(cert)
    }

    fn decode_extensions(&mut self) -> Result<(), String> {
        let exts = self.inner.tbs_certificate.extensions.clone().unwrap_or_default();
        for ext in &exts {
            let value = ext.extn_value.as_bytes();
            let bad = |what: &str, e: der::Error| format!("Could not parse certificate: bad {what} extension: {e}");
            match ext.extn_id {
                BASIC_CONSTRAINTS => {
                    self.basic_constraints =
                        Some(BasicConstraints::from_der(value).map_err(|e| bad("basicConstraints", e))?)
                }
                KEY_USAGE => self.key_usage = Some(KeyUsage::from_der(value).map_err(|e| bad("keyUsage", e))?),
                SUBJECT_KEY_ID => {
                    let ski = SubjectKeyIdentifier::from_der(value).map_err(|e| bad("subjectKeyIdentifier", e))?;
                    self.subject_key_id = Some(ski.0.as_bytes().to_vec());
                }
                AUTHORITY_KEY_ID => {
                    let aki = AuthorityKeyIdentifier::from_der(value).map_err(|e| bad("authorityKeyIdentifier", e))?;
                    self.authority_key_id = aki.key_identifier.map(|k| k.as_bytes().to_vec());
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Wraps a certificate built here.
    pub(crate) fn from_built(inner: &x509_cert::Certificate) -> Result<Self, String> {
        let der = inner.to_der().map_err(|e| format!("encoding a certificate: {e}"))?;
        Certificate::from_der(&der)
    }

    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// PEM with 64-character lines and `\n`, without a final newline (as keymanager stores it).
    pub fn pem(&self) -> String {
        pem_of(&self.der)
    }

    /// SHA-1 of the encoding, lower-case hex.
    pub fn thumbprint(&self) -> String {
        hex::encode(Sha1::digest(&self.der))
    }

    pub fn subject(&self) -> &Name {
        &self.inner.tbs_certificate.subject
    }

    pub fn issuer(&self) -> &Name {
        &self.inner.tbs_certificate.issuer
    }

    /// The formatted subject DN (`cert_subject`).
    pub fn subject_dn(&self) -> String {
        dn::formatted(self.subject())
    }

    /// The formatted issuer DN (`cert_issuer`).
    pub fn issuer_dn(&self) -> String {
        dn::formatted(self.issuer())
    }

    /// The subject's organisation as the partner check compares it.
    pub fn organization(&self) -> String {
        dn::organization(self.subject())
    }

    /// The serial number in decimal (negative serials keep their sign).
    pub fn serial_decimal(&self) -> String {
        signed_decimal(self.inner.tbs_certificate.serial_number.as_bytes())
    }

    pub fn not_before(&self) -> NaiveDateTime {
        naive(self.inner.tbs_certificate.validity.not_before.to_unix_duration())
    }

    pub fn not_after(&self) -> NaiveDateTime {
        naive(self.inner.tbs_certificate.validity.not_after.to_unix_duration())
    }

    /// notBefore ≤ now ≤ notAfter.
    pub fn valid_at(&self, now: NaiveDateTime) -> bool {
        self.not_before() <= now && now <= self.not_after()
    }

    /// 1, 2 or 3.
    pub fn version(&self) -> u8 {
        match self.inner.tbs_certificate.version {
            Version::V1 => 1,
            Version::V2 => 2,
            Version::V3 => 3,
        }
    }

    /// Java's name of the signature algorithm (`SHA256withRSA`, `RSASSA-PSS`, or the OID).
    pub fn signature_algorithm_name(&self) -> String {
        verify::algorithm_name(&self.inner.signature_algorithm.oid)
    }

    /// The RSA modulus size in bits; `None` for other keys.
    pub fn rsa_modulus_bits(&self) -> Option<usize> {
        let spki = self.spki();
        (spki.algorithm.oid == RSA_ENCRYPTION).then(|| verify::rsa_modulus_bits(spki.subject_public_key.raw_bytes()))?
    }

    /// The signature verifies with the certificate's own key (names, CA flag and version do not
    /// matter).
    pub fn is_self_signed(&self) -> bool {
        verify::signed_by(self, self.spki())
    }

    /// Whether the certificate may issue others as an intermediate of a path: cA=TRUE (v1 and v2
    /// certificates never are) and, with a keyUsage, keyCertSign.
    pub(crate) fn may_sign_certificates(&self) -> bool {
        let ca = self.version() == 3 && self.basic_constraints.as_ref().is_some_and(|bc| bc.ca);
        let usage = self.key_usage.as_ref().is_none_or(|ku| ku.0.contains(KeyUsages::KeyCertSign));
        ca && usage
    }

    /// The keyUsage bits (empty without the extension).
    #[cfg(test)]
    pub(crate) fn key_usage_bits(&self) -> der::flagset::FlagSet<KeyUsages> {
        self.key_usage.as_ref().map(|k| k.0).unwrap_or_default()
    }

    /// The pathLenConstraint of a CA certificate.
    pub(crate) fn path_len(&self) -> Option<u8> {
        self.basic_constraints.as_ref().and_then(|bc| bc.path_len_constraint)
    }

    /// Issuer and subject are the same name.
    pub(crate) fn is_self_issued(&self) -> bool {
        dn::same(self.subject(), self.issuer())
    }

    pub(crate) fn subject_key_id(&self) -> Option<&[u8]> {
        self.subject_key_id.as_deref()
    }

    pub(crate) fn authority_key_id(&self) -> Option<&[u8]> {
        self.authority_key_id.as_deref()
    }

    /// A critical extension Java's validator does not process.
    pub(crate) fn has_unknown_critical_extension(&self) -> bool {
        self.inner
            .tbs_certificate
            .extensions
            .iter()
            .flatten()
            .any(|e| e.critical && !KNOWN_CRITICAL.contains(&e.extn_id.to_string().as_str()))
    }

    pub(crate) fn spki(&self) -> &SubjectPublicKeyInfoOwned {
        &self.inner.tbs_certificate.subject_public_key_info
    }

    pub(crate) fn tbs(&self) -> &[u8] {
        &self.tbs
    }

    pub(crate) fn signature(&self) -> &[u8] {
        self.inner.signature.raw_bytes()
    }

    pub(crate) fn signature_algorithm(&self) -> &AlgorithmIdentifierOwned {
        &self.inner.signature_algorithm
    }
}

/// `-----BEGIN CERTIFICATE-----`, standard base64 in 64-character lines, `-----END CERTIFICATE-----`.
pub fn pem_of(der: &[u8]) -> String {
    pem_block("CERTIFICATE", der)
}

/// `der` in standard base64, 64 characters a line, between `-----BEGIN <label>-----` and
/// `-----END <label>-----`.
pub(crate) fn pem_block(label: &str, der: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let lines: Vec<&str> = b64.as_bytes().chunks(64).filter_map(|c| std::str::from_utf8(c).ok()).collect();
    format!("-----BEGIN {label}-----\n{}\n-----END {label}-----", lines.join("\n"))
}

fn naive(d: std::time::Duration) -> NaiveDateTime {
    let secs = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.naive_utc()).unwrap_or(NaiveDateTime::MAX)
}

/// A two's-complement big-endian integer in decimal.
pub(crate) fn signed_decimal(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "0".into();
    }
    let negative = bytes[0] & 0x80 != 0;
    let mut magnitude: Vec<u8> = bytes.to_vec();
    if negative {
        // two's complement negation: invert, add one
        for b in magnitude.iter_mut() {
            *b = !*b;
        }
        for b in magnitude.iter_mut().rev() {
            let (v, carry) = b.overflowing_add(1);
            *b = v;
            if !carry {
                break;
            }
        }
    }
    let mut digits = Vec::new();
    while magnitude.iter().any(|b| *b != 0) {
        let mut rem = 0u32;
        for b in magnitude.iter_mut() {
            let cur = (rem << 8) | u32::from(*b);
            *b = (cur / 10) as u8;
            rem = cur % 10;
        }
        digits.push(char::from(b'0' + rem as u8));
    }
    if digits.is_empty() {
        digits.push('0');
    }
    if negative {
        digits.push('-');
    }
    digits.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_are_signed_decimals() {
        assert_eq!(signed_decimal(&[0x01, 0x00]), "256");
        assert_eq!(signed_decimal(&[0x00, 0xFF]), "255");
        assert_eq!(signed_decimal(&[0xFF]), "-1");
        assert_eq!(signed_decimal(&[0x80]), "-128");
        assert_eq!(signed_decimal(&[0x00]), "0");
        assert_eq!(signed_decimal(&[0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), i64::MAX.to_string());
        assert_eq!(signed_decimal(&[0x80, 0, 0, 0, 0, 0, 0, 0]), i64::MIN.to_string());
    }

    #[test]
    fn pem_lines_are_64_characters() {
        let pem = pem_of(&[7u8; 100]);
        let lines: Vec<&str> = pem.lines().collect();
        assert_eq!(lines.first(), Some(&"-----BEGIN CERTIFICATE-----"));
        assert_eq!(lines.last(), Some(&"-----END CERTIFICATE-----"));
        assert_eq!(lines[1].len(), 64);
        assert!(!pem.ends_with('\n'));
    }

    #[test]
    fn garbage_is_not_a_certificate() {
        assert!(Certificate::from_der(b"hello").is_err());
        assert!(Certificate::from_der(&[0x30, 0x03, 0x02, 0x01, 0x01]).is_err());
        assert!(Certificate::from_der(&[]).is_err());
    }
}
