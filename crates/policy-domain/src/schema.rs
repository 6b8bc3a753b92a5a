//! JSON-schema validation of policy documents.
//!
//! The schema text is handed in (the service reads it from its configuration or uses the schemas
//! this crate ships); this module never reads files or the network: `$ref`s to other documents do
//! not resolve. Every violation is reported. The codes follow MOSIP's validator: a missing required
//! property is `PMS_PV_006` "Missing input parameter - <path> in policy data", an unwanted property
//! or a value outside an `enum` is `PMS_PV_005` "Invalid input parameter - <path> in policy data";
//! other violations (wrong type, …), which MOSIP lets pass, are `PMS_PV_005` with the reason appended.
//! Violations are ordered as MOSIP would meet them: outer before inner, and at one place its two
//! kinds first, so `errors[0]` is MOSIP's answer.

use std::collections::HashMap;

use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

use crate::error::{INVALID_IN_POLICY, MISSING_IN_POLICY, PolicyError, Violation};
use crate::types::PolicyType;

/// A compiled schema.
pub struct PolicySchema {
    validator: jsonschema::Validator,
}

impl std::fmt::Debug for PolicySchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PolicySchema")
    }
}

impl PolicySchema {
    /// Compiles schema text. Like MOSIP, the schema must be a JSON object naming `$schema` and
    /// `type`; anything else, or a schema that does not compile, is `PMS_PV_001`.
    pub fn compile(text: &str) -> Result<PolicySchema, PolicyError> {
        let schema: Value =
            serde_json::from_str(text).map_err(|e| PolicyError::SchemaUnreadable(format!("not JSON: {e}")))?;
        let named = |k: &str| schema.get(k).is_some_and(|v| !v.is_null());
        if !schema.is_object() || !named("$schema") || !named("type") {
            return Err(PolicyError::SchemaUnreadable("the schema must be an object with `$schema` and `type`".into()));
        }
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft4)
            .build(&schema)
            .map_err(|e| PolicyError::SchemaUnreadable(e.to_string()))?;
        Ok(PolicySchema { validator })
    }

    /// Every violation of `policy`, MOSIP's first; `Ok` when it conforms.
    pub fn validate(&self, policy: &Value) -> Result<(), PolicyError> {
        let mut found: Vec<(usize, u8, Violation)> = Vec::new();
        for error in self.validator.iter_errors(policy) {
            let at = error.instance_path().as_str().trim_matches('/').to_owned();
            let depth = if at.is_empty() { 0 } else { at.split('/').count() };
            match error.kind() {
                ValidationErrorKind::Required { property } => {
                    let name = property.as_str().map_or_else(|| property.to_string(), str::to_owned);
                    found.push((depth, 0, missing(&join(&at, &name))));
                }
                ValidationErrorKind::AdditionalProperties { unexpected } => {
                    for name in unexpected {
                        found.push((depth, 1, invalid(&join(&at, name), None)));
                    }
                }
                ValidationErrorKind::Enum { .. } => found.push((depth, 1, invalid(&at, None))),
                _ => found.push((depth, 2, invalid(&at, Some(&error.to_string())))),
            }
        }
        if found.is_empty() {
            return Ok(());
        }
        found.sort_by_key(|(depth, rank, _)| (*depth, *rank));
        Err(PolicyError::SchemaViolations(found.into_iter().map(|(_, _, v)| v).collect()))
    }
}

fn join(at: &str, name: &str) -> String {
    if at.is_empty() { name.to_owned() } else { format!("{at}/{name}") }
}

fn missing(path: &str) -> Violation {
    Violation { code: MISSING_IN_POLICY, message: format!("Missing input parameter - {path} in policy data") }
}

fn invalid(path: &str, reason: Option<&str>) -> Violation {
    let path = if path.is_empty() { "policies" } else { path };
    let message = match reason {
        None => format!("Invalid input parameter - {path} in policy data"),
        Some(r) => format!("Invalid input parameter - {path} in policy data: {r}"),
    };
    Violation { code: INVALID_IN_POLICY, message }
}

/// The schema of every policy type.
#[derive(Debug, Default)]
pub struct PolicySchemas {
    by_type: HashMap<PolicyType, PolicySchema>,
}

impl PolicySchemas {
    /// The schemas this crate ships, for every type.
    pub fn builtin() -> Result<PolicySchemas, PolicyError> {
        PolicySchemas::from_texts(|t| Some(t.builtin_schema().to_owned()))
    }

    /// The schemas `text_of` gives per type (types without one have no schema: `PMS_PV_004`).
    pub fn from_texts(mut text_of: impl FnMut(PolicyType) -> Option<String>) -> Result<PolicySchemas, PolicyError> {
        let mut by_type = HashMap::new();
        for t in PolicyType::ALL {
            if let Some(text) = text_of(t) {
                let schema = PolicySchema::compile(&text)
                    .map_err(|e| PolicyError::SchemaUnreadable(format!("{} schema: {e:?}", t.as_ref())))?;
                by_type.insert(t, schema);
            }
        }
        Ok(PolicySchemas { by_type })
    }

    /// Validates `policy` against the schema of `policy_type`.
    pub fn validate(&self, policy_type: PolicyType, policy: &Value) -> Result<(), PolicyError> {
        self.by_type.get(&policy_type).ok_or(PolicyError::SchemaMissing)?.validate(policy)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn schemas() -> PolicySchemas {
        PolicySchemas::builtin().unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn violations(t: PolicyType, policy: Value) -> Vec<(&'static str, String)> {
        match schemas().validate(t, &policy) {
            Ok(()) => Vec::new(),
            Err(e) => e.errors(),
        }
    }

    fn auth() -> Value {
        json!({
            "allowedAuthTypes": [{"authSubType": "FINGER", "authType": "bio", "mandatory": true}],
            "allowedKycAttributes": [{"attributeName": "fullName"}],
            "authTokenType": "partner",
            "kycLanguages": ["eng"]
        })
    }

    fn data_share() -> Value {
        json!({
            "shareableAttributes": [{
                "attributeName": "biometrics",
                "group": "CBEFF",
                "source": [
                    {"attribute": "registration-client/NEW/individualBiometrics", "filter": [{"type": "Iris"}]},
                    {"attribute": "CNIE/verification/biometrics", "filter": [{"type": "Finger"}, {"type": "Finger", "subType": ["Left", "Right"]}, {"language": "eng"}]}
                ],
                "encrypted": true,
                "format": "extraction"
            }],
            "dataSharePolicies": {
                "typeOfShare": "Data Share", "validForInMinutes": "30", "transactionsAllowed": "2",
                "encryptionType": "Partner Based", "shareDomain": "datashare.datashare", "source": "Print",
                "protocol": "http"
            }
        })
    }

    #[test]
    fn valid_policies_of_every_type_pass() {
        let s = schemas();
        assert_eq!(s.validate(PolicyType::Auth, &auth()), Ok(()));
        assert_eq!(s.validate(PolicyType::DataShare, &data_share()), Ok(()));
        assert_eq!(s.validate(PolicyType::CredentialIssuance, &data_share()), Ok(()));
        let misp = json!({"allowAuthRequestDelegation": true, "allowKycRequestDelegation": false, "allowKeyBindingDelegation": true});
        assert_eq!(s.validate(PolicyType::Misp, &misp), Ok(()));
    }

    #[test]
    fn a_missing_property_is_pv_006_with_its_path() {
        let mut p = auth();
        p["allowedAuthTypes"][0].as_object_mut().map(|o| o.remove("authType"));
        assert_eq!(
            violations(PolicyType::Auth, p),
            [("PMS_PV_006", "Missing input parameter - allowedAuthTypes/0/authType in policy data".to_owned())]
        );
    }

    #[test]
    fn an_enum_mismatch_and_an_unwanted_property_are_pv_005() {
        let mut p = auth();
        p["authTokenType"] = json!("Policy");
        assert_eq!(
            violations(PolicyType::Auth, p),
            [("PMS_PV_005", "Invalid input parameter - authTokenType in policy data".to_owned())]
        );
        let mut p = auth();
        p["extra"] = json!(1);
        assert_eq!(
            violations(PolicyType::Auth, p),
            [("PMS_PV_005", "Invalid input parameter - extra in policy data".to_owned())]
        );
        let mut p = data_share();
        p["dataSharePolicies"]["typeOfShare"] = json!("Direct");
        assert_eq!(violations(PolicyType::DataShare, p)[0].0, "PMS_PV_005");
    }

    #[test]
    fn every_violation_is_reported_outer_first() {
        let p = json!({
            "allowedAuthTypes": [{"authSubType": "FINGER", "mandatory": "yes"}],
            "authTokenType": "none",
            "unknown": true
        });
        let got = violations(PolicyType::Auth, p);
        let codes: Vec<&str> = got.iter().map(|(c, _)| *c).collect();
        let messages: Vec<&str> = got.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(&codes[..2], ["PMS_PV_006", "PMS_PV_005"], "{got:?}");
        assert!(messages[0].contains("allowedKycAttributes"), "{got:?}");
        assert!(messages.iter().any(|m| m.contains("unknown")), "{got:?}");
        assert!(messages.iter().any(|m| m.contains("authTokenType")), "{got:?}");
        assert!(messages.iter().any(|m| m.contains("allowedAuthTypes/0/authType")), "{got:?}");
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("Invalid input parameter - allowedAuthTypes/0/mandatory in policy data:")),
            "{got:?}"
        );
    }

    #[test]
    fn positional_filters_are_checked_by_position() {
        let mut p = data_share();
        p["shareableAttributes"][0]["source"][1]["filter"][1]["subType"] = json!(["Left", 3]);
        let got = violations(PolicyType::DataShare, p);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1.contains("shareableAttributes/0/source/1/filter/1/subType/1"), "{got:?}");
    }

    #[test]
    fn misp_policies_need_their_three_flags() {
        let got = violations(PolicyType::Misp, json!({"allowAuthRequestDelegation": true}));
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|(c, _)| *c == "PMS_PV_006"));
    }

    #[test]
    fn bad_schemas_are_pv_001() {
        assert!(matches!(PolicySchema::compile("{"), Err(PolicyError::SchemaUnreadable(_))));
        assert!(matches!(PolicySchema::compile(r#"{"type": "object"}"#), Err(PolicyError::SchemaUnreadable(_))));
        assert!(matches!(
            PolicySchema::compile(r#"{"$schema": "http://json-schema.org/draft-04/schema#", "type": 5}"#),
            Err(PolicyError::SchemaUnreadable(_))
        ));
        assert_eq!(PolicyError::SchemaUnreadable(String::new()).code(), "PMS_PV_001");
    }

    #[test]
    fn a_type_without_a_schema_is_pv_004() {
        let s = PolicySchemas::from_texts(|t| (t == PolicyType::Auth).then(|| t.builtin_schema().to_owned()))
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.validate(PolicyType::Misp, &json!({})), Err(PolicyError::SchemaMissing));
    }

    #[test]
    fn mosips_own_schemas_compile_when_present() {
        let Some(dir) = std::env::var_os("PMS_SHARED_DIR")
            .map(std::path::PathBuf::from)
            .or_else(|| Some(std::path::PathBuf::from("../../../shared")))
            .map(|d| d.join("reference/policy-schemas"))
            .filter(|d| d.is_dir())
        else {
            return;
        };
        let s = PolicySchemas::from_texts(|t| std::fs::read_to_string(dir.join(t.schema_file())).ok())
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.validate(PolicyType::Auth, &auth()), Ok(()));
        assert_eq!(s.validate(PolicyType::DataShare, &data_share()), Ok(()));
    }
}
