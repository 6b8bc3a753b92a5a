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
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CertificateSettings {}

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

/// `[onboarding]`: self-service sign-up, OTP, local accounts and login.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OnboardingSettings {}

/// `[smtp]`: outgoing mail.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmtpSettings {}
