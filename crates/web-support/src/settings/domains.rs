//! The sections of the domain features. Each section is one struct (here or in a submodule), with
//! `#[serde(deny_unknown_fields, default)]` and its defaults in `Default`; document every key in
//! `docs/operations.md`.

mod certificates;
mod onboarding;
mod portal;

use serde::Deserialize;

pub use certificates::{CertificateSettings, MispSettings};
pub use onboarding::{OnboardingSettings, SmtpSettings, SmtpTls};
pub use portal::{PortalSettings, SecureCookies};

/// `[policy]`: policy manager.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PolicySettings {
    /// A directory holding policy JSON schemas under MOSIP's file names (`auth-policy-schema.json`,
    /// `data-share-policy-schema.json`, `misp-policy-schema.json`), e.g. a MOSIP configuration
    /// checkout; a file missing there falls back to the schema built in. Unset: the built-in ones.
    pub schema_dir: Option<std::path::PathBuf>,
    /// The policy types policies may have (MOSIP's `pmp.allowed.policy.types`): a list, or one
    /// comma-separated string (as environment variables give it).
    #[serde(deserialize_with = "list_or_csv")]
    pub allowed_types: Vec<String>,
    /// What publication records as a policy's schema (MOSIP's `pmp.policy.schema.url`).
    pub schema_url: String,
    /// Further public values `GET /policies/config/{key}` answers (never put secrets here).
    pub public_config: std::collections::BTreeMap<String, String>,
    /// The most values one filter-values column answers (MOSIP's `mosip.pms.filtervalue.max_columns`).
    pub filter_value_limit: i64,
}

impl Default for PolicySettings {
    fn default() -> Self {
        PolicySettings {
            schema_dir: None,
            allowed_types: ["Auth", "DataShare", "CredentialIssuance", "MISP"].map(String::from).to_vec(),
            schema_url: "https://schemas.mosip.io/v1/auth-policy".into(),
            public_config: std::collections::BTreeMap::new(),
            filter_value_limit: 100,
        }
    }
}

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
    #[serde(deserialize_with = "string_list")]
    pub languages: Vec<String>,
    /// Partner types whose policy requests need biometric extractors before approval.
    #[serde(deserialize_with = "string_list")]
    pub extractor_partner_types: Vec<String>,
    /// Partner types that may map credential types to policies.
    #[serde(deserialize_with = "string_list")]
    pub credential_type_partner_types: Vec<String>,
    /// Credential types that may be mapped (`pmp.allowed.credential.types`).
    #[serde(deserialize_with = "string_list")]
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

/// A list given as a TOML array or as one comma-separated string (as environment variables are).
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// The items of a comma-separated string, trimmed, blank ones dropped.
fn csv_items(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

/// A list in either form, every item trimmed and blank ones dropped.
fn string_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => csv_items(&s),
        OneOrMany::Many(v) => v.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).map(String::from).collect(),
    })
}

/// A list in either form; a TOML array is taken as it is.
fn list_or_csv<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => csv_items(&s),
        OneOrMany::Many(v) => v,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn lists_come_as_arrays_or_comma_separated_strings() {
        let trimmed = |v| string_list(v).unwrap_or_default();
        assert_eq!(trimmed(json!(" a , ,b")), ["a", "b"]);
        assert_eq!(trimmed(json!([" a", "", "b,c"])), ["a", "b,c"]);
        let as_given = |v| list_or_csv(v).unwrap_or_default();
        assert_eq!(as_given(json!(" a , ,b")), ["a", "b"]);
        assert_eq!(as_given(json!([" a", ""])), [" a", ""]);
    }
}
