//! The sections of the domain features. Each section is one struct here, with
//! `#[serde(deny_unknown_fields, default)]` and its defaults in `Default`; document every key in
//! `docs/operations.md`.

use serde::Deserialize;

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

fn list_or_csv<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ListOrCsv {
        List(Vec<String>),
        Csv(String),
    }
    Ok(match ListOrCsv::deserialize(d)? {
        ListOrCsv::List(v) => v,
        ListOrCsv::Csv(s) => s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect(),
    })
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
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PartnerSettings {}

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
