//! MOSIP's entities as its read operations answer them: MISPs and licences (1.1), and the licences
//! of MISP partners (1.2). Times are Jackson's `LocalDateTime` ([`jackson`]).

use app_core::time::jackson;
use misp_domain::{License, Misp};
use serde::Serialize;
use utoipa::ToSchema;

/// `MISPEntity`, its id once (MOSIP repeats it as `ID`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MispEntity {
    pub id: String,
    pub name: String,
    pub address: Option<String>,
    pub contact_number: Option<String>,
    pub email_id: Option<String>,
    #[serde(rename = "userID")]
    pub user_id: String,
    #[serde(rename = "status_code")]
    pub status_code: &'static str,
    pub is_active: bool,
    pub created_by: String,
    pub created_date_time: String,
    pub updated_by: Option<String>,
    pub updated_date_time: Option<String>,
    pub is_deleted: bool,
    pub deleted_date_time: Option<String>,
}

impl From<&Misp> for MispEntity {
    fn from(m: &Misp) -> Self {
        MispEntity {
            id: m.id.clone(),
            name: m.name.clone(),
            address: m.address.clone(),
            contact_number: m.contact_no.clone(),
            email_id: m.email_id.clone(),
            user_id: m.user_id.clone(),
            status_code: m.status.as_str(),
            is_active: m.is_active,
            created_by: m.cr_by.clone(),
            created_date_time: jackson(m.cr_dtimes),
            updated_by: m.upd_by.clone(),
            updated_date_time: m.upd_dtimes.map(jackson),
            is_deleted: false,
            deleted_date_time: None,
        }
    }
}

/// `{misp_id, license_key}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct LicenseUniqueKey {
    pub misp_id: String,
    pub license_key: String,
}

/// MOSIP 1.1 `MISPLicenseEntity`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LicenseEntity11 {
    pub misp_license_unique_key: LicenseUniqueKey,
    pub valid_from_date: String,
    pub valid_to_date: String,
    pub is_active: bool,
    pub created_by: String,
    pub created_date_time: String,
    pub updated_by: Option<String>,
    pub updated_date_time: Option<String>,
    pub is_deleted: bool,
    pub deleted_date_time: Option<String>,
}

impl From<&License> for LicenseEntity11 {
    fn from(l: &License) -> Self {
        LicenseEntity11 {
            misp_license_unique_key: LicenseUniqueKey { misp_id: l.misp_id.clone(), license_key: l.key.clone() },
            valid_from_date: jackson(l.valid_from),
            valid_to_date: jackson(l.valid_to),
            is_active: l.is_active,
            created_by: l.cr_by.clone(),
            created_date_time: jackson(l.cr_dtimes),
            updated_by: l.upd_by.clone(),
            updated_date_time: l.upd_dtimes.map(jackson),
            is_deleted: false,
            deleted_date_time: None,
        }
    }
}

/// A MISP with its licences (E7–E9).
#[derive(Debug, Serialize, ToSchema)]
pub struct MispWithLicenses {
    pub misp: MispEntity,
    pub misp_licenses: Vec<LicenseEntity11>,
}

impl MispWithLicenses {
    /// Each MISP of `misps` with its keys out of `keys`.
    pub fn group(misps: &[Misp], keys: &[License]) -> Vec<MispWithLicenses> {
        misps
            .iter()
            .map(|m| MispWithLicenses {
                misp: MispEntity::from(m),
                misp_licenses: keys.iter().filter(|k| k.misp_id == m.id).map(LicenseEntity11::from).collect(),
            })
            .collect()
    }
}

/// The key a MISP downloads (E10).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Download {
    pub license_key: String,
    /// `yyyy-MM-dd`.
    pub license_key_expiry: String,
    pub license_key_status: &'static str,
}

impl From<&License> for Download {
    fn from(l: &License) -> Self {
        Download {
            license_key: l.key.clone(),
            license_key_expiry: l.valid_to.format("%Y-%m-%d").to_string(),
            license_key_status: "Active",
        }
    }
}

/// `MISPLicenseResponseDto`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProviderLicense {
    pub provider_id: String,
    pub license_key: String,
    pub license_key_status: &'static str,
    pub license_key_expiry: String,
}

impl ProviderLicense {
    pub fn new(l: &License, status: &'static str) -> Self {
        ProviderLicense {
            provider_id: l.misp_id.clone(),
            license_key: l.key.clone(),
            license_key_status: status,
            license_key_expiry: jackson(l.valid_to),
        }
    }
}

/// MOSIP 1.2 `MISPLicenseEntity`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LicenseEntity12 {
    pub misp_id: String,
    pub policy_id: Option<String>,
    pub license_key: String,
    pub valid_from_date: String,
    pub valid_to_date: String,
    pub is_active: bool,
    pub created_by: String,
    pub created_date_time: String,
    pub updated_by: Option<String>,
    pub updated_date_time: Option<String>,
    pub is_deleted: bool,
    pub deleted_date_time: Option<String>,
}

impl From<&License> for LicenseEntity12 {
    fn from(l: &License) -> Self {
        LicenseEntity12 {
            misp_id: l.misp_id.clone(),
            policy_id: l.policy_id.clone(),
            license_key: l.key.clone(),
            valid_from_date: jackson(l.valid_from),
            valid_to_date: jackson(l.valid_to),
            is_active: l.is_active,
            created_by: l.cr_by.clone(),
            created_date_time: jackson(l.cr_dtimes),
            updated_by: l.upd_by.clone(),
            updated_date_time: l.upd_dtimes.map(jackson),
            is_deleted: false,
            deleted_date_time: None,
        }
    }
}
