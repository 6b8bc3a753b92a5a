//! Issuing certificates: the service's own ROOT and PMS signing keys, the re-signed partner
//! certificate, and (for tests and tools) any certificate shape the checks need to see.
//!
//! Keys are RSA; certificates are signed with PKCS#1 v1.5 (`SHA256withRSA` for everything the
//! service issues). Randomness comes from the caller, so this stays pure computation.

mod identity;
mod keys;

use chrono::{Datelike, NaiveDateTime};
use der::asn1::{Any, BitString, GeneralizedTime, Null, ObjectIdentifier, OctetString, SetOfVec, UtcTime};
use der::{Encode, Tag};
use rand_core::CryptoRngCore;
use sha1::{Digest, Sha1};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::certificate::{TbsCertificate, Version};
use x509_cert::ext::pkix::{AuthorityKeyIdentifier, BasicConstraints, KeyUsage, SubjectKeyIdentifier};
use x509_cert::ext::{AsExtension, Extension};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};

use super::dn;
use super::error::CertificateError;
use super::x509::Certificate;

pub use identity::{SignerSubject, SigningIdentity, resign};
pub use keys::{KeyPair, SigHash};

/// A name with one attribute per RDN, in the given (encoding) order. Country codes are
/// PrintableStrings, everything else UTF8String.
pub fn name(attrs: &[(ObjectIdentifier, &str)]) -> Name {
    RdnSequence(
        attrs
            .iter()
            .filter_map(|(oid, value)| {
                let tag = if *oid == dn::C
                    && value.bytes().all(|b| b.is_ascii_alphanumeric() || b" '()+,-./:=?".contains(&b))
                {
                    Tag::PrintableString
                } else {
                    Tag::Utf8String
                };
                let value = Any::new(tag, value.as_bytes()).ok()?;
                rdn(*oid, value)
            })
            .collect(),
    )
}

fn rdn(oid: ObjectIdentifier, value: Any) -> Option<RelativeDistinguishedName> {
    SetOfVec::try_from(vec![AttributeTypeAndValue { oid, value }]).ok().map(RelativeDistinguishedName)
}

/// What a certificate to issue looks like.
#[derive(Debug, Clone)]
pub struct CertSpec {
    pub subject: Name,
    /// A positive serial number.
    pub serial: u64,
    pub not_before: NaiveDateTime,
    pub not_after: NaiveDateTime,
    /// 1 gives a v1 certificate without extensions; anything else v3.
    pub version: u8,
    /// basicConstraints (critical): cA and pathLenConstraint.
    pub basic_constraints: Option<(bool, Option<u8>)>,
    /// keyUsage (critical).
    pub key_usage: Option<KeyUsage>,
    /// A subjectKeyIdentifier (SHA-1 of the key), and an authorityKeyIdentifier from the issuer's.
    pub key_identifiers: bool,
    pub hash: SigHash,
}

impl CertSpec {
    /// A v3 certificate with key identifiers and SHA256withRSA.
    pub fn new(subject: Name, serial: u64, not_before: NaiveDateTime, not_after: NaiveDateTime) -> Self {
        CertSpec {
            subject,
            serial,
            not_before,
            not_after,
            version: 3,
            basic_constraints: None,
            key_usage: None,
            key_identifiers: true,
            hash: SigHash::Sha256,
        }
    }
}

/// Issues `spec` for `subject_key`, signed by `issuer_key`; `issuer` is the issuer's certificate
/// (none: a self-issued certificate, signed by `issuer_key` all the same).
pub fn issue(
    spec: &CertSpec,
    subject_key: &SubjectPublicKeyInfoOwned,
    issuer: Option<&Certificate>,
    issuer_key: &KeyPair,
    rng: &mut impl CryptoRngCore,
) -> Result<Certificate, CertificateError> {
    let name = issuer.map(Certificate::subject);
    let key_id = issuer.and_then(Certificate::subject_key_id);
    issue_as(spec, subject_key, name, key_id, issuer_key, rng)
}

/// Issues `spec` with the issuer name `issuer` (none: the subject) and, when given and the spec
/// asks for key identifiers, an authority key identifier.
fn issue_as(
    spec: &CertSpec,
    subject_key: &SubjectPublicKeyInfoOwned,
    issuer: Option<&Name>,
    authority_key_id: Option<&[u8]>,
    issuer_key: &KeyPair,
    rng: &mut impl CryptoRngCore,
) -> Result<Certificate, CertificateError> {
    let internal = |what: &str, e: &dyn std::fmt::Display| CertificateError::Internal(format!("{what}: {e}"));
    let mut extensions: Vec<Extension> = Vec::new();
    if spec.version != 1 {
        if let Some((ca, path_len)) = spec.basic_constraints {
            let bc = BasicConstraints { ca, path_len_constraint: path_len };
            extensions.push(bc.to_extension(&spec.subject, &[]).map_err(|e| internal("basicConstraints", &e))?);
        }
        if let Some(ku) = &spec.key_usage {
            extensions.push(ku.to_extension(&spec.subject, &[]).map_err(|e| internal("keyUsage", &e))?);
        }
        if spec.key_identifiers {
            let ski = key_identifier(subject_key).map_err(|e| internal("subjectKeyIdentifier", &e))?;
            extensions.push(ski.to_extension(&spec.subject, &[]).map_err(|e| internal("subjectKeyIdentifier", &e))?);
            if let Some(id) = authority_key_id {
                let aki = AuthorityKeyIdentifier {
                    key_identifier: Some(OctetString::new(id).map_err(|e| internal("authorityKeyIdentifier", &e))?),
                    authority_cert_issuer: None,
                    authority_cert_serial_number: None,
                };
                extensions
                    .push(aki.to_extension(&spec.subject, &[]).map_err(|e| internal("authorityKeyIdentifier", &e))?);
            }
        }
    }
    let signature = AlgorithmIdentifierOwned { oid: spec.hash.oid(), parameters: Some(Any::from(Null)) };
    let tbs = TbsCertificate {
        version: if spec.version == 1 { Version::V1 } else { Version::V3 },
        serial_number: serial(spec.serial).map_err(|e| internal("serial", &e))?,
        signature: signature.clone(),
        issuer: issuer.map_or_else(|| spec.subject.clone(), Clone::clone),
        validity: Validity { not_before: time(spec.not_before)?, not_after: time(spec.not_after)? },
        subject: spec.subject.clone(),
        subject_public_key_info: subject_key.clone(),
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: (!extensions.is_empty()).then_some(extensions),
    };
    let tbs_der = tbs.to_der().map_err(|e| internal("encoding", &e))?;
    let sig = spec.hash.sign(&issuer_key.key, rng, &tbs_der).map_err(|e| internal("signing", &e))?;
    let cert = x509_cert::Certificate {
        tbs_certificate: tbs,
        signature_algorithm: signature,
        signature: BitString::from_bytes(&sig).map_err(|e| internal("signature", &e))?,
    };
    Certificate::from_built(&cert).map_err(CertificateError::Internal)
}

fn serial(n: u64) -> der::Result<SerialNumber> {
    let bytes = n.max(1).to_be_bytes();
    let skip = bytes.iter().take_while(|b| **b == 0).count();
    let mut v = bytes[skip..].to_vec();
    if v.first().is_some_and(|b| b & 0x80 != 0) {
        v.insert(0, 0);
    }
    SerialNumber::new(&v)
}

fn time(t: NaiveDateTime) -> Result<Time, CertificateError> {
    let secs =
        u64::try_from(t.and_utc().timestamp()).map_err(|_| CertificateError::Internal("time before 1970".into()))?;
    let d = std::time::Duration::from_secs(secs);
    let encoded = if t.year() < 2050 {
        UtcTime::from_unix_duration(d).map(Time::UtcTime)
    } else {
        GeneralizedTime::from_unix_duration(d).map(Time::GeneralTime)
    };
    encoded.map_err(|e| CertificateError::Internal(format!("time: {e}")))
}

/// SHA-1 of the subjectPublicKey bits (RFC 5280 method 1).
fn key_identifier(spki: &SubjectPublicKeyInfoOwned) -> der::Result<SubjectKeyIdentifier> {
    Ok(SubjectKeyIdentifier(OctetString::new(Sha1::digest(spki.subject_public_key.raw_bytes()).to_vec())?))
}
