//! Certificates, checked as MOSIP's keymanager checks them (MOSIP's PMS forwards certificates to
//! its keymanager; this service does the keymanager's part itself, with its codes and its order
//! of checks):
//!
//! - CA and sub-CA upload ([`ca_upload`]): PEM or a PKCS#7 bundle; duplicates, dates, self-signed
//!   roots, a path to the domain's roots for the others.
//! - Partner certificate upload ([`check_partner`], then [`complete_partner_upload`]): dates and
//!   remaining validity, not self-signed, a path to the domain's roots, v3, the organisation
//!   name, RSA key size, signature algorithm; then re-signing with the service's own `PMS` key
//!   (under its `ROOT` key) and the PKCS#7 chain keymanager answers with.
//!
//! Pure computation: the caller passes the store's rows, the time and the randomness.

mod asn1;
pub mod dn;
mod error;
pub mod issue;
pub mod parse;
pub mod path;
mod verify;
mod x509;

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use chrono::NaiveDateTime;
use rand_core::CryptoRngCore;

pub use error::CertificateError;
pub use issue::{CertSpec, KeyPair, SigHash, SignerSubject, SigningIdentity};
pub use path::StoredCa;
pub use x509::{Certificate, pem_of};

/// Keymanager's app id of the root key.
pub const ROOT_APP_ID: &str = "ROOT";
/// Keymanager's app id of the key that re-signs partner certificates.
pub const PMS_APP_ID: &str = "PMS";
/// Smallest RSA key a partner certificate may have.
pub const MIN_RSA_BITS: usize = 2048;
/// The domain whose partners get their own chain back (unless re-signing is configured for it).
pub const FTM: &str = "FTM";
/// The domain whose re-signed certificates may also encipher keys.
pub const AUTH: &str = "AUTH";

/// An allowed partner domain, upper-case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PartnerDomain(String);

impl PartnerDomain {
    /// `raw`, trimmed, matched case-insensitively against `allowed` (KER-PCM-011 otherwise).
    pub fn parse(raw: &str, allowed: &[String]) -> Result<Self, CertificateError> {
        let wanted = raw.trim().to_uppercase();
        if !wanted.is_empty() && allowed.iter().any(|a| a.trim().to_uppercase() == wanted) {
            Ok(PartnerDomain(wanted))
        } else {
            Err(CertificateError::InvalidDomain)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The kind of a CA store row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaCertType {
    /// Self-signed: a trust anchor of its domain.
    Root,
    Intermediate,
}

impl CaCertType {
    pub fn as_str(self) -> &'static str {
        match self {
            CaCertType::Root => "ROOT",
            CaCertType::Intermediate => "INTERMEDIATE",
        }
    }
}

/// A CA certificate to store.
#[derive(Debug, Clone)]
pub struct NewCaCertificate {
    pub id: String,
    pub certificate: Certificate,
    pub kind: CaCertType,
    /// The row that signed it (its own id for a root).
    pub issuer_id: String,
}

/// The `status` of a CA upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaUploadStatus {
    Success,
    Partial,
    Failed,
}

impl CaUploadStatus {
    /// Keymanager's exact text.
    pub fn message(self) -> &'static str {
        match self {
            CaUploadStatus::Success => "Upload Success.",
            CaUploadStatus::Partial => "Partial Upload Success.",
            CaUploadStatus::Failed => "Upload Failed.",
        }
    }
}

/// What a CA upload stores and answers.
#[derive(Debug, Clone)]
pub struct CaUpload {
    pub stored: Vec<NewCaCertificate>,
    /// Certificates of a bundle that were skipped (duplicate, dates, no path).
    pub flagged: usize,
    pub status: CaUploadStatus,
}

/// Decides a CA upload of `certs` (in processing order, see [`parse::ca_certificates`]) into a
/// domain whose store holds `existing` (every row, whatever its dates). One certificate: each
/// failure is an error (KER-PCM-003, -004, -005). Several: failing ones are skipped, and later
/// ones may chain to earlier ones.
pub fn ca_upload(
    certs: Vec<Certificate>,
    existing: &[StoredCa],
    now: NaiveDateTime,
    mut new_id: impl FnMut() -> String,
) -> Result<CaUpload, CertificateError> {
    let single = certs.len() == 1;
    let mut thumbprints: HashSet<String> = existing.iter().map(|s| s.certificate.thumbprint()).collect();
    let mut store: Vec<StoredCa> = existing.to_vec();
    let mut stored = Vec::new();
    let mut flagged = 0;
    for cert in certs {
        let refusal = if thumbprints.contains(&cert.thumbprint()) {
            Some(CertificateError::AlreadyExists)
        } else if !cert.valid_at(now) {
            Some(CertificateError::DatesNotValid)
        } else {
            None
        };
        if let Some(e) = refusal {
            if single {
                return Err(e);
            }
            flagged += 1;
            continue;
        }
        let id = new_id();
        let (kind, issuer_id) = if cert.is_self_signed() {
            (CaCertType::Root, id.clone())
        } else {
            match path::build(&cert, &store, now).and_then(|p| p.first().copied()) {
                Some(i) => (CaCertType::Intermediate, store[i].id.clone()),
                None if single => return Err(CertificateError::RootCaNotFound),
                None => {
                    flagged += 1;
                    continue;
                }
            }
        };
        thumbprints.insert(cert.thumbprint());
        store.push(StoredCa { id: id.clone(), certificate: cert.clone(), root: kind == CaCertType::Root });
        stored.push(NewCaCertificate { id, certificate: cert, kind, issuer_id });
    }
    let status = match (stored.is_empty(), flagged) {
        (true, _) => CaUploadStatus::Failed,
        (false, 0) => CaUploadStatus::Success,
        (false, _) => CaUploadStatus::Partial,
    };
    Ok(CaUpload { stored, flagged, status })
}

/// Days a partner certificate must still be valid: `365 × years − grace`, or 315 if that is
/// negative.
pub fn min_validity_days(years: u32, grace_days: u32) -> i64 {
    let days = 365 * i64::from(years) - i64::from(grace_days);
    if days < 0 { 315 } else { days }
}

/// Keymanager's checks of a partner certificate after the PEM parse and the domain check, first
/// failure wins: dates (KER-PCM-004), remaining validity (KER-PCM-004), self-signed (KER-PCM-015),
/// path to the domain's roots (KER-PCM-006), version (KER-PCM-007), organisation (KER-PCM-008),
/// RSA size (KER-PCM-013), signature algorithm (KER-PCM-014). Returns the path (indices into
/// `store`, issuer first, anchor last).
pub fn check_partner(
    cert: &Certificate,
    organization: &str,
    store: &[StoredCa],
    now: NaiveDateTime,
    min_days: i64,
) -> Result<Vec<usize>, CertificateError> {
    if !cert.valid_at(now) {
        return Err(CertificateError::DatesNotValid);
    }
    if (cert.not_after() - now).num_days() < min_days {
        return Err(CertificateError::DatesNotValid);
    }
    if cert.is_self_signed() {
        return Err(CertificateError::SelfSigned);
    }
    let path = path::build(cert, store, now).ok_or(CertificateError::ChainNotFound)?;
    if cert.version() != 3 {
        return Err(CertificateError::VersionNotSupported);
    }
    let org = cert.organization();
    if org.is_empty() || org != organization {
        return Err(CertificateError::OrganizationMismatch);
    }
    if cert.rsa_modulus_bits().is_some_and(|bits| bits < MIN_RSA_BITS) {
        return Err(CertificateError::KeyTooSmall);
    }
    if !cert.signature_algorithm_name().to_uppercase().starts_with("SHA2") {
        return Err(CertificateError::SignatureAlgorithm);
    }
    Ok(path)
}

/// How a successful partner upload ends.
#[derive(Debug, Clone, Copy)]
pub struct ResignRules {
    /// Validity of the re-signed certificate, in days.
    pub validity_days: i64,
    /// FTM partners get the re-signed chain too (keymanager's default: their own chain).
    pub resign_ftm: bool,
}

/// A checked partner certificate, re-signed.
#[derive(Debug, Clone)]
pub struct PartnerUpload {
    /// The MOSIP-signed certificate (`signed_cert_data`), what the certificate read returns.
    pub resigned: Certificate,
    /// keymanager's `signedCertificateData`: URL-safe base64 PKCS#7.
    pub chain: String,
    /// The chain's first certificate: what PMS answers the upload with.
    pub leaf: Certificate,
}

/// The service's own signing keys: `ROOT` (self-signed) and `PMS` (signed by `ROOT`), which
/// re-signs partner certificates.
#[derive(Debug, Clone)]
pub struct ServiceKeys {
    pub root: SigningIdentity,
    pub pms: SigningIdentity,
}

/// Re-signs `cert` (checked, whose `path` runs from its issuer to its anchor) with the PMS key,
/// and builds the chain: `[re-signed, PMS, ROOT]`, or for FTM without re-signing
/// `[partner, its path…]`.
pub fn complete_partner_upload(
    cert: &Certificate,
    path: &[&Certificate],
    domain: &PartnerDomain,
    keys: &ServiceKeys,
    rules: ResignRules,
    now: NaiveDateTime,
    rng: &mut impl CryptoRngCore,
) -> Result<PartnerUpload, CertificateError> {
    let resigned = issue::resign(cert, &keys.pms, domain, now, rules.validity_days, rng)?;
    let chain: Vec<&Certificate> = if domain.as_str() == FTM && !rules.resign_ftm {
        std::iter::once(cert).chain(path.iter().copied()).collect()
    } else {
        vec![&resigned, &keys.pms.certificate, &keys.root.certificate]
    };
    let chain = parse::p7b_base64url(&chain);
    let leaf = parse::first_of_chain(&chain)?;
    Ok(PartnerUpload { resigned, chain, leaf })
}
