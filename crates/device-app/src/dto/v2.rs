//! MOSIP 1.2.2's request and answer bodies of the SBI and device life cycle and lists.

use app_core::time::{local, stamp};
use device_domain::DeviceDetail;
use device_domain::lifecycle::status_label;
use persistence::repo::device::detail_paged::DeviceSummaryRow;
use persistence::repo::device::mapping::MappedDeviceRow;
use persistence::repo::device::sbi_paged::SbiSummaryRow;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// `DeactivateSbiRequestDto` / `DeactivateDeviceRequestDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct DeactivateRequest {
    /// `De-Activate`.
    #[schema(example = "De-Activate")]
    pub status: Option<String>,
}

/// `SbiAndDeviceMappingRequestDto`: the admin's decision on a device added to an SBI.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeviceApprovalRequest {
    #[schema(example = "Tech-123")]
    pub partner_id: Option<String>,
    #[schema(example = "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11")]
    pub sbi_id: Option<String>,
    /// `approved` or `rejected`.
    #[schema(example = "approved")]
    pub status: Option<String>,
}

/// `SbiDetailsResponseDto`: an SBI after its deactivation.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SbiDetailsDto {
    pub sbi_id: String,
    pub sbi_version: String,
    pub status: String,
    #[serde(rename = "isActive")]
    pub is_active: bool,
}

/// `DeviceDetailResponseDto`: a device after its deactivation.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeviceStateDto {
    pub device_id: String,
    pub status: String,
    #[serde(rename = "isActive")]
    pub is_active: bool,
}

/// `DeviceDto`: a device of an SBI.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SbiDeviceDto {
    pub device_id: String,
    pub device_type_code: String,
    pub device_sub_type_code: String,
    pub device_provider_id: String,
    pub make: String,
    pub model: String,
    /// The approval status (`approved`, `pending_approval`, `rejected`).
    pub status: String,
    #[serde(rename = "isActive")]
    pub is_active: bool,
    /// `yyyy-MM-ddTHH:mm:ss.SSS` (UTC).
    pub created_date_time: String,
}

impl From<DeviceDetail> for SbiDeviceDto {
    fn from(d: DeviceDetail) -> Self {
        SbiDeviceDto {
            device_id: d.id.into_string(),
            device_type_code: d.type_code,
            device_sub_type_code: d.sub_type_code,
            device_provider_id: d.provider_id.into_string(),
            make: d.make,
            model: d.model,
            status: d.approval_status,
            is_active: d.is_active,
            created_date_time: local(d.cr_dtimes),
        }
    }
}

/// The filters of `GET /securebiometricinterface` (text ones match a case-insensitive substring).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct SbiListQuery {
    pub partner_id: Option<String>,
    pub org_name: Option<String>,
    pub sbi_id: Option<String>,
    pub sbi_version: Option<String>,
    /// `approved`, `rejected`, `pending_approval` or `deactivated` (another value matches nothing).
    pub status: Option<String>,
    /// `expired` or `valid` (another value matches nothing).
    pub sbi_expiry_status: Option<String>,
}

/// `SbiSummaryDto`: one SBI of the list.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SbiSummaryDto {
    pub partner_id: Option<String>,
    pub org_name: Option<String>,
    pub sbi_id: String,
    pub sbi_version: String,
    /// `approved`, `deactivated`, `pending_approval` or `rejected`.
    pub status: Option<String>,
    pub is_active: bool,
    pub sbi_created_date_time: Option<String>,
    pub sbi_expiry_date_time: Option<String>,
    /// `expired` (before today) or `valid`.
    pub sbi_expiry_status: String,
    pub count_of_associated_devices: i64,
    pub count_of_approved_devices: i64,
    pub count_of_pending_devices: i64,
    pub created_date_time: String,
}

impl SbiSummaryDto {
    /// The line of `r`, its expiry judged against the start of `today`.
    pub fn of(r: SbiSummaryRow, today: chrono::NaiveDateTime) -> Self {
        SbiSummaryDto {
            status: status_label(&r.approval_status, r.is_active).map(str::to_owned),
            sbi_expiry_status: if r.expiry.is_some_and(|e| e < today) { "expired" } else { "valid" }.to_owned(),
            partner_id: r.provider_id,
            org_name: r.org_name,
            sbi_id: r.id,
            sbi_version: r.version,
            is_active: r.is_active,
            sbi_created_date_time: r.created.map(local),
            sbi_expiry_date_time: r.expiry.map(local),
            count_of_associated_devices: r.associated,
            count_of_approved_devices: r.approved,
            count_of_pending_devices: r.pending,
            created_date_time: local(r.cr_dtimes),
        }
    }
}

/// The filters of `GET /devicedetail` (text ones match a case-insensitive substring).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct DeviceListQuery {
    pub partner_id: Option<String>,
    pub org_name: Option<String>,
    pub device_type: Option<String>,
    pub device_sub_type: Option<String>,
    /// `approved`, `rejected`, `pending_approval` or `deactivated` (another value matches nothing).
    pub status: Option<String>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub sbi_id: Option<String>,
    pub sbi_version: Option<String>,
    pub device_id: Option<String>,
}

/// `DeviceDetailSummaryDto`: one device (and the SBI it is mapped to) of the list.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeviceSummaryDto {
    pub device_id: String,
    pub partner_id: String,
    pub org_name: Option<String>,
    pub device_type: String,
    pub device_sub_type: String,
    /// `approved`, `deactivated`, `pending_approval` or `rejected`.
    pub status: Option<String>,
    pub make: String,
    pub model: String,
    pub created_date_time: String,
    pub sbi_id: Option<String>,
    pub sbi_version: Option<String>,
}

impl From<DeviceSummaryRow> for DeviceSummaryDto {
    fn from(r: DeviceSummaryRow) -> Self {
        DeviceSummaryDto {
            status: status_label(&r.approval_status, r.is_active).map(str::to_owned),
            device_id: r.id,
            partner_id: r.provider_id,
            org_name: r.org_name,
            device_type: r.type_code,
            device_sub_type: r.sub_type_code,
            make: r.make,
            model: r.model,
            created_date_time: local(r.cr_dtimes),
            sbi_id: r.sbi_id,
            sbi_version: r.sbi_version,
        }
    }
}

/// `MappedDeviceDetailsReponse`: a device-SBI mapping of the deprecated mapping search.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MappedDeviceItem {
    pub device_detail_id: String,
    pub sbi_id: String,
    pub provider_id: String,
    pub provider_name: Option<String>,
    pub make: String,
    pub model: String,
    pub device_type_code: String,
    pub device_sub_type_code: String,
    /// The SBI's hash as MOSIP's byte array is written: base64 of its text.
    pub sw_binary_hash: String,
    pub sw_version: String,
    pub cr_by: String,
    pub cr_dtimes: String,
}

impl From<MappedDeviceRow> for MappedDeviceItem {
    fn from(r: MappedDeviceRow) -> Self {
        use base64::Engine;
        MappedDeviceItem {
            sw_binary_hash: base64::engine::general_purpose::STANDARD.encode(r.sw_binary_hash.as_bytes()),
            cr_dtimes: stamp(r.cr_dtimes),
            device_detail_id: r.device_detail_id,
            sbi_id: r.sbi_id,
            provider_id: r.provider_id,
            provider_name: r.provider_name,
            make: r.make,
            model: r.model,
            device_type_code: r.type_code,
            device_sub_type_code: r.sub_type_code,
            sw_version: r.sw_version,
            cr_by: r.cr_by,
        }
    }
}
