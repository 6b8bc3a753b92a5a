//! The wire shapes of the API-key operations.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `APIKeyGenerateRequestDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = APIKeyGenerateRequestDto)]
pub struct GenerateBody {
    /// The name of a policy of the partner's group, whose request was approved.
    #[schema(required = true, example = "mosip policy")]
    pub policy_name: Option<String>,
    /// The key's name, unique for the partner and policy; whitespace runs count as one space.
    #[schema(required = true, max_length = 36, example = "counter-1")]
    pub label: Option<String>,
}

/// `APIKeyGenerateResponseDto`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = APIKeyGenerateResponseDto)]
pub struct Generated {
    /// The new key, in lowercase hexadecimal characters.
    #[schema(example = "5f0e4c2a9b7d3e1f8a6c4b2d0e9f7a5c3b1d8e6f4a2c0b9d7e5f3a1c8b6d4e2f")]
    pub api_key: String,
    #[schema(example = "counter-1")]
    pub label: String,
    pub policy_id: String,
    #[schema(example = "Tech-123")]
    pub partner_id: String,
}

/// `APIkeyStatusUpdateRequestDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[schema(as = APIkeyStatusUpdateRequestDto)]
pub struct KeyStatusBody {
    /// The key's label.
    #[schema(required = true, example = "counter-1")]
    pub label: Option<String>,
    /// `Active` or `De-Active`, in any case.
    #[schema(required = true, example = "De-Active")]
    pub status: Option<String>,
}

/// `PartnersPolicyMappingRequest`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[schema(as = PartnersPolicyMappingRequest)]
pub struct RemapBody {
    /// The key's current policy.
    #[serde(rename = "oldPolicyID")]
    #[schema(required = true)]
    pub old_policy_id: Option<String>,
    /// An active policy of the partner's (active) group.
    #[serde(rename = "newPolicyID")]
    #[schema(required = true)]
    pub new_policy_id: Option<String>,
}

/// `PartnerAPIKeyToPolicyMappingsResponse`: the partner and policy of a key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerAPIKeyToPolicyMappingsResponse)]
pub struct KeyMapping {
    #[serde(rename = "partnerID")]
    #[schema(example = "Tech-123")]
    pub partner_id: String,
    pub policy_id: String,
}
