//! `[certificates]` and `[misp]`: certificate handling (MOSIP's keymanager rules), and MISPs with
//! their licence keys.

use serde::Deserialize;

use super::string_list;

/// `[certificates]`: CA and partner certificate handling (MOSIP's keymanager rules).
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

/// `[misp]`: MISPs and licence keys (misp-license-service). Checked at its start.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MispSettings {
    /// Characters in a licence key, 16–128 (MOSIP `mosip.kernel.idgenerator.misp.license-key-length`).
    pub license_key_length: usize,
    /// Days a new licence key is valid (MOSIP `mosip.pmp.misp.license.expiry.period.indays`).
    pub license_validity_days: i64,
    /// Digits of the first MISP id, 1–9: the first id is 10^(n-1) (MOSIP `mosip.kernel.mispid.length`).
    pub id_length: u32,
    /// Comma-separated roles that approve, reject, (de)activate MISPs, switch keys and act on
    /// every MISP (besides `auth.admin_role`).
    pub admin_roles: String,
    /// Comma-separated roles of MISP users on the MOSIP 1.1 API: they register MISPs, and read,
    /// update and download the keys of their own.
    pub misp_roles: String,
    /// Comma-separated roles that may validate the licence key of any MISP (ID-Authentication).
    pub validator_roles: String,
    /// The partner type of MOSIP 1.2 MISP partners (MOSIP `mosip.pms.misp.partner.type`).
    pub partner_type: String,
}

impl Default for MispSettings {
    fn default() -> Self {
        MispSettings {
            license_key_length: 50,
            license_validity_days: 90,
            id_length: 3,
            admin_roles: "PARTNER_ADMIN".into(),
            misp_roles: "MISP".into(),
            validator_roles: "ID_AUTHENTICATION".into(),
            partner_type: "MISP_Partner".into(),
        }
    }
}
