//! What the policy operations need from the configuration, prepared once at start.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use policy_domain::{PolicySchemas, PolicyType};
use serde_json::Value;

pub use crate::settings::PolicySettings;

/// Why the configuration cannot be used: the service does not start.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("policy.allowed_types: unknown policy type {0:?}")]
    UnknownType(String),
    #[error("policy.schema_dir {} is not a directory", .0.display())]
    NotADirectory(PathBuf),
    #[error("reading {}: {source}", .file.display())]
    Unreadable { file: PathBuf, source: std::io::Error },
    #[error("policy schemas: {0}")]
    BadSchema(String),
}

/// The policy rules of this deployment.
#[derive(Debug)]
pub struct PolicyConfig {
    pub schemas: PolicySchemas,
    pub allowed: Vec<PolicyType>,
    pub schema_url: String,
    /// The values PL14 may reveal: public settings only.
    pub public_config: BTreeMap<String, Value>,
    pub filter_value_limit: i64,
}

impl PolicyConfig {
    /// Compiles the schemas (from `schema_dir` where a file is there, else the built-in ones) and
    /// checks the allowed types.
    pub fn load(src: &PolicySettings) -> Result<PolicyConfig, ConfigError> {
        let mut allowed = Vec::new();
        for name in &src.allowed_types {
            let t = PolicyType::parse(name).ok_or_else(|| ConfigError::UnknownType(name.clone()))?;
            if !allowed.contains(&t) {
                allowed.push(t);
            }
        }
        if let Some(d) = src.schema_dir.as_deref().filter(|d| !d.is_dir()) {
            return Err(ConfigError::NotADirectory(d.to_path_buf()));
        }
        let texts = PolicyType::ALL
            .into_iter()
            .map(|t| Ok((t, schema_text(src.schema_dir.as_deref(), t)?)))
            .collect::<Result<Vec<_>, ConfigError>>()?;
        let schemas = PolicySchemas::from_texts(|t| texts.iter().find(|(k, _)| *k == t).map(|(_, v)| v.clone()))
            .map_err(|e| ConfigError::BadSchema(format!("{e:?}")))?;
        let mut public_config = BTreeMap::new();
        let types = allowed.iter().map(ToString::to_string).collect::<Vec<_>>().join(",");
        public_config.insert("pmp.allowed.policy.types".to_owned(), Value::String(types));
        public_config.insert("pmp.policy.schema.url".to_owned(), Value::String(src.schema_url.clone()));
        for (t, text) in texts {
            let key = format!("pmp.{}.policy.schema", t.as_ref().to_lowercase());
            public_config.insert(key, serde_json::from_str(&text).unwrap_or(Value::String(text)));
        }
        for (k, v) in &src.public_config {
            public_config.insert(k.clone(), config_value(v));
        }
        Ok(PolicyConfig {
            schemas,
            allowed,
            schema_url: src.schema_url.clone(),
            public_config,
            filter_value_limit: src.filter_value_limit.max(1),
        })
    }
}

fn schema_text(dir: Option<&Path>, t: PolicyType) -> Result<String, ConfigError> {
    match dir.map(|d| d.join(t.schema_file())).filter(|f| f.is_file()) {
        Some(file) => std::fs::read_to_string(&file).map_err(|source| ConfigError::Unreadable { file, source }),
        None => Ok(t.builtin_schema().to_owned()),
    }
}

/// A configured value as MOSIP answers it: numbers stay strings, JSON objects are parsed.
fn config_value(v: &str) -> Value {
    if !v.is_empty() && v.chars().all(|c| c.is_ascii_digit()) {
        return Value::String(v.to_owned());
    }
    match serde_json::from_str::<Value>(v) {
        Ok(obj @ Value::Object(_)) => obj,
        _ => Value::String(v.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const URL: &str = "https://schemas.mosip.io/v1/auth-policy";

    fn all_types() -> Vec<String> {
        PolicyType::ALL.iter().map(ToString::to_string).collect()
    }

    fn source(types: &[String], dir: Option<&Path>, public: &BTreeMap<String, String>) -> PolicySettings {
        PolicySettings {
            allowed_types: types.to_vec(),
            schema_dir: dir.map(Path::to_path_buf),
            schema_url: URL.to_owned(),
            public_config: public.clone(),
            filter_value_limit: 0,
        }
    }

    fn misp() -> Value {
        json!({"allowAuthRequestDelegation": true, "allowKycRequestDelegation": true, "allowKeyBindingDelegation": true})
    }

    #[test]
    fn built_in_schemas_and_public_values_without_a_directory() {
        let (types, public) = (all_types(), BTreeMap::new());
        let cfg = PolicyConfig::load(&source(&types, None, &public)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(cfg.allowed, PolicyType::ALL);
        assert!(cfg.schemas.validate(PolicyType::Misp, &misp()).is_ok());
        assert_eq!(cfg.public_config["pmp.policy.schema.url"], URL);
        assert_eq!(cfg.public_config["pmp.datashare.policy.schema"]["required"][0], "dataSharePolicies");
        assert_eq!(cfg.filter_value_limit, 1, "at least one value per column");
    }

    #[test]
    fn a_schema_directory_overrides_per_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let strict = json!({
            "$schema": "http://json-schema.org/draft-04/schema#",
            "type": "object",
            "required": ["allowAuthRequestDelegation", "onlyHere"]
        });
        std::fs::write(dir.path().join("misp-policy-schema.json"), strict.to_string()).unwrap_or_default();
        let types = vec!["auth".to_owned(), "MISP".to_owned(), "Auth".to_owned()];
        let public = [("mosip.pms.filtervalue.max_columns".to_owned(), "100".to_owned())].into();
        let cfg = PolicyConfig::load(&source(&types, Some(dir.path()), &public)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(cfg.allowed, [PolicyType::Auth, PolicyType::Misp]);
        assert!(cfg.schemas.validate(PolicyType::Misp, &misp()).is_err(), "the directory's schema is used");
        let auth = json!({"authTokenType": "random", "allowedAuthTypes": [], "allowedKycAttributes": []});
        assert!(cfg.schemas.validate(PolicyType::Auth, &auth).is_ok(), "files not in the directory are built in");
        assert_eq!(cfg.public_config["pmp.allowed.policy.types"], "Auth,MISP");
        assert_eq!(cfg.public_config["mosip.pms.filtervalue.max_columns"], "100");
    }

    #[test]
    fn bad_schemas_and_unknown_types_stop_the_start() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("auth-policy-schema.json"), r#"{"type": "object"}"#).unwrap_or_default();
        let (types, public) = (all_types(), BTreeMap::new());
        let bad_schema = PolicyConfig::load(&source(&types, Some(dir.path()), &public));
        assert!(matches!(bad_schema, Err(ConfigError::BadSchema(_))));
        let unknown = ["Biometric".to_owned()];
        assert!(matches!(PolicyConfig::load(&source(&unknown, None, &public)), Err(ConfigError::UnknownType(_))));
        let missing = dir.path().join("missing");
        let not_dir = PolicyConfig::load(&source(&types, Some(&missing), &public));
        assert!(matches!(not_dir, Err(ConfigError::NotADirectory(_))));
    }

    #[test]
    fn configured_values_read_like_mosips() {
        assert_eq!(config_value("42"), json!("42"));
        assert_eq!(config_value(r#"{"a":1}"#), json!({"a": 1}));
        assert_eq!(config_value("a,b"), json!("a,b"));
    }
}
