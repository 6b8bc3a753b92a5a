//! The service's own signing identities (its ROOT and PMS keys and certificates), and the partner
//! certificates it re-signs.

use chrono::{NaiveDateTime, TimeDelta};
use rand_core::CryptoRngCore;
use x509_cert::ext::pkix::{KeyUsage, KeyUsages};
use x509_cert::name::{Name, RdnSequence};

use super::{CertSpec, KeyPair, issue, issue_as, name, rdn};
use crate::certificate::PartnerDomain;
use crate::certificate::dn;
use crate::certificate::error::CertificateError;
use crate::certificate::x509::Certificate;

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
        let certificate = crate::certificate::parse::pem_certificate(certificate_pem)
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
