//! MOSIP 1.2.2's policy reads: the active policy groups and the paged policy list, answered in
//! the 1.2.2 envelope (`ResponseWrapperV2`), bad paging parameters included.

use actix_web::web;
use policy_app::dto::{PolicyGroupItem, PolicyListQuery, PolicySummaryDto};
use policy_app::paged_reads;
use web_support::paged::{PageQuery, PageResponseV2};
use web_support::{ApiError, Db, Principal, ReplyV2};

use partner_app::roles;

/// `GET /policies/policy-groups`.
#[tracing::instrument(skip_all)]
pub async fn policy_groups(principal: Principal, db: web::Data<Db>) -> Result<ReplyV2<Vec<PolicyGroupItem>>, ApiError> {
    principal.require_any(roles::ACTIVE_POLICIES)?;
    let outcome = db.call(move |store| paged_reads::policy_groups(store, &principal)).await;
    Ok(ReplyV2::new("mosip.pms.policy.groups.get", outcome))
}

/// `GET /policies/v2`.
#[tracing::instrument(skip_all)]
pub async fn policies(
    principal: Principal,
    db: web::Data<Db>,
    paging: web::Query<PageQuery>,
    query: web::Query<PolicyListQuery>,
) -> Result<ReplyV2<PageResponseV2<PolicySummaryDto>>, ApiError> {
    principal.require_any(roles::POLICY_ADMIN)?;
    let outcome = match paged_reads::policy_list_request(&paging, &query) {
        Ok((page, filter)) => db.call(move |store| paged_reads::policies(store, &principal, &page, &filter)).await,
        Err(refused) => Err(refused.into()),
    };
    Ok(ReplyV2::new("mosip.pms.policies.get", outcome))
}
