//! Requests, MOSIP 1.1 (E1–E6) and the 1.2 licence API of MISP partners.

use serde::Deserialize;
use utoipa::ToSchema;

// ---- MOSIP 1.1

/// E1: a MISP to register (every field required).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RegisterRequest {
    #[schema(required = true, max_length = 128, example = "Airtel Money")]
    pub organization_name: Option<String>,
    #[schema(required = true, max_length = 16, example = "9876543210")]
    pub contact_number: Option<String>,
    #[schema(required = true, max_length = 256, example = "misp@example.org")]
    pub email_id: Option<String>,
    #[schema(required = true, max_length = 2000, example = "1 Main Street, Bengaluru")]
    pub address: Option<String>,
}

/// E3: the MISP's new details (a full replace; every field required).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRequest {
    #[schema(required = true, max_length = 128, example = "Airtel Money")]
    pub name: Option<String>,
    #[schema(required = true, max_length = 16, example = "9876543210")]
    pub contact_number: Option<String>,
    #[schema(required = true, max_length = 256, example = "misp@example.org")]
    pub email_id: Option<String>,
    #[schema(required = true, max_length = 2000, example = "1 Main Street, Bengaluru")]
    pub address: Option<String>,
}

/// Approve/reject (E2: `approved` | `rejected`) and activate/deactivate (E5: `active` |
/// `de-active`), any case: `{mispStatus}` (a `mispId` is ignored).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusRequest {
    #[schema(required = true, example = "approved")]
    pub misp_status: Option<String>,
}

/// E4: the key to validate.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ValidateRequest {
    #[schema(required = true, example = "ZGXtTg8ce5mbp0lb3zvnlT7BESKvNcJzXVBWgkIuuiSWxBIzsb")]
    pub misp_license_key: Option<String>,
}

/// E6: a key and its new state, `active` | `de-active`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct KeyStatusRequest {
    #[schema(required = true, example = "ZGXtTg8ce5mbp0lb3zvnlT7BESKvNcJzXVBWgkIuuiSWxBIzsb")]
    pub misp_license_key: Option<String>,
    #[schema(required = true, example = "de-active")]
    pub misp_license_key_status: Option<String>,
}

// ---- MOSIP 1.2 licence API of MISP partners

/// `MISPLicenseRequestDto`: the MISP partner to issue a key to.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProviderRequest {
    #[schema(required = true, max_length = 36, example = "misp-partner-1")]
    pub provider_id: Option<String>,
}

/// `MISPLicenseUpdateRequestDto`: a key of the partner and its new state, `active` | `de-active`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProviderKeyRequest {
    #[schema(required = true, max_length = 36, example = "misp-partner-1")]
    pub provider_id: Option<String>,
    #[schema(required = true, example = "de-active")]
    pub license_key_status: Option<String>,
    #[schema(required = true, example = "ZGXtTg8ce5mbp0lb3zvnlT7BESKvNcJzXVBWgkIuuiSWxBIzsb")]
    pub license_key: Option<String>,
}
