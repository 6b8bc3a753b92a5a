//! `/v1/policymanager/policies/**`: policy groups and policies (MOSIP's policy manager, PL1–PL17).
//!
//! Every answer of this scope, errors included, has no `metadata` key, as MOSIP's policy manager
//! answers.

mod config;
mod dto;
pub(crate) mod groups;
pub(crate) mod policies;
pub(crate) mod search;

use std::collections::BTreeMap;
use std::path::Path;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError, web};
use anyhow::Context;
use policy_domain::{PolicyError, PolicySchemas, PolicyType};
use serde::Serialize;
use serde_json::Value;
use web_support::openapi::Registrar;
use web_support::settings::PolicySettings;
use web_support::{ApiError, Flavor, ResponseEnvelope};

use crate::error::refused;

/// What the policy routes need from the configuration, prepared once at start.
pub struct PolicyState {
    pub schemas: PolicySchemas,
    pub allowed: Vec<PolicyType>,
    pub schema_url: String,
    /// The values `GET /policies/config/{key}` may reveal: public settings only.
    pub public_config: BTreeMap<String, Value>,
    /// The most values a filter-values column answers.
    pub filter_value_limit: i64,
}

impl PolicyState {
    /// Compiles the schemas (from `schema_dir` where a file is there, else the built-in ones) and
    /// checks the allowed types; a bad schema or an unknown type stops the start.
    pub fn load(settings: &PolicySettings) -> anyhow::Result<PolicyState> {
        let mut allowed = Vec::new();
        for name in &settings.allowed_types {
            let t = PolicyType::parse(name)
                .with_context(|| format!("policy.allowed_types: unknown policy type {name:?}"))?;
            if !allowed.contains(&t) {
                allowed.push(t);
            }
        }
        let dir = settings.schema_dir.as_deref();
        if let Some(d) = dir {
            anyhow::ensure!(d.is_dir(), "policy.schema_dir {} is not a directory", d.display());
        }
        let mut texts = BTreeMap::new();
        for t in PolicyType::ALL {
            texts.insert(t.as_ref().to_owned(), schema_text(dir, t)?);
        }
        let schemas = PolicySchemas::from_texts(|t| texts.remove(t.as_ref()))
            .map_err(|e| anyhow::anyhow!("policy schemas: {e:?}"))?;
        let mut public_config = BTreeMap::new();
        let types = allowed.iter().map(ToString::to_string).collect::<Vec<_>>().join(",");
        public_config.insert("pmp.allowed.policy.types".to_owned(), Value::String(types));
        public_config.insert("pmp.policy.schema.url".to_owned(), Value::String(settings.schema_url.clone()));
        for t in PolicyType::ALL {
            let key = format!("pmp.{}.policy.schema", t.as_ref().to_lowercase());
            let text = schema_text(dir, t)?;
            public_config.insert(key, serde_json::from_str(&text).unwrap_or(Value::String(text)));
        }
        for (k, v) in &settings.public_config {
            public_config.insert(k.clone(), config_value(v));
        }
        Ok(PolicyState {
            schemas,
            allowed,
            schema_url: settings.schema_url.clone(),
            public_config,
            filter_value_limit: settings.filter_value_limit.max(1),
        })
    }
}

fn schema_text(dir: Option<&Path>, t: PolicyType) -> anyhow::Result<String> {
    match dir.map(|d| d.join(t.schema_file())).filter(|f| f.is_file()) {
        Some(file) => std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display())),
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

/// An error of this scope: rendered like any `ApiError`, but without `metadata`.
#[derive(Debug)]
pub struct Failure(ApiError);

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl ResponseError for Failure {
    fn status_code(&self) -> StatusCode {
        self.0.status
    }

    fn error_response(&self) -> HttpResponse {
        self.0.clone().flavor(Flavor::WithoutMetadata).error_response()
    }
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Self {
        Failure(e)
    }
}

impl From<PolicyError> for Failure {
    fn from(e: PolicyError) -> Self {
        Failure(refused(e))
    }
}

pub type Answer = Result<HttpResponse, Failure>;

/// A success envelope of this scope.
fn ok<T: Serialize>(response: T) -> HttpResponse {
    HttpResponse::Ok().json(ResponseEnvelope::ok(response).flavor(Flavor::WithoutMetadata))
}

/// A success envelope echoing the request's `id` and `version` (MOSIP does so on its writes).
fn echo<T: Serialize>(response: T, id: Option<String>, version: Option<String>) -> HttpResponse {
    HttpResponse::Ok().json(ResponseEnvelope::ok(response).flavor(Flavor::WithoutMetadata).echo(id, version))
}

/// A fresh record id.
fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A unique constraint refused a write that the checks before it let through: a concurrent
/// request won; answer as if the checks had seen it.
fn lost_race(e: persistence::QueryError, refusal: PolicyError) -> ApiError {
    if persistence::is_unique_violation(&e) { refused(refusal) } else { e.into() }
}

/// Bodies and path segments this scope cannot read are answered without `metadata` too.
fn json_config() -> web::JsonConfig {
    web_support::extract::json_config().error_handler(|err, _req| {
        let why = match &err {
            actix_web::error::JsonPayloadError::Deserialize(e) if e.is_data() => {
                format!("request body has the wrong shape ({e})")
            }
            actix_web::error::JsonPayloadError::Deserialize(e) => format!("request body is not valid JSON ({e})"),
            other => other.to_string(),
        };
        Failure(ApiError::malformed(why)).into()
    })
}

/// Registers the policy manager's routes (relative to `/v1/policymanager`), literal paths before
/// variable ones.
pub fn register(r: &mut Registrar<'_>) {
    r.app_data(json_config())
        .other_methods(|| Failure(ApiError::method_not_allowed()).error_response())
        .post("/policies/group/new", groups::create)
        .post("/policies/group/search", search::groups)
        .post("/policies/group/filtervalues", search::group_values)
        .post("/policies/search", search::policies)
        .post("/policies/filtervalues", search::policy_values)
        .get("/policies/group/all", groups::all)
        .resource("/policies/group/{policygroupId}", |m| m.get(groups::get).put(groups::update))
        .get("/policies/config/{key}", config::value)
        .get("/policies/active/group/{groupName}", policies::active_of_group)
        .resource("/policies", |m| m.post(policies::create).get(policies::all))
        .post("/policies/{policyId}/group/{policygroupId}/publish", policies::publish)
        .resource("/policies/{policyId}/group/{policygroupId}", |m| m.patch(policies::status))
        .get("/policies/{policyId}/partner/{partnerId}", policies::of_partner)
        .resource("/policies/{policyId}", |m| m.get(policies::get).put(policies::update));
}

/// The policy manager's operations (paths relative to `/v1/policymanager`).
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        groups::create,
        groups::update,
        groups::get,
        groups::all,
        search::groups,
        search::group_values,
        policies::create,
        policies::update,
        policies::publish,
        policies::status,
        policies::all,
        policies::get,
        policies::of_partner,
        policies::active_of_group,
        search::policies,
        search::policy_values,
        config::value,
    ),
    tags(
        (name = "Policy groups", description = "MOSIP's policy groups (PL1, PL2, PL10–PL12, PL15)"),
        (name = "Policies", description = "MOSIP's policies: drafts, publishing, reads and searches (PL3–PL9, PL13, PL14, PL16, PL17)"),
    )
)]
pub struct PolicyApi;

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn misp() -> Value {
        json!({"allowAuthRequestDelegation": true, "allowKycRequestDelegation": true, "allowKeyBindingDelegation": true})
    }

    #[test]
    fn built_in_schemas_and_public_values_by_default() {
        let state = PolicyState::load(&PolicySettings::default()).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(state.allowed, PolicyType::ALL);
        assert!(state.schemas.validate(PolicyType::Misp, &misp()).is_ok());
        assert_eq!(state.public_config["pmp.policy.schema.url"], "https://schemas.mosip.io/v1/auth-policy");
        assert_eq!(state.public_config["pmp.datashare.policy.schema"]["required"][0], "dataSharePolicies");
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
        let settings = PolicySettings {
            schema_dir: Some(dir.path().to_path_buf()),
            allowed_types: vec!["auth".into(), "MISP".into()],
            public_config: [("mosip.pms.filtervalue.max_columns".to_owned(), "100".to_owned())].into(),
            ..PolicySettings::default()
        };
        let state = PolicyState::load(&settings).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(state.allowed, [PolicyType::Auth, PolicyType::Misp]);
        assert!(state.schemas.validate(PolicyType::Misp, &misp()).is_err(), "the directory's schema is used");
        let auth = json!({"authTokenType": "random", "allowedAuthTypes": [], "allowedKycAttributes": []});
        assert!(state.schemas.validate(PolicyType::Auth, &auth).is_ok(), "files not in the directory are built in");
        assert_eq!(state.public_config["pmp.allowed.policy.types"], "Auth,MISP");
        assert_eq!(state.public_config["mosip.pms.filtervalue.max_columns"], "100");
    }

    #[test]
    fn bad_schemas_and_unknown_types_stop_the_start() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("auth-policy-schema.json"), r#"{"type": "object"}"#).unwrap_or_default();
        let settings = PolicySettings { schema_dir: Some(dir.path().to_path_buf()), ..PolicySettings::default() };
        assert!(PolicyState::load(&settings).is_err());
        let settings = PolicySettings { allowed_types: vec!["Biometric".into()], ..PolicySettings::default() };
        assert!(PolicyState::load(&settings).is_err());
        let settings = PolicySettings { schema_dir: Some(dir.path().join("missing")), ..PolicySettings::default() };
        assert!(PolicyState::load(&settings).is_err());
    }

    #[test]
    fn configured_values_read_like_mosips() {
        assert_eq!(config_value("42"), json!("42"));
        assert_eq!(config_value(r#"{"a":1}"#), json!({"a": 1}));
        assert_eq!(config_value("a,b"), json!("a,b"));
    }
}
