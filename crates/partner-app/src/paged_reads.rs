//! MOSIP 1.2.2's paged reads of the partner manager: the partner list for admins
//! (`GET /admin-partners`), the policy requests (`GET /partner-policy-requests`) and the API keys
//! (`GET /partner-api-keys`), filtered,
//! sorted and paged in SQL; and the caller's own partners (`GET /partners/v3`, not paged).

mod api_keys;
mod dto;
mod partners_v3;
mod policy_requests;
mod scope;

use app_core::paged::{PageQuery, PageRequest, PageResponseV2};
use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use persistence::repo::partner_paged::{self as repo, PartnerFilter, PartnerSortKey};

pub use api_keys::{ApiKeySummaryDto, ApiKeysQuery, KEY_SORT_FIELDS, api_keys, api_keys_request};
pub use dto::{AdminPartnersQuery, PartnerSummaryDto};
pub use partners_v3::{PartnerDtoV3, PartnersV3Query, partners_v3, select_partners_v3};
pub use policy_requests::{
    PolicyRequestSummaryDto, PolicyRequestsQuery, REQUEST_SORT_FIELDS, policy_requests, policy_requests_request,
};

/// The sort fields of the partner list, as MOSIP names them.
pub const PARTNER_SORT_FIELDS: &[(&str, PartnerSortKey)] = &[
    ("partnerId", PartnerSortKey::PartnerId),
    ("partnerType", PartnerSortKey::PartnerType),
    ("orgName", PartnerSortKey::OrgName),
    ("policyGroupId", PartnerSortKey::PolicyGroupId),
    ("policyGroupName", PartnerSortKey::PolicyGroupName),
    ("emailAddress", PartnerSortKey::EmailAddress),
    ("certificateUploadStatus", PartnerSortKey::CertificateUploadStatus),
    ("status", PartnerSortKey::Status),
    ("isActive", PartnerSortKey::IsActive),
    ("createdDateTime", PartnerSortKey::CreatedDateTime),
];

/// The page and the filters an admin-partners query asks for (`PMS_PS_ERROR_007`, then
/// `PMS_PRT_357`/`358`/`360`/`361`).
pub fn admin_partners_request(
    paging: &PageQuery,
    q: &AdminPartnersQuery,
) -> Result<(PageRequest<PartnerSortKey>, PartnerFilter), AppError> {
    let page = PageRequest::parse_paired(paging, PARTNER_SORT_FIELDS)?;
    let filter = PartnerFilter {
        partner_id: q.partner_id.clone(),
        partner_type: q.partner_type.clone(),
        org_name: q.org_name.clone(),
        policy_group_name: q.policy_group_name.clone(),
        email_address: q.email_address.clone(),
        certificate_uploaded: q.certificate_upload_status.as_deref().map(|s| match s {
            "uploaded" => Some(true),
            "not_uploaded" => Some(false),
            _ => None,
        }),
        is_active: q.is_active,
    };
    Ok((page, filter))
}

/// One page of the partners matching `filter`.
pub fn admin_partners(
    store: &Store,
    actor: &Actor,
    page: &PageRequest<PartnerSortKey>,
    filter: &PartnerFilter,
) -> Result<PageResponseV2<PartnerSummaryDto>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPartner, None).on_failure(AuditEvent::PartnerMissing, None);
    store.audited_read(plan, |tx| {
        let sort = page.sort.map(|s| (s.field, s.desc));
        let (rows, total) = repo::partner_summaries(tx.conn, filter, sort, store.paging_of(page))?;
        tx.trail.push(AuditEvent::GetPartnerSuccess, None);
        Ok(PageResponseV2::new(rows.into_iter().map(PartnerSummaryDto::from).collect(), page, total))
    })
}

#[cfg(test)]
mod tests;
