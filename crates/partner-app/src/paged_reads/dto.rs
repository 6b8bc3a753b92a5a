//! MOSIP 1.2.2's partner list for admins: its query and its lines.

use app_core::time::stamp;
use persistence::repo::partner_paged::PartnerSummaryRow;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The query of `GET /admin-partners`: paging, sorting and filters (text filters match a
/// case-insensitive substring).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AdminPartnersQuery {
    pub partner_id: Option<String>,
    pub partner_type: Option<String>,
    pub is_active: Option<bool>,
    pub org_name: Option<String>,
    pub email_address: Option<String>,
    /// `uploaded` or `not_uploaded` (another value matches nothing).
    pub certificate_upload_status: Option<String>,
    pub policy_group_name: Option<String>,
}

/// `PartnerSummaryDto`: one line of the partner list.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnerSummaryDto {
    pub partner_id: String,
    #[schema(example = "Auth_Partner")]
    pub partner_type: String,
    pub org_name: String,
    pub policy_group_id: Option<String>,
    pub policy_group_name: Option<String>,
    pub email_address: Option<String>,
    /// `uploaded` or `not_uploaded`.
    #[schema(example = "uploaded")]
    pub certificate_upload_status: String,
    /// The approval status, e.g. `approved`, `InProgress`.
    #[schema(example = "approved")]
    pub status: String,
    pub is_active: bool,
    #[schema(example = "2024-08-01T14:30:00.000+00:00")]
    pub created_date_time: String,
}

impl From<PartnerSummaryRow> for PartnerSummaryDto {
    fn from(r: PartnerSummaryRow) -> Self {
        PartnerSummaryDto {
            certificate_upload_status: if r.certificate_alias.is_some() { "uploaded" } else { "not_uploaded" }
                .to_owned(),
            created_date_time: stamp(r.cr_dtimes),
            partner_id: r.partner_id,
            partner_type: r.partner_type,
            org_name: r.org_name,
            policy_group_id: r.policy_group_id,
            policy_group_name: r.policy_group_name,
            email_address: r.email_address,
            status: r.status,
            is_active: r.is_active,
        }
    }
}
