//! Answer bodies, named as MOSIP's Jackson writes them (a Lombok `boolean isActive` is `active`).

use app_core::time::local;
use device_domain::{DeviceDetail, DeviceSubType, Sbi};
use serde::Serialize;
use utoipa::ToSchema;

/// `IdDto`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct IdDto {
    pub id: String,
}

/// `DeviceDetailSearchResponseDto`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeviceDetailItem {
    pub id: String,
    pub device_provider_id: String,
    pub device_type_code: String,
    pub device_sub_type_code: String,
    pub make: String,
    pub model: String,
    pub partner_organization_name: Option<String>,
    pub active: bool,
    pub approval_status: String,
}

impl From<DeviceDetail> for DeviceDetailItem {
    fn from(d: DeviceDetail) -> Self {
        DeviceDetailItem {
            id: d.id.into_string(),
            device_provider_id: d.provider_id.into_string(),
            device_type_code: d.type_code,
            device_sub_type_code: d.sub_type_code,
            make: d.make,
            model: d.model,
            partner_organization_name: d.partner_org_name,
            active: d.is_active,
            approval_status: d.approval_status,
        }
    }
}

/// `RegistrationSubTypeDto` (MOSIP spells `desciption` so).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeviceSubTypeItem {
    pub code: String,
    pub device_type: String,
    pub name: String,
    pub desciption: Option<String>,
    pub active: bool,
    pub is_deleted: bool,
    pub cr_by: String,
    pub cr_dtimes: String,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<String>,
}

impl From<DeviceSubType> for DeviceSubTypeItem {
    fn from(t: DeviceSubType) -> Self {
        DeviceSubTypeItem {
            code: t.code,
            device_type: t.type_code,
            name: t.name,
            desciption: t.descr,
            active: t.is_active,
            is_deleted: false,
            cr_by: t.cr_by,
            cr_dtimes: local(t.cr_dtimes),
            upd_by: t.upd_by,
            upd_dtimes: t.upd_dtimes.map(local),
        }
    }
}

/// `SbiSearchResponseDto`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SbiItem {
    pub id: String,
    pub sw_binary_hash: String,
    pub sw_version: String,
    /// `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`.
    pub sw_create_date_time: Option<String>,
    pub sw_expiry_date_time: Option<String>,
    pub is_active: bool,
    pub approval_status: String,
    pub provider_id: Option<String>,
    pub partner_organization_name: Option<String>,
    pub deleted: bool,
    pub cr_by: String,
    pub cr_dtimes: String,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<String>,
}

fn zulu(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

impl From<Sbi> for SbiItem {
    fn from(s: Sbi) -> Self {
        SbiItem {
            id: s.id.into_string(),
            sw_binary_hash: s.binary_hash,
            sw_version: s.version,
            sw_create_date_time: s.created.map(zulu),
            sw_expiry_date_time: s.expiry.map(zulu),
            is_active: s.is_active,
            approval_status: s.approval_status,
            provider_id: s.provider_id.map(|p| p.into_string()),
            partner_organization_name: s.partner_org_name,
            deleted: false,
            cr_by: s.cr_by,
            cr_dtimes: local(s.cr_dtimes),
            upd_by: s.upd_by,
            upd_dtimes: s.upd_dtimes.map(local),
        }
    }
}
