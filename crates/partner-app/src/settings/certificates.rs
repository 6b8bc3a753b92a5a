//! `[certificates]`: CA and partner certificate handling (MOSIP's keymanager rules).

use std::sync::Arc;

use app_core::secrets::Keyring;
use app_core::settings::string_list;
use partner_domain::certificate::SignerSubject;
use serde::Deserialize;

use crate::certificates::CertificateConfig;

/// `[certificates]` as configured.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CertificateSettings {
    /// Allowed `partnerDomain` values (keymanager's `mosip.kernel.partner.allowed.domains`): a
    /// list, or one comma-separated string (as an environment variable gives it).
    #[serde(deserialize_with = "string_list")]
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
            allowed_domains: ["AUTH", "DEVICE", "FTM", "MISP"].map(String::from).to_vec(),
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

impl CertificateSettings {
    /// The certificate operations' configuration, the service's keys sealed under `secrets`.
    pub fn config(&self, secrets: Arc<Keyring>) -> CertificateConfig {
        CertificateConfig {
            allowed_domains: self.allowed_domains.clone(),
            resign_validity_years: self.resign_validity_years,
            grace_days: self.grace_days,
            resign_ftm: self.resign_ftm_domain_certs,
            max_certificate_bytes: self.max_certificate_bytes,
            root_validity_days: self.root_validity_days,
            pms_validity_days: self.pms_validity_days,
            signer: SignerSubject {
                common_name: self.signer_common_name.clone(),
                organizational_unit: self.signer_organizational_unit.clone(),
                organization: self.signer_organization.clone(),
                locality: self.signer_locality.clone(),
                state: self.signer_state.clone(),
                country: self.signer_country.clone(),
            },
            secrets,
        }
    }
}
