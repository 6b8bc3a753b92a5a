//! `[policy]`: the policy manager's settings; [`crate::PolicyConfig::load`] checks them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use app_core::settings::list_or_csv;
use serde::Deserialize;

/// `[policy]` as configured.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PolicySettings {
    /// A directory holding policy JSON schemas under MOSIP's file names (`auth-policy-schema.json`,
    /// `data-share-policy-schema.json`, `misp-policy-schema.json`), e.g. a MOSIP configuration
    /// checkout; a file missing there falls back to the schema built in. Unset: the built-in ones.
    pub schema_dir: Option<PathBuf>,
    /// The policy types policies may have (MOSIP's `pmp.allowed.policy.types`): a list, or one
    /// comma-separated string (as environment variables give it).
    #[serde(deserialize_with = "list_or_csv")]
    pub allowed_types: Vec<String>,
    /// What publication records as a policy's schema (MOSIP's `pmp.policy.schema.url`).
    pub schema_url: String,
    /// Further public values `GET /policies/config/{key}` answers (never put secrets here).
    pub public_config: BTreeMap<String, String>,
    /// The most values one filter-values column answers (MOSIP's `mosip.pms.filtervalue.max_columns`).
    pub filter_value_limit: i64,
}

impl Default for PolicySettings {
    fn default() -> Self {
        PolicySettings {
            schema_dir: None,
            allowed_types: ["Auth", "DataShare", "CredentialIssuance", "MISP"].map(String::from).to_vec(),
            schema_url: "https://schemas.mosip.io/v1/auth-policy".into(),
            public_config: BTreeMap::new(),
            filter_value_limit: 100,
        }
    }
}

#[cfg(test)]
mod tests {
    use policy_domain::PolicyType;

    use super::*;
    use crate::PolicyConfig;

    #[test]
    fn the_default_settings_are_mosips() {
        let cfg = PolicyConfig::load(&PolicySettings::default()).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(cfg.allowed, PolicyType::ALL);
        assert_eq!(cfg.public_config["pmp.policy.schema.url"], "https://schemas.mosip.io/v1/auth-policy");
        assert_eq!(cfg.public_config["pmp.auth.policy.schema"]["type"], "object");
    }

    #[test]
    fn bad_settings_stop_the_start() {
        let settings = PolicySettings { allowed_types: vec!["Biometric".into()], ..PolicySettings::default() };
        let e = PolicyConfig::load(&settings).err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("policy.allowed_types: unknown policy type \"Biometric\""));
    }
}
