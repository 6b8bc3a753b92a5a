//! Issuing certificates: the service's own ROOT and PMS signing keys, the re-signed partner
//! certificate, and (for tests and tools) any certificate shape the checks need to see.
//!
//! Keys are RSA; certificates are signed with PKCS#1 v1.5 (`SHA256withRSA` for everything the
//! service issues). Randomness comes from the caller, so this stays pure computation.

use chrono::{Datelike, NaiveDateTime, TimeDelta};
use der::asn1::{Any, BitString, GeneralizedTime, Null, ObjectIdentifier, OctetString, SetOfVec, UtcTime};
use der::{Encode, Tag};
use rand_core::CryptoRngCore;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, EncodePublicKey, LineEnding};
use rsa::{Pkcs1v15Sign, RsaPrivateKey};
use sha1::{Digest, Sha1};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::certificate::{TbsCertificate, Version};
use x509_cert::ext::pkix::{AuthorityKeyIdentifier, BasicConstraints, KeyUsage, KeyUsages, SubjectKeyIdentifier};
use x509_cert::ext::{AsExtension, Extension};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};

use super::PartnerDomain;
use super::dn;
use super::error::CertificateError;
use super::x509::Certificate;

/// The hash of a PKCS#1 v1.5 RSA signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigHash {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl SigHash {
    fn oid(self) -> ObjectIdentifier {
        ObjectIdentifier::new_unwrap(match self {
            SigHash::Sha1 => "1.2.840.113549.1.1.5",
            SigHash::Sha224 => "1.2.840.113549.1.1.14",
            SigHash::Sha256 => "1.2.840.113549.1.1.11",
            SigHash::Sha384 => "1.2.840.113549.1.1.12",
            SigHash::Sha512 => "1.2.840.113549.1.1.13",
        })
    }

    fn sign(self, key: &RsaPrivateKey, rng: &mut impl CryptoRngCore, data: &[u8]) -> rsa::Result<Vec<u8>> {
        use sha2::{Sha224, Sha256, Sha384, Sha512};
        let (scheme, digest) = match self {
            SigHash::Sha1 => (Pkcs1v15Sign::new::<Sha1>(), Sha1::digest(data).to_vec()),
            SigHash::Sha224 => (Pkcs1v15Sign::new::<Sha224>(), Sha224::digest(data).to_vec()),
            SigHash::Sha256 => (Pkcs1v15Sign::new::<Sha256>(), Sha256::digest(data).to_vec()),
            SigHash::Sha384 => (Pkcs1v15Sign::new::<Sha384>(), Sha384::digest(data).to_vec()),
            SigHash::Sha512 => (Pkcs1v15Sign::new::<Sha512>(), Sha512::digest(data).to_vec()),
        };
        key.sign_with_rng(rng, scheme, &digest)
    }
}

/// An RSA private key.
#[derive(Clone)]
pub struct KeyPair {
    key: RsaPrivateKey,
}

impl std::fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyPair(..)")
    }
}

impl KeyPair {
    /// A new key of `bits` bits.
    pub fn generate(rng: &mut impl CryptoRngCore, bits: usize) -> Result<Self, CertificateError> {
        let key =
            RsaPrivateKey::new(rng, bits).map_err(|e| CertificateError::Internal(format!("key generation: {e}")))?;
        Ok(KeyPair { key })
    }

    /// Reads an unencrypted PKCS#8 PEM key.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, CertificateError> {
        let key = RsaPrivateKey::from_pkcs8_pem(pem)
            .map_err(|e| CertificateError::Internal(format!("reading a key: {e}")))?;
        Ok(KeyPair { key })
    }

    /// The key as unencrypted PKCS#8 PEM.
    pub fn to_pkcs8_pem(&self) -> Result<String, CertificateError> {
        let pem = self
            .key
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| CertificateError::Internal(format!("writing a key: {e}")))?;
        Ok(pem.to_string())
    }

    /// The public key as a SubjectPublicKeyInfo.
    pub fn spki(&self) -> Result<SubjectPublicKeyInfoOwned, CertificateError> {
        let der = self
            .key
            .to_public_key()
            .to_public_key_der()
            .map_err(|e| CertificateError::Internal(format!("public key: {e}")))?;
        der::Decode::from_der(der.as_bytes()).map_err(|e| CertificateError::Internal(format!("public key: {e}")))
    }
}

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

/// The subject of one of the service's own certificates: `CN=<cn> (<APPID>),OU=…,O=…,L=…,ST=…,C=…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerSubject {
    pub common_name: String,
    pub organizational_unit: String,
    pub organization: String,
    pub locality: String,
    pub state: String,
    pub country: String,
}

impl Default for SignerSubject {
    /// Keymanager's default master-key subject.
    fn default() -> Self {
        SignerSubject {
            common_name: "www.mosip.io".into(),
            organizational_unit: "MOSIP-TECH-CENTER".into(),
            organization: "IITB".into(),
            locality: "BANGALORE".into(),
            state: "KA".into(),
            country: "IN".into(),
        }
    }
}

impl SignerSubject {
    pub fn name(&self, app_id: &str) -> Name {
        let cn = format!("{} ({app_id})", self.common_name);
        name(&[
            (dn::C, &self.country),
            (dn::ST, &self.state),
            (dn::L, &self.locality),
            (dn::O, &self.organization),
            (dn::OU, &self.organizational_unit),
            (dn::CN, &cn),
        ])
    }
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

/// A key and the certificate that carries its public key: the service's ROOT or PMS identity.
#[derive(Debug, Clone)]
pub struct SigningIdentity {
    pub certificate: Certificate,
    pub key: KeyPair,
}

impl SigningIdentity {
    /// A self-signed CA (keymanager's `ROOT`).
    pub fn new_root(
        rng: &mut impl CryptoRngCore,
        subject: Name,
        now: NaiveDateTime,
        days: i64,
    ) -> Result<Self, CertificateError> {
        let key = KeyPair::generate(rng, 2048)?;
        let spec = ca_spec(subject, rng.next_u64() >> 1, now, days);
        let certificate = issue(&spec, &key.spki()?, None, &key, rng)?;
        Ok(SigningIdentity { certificate, key })
    }

    /// A CA signed by `root` (keymanager's `PMS`), which re-signs partner certificates.
    pub fn new_intermediate(
        rng: &mut impl CryptoRngCore,
        subject: Name,
        root: &SigningIdentity,
        now: NaiveDateTime,
        days: i64,
    ) -> Result<Self, CertificateError> {
        let key = KeyPair::generate(rng, 2048)?;
        let mut spec = ca_spec(subject, rng.next_u64() >> 1, now, days);
        spec.not_after = spec.not_after.min(root.certificate.not_after());
        let certificate = issue(&spec, &key.spki()?, Some(&root.certificate), &root.key, rng)?;
        Ok(SigningIdentity { certificate, key })
    }

    /// Rebuilds an identity from its stored certificate and key.
    pub fn from_pem(certificate_pem: &str, key_pem: &str) -> Result<Self, CertificateError> {
        let certificate = super::parse::pem_certificate(certificate_pem)
            .map_err(|e| CertificateError::Internal(format!("stored signing certificate: {e}")))?;
        Ok(SigningIdentity { certificate, key: KeyPair::from_pkcs8_pem(key_pem)? })
    }
}

fn ca_spec(subject: Name, serial: u64, now: NaiveDateTime, days: i64) -> CertSpec {
    let now = now.with_nanosecond_zero();
    let mut spec = CertSpec::new(subject, serial, now, now + TimeDelta::days(days));
    spec.basic_constraints = Some((true, None));
    spec.key_usage = Some(KeyUsage(KeyUsages::DigitalSignature | KeyUsages::KeyCertSign | KeyUsages::CRLSign));
    spec
}

trait WholeSeconds {
    fn with_nanosecond_zero(self) -> Self;
}

impl WholeSeconds for NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        chrono::Timelike::with_nanosecond(&self, 0).unwrap_or(self)
    }
}

/// Keymanager's re-signed partner certificate: the partner's C, ST, L, O, OU and CN and public
/// key, signed by `signer`, valid from `now` for `days` days; CA:TRUE (critical), a subject key
/// identifier, keyUsage digitalSignature + keyCertSign (+ keyEncipherment for AUTH), critical.
pub fn resign(
    partner: &Certificate,
    signer: &SigningIdentity,
    domain: &PartnerDomain,
    now: NaiveDateTime,
    days: i64,
    rng: &mut impl CryptoRngCore,
) -> Result<Certificate, CertificateError> {
    let subject = RdnSequence(
        dn::resign_attributes(partner.subject()).into_iter().filter_map(|(oid, value)| rdn(oid, value)).collect(),
    );
    let now = now.with_nanosecond_zero();
    let mut spec = CertSpec::new(subject, rng.next_u64() >> 1, now, now + TimeDelta::days(days));
    spec.basic_constraints = Some((true, None));
    let mut usage = KeyUsages::DigitalSignature | KeyUsages::KeyCertSign;
    if domain.as_str() == "AUTH" {
        usage |= KeyUsages::KeyEncipherment;
    }
    spec.key_usage = Some(KeyUsage(usage));
    // keymanager adds no authority key identifier
    issue_as(&spec, partner.spki(), Some(signer.certificate.subject()), None, &signer.key, rng)
}
