//! MOSIP 1.2.2's answers and requests: the active groups, the paged policy list and the
//! deactivations.

use app_core::time::stamp;
use persistence::repo::policy_paged::PolicySummaryRow;
use policy_domain::{PolicyGroup, PolicyStatus};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// `PolicyGroupDto`: one active group.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PolicyGroupItem {
    pub id: String,
    pub description: String,
    pub name: String,
}

impl From<&PolicyGroup> for PolicyGroupItem {
    fn from(g: &PolicyGroup) -> Self {
        PolicyGroupItem { id: g.id.clone(), description: g.desc.clone(), name: g.name.clone() }
    }
}

/// `PolicySummaryDto`: one line of the paged policy list.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PolicySummaryDto {
    pub policy_id: String,
    pub policy_name: String,
    pub policy_description: String,
    pub policy_group_id: String,
    pub policy_group_name: String,
    /// `draft`, `activated` or `deactivated`.
    #[schema(example = "activated")]
    pub status: String,
    #[schema(example = "2024-08-01T14:30:00.000+00:00")]
    pub created_date_time: String,
}

impl From<PolicySummaryRow> for PolicySummaryDto {
    fn from(r: PolicySummaryRow) -> Self {
        PolicySummaryDto {
            status: PolicyStatus::from_columns(r.policy_schema.is_some(), r.is_active).label().to_owned(),
            created_date_time: stamp(r.cr_dtimes),
            policy_id: r.policy_id,
            policy_name: r.policy_name,
            policy_description: r.policy_description,
            policy_group_id: r.policy_group_id,
            policy_group_name: r.policy_group_name,
        }
    }
}

/// The query of `GET /policies/v2`: paging, sorting and filters (text filters match a
/// case-insensitive substring).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PolicyListQuery {
    pub policy_type: Option<String>,
    pub policy_id: Option<String>,
    pub policy_name: Option<String>,
    pub policy_description: Option<String>,
    pub policy_group_name: Option<String>,
    /// `activated`, `deactivated` or `draft` (another value matches nothing).
    pub status: Option<String>,
}

/// `DeactivateRequestDto`: `{"status": "De-Activate"}`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct DeactivateBody {
    #[schema(example = "De-Activate")]
    pub status: Option<String>,
}

/// `DeactivatePolicyResponseDto`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeactivatedPolicyDto {
    pub policy_id: String,
    pub is_active: bool,
}

/// `DeactivatePolicyGroupResponseDto`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeactivatedGroupDto {
    pub policy_group_id: String,
    pub is_active: bool,
}
