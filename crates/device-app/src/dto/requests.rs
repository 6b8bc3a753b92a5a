//! Request bodies. Every field is optional here so that a missing one is MOSIP's `PMS_COR_001`,
//! not a parse error; fields MOSIP's DTOs carry but never read (`partnerOrganizationName`,
//! `isItForRegistrationDevice`, `purpose`) are accepted and ignored.

use serde::Deserialize;
use utoipa::ToSchema;

/// `DeviceDetailDto`: a new make and model.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeviceDetailRequest {
    /// Optional; generated when absent. At most 36 characters.
    #[schema(example = "device-id-123")]
    pub id: Option<String>,
    #[schema(required = true, example = "Tech-123")]
    pub device_provider_id: Option<String>,
    #[schema(required = true, example = "Finger")]
    pub device_type_code: Option<String>,
    #[schema(required = true, example = "Slap")]
    pub device_sub_type_code: Option<String>,
    #[schema(required = true, example = "abcde")]
    pub make: Option<String>,
    #[schema(required = true, example = "FRO90000")]
    pub model: Option<String>,
}

/// `DeviceDetailUpdateDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeviceDetailUpdateRequest {
    #[schema(required = true, example = "device-id-123")]
    pub id: Option<String>,
    #[schema(required = true, example = "Finger")]
    pub device_type_code: Option<String>,
    #[schema(required = true, example = "Slap")]
    pub device_sub_type_code: Option<String>,
    #[schema(required = true, example = "abcdef")]
    pub make: Option<String>,
    #[schema(required = true, example = "FRO90000")]
    pub model: Option<String>,
}

/// `UpdateDeviceDetailStatusDto` / `SecureBiometricInterfaceStatusUpdateDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusRequest {
    #[schema(required = true, example = "device-id-123")]
    pub id: Option<String>,
    /// `Activate` or `De-activate`.
    #[schema(required = true, example = "Activate")]
    pub approval_status: Option<String>,
}

/// `SecureBiometricInterfaceCreateDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SbiCreateRequest {
    #[schema(required = true, example = "0")]
    pub sw_binary_hash: Option<String>,
    #[schema(required = true, example = "MO.TD.01")]
    pub sw_version: Option<String>,
    /// ISO-8601; today or earlier.
    #[schema(required = true, example = "2026-12-05T08:23:57.986Z")]
    pub sw_create_date_time: Option<String>,
    /// ISO-8601; after today.
    #[schema(required = true, example = "2030-12-30T08:23:57.986Z")]
    pub sw_expiry_date_time: Option<String>,
    #[schema(required = true, example = "Tech-123")]
    pub provider_id: Option<String>,
}

/// `SecureBiometricInterfaceUpdateDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SbiUpdateRequest {
    #[schema(required = true, example = "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11")]
    pub id: Option<String>,
    #[schema(required = true, example = "0")]
    pub sw_binary_hash: Option<String>,
    #[schema(required = true, example = "MO.TD.100")]
    pub sw_version: Option<String>,
    #[schema(required = true, example = "2026-12-05T08:23:57.986Z")]
    pub sw_create_date_time: Option<String>,
    #[schema(required = true, example = "2030-12-31T07:00:13.375Z")]
    pub sw_expiry_date_time: Option<String>,
    #[schema(required = true, example = true)]
    pub is_active: Option<bool>,
}

/// `DeviceDetailSBIMappingDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MappingRequest {
    #[schema(required = true, example = "device-id-123")]
    pub device_detail_id: Option<String>,
    #[schema(required = true, example = "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11")]
    pub sbi_id: Option<String>,
}

/// `FtpChipDetailDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmChipRequest {
    #[schema(required = true, example = "FTP")]
    pub ftp_provider_id: Option<String>,
    #[schema(required = true, example = "Make123")]
    pub make: Option<String>,
    #[schema(required = true, example = "MODEL-01")]
    pub model: Option<String>,
}

/// `FtpChipDetailUpdateDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmChipUpdateRequest {
    #[schema(required = true, example = "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11")]
    pub ftp_chip_detail_id: Option<String>,
    #[schema(required = true, example = "Make123Updated")]
    pub make: Option<String>,
    #[schema(required = true, example = "MODEL-001")]
    pub model: Option<String>,
}

/// `FtpChipDetailStatusDto`: `true` approves, `false` rejects.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmChipStatusRequest {
    #[schema(required = true, example = "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11")]
    pub ftp_chip_detail_id: Option<String>,
    #[schema(required = true, example = true)]
    pub approval_status: Option<bool>,
}

/// `FtpChipCertificateRequestDto` (MOSIP spells `ftpChipDeatilId` so).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmCertificateRequest {
    #[schema(required = true, example = "FTP")]
    pub ftp_provider_id: Option<String>,
    #[serde(rename = "ftpChipDeatilId")]
    #[schema(required = true, example = "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11")]
    pub ftp_chip_detail_id: Option<String>,
    #[schema(required = true)]
    pub certificate_data: Option<String>,
    #[schema(required = true, example = "ftp")]
    pub organization_name: Option<String>,
    #[schema(required = true, example = "FTM")]
    pub partner_domain: Option<String>,
}
