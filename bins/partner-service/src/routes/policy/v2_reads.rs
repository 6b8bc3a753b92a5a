//! MOSIP 1.2.2's policy reads: the active policy groups and the paged policy list, answered in
//! the 1.2.2 envelope (`ResponseWrapperV2`), bad paging parameters included.

use actix_web::web;
use policy_app::dto::{PolicyGroupItem, PolicyListQuery, PolicySummaryDto};
use policy_app::paged_reads;
use web_support::{ApiError, Db, Principal, ReplyV2};

use partner_app::roles;

/// `GET /policies/policy-groups`.
#[tracing::instrument(skip_all)]
pub async fn policy_groups(principal: Principal, db: web::Data<Db>) -> Result<ReplyV2<Vec<PolicyGroupItem>>, ApiError> {
    principal.require_any(roles::ACTIVE_POLICIES)?;
    let outcome = db.call(move |store| paged_reads::policy_groups(store, &principal)).await;
    Ok(ReplyV2::new("mosip.pms.policy.groups.get", outcome))
}

web_support::paged_v2! {
    /// `GET /policies/v2`.
    pub fn policies(PolicyListQuery) -> PolicySummaryDto;
    "mosip.pms.policies.get", roles::POLICY_ADMIN, paged_reads::policy_list_request,
    |store, principal, page, filter| paged_reads::policies(store, principal, &page, &filter);
}
