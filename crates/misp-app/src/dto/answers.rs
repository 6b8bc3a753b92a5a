//! MOSIP 1.1's answers of the MISP operations.

use misp_domain::Misp;
use serde::Serialize;
use utoipa::ToSchema;

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

#[cfg(test)]
mod tests {
    use super::*;

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
