//! The P18 answer: a policy as MOSIP's `PartnerCredentialTypePolicyDto` shows it.

use app_core::time::serde_local;
use chrono::NaiveDateTime;
use partner_domain::credential_type::policy_status;
use persistence::repo::partner_policy::PolicyRow;
use serde::Serialize;
use utoipa::ToSchema;

/// `PartnerCredentialTypePolicyDto`; times are `LocalDateTime`s (`yyyy-MM-ddTHH:mm:ss.SSS`, no
/// zone).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerCredentialTypePolicyDto)]
pub struct CredentialTypePolicy {
    #[schema(example = "Tech-123")]
    pub partner_id: String,
    #[schema(example = "euin")]
    pub credential_type: String,
    pub policy_id: String,
    #[schema(example = "mosip policy")]
    pub policy_name: String,
    pub policy_desc: String,
    #[schema(example = "DataShare")]
    pub policy_type: String,
    /// The policy's `valid_from_date`.
    #[serde(serialize_with = "serde_local::serialize")]
    #[schema(value_type = String, example = "2024-05-01T10:20:30.123")]
    pub publish_date: NaiveDateTime,
    /// The policy's `valid_to_date`.
    #[serde(serialize_with = "serde_local::serialize")]
    #[schema(value_type = String, example = "2224-05-01T10:20:30.123")]
    pub valid_till: NaiveDateTime,
    /// `PUBLISHED` (active) or `DRAFTED`.
    #[schema(example = "PUBLISHED")]
    pub status: &'static str,
    #[schema(example = "1.0")]
    pub version: String,
    /// The schema URL of a published policy.
    pub schema: Option<String>,
    #[serde(rename = "is_Active")]
    pub is_active: bool,
    #[serde(rename = "cr_by")]
    pub cr_by: String,
    #[serde(rename = "cr_dtimes", serialize_with = "serde_local::serialize")]
    #[schema(value_type = String, example = "2024-05-01T10:20:30.123")]
    pub cr_dtimes: NaiveDateTime,
    #[serde(rename = "up_by")]
    pub up_by: Option<String>,
    #[serde(rename = "upd_dtimes", serialize_with = "serde_local::option::serialize")]
    #[schema(value_type = Option<String>, example = "2024-05-02T10:20:30.123")]
    pub upd_dtimes: Option<NaiveDateTime>,
    /// The policy document.
    #[schema(value_type = Object)]
    pub policies: serde_json::Value,
}

impl CredentialTypePolicy {
    /// The answer about `p`, or `None` when its stored document is not a JSON object.
    pub(crate) fn of(partner_id: &str, credential_type: String, p: PolicyRow) -> Option<Self> {
        let policies =
            serde_json::from_str::<serde_json::Value>(&p.policy_file_id).ok().filter(serde_json::Value::is_object)?;
        Some(CredentialTypePolicy {
            partner_id: partner_id.to_owned(),
            credential_type,
            policy_id: p.id,
            policy_name: p.name,
            policy_desc: p.descr,
            policy_type: p.policy_type,
            publish_date: p.valid_from_date,
            valid_till: p.valid_to_date,
            status: policy_status(p.is_active),
            version: p.version,
            schema: p.policy_schema,
            is_active: p.is_active,
            cr_by: p.cr_by,
            cr_dtimes: p.cr_dtimes,
            up_by: p.upd_by,
            upd_dtimes: p.upd_dtimes,
            policies,
        })
    }
}
