//! The rows the partner searches answer (MOSIP's entities and search response DTOs).

use app_core::time::serde_mosip;
use chrono::NaiveDateTime;
use persistence::repo::api_key::ApiKeyRow;
use persistence::repo::partner::{PartnerRow, PartnerTypeRow};
use persistence::repo::partner_policy::RequestRow;
use serde::Serialize;
use utoipa::ToSchema;

/// `PartnerSearchResponseDto`.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerSearchResponseDto)]
pub struct PartnerItem {
    pub id: String,
    pub address: Option<String>,
    pub contact_no: Option<String>,
    pub cr_by: String,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    pub cr_dtimes: NaiveDateTime,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    pub del_dtimes: Option<NaiveDateTime>,
    pub email_id: Option<String>,
    pub is_active: bool,
    pub is_deleted: bool,
    pub name: String,
    pub policy_group_id: Option<String>,
    pub certificate_alias: Option<String>,
    pub partner_type_code: String,
    pub approval_status: String,
    pub upd_by: Option<String>,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    pub upd_dtimes: Option<NaiveDateTime>,
    pub user_id: String,
    pub lang_code: Option<String>,
}

impl From<PartnerRow> for PartnerItem {
    fn from(p: PartnerRow) -> Self {
        PartnerItem {
            id: p.id,
            address: p.address,
            contact_no: p.contact_no,
            cr_by: p.cr_by,
            cr_dtimes: p.cr_dtimes,
            del_dtimes: p.del_dtimes,
            email_id: p.email_id,
            is_active: p.is_active,
            is_deleted: p.is_deleted,
            name: p.name,
            policy_group_id: p.policy_group_id,
            certificate_alias: p.certificate_alias,
            partner_type_code: p.partner_type_code,
            approval_status: p.approval_status,
            upd_by: p.upd_by,
            upd_dtimes: p.upd_dtimes,
            user_id: p.user_id,
            lang_code: p.lang_code,
        }
    }
}

/// The `PartnerType` entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerType)]
pub struct PartnerTypeItem {
    pub code: String,
    pub cr_by: String,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    pub cr_dtimes: NaiveDateTime,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    pub del_dtimes: Option<NaiveDateTime>,
    pub is_active: bool,
    pub is_deleted: bool,
    pub partner_description: String,
    pub upd_by: Option<String>,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    pub upd_dtimes: Option<NaiveDateTime>,
    pub is_policy_required: bool,
}

impl From<PartnerTypeRow> for PartnerTypeItem {
    fn from(t: PartnerTypeRow) -> Self {
        PartnerTypeItem {
            code: t.code,
            cr_by: t.cr_by,
            cr_dtimes: t.cr_dtimes,
            del_dtimes: t.del_dtimes,
            is_active: t.is_active,
            is_deleted: t.is_deleted,
            partner_description: t.partner_description,
            upd_by: t.upd_by,
            upd_dtimes: t.upd_dtimes,
            is_policy_required: t.is_policy_required,
        }
    }
}

/// `PolicyRequestSearchResponseDto`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PolicyRequestSearchResponseDto)]
pub struct RequestItem {
    pub apikey_request_id: String,
    pub cr_by: String,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    pub cr_dtimes: NaiveDateTime,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    pub del_dtimes: Option<NaiveDateTime>,
    pub is_deleted: bool,
    pub policy_id: String,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    pub request_datetimes: NaiveDateTime,
    pub request_detail: String,
    pub status_code: String,
    pub upd_by: Option<String>,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    pub upd_dtimes: Option<NaiveDateTime>,
    pub partner_id: String,
    pub partner_name: Option<String>,
    pub policy_name: Option<String>,
}

impl RequestItem {
    /// The row, with the names of its partner and policy (when they exist).
    pub(crate) fn named(r: RequestRow, partner_name: Option<String>, policy_name: Option<String>) -> Self {
        RequestItem {
            partner_name,
            policy_name,
            apikey_request_id: r.id,
            cr_by: r.cr_by,
            cr_dtimes: r.cr_dtimes,
            del_dtimes: r.del_dtimes,
            is_deleted: r.is_deleted,
            policy_id: r.policy_id,
            request_datetimes: r.request_datetimes,
            request_detail: r.request_detail,
            status_code: r.status_code,
            upd_by: r.upd_by,
            upd_dtimes: r.upd_dtimes,
            partner_id: r.part_id,
        }
    }
}

/// `PartnerPolicySearchResponseDto` (the key itself is never shown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerPolicySearchResponseDto)]
pub struct KeyItem {
    pub label: String,
    pub cr_by: String,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    pub cr_dtimes: NaiveDateTime,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    pub del_dtimes: Option<NaiveDateTime>,
    pub is_active: bool,
    pub is_deleted: bool,
    pub policy_id: String,
    pub policy_name: Option<String>,
    pub upd_by: Option<String>,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    pub upd_dtimes: Option<NaiveDateTime>,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    pub valid_from_datetime: NaiveDateTime,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    pub valid_to_datetime: Option<NaiveDateTime>,
    pub partner_id: String,
    pub partner_name: Option<String>,
}

impl KeyItem {
    /// The row, with the names of its partner and policy (when they exist).
    pub(crate) fn named(r: ApiKeyRow, partner_name: Option<String>, policy_name: Option<String>) -> Self {
        KeyItem {
            partner_name,
            policy_name,
            label: r.label,
            cr_by: r.cr_by,
            cr_dtimes: r.cr_dtimes,
            del_dtimes: r.del_dtimes,
            is_active: r.is_active,
            is_deleted: r.is_deleted,
            policy_id: r.policy_id,
            upd_by: r.upd_by,
            upd_dtimes: r.upd_dtimes,
            valid_from_datetime: r.valid_from_datetime,
            valid_to_datetime: r.valid_to_datetime,
            partner_id: r.part_id,
        }
    }
}
