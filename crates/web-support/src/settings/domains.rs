//! The sections of the domain features. Each section is one struct here, with
//! `#[serde(deny_unknown_fields, default)]` and its defaults in `Default`; document every key in
//! `docs/operations.md`.

use serde::Deserialize;

/// `[policy]`: policy manager.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PolicySettings {}

/// `[partner]`: partner manager (registration, API keys, extractors, credential types).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PartnerSettings {}

/// `[certificates]`: CA and partner certificate handling (MOSIP's keymanager rules).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CertificateSettings {
    /// Allowed `partnerDomain` values (keymanager's `mosip.kernel.partner.allowed.domains`): a
    /// list, or one comma-separated string (as an environment variable gives it).
    #[serde(deserialize_with = "list_or_csv")]
    pub allowed_domains: Vec<String>,
    /// Validity of a re-signed partner certificate, in years; also the minimum remaining
    /// validity of an uploaded one (`mosip.kernel.partner.issuer.certificate.duration.years`).
    pub resign_validity_years: u32,
    /// Days subtracted from that minimum (`…issuer.certificate.allowed.grace.duration`).
    pub grace_days: u32,
    /// FTM partners get the re-signed chain back too (`mosip.kernel.partner.resign.ftm.domain.certs`).
    pub resign_ftm_domain_certs: bool,
    /// Longest `certificateData` accepted, in bytes.
    pub max_certificate_bytes: usize,
    /// Validity of the service's ROOT key certificate, in days.
    pub root_validity_days: u32,
    /// Validity of the service's PMS key certificate (which re-signs partner certificates), in days.
    pub pms_validity_days: u32,
    /// Subject of the service's own certificates: `CN=<common_name> (<ROOT|PMS>),OU=…,O=…,L=…,ST=…,C=…`.
    pub signer_common_name: String,
    pub signer_organizational_unit: String,
    pub signer_organization: String,
    pub signer_locality: String,
    pub signer_state: String,
    pub signer_country: String,
}

impl Default for CertificateSettings {
    fn default() -> Self {
        CertificateSettings {
            allowed_domains: ["AUTH", "DEVICE", "FTM", "MISP"].iter().map(|d| (*d).to_owned()).collect(),
            resign_validity_years: 1,
            grace_days: 30,
            resign_ftm_domain_certs: false,
            max_certificate_bytes: 64 * 1024,
            root_validity_days: 2920,
            pms_validity_days: 1460,
            signer_common_name: "www.mosip.io".into(),
            signer_organizational_unit: "MOSIP-TECH-CENTER".into(),
            signer_organization: "IITB".into(),
            signer_locality: "BANGALORE".into(),
            signer_state: "KA".into(),
            signer_country: "IN".into(),
        }
    }
}

/// `[misp]`: MISPs and licence keys.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MispSettings {}

/// `[onboarding]`: self-service sign-up, OTP, local accounts and login.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OnboardingSettings {}

/// `[smtp]`: outgoing mail.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmtpSettings {}

/// A list of strings, or one string of comma-separated values.
fn list_or_csv<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ListOrCsv {
        List(Vec<String>),
        Csv(String),
    }
    Ok(match ListOrCsv::deserialize(d)? {
        ListOrCsv::List(items) => items,
        ListOrCsv::Csv(text) => text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect(),
    })
}
