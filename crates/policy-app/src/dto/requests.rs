//! What the policy operations take: MOSIP's request DTOs.

use app_core::search::{FilterValueDto, SearchDto};
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;

/// `PolicyGroupCreateRequestDto` / `PolicyGroupUpdateRequestDto`: `isActive` is for updates only
/// (and required there).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GroupRequest {
    #[schema(required = true, max_length = 128, example = "mpolicygroup-default-auth")]
    pub name: Option<String>,
    #[schema(required = true, max_length = 128, example = "Policies of the authentication partners")]
    pub desc: Option<String>,
    #[schema(example = true)]
    pub is_active: Option<bool>,
}

/// `PolicyCreateRequestDto` / `PolicyUpdateRequestDto` (the update ignores `policyId` and `policyType`).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PolicyBody {
    /// The new policy's id (at most 36 characters); a fresh UUID when absent.
    #[schema(max_length = 36, example = "mpolicy-default-auth")]
    pub policy_id: Option<String>,
    #[schema(required = true, max_length = 128, example = "mpolicygroup-default-auth")]
    pub policy_group_name: Option<String>,
    /// One of `policy.allowed_types` (`Auth`, `DataShare`, `CredentialIssuance`, `MISP`), any case.
    #[schema(required = true, max_length = 128, example = "Auth")]
    pub policy_type: Option<String>,
    #[schema(required = true, max_length = 128, example = "mpolicy-default-auth")]
    pub name: Option<String>,
    #[schema(required = true, max_length = 128, example = "Authentication policy")]
    pub desc: Option<String>,
    #[schema(required = true, max_length = 8, example = "1.0")]
    pub version: Option<String>,
    /// The policy document, valid against the type's JSON schema.
    #[schema(required = true, value_type = Option<Object>)]
    pub policies: Option<Value>,
}

/// `PolicyStatusUpdateRequestDto`: `Active` or `De-Active`, any case.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[schema(as = PolicyStatusBody)]
pub struct StatusBody {
    #[schema(required = true, example = "De-Active")]
    pub status: Option<String>,
}

/// `PolicySearchDto`: a `SearchDto` with `policyType` (`all` or a type).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PolicySearchBody {
    #[serde(flatten)]
    pub search: SearchDto,
    #[schema(required = true, example = "all")]
    pub policy_type: Option<String>,
}

/// `PolicyFilterValueDto`: a `FilterValueDto` with `policyType` (`all` or a type).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PolicyFilterBody {
    #[serde(flatten)]
    pub filter: FilterValueDto,
    #[schema(required = true, example = "Auth")]
    pub policy_type: Option<String>,
}
