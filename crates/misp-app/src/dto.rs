//! The wire shapes: requests (every field optional, so that a missing one is a validation error)
//! and responses, with MOSIP's field names and Java's date-time renderings.

use chrono::{NaiveDateTime, Timelike};
use misp_domain::{License, Misp};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

// ---- Java date-time renderings

/// Java `LocalDateTime.toString()`: `yyyy-MM-ddTHH:mm`, then `:ss` unless seconds and fraction are
/// zero, then the fraction in 3, 6 or 9 digits when not zero.
pub fn java_to_string(t: NaiveDateTime) -> String {
    let nanos = t.nanosecond() % 1_000_000_000;
    let mut s = t.format("%Y-%m-%dT%H:%M").to_string();
    if t.second() != 0 || nanos != 0 {
        s.push_str(&t.format(":%S").to_string());
    }
    if nanos != 0 {
        let nine = format!("{nanos:09}");
        let digits = if nine.ends_with("000000") {
            3
        } else if nine.ends_with("000") {
            6
        } else {
            9
        };
        s.push('.');
        s.push_str(&nine[..digits]);
    }
    s
}

/// Jackson's `LocalDateTime` (ISO_LOCAL_DATE_TIME): seconds always, the fraction without
/// trailing zeros, e.g. `2020-05-15T16:08:33.767993`.
pub fn jackson(t: NaiveDateTime) -> String {
    let nanos = t.nanosecond() % 1_000_000_000;
    let mut s = t.format("%Y-%m-%dT%H:%M:%S").to_string();
    if nanos != 0 {
        let fraction = format!("{nanos:09}");
        s.push('.');
        s.push_str(fraction.trim_end_matches('0'));
    }
    s
}

fn jackson_opt(t: Option<NaiveDateTime>) -> Option<String> {
    t.map(jackson)
}

// ---- MOSIP 1.1 requests

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

// ---- MOSIP 1.1 responses

/// E1's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Registered {
    #[serde(rename = "mispID")]
    pub misp_id: String,
    #[serde(rename = "mispStatus")]
    pub misp_status: &'static str,
}

/// E2's answer; the key fields are `null` on a rejection.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusUpdated {
    #[serde(rename = "mispID")]
    pub misp_id: String,
    #[serde(rename = "mispStatus")]
    pub misp_status: &'static str,
    #[serde(rename = "mispStatusCode")]
    pub misp_status_code: &'static str,
    pub message: &'static str,
    #[serde(rename = "mispLicenseKey")]
    pub misp_license_key: Option<String>,
    #[serde(rename = "mispLicenseKeyExpiry")]
    pub misp_license_key_expiry: Option<String>,
    #[serde(rename = "mispLicenseKeyStatus")]
    pub misp_license_key_status: Option<&'static str>,
}

/// E3's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Updated {
    #[serde(rename = "mispID")]
    pub misp_id: String,
    pub name: String,
    #[serde(rename = "contactNumber")]
    pub contact_number: Option<String>,
    #[serde(rename = "emailID")]
    pub email_id: Option<String>,
    pub address: Option<String>,
}

impl From<&Misp> for Updated {
    fn from(m: &Misp) -> Self {
        Updated {
            misp_id: m.id.clone(),
            name: m.name.clone(),
            contact_number: m.contact_no.clone(),
            email_id: m.email_id.clone(),
            address: m.address.clone(),
        }
    }
}

/// The answer of a key validation; each flag once (MOSIP repeats them as `active` and `valid`).
#[derive(Debug, Serialize, ToSchema)]
pub struct Validated {
    pub misp_id: String,
    #[serde(rename = "licenseKey")]
    pub license_key: String,
    #[serde(rename = "validFrom")]
    pub valid_from: String,
    #[serde(rename = "validTo")]
    pub valid_to: String,
    #[serde(rename = "isActive")]
    pub is_active: bool,
    #[serde(rename = "isValid")]
    pub is_valid: bool,
    pub message: String,
}

/// `{message}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Message {
    pub message: &'static str,
}

/// E6's answer: the state as sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct KeyStatus {
    #[serde(rename = "mispLicenseKeyStatus")]
    pub misp_license_key_status: String,
}

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
            updated_date_time: jackson_opt(m.upd_dtimes),
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
            updated_date_time: jackson_opt(l.upd_dtimes),
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
            updated_date_time: jackson_opt(l.upd_dtimes),
            is_deleted: false,
            deleted_date_time: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn java_to_string_uses_3_6_or_9_fraction_digits() {
        assert_eq!(java_to_string(at("2020-05-15 16:08:33.767993400")), "2020-05-15T16:08:33.767993400");
        assert_eq!(java_to_string(at("2020-05-15 16:08:33.767993")), "2020-05-15T16:08:33.767993");
        assert_eq!(java_to_string(at("2020-05-15 16:08:33.760")), "2020-05-15T16:08:33.760");
        assert_eq!(java_to_string(at("2020-05-15 16:08:33")), "2020-05-15T16:08:33");
        assert_eq!(java_to_string(at("2020-05-15 16:08:00")), "2020-05-15T16:08");
    }

    #[test]
    fn jackson_trims_the_fraction_and_keeps_seconds() {
        assert_eq!(jackson(at("2020-05-15 16:08:33.767993")), "2020-05-15T16:08:33.767993");
        assert_eq!(jackson(at("2020-05-15 16:08:33.760")), "2020-05-15T16:08:33.76");
        assert_eq!(jackson(at("2020-05-15 16:08:00")), "2020-05-15T16:08:00");
    }

    #[test]
    fn validation_answers_carry_each_flag_once() {
        let v = Validated {
            misp_id: "100".into(),
            license_key: "k".into(),
            valid_from: "a".into(),
            valid_to: "b".into(),
            is_active: true,
            is_valid: false,
            message: "m".into(),
        };
        let json = serde_json::to_value(&v).unwrap_or_default();
        let keys: Vec<&String> = json.as_object().map(|o| o.keys().collect()).unwrap_or_default();
        assert_eq!(keys.len(), 7);
        assert!(json.get("active").is_none() && json.get("valid").is_none());
        assert_eq!(json["isActive"], true);
        assert_eq!(json["misp_id"], "100");
    }
}
