//! MOSIP 1.2.2's list of partner policy requests (`GET /partner-policy-requests`): every request
//! for an admin, those of the caller's own partners otherwise (device and FTM providers left
//! out; each other partner must have an existing policy group).

use app_core::paged::{PageQuery, PageRequest, PageResponseV2};
use app_core::time::stamp;
use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use persistence::repo::request_paged::{self as repo, RequestFilter, RequestSortKey, RequestSummaryRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::scope::own_partners;

/// The sort fields of the request list, as MOSIP names them.
pub const REQUEST_SORT_FIELDS: &[(&str, RequestSortKey)] = &[
    ("partnerId", RequestSortKey::PartnerId),
    ("partnerType", RequestSortKey::PartnerType),
    ("orgName", RequestSortKey::OrgName),
    ("policyId", RequestSortKey::PolicyId),
    ("policyGroupName", RequestSortKey::PolicyGroupName),
    ("policyName", RequestSortKey::PolicyName),
    ("status", RequestSortKey::Status),
    ("requestDetail", RequestSortKey::RequestDetail),
    ("createdDateTime", RequestSortKey::CreatedDateTime),
];

/// The query of `GET /partner-policy-requests` (text filters match a case-insensitive
/// substring; `status` exactly).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PolicyRequestsQuery {
    pub partner_id: Option<String>,
    pub partner_comment: Option<String>,
    pub org_name: Option<String>,
    /// `approved`, `rejected` or `InProgress`.
    pub status: Option<String>,
    pub policy_id: Option<String>,
    pub policy_name: Option<String>,
    pub policy_group_name: Option<String>,
    pub partner_type: Option<String>,
}

/// `PartnerPolicyRequestSummaryDto`: one request.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PolicyRequestSummaryDto {
    pub id: String,
    pub partner_id: String,
    /// The partner's state: `activated`, `deactivated`, `InProgress` or `rejected`.
    pub partner_status: Option<String>,
    pub org_name: String,
    pub partner_type: String,
    pub policy_group_id: Option<String>,
    pub policy_group_name: Option<String>,
    pub policy_id: String,
    pub policy_name: Option<String>,
    /// The request's state: `approved`, `rejected` or `InProgress`.
    pub status: String,
    pub created_date_time: String,
    /// The partner's reason for the request.
    pub partner_comment: String,
    pub updated_date_time: Option<String>,
    pub policy_description: Option<String>,
    pub policy_group_description: Option<String>,
}

impl From<RequestSummaryRow> for PolicyRequestSummaryDto {
    fn from(r: RequestSummaryRow) -> Self {
        let partner_status = match (r.partner_approval_status.as_str(), r.partner_is_active) {
            ("approved", true) => Some("activated"),
            ("approved", false) => Some("deactivated"),
            ("InProgress", _) => Some("InProgress"),
            ("rejected", _) => Some("rejected"),
            _ => None,
        };
        PolicyRequestSummaryDto {
            partner_status: partner_status.map(str::to_owned),
            created_date_time: stamp(r.cr_dtimes),
            updated_date_time: r.upd_dtimes.map(stamp),
            id: r.id,
            partner_id: r.partner_id,
            org_name: r.org_name,
            partner_type: r.partner_type,
            policy_group_id: r.policy_group_id,
            policy_group_name: r.policy_group_name,
            policy_id: r.policy_id,
            policy_name: r.policy_name,
            status: r.status,
            partner_comment: r.request_detail,
            policy_description: r.policy_description,
            policy_group_description: r.policy_group_description,
        }
    }
}

/// The page and the filters a request-list query asks for (`PMS_PS_ERROR_007`/`006`/`008`,
/// then `PMS_PRT_357`/`358`/`360`/`361`).
pub fn policy_requests_request(
    paging: &PageQuery,
    q: &PolicyRequestsQuery,
) -> Result<(PageRequest<RequestSortKey>, RequestFilter), AppError> {
    let page = PageRequest::parse_optional(paging, REQUEST_SORT_FIELDS)?;
    let filter = RequestFilter {
        partner_id: q.partner_id.clone(),
        partner_type: q.partner_type.clone(),
        org_name: q.org_name.clone(),
        policy_id: q.policy_id.clone(),
        policy_name: q.policy_name.clone(),
        policy_group_name: q.policy_group_name.clone(),
        partner_comment: q.partner_comment.clone(),
        status: q.status.clone(),
        partners: None,
    };
    Ok((page, filter))
}

/// One page of the policy requests matching `filter` that the caller may see.
pub fn policy_requests(
    store: &Store,
    actor: &Actor,
    page: &PageRequest<RequestSortKey>,
    filter: RequestFilter,
) -> Result<PageResponseV2<PolicyRequestSummaryDto>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetApiKey, None).on_failure(AuditEvent::PolicyMappingMissing, None);
    store.audited_read(plan, |tx| {
        let partners = if actor.is_admin { None } else { Some(own_partners(tx.conn, &actor.user_id, true)?) };
        let filter = RequestFilter { partners, ..filter };
        let sort = page.sort.map(|s| (s.field, s.desc));
        let (rows, total) = repo::request_summaries(tx.conn, &filter, sort, store.paging_of(page))?;
        tx.trail.push(AuditEvent::GetApiKeySuccess, None);
        Ok(PageResponseV2::new(rows.into_iter().map(PolicyRequestSummaryDto::from).collect(), page, total))
    })
}
