//! The sections of the domain features. Each section is one struct here, with
//! `#[serde(deny_unknown_fields, default)]` and its defaults in `Default`; document every key in
//! `docs/operations.md`.

use serde::Deserialize;

/// `[policy]`: policy manager.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PolicySettings {}

/// `[partner]`: partner manager (registration, API keys, extractors, credential types).
/// Lists may also be given as one comma-separated string (handy in `PMS__PARTNER__…` variables).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PartnerSettings {
    /// Days an API key stays valid (`valid_to`); MOSIP's `mosip.pmp.partner.policy.expiry.period.indays`.
    pub api_key_expiry_days: u32,
    /// Longest partner id at registration (`pmp.partner.partnerId.max.length`).
    pub partner_id_max_length: usize,
    /// Longest contact number (`pmp.partner.mobileNumber.max.length`).
    pub mobile_number_max_length: usize,
    /// Pattern partner and contact e-mails must match (`pmp.partner.valid.email.address.regex`).
    pub email_regex: String,
    /// Supported language codes (`mosip.mandatory-languages` + `mosip.optional-languages`); the
    /// first is the default.
    #[serde(deserialize_with = "partner_list")]
    pub languages: Vec<String>,
    /// Partner types whose policy requests need biometric extractors before approval.
    #[serde(deserialize_with = "partner_list")]
    pub extractor_partner_types: Vec<String>,
    /// Partner types that may map credential types to policies.
    #[serde(deserialize_with = "partner_list")]
    pub credential_type_partner_types: Vec<String>,
    /// Credential types that may be mapped (`pmp.allowed.credential.types`).
    #[serde(deserialize_with = "partner_list")]
    pub allowed_credential_types: Vec<String>,
    /// The partner type whose deactivation switches off its MISP licence keys.
    pub misp_partner_type: String,
    /// Most values a filter-values request answers per column (`mosip.pms.filtervalue.max_columns`).
    pub filter_values_max: i64,
}

impl Default for PartnerSettings {
    fn default() -> Self {
        let list = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect();
        PartnerSettings {
            api_key_expiry_days: 90,
            partner_id_max_length: 36,
            mobile_number_max_length: 16,
            email_regex: r"^(?-u:[\w\-+])+(\.(?-u:\w)+)*@(?-u:[\w\-])+(\.(?-u:\w)+)*(\.[a-z]{2,})$".into(),
            languages: list(&["eng", "ara", "fra"]),
            extractor_partner_types: list(&["Credential_Partner", "Online_Verification_Partner"]),
            credential_type_partner_types: list(&["Credential_Partner", "Online_Verification_Partner", "Auth_Partner"]),
            allowed_credential_types: list(&["auth", "qrcode", "euin", "reprint", "vercred", "opencrvs"]),
            misp_partner_type: "MISP_Partner".into(),
            filter_values_max: 100,
        }
    }
}

/// A list given as a sequence or as one comma-separated string.
fn partner_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        One(String),
        Many(Vec<String>),
    }
    let items = match Raw::deserialize(d)? {
        Raw::One(s) => s.split(',').map(str::to_owned).collect(),
        Raw::Many(v) => v,
    };
    Ok(items.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect())
}

/// `[certificates]`: CA and partner certificate handling (MOSIP's keymanager rules).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CertificateSettings {}

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
