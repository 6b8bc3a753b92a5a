//! Answers about policy groups (PL1, PL2, PL10, PL11, PL12).

use app_core::time::local;
use policy_domain::{Policy, PolicyError, PolicyGroup};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

/// `PolicyGroupCreateResponseDto` (PL1, PL2).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroupDto {
    pub id: String,
    pub name: String,
    pub desc: String,
    #[serde(rename = "is_Active")]
    pub is_active: bool,
    pub cr_by: String,
    pub cr_dtimes: String,
    pub up_by: Option<String>,
    pub upd_dtimes: Option<String>,
}

impl From<&PolicyGroup> for GroupDto {
    fn from(g: &PolicyGroup) -> Self {
        GroupDto {
            id: g.id.clone(),
            name: g.name.clone(),
            desc: g.desc.clone(),
            is_active: g.is_active,
            cr_by: g.cr_by.clone(),
            cr_dtimes: local(g.cr_dtimes),
            up_by: g.upd_by.clone(),
            upd_dtimes: g.upd_dtimes.map(local),
        }
    }
}

/// The `PolicyGroup` entity as MOSIP serialises it (PL10, PL11, PL12).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GroupEntity {
    pub id: String,
    pub cr_by: String,
    pub cr_dtimes: String,
    pub del_dtimes: Option<String>,
    pub desc: String,
    pub is_active: bool,
    pub is_deleted: bool,
    pub name: String,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<String>,
    pub user_id: String,
}

impl From<&PolicyGroup> for GroupEntity {
    fn from(g: &PolicyGroup) -> Self {
        GroupEntity {
            id: g.id.clone(),
            cr_by: g.cr_by.clone(),
            cr_dtimes: local(g.cr_dtimes),
            del_dtimes: None,
            desc: g.desc.clone(),
            is_active: g.is_active,
            is_deleted: false,
            name: g.name.clone(),
            upd_by: g.upd_by.clone(),
            upd_dtimes: g.upd_dtimes.map(local),
            user_id: g.user_id.clone(),
        }
    }
}

/// `PolicyDto`: a policy inside a group answer (PL10, PL11).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PolicyInGroupDto {
    #[serde(rename = "policyId")]
    pub policy_id: String,
    #[serde(rename = "policyName")]
    pub policy_name: String,
    #[serde(rename = "policyDesc")]
    pub policy_desc: String,
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

impl PolicyInGroupDto {
    pub fn new(p: &Policy) -> Result<Self, PolicyError> {
        Ok(PolicyInGroupDto {
            policy_id: p.id.clone(),
            policy_name: p.name.clone(),
            policy_desc: p.desc.clone(),
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

/// `PolicyWithAuthPolicyDto` (PL10, PL11).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GroupWithPoliciesDto {
    pub policy_group: GroupEntity,
    pub policies: Vec<PolicyInGroupDto>,
}

impl GroupWithPoliciesDto {
    pub fn new(g: &PolicyGroup, policies: &[Policy]) -> Result<Self, PolicyError> {
        Ok(GroupWithPoliciesDto {
            policy_group: GroupEntity::from(g),
            policies: policies.iter().map(PolicyInGroupDto::new).collect::<Result<_, _>>()?,
        })
    }
}
