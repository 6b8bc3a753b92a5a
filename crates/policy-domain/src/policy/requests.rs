//! Create, update and status requests of a policy: the received shape, and its validation into
//! a valid request (field constraints first, in MOSIP's order).

use serde_json::Value;

use super::{DESC_MAX, GROUP_NAME_MAX, ID_MAX, NAME_MAX, TYPE_BLANK, TYPE_MAX, VERSION_MAX};
use crate::error::PolicyError;
use crate::fields::Fields;
use crate::types::PolicyType;

/// A create request as received (`PolicyCreateRequestDto`).
#[derive(Debug, Clone, Copy, Default)]
pub struct PolicyRequest<'a> {
    pub policy_id: Option<&'a str>,
    pub policy_group_name: Option<&'a str>,
    pub policy_type: Option<&'a str>,
    pub name: Option<&'a str>,
    pub desc: Option<&'a str>,
    pub version: Option<&'a str>,
    pub policies: Option<&'a Value>,
}

/// A valid create request.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPolicy {
    /// The id the client chose, if any.
    pub policy_id: Option<String>,
    pub group_name: String,
    pub policy_type: PolicyType,
    pub name: String,
    pub desc: String,
    pub version: String,
    pub policies: Value,
}

impl NewPolicy {
    /// Field constraints (`PMS_COR_001`), the document (`PMS_COR_003` when absent), then the type
    /// (`PMS_POL_023` unless one of `allowed`).
    pub fn parse(req: PolicyRequest<'_>, allowed: &[PolicyType]) -> Result<NewPolicy, PolicyError> {
        let mut f = Fields::new();
        let policy_id = f.optional_text("policyId", req.policy_id, ID_MAX);
        let group_name = f.text("policyGroupName", req.policy_group_name, GROUP_NAME_MAX);
        let policy_type = f.text_or("policyType", req.policy_type, TYPE_MAX, TYPE_BLANK);
        let name = f.text("name", req.name, NAME_MAX);
        let desc = f.text("desc", req.desc, DESC_MAX);
        let version = f.text("version", req.version, VERSION_MAX);
        let policies = document(&mut f, req.policies)?;
        f.finish()?;
        let policy_type = PolicyType::parse_allowed(&policy_type, allowed)?;
        Ok(NewPolicy { policy_id, group_name, policy_type, name, desc, version, policies })
    }
}

/// The `policies` document: absent is MOSIP's `PMS_COR_003`; not an object is a field error.
fn document(f: &mut Fields, policies: Option<&Value>) -> Result<Value, PolicyError> {
    match policies {
        None | Some(Value::Null) => {
            if f.is_empty() {
                Err(PolicyError::Unprocessable { field: "policies" })
            } else {
                f.push("policies", "must not be null");
                Ok(Value::Null)
            }
        }
        Some(v @ Value::Object(_)) => Ok(v.clone()),
        Some(_) => {
            f.push("policies", "must be a JSON object");
            Ok(Value::Null)
        }
    }
}

/// An update request as received (`PolicyUpdateRequestDto`).
#[derive(Debug, Clone, Copy, Default)]
pub struct PolicyUpdateRequest<'a> {
    pub policy_group_name: Option<&'a str>,
    pub name: Option<&'a str>,
    pub desc: Option<&'a str>,
    pub version: Option<&'a str>,
    pub policies: Option<&'a Value>,
}

/// A valid update request.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyChange {
    pub group_name: String,
    pub name: String,
    pub desc: String,
    pub version: String,
    pub policies: Value,
}

impl PolicyChange {
    pub fn parse(req: PolicyUpdateRequest<'_>) -> Result<PolicyChange, PolicyError> {
        let mut f = Fields::new();
        let group_name = f.text("policyGroupName", req.policy_group_name, GROUP_NAME_MAX);
        let name = f.text("name", req.name, NAME_MAX);
        let desc = f.text("desc", req.desc, DESC_MAX);
        let version = f.text("version", req.version, VERSION_MAX);
        let policies = document(&mut f, req.policies)?;
        f.finish()?;
        Ok(PolicyChange { group_name, name, desc, version, policies })
    }
}

/// The status a client asks for (`{status}` of the status endpoint): `true` = active.
pub fn parse_status(status: Option<&str>) -> Result<bool, PolicyError> {
    let status = status.ok_or(PolicyError::Unprocessable { field: "status" })?;
    match status.to_ascii_lowercase().as_str() {
        "active" => Ok(true),
        "de-active" => Ok(false),
        _ => Err(PolicyError::BadStatus),
    }
}
