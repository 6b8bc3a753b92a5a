//! The wire shapes of the policy-mapping requests.

use chrono::NaiveDateTime;
use persistence::repo::api_key::ApiKeyRow;
use persistence::repo::partner_policy::RequestRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `PartnerPolicyMappingRequest`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerPolicyMappingRequest)]
pub struct MappingBody {
    /// The name of a policy of the partner's policy group (exact).
    #[schema(required = true, example = "mosip policy")]
    pub policy_name: Option<String>,
    /// Why the partner needs the policy; may be empty.
    #[schema(required = true, max_length = 4000, example = "Authenticate residents at our counters")]
    pub use_case_description: Option<String>,
}

impl MappingBody {
    /// The longest use-case description.
    pub const DESCRIPTION_MAX: usize = 4000;
}

/// `PartnerPolicyMappingResponseDto`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[schema(as = PartnerPolicyMappingResponseDto)]
pub struct MappingAnswer {
    /// The request's id (the `{mappingkey}` an admin approves or rejects).
    #[schema(example = "0f8d3d2c-4a5b-4c6d-8e9f-0a1b2c3d4e5f")]
    pub mappingkey: String,
    #[schema(example = "Policy mapping request submitted successfully.")]
    pub message: &'static str,
}

/// `APIkeyRequests`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = APIkeyRequests)]
pub struct PartnerRequestItem {
    /// The request's id.
    #[serde(rename = "apiKeyReqID")]
    #[schema(example = "0f8d3d2c-4a5b-4c6d-8e9f-0a1b2c3d4e5f")]
    pub api_key_req_id: String,
    /// `InProgress`, `approved` or `rejected`.
    #[schema(example = "approved")]
    pub api_key_request_status: String,
    /// A key generated for the policy, or `null`.
    pub partner_api_key: Option<String>,
    /// Whether that key is on (`false` without a key).
    pub apikey_status: bool,
    /// When that key expires (`yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`), or `null`.
    #[serde(serialize_with = "app_core::time::serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-07-30T10:20:30.123Z")]
    pub validity_till: Option<NaiveDateTime>,
}

impl PartnerRequestItem {
    pub(crate) fn without_key(r: &RequestRow) -> Self {
        PartnerRequestItem {
            api_key_req_id: r.id.clone(),
            api_key_request_status: r.status_code.clone(),
            partner_api_key: None,
            apikey_status: false,
            validity_till: None,
        }
    }

    pub(crate) fn with_key(r: &RequestRow, key: ApiKeyRow) -> Self {
        PartnerRequestItem {
            api_key_req_id: r.id.clone(),
            api_key_request_status: r.status_code.clone(),
            partner_api_key: Some(key.policy_api_key),
            apikey_status: key.is_active,
            validity_till: key.valid_to_datetime,
        }
    }
}

/// `ApikeyRequests`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = ApikeyRequests)]
pub struct RequestItem {
    #[serde(rename = "partnerID")]
    #[schema(example = "Tech-123")]
    pub partner_id: String,
    /// The request's status: `InProgress`, `approved` or `rejected`.
    #[schema(example = "InProgress")]
    pub status: String,
    #[schema(example = "Techno")]
    pub organization_name: String,
    pub policy_id: String,
    /// The request's use-case description.
    pub policy_desc: String,
    /// The request's id.
    pub api_key_req_no: String,
}

impl From<(RequestRow, String)> for RequestItem {
    fn from((r, org): (RequestRow, String)) -> Self {
        RequestItem {
            partner_id: r.part_id,
            status: r.status_code,
            organization_name: org,
            policy_id: r.policy_id,
            policy_desc: r.request_detail,
            api_key_req_no: r.id,
        }
    }
}

/// `PartnerAPIKeyRequestsResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerAPIKeyRequestsResponse)]
pub struct RequestList {
    pub apikey_requests: Vec<RequestItem>,
}
