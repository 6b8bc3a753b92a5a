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
mod tests;
