//! Answers about policies (PL3–PL9, PL13, PL14, PL17).

use app_core::time::{local, stamp};
use policy_domain::{Policy, PolicyError, PolicyGroup};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

/// `PolicyCreateResponseDto` (PL3, PL5).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PolicyCreatedDto {
    pub id: String,
    pub policy_group_name: String,
    pub name: String,
    pub desc: String,
    #[serde(rename = "is_Active")]
    pub is_active: bool,
    #[serde(rename = "cr_by")]
    pub cr_by: String,
    #[serde(rename = "cr_dtimes")]
    pub cr_dtimes: String,
    #[serde(rename = "up_by")]
    pub up_by: Option<String>,
    #[serde(rename = "upd_dtimes")]
    pub upd_dtimes: Option<String>,
}

impl PolicyCreatedDto {
    pub fn new(p: &Policy, group_name: &str) -> Self {
        PolicyCreatedDto {
            id: p.id.clone(),
            policy_group_name: group_name.to_owned(),
            name: p.name.clone(),
            desc: p.desc.clone(),
            is_active: p.is_active,
            cr_by: p.cr_by.clone(),
            cr_dtimes: stamp(p.cr_dtimes),
            up_by: p.upd_by.clone(),
            upd_dtimes: p.upd_dtimes.map(local),
        }
    }
}

/// `PolicyResponseDto` (PL4, PL7, PL8, PL9).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PolicyWithGroupDto {
    #[serde(rename = "policyGroupId")]
    pub policy_group_id: String,
    #[serde(rename = "policyGroupName")]
    pub policy_group_name: String,
    #[serde(rename = "policyGroupDesc")]
    pub policy_group_desc: String,
    #[serde(rename = "policyGroupStatus")]
    pub policy_group_status: bool,
    #[serde(rename = "policyGroup_cr_by")]
    pub policy_group_cr_by: String,
    #[serde(rename = "policyGroup_cr_dtimes")]
    pub policy_group_cr_dtimes: String,
    #[serde(rename = "policyGroup_up_by")]
    pub policy_group_up_by: Option<String>,
    #[serde(rename = "policyGroup_upd_dtimes")]
    pub policy_group_upd_dtimes: Option<String>,
    #[serde(rename = "policyId")]
    pub policy_id: String,
    #[serde(rename = "policyName")]
    pub policy_name: String,
    #[serde(rename = "policyDesc")]
    pub policy_desc: String,
    #[serde(rename = "policyType")]
    pub policy_type: String,
    #[serde(rename = "publishDate")]
    pub publish_date: String,
    #[serde(rename = "validTill")]
    pub valid_till: String,
    pub status: &'static str,
    pub version: String,
    pub schema: Option<String>,
    #[serde(rename = "is_Active")]
    pub is_active: bool,
    pub cr_by: String,
    pub cr_dtimes: String,
    pub up_by: Option<String>,
    pub upd_dtimes: Option<String>,
    /// The policy document.
    #[schema(value_type = Object)]
    pub policies: Value,
}

impl PolicyWithGroupDto {
    /// Fails with `PMS_POL_052` when the stored document is not JSON.
    pub fn new(p: &Policy, g: &PolicyGroup) -> Result<Self, PolicyError> {
        Ok(PolicyWithGroupDto {
            policy_group_id: g.id.clone(),
            policy_group_name: g.name.clone(),
            policy_group_desc: g.desc.clone(),
            policy_group_status: g.is_active,
            policy_group_cr_by: g.cr_by.clone(),
            policy_group_cr_dtimes: local(g.cr_dtimes),
            policy_group_up_by: g.upd_by.clone(),
            policy_group_upd_dtimes: g.upd_dtimes.map(local),
            policy_id: p.id.clone(),
            policy_name: p.name.clone(),
            policy_desc: p.desc.clone(),
            policy_type: p.policy_type.clone(),
            publish_date: local(p.valid_from),
            valid_till: local(p.valid_to),
            status: p.status_label(),
            version: p.version.clone(),
            schema: p.schema.clone(),
            is_active: p.is_active,
            cr_by: p.cr_by.clone(),
            cr_dtimes: local(p.cr_dtimes),
            up_by: p.upd_by.clone(),
            upd_dtimes: p.upd_dtimes.map(local),
            policies: p.document()?,
        })
    }
}

/// `PolicyDetailsDto` (PL17).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActivePolicyDto {
    pub policy_group_id: String,
    pub policy_group_name: String,
    pub id: String,
    pub name: String,
    pub descr: String,
    pub policy_type: String,
}

impl ActivePolicyDto {
    pub fn new(p: &Policy, g: &PolicyGroup) -> Self {
        ActivePolicyDto {
            policy_group_id: g.id.clone(),
            policy_group_name: g.name.clone(),
            id: p.id.clone(),
            name: p.name.clone(),
            descr: p.desc.clone(),
            policy_type: p.policy_type.clone(),
        }
    }
}

/// `SearchAuthPolicy` (PL13): the document as a JSON string.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PolicySearchItem {
    pub id: String,
    pub cr_by: String,
    pub cr_dtimes: String,
    pub del_dtimes: Option<String>,
    pub desc: String,
    pub is_active: bool,
    pub is_deleted: bool,
    pub name: String,
    pub policies: String,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<String>,
    pub valid_from_date: String,
    pub valid_to_date: String,
    pub version: String,
    pub policy_type: String,
    pub schema: Option<String>,
    pub policy_group_id: String,
    pub policy_group_name: Option<String>,
}

impl PolicySearchItem {
    pub fn new(p: &Policy, group_name: Option<&str>) -> Self {
        PolicySearchItem {
            id: p.id.clone(),
            cr_by: p.cr_by.clone(),
            cr_dtimes: stamp(p.cr_dtimes),
            del_dtimes: None,
            desc: p.desc.clone(),
            is_active: p.is_active,
            is_deleted: false,
            name: p.name.clone(),
            policies: p.policies.clone(),
            upd_by: p.upd_by.clone(),
            upd_dtimes: p.upd_dtimes.map(local),
            valid_from_date: local(p.valid_from),
            valid_to_date: local(p.valid_to),
            version: p.version.clone(),
            policy_type: p.policy_type.clone(),
            schema: p.schema.clone(),
            policy_group_id: p.group_id.clone(),
            policy_group_name: group_name.map(str::to_owned),
        }
    }
}

/// `PolicyStatusUpdateResponseDto` (PL6).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatusDto {
    pub message: &'static str,
}

/// `KeyValuePair` (PL14).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConfigDto {
    pub key: String,
    /// A string, a JSON object (a schema), or `null` for a key that is not public or not set.
    #[schema(schema_with = config_value, required = true)]
    pub value: Option<Value>,
}

/// A configuration value: text, or a JSON object (a policy schema), or `null`.
fn config_value() -> utoipa::openapi::schema::Schema {
    use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
    ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::String, Type::Object, Type::Null])).into()
}
