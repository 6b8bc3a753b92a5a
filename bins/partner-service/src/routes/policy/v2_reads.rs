//! MOSIP 1.2.2's policy reads: the active policy groups and the paged policy list, answered in
//! the 1.2.2 envelope (`ResponseWrapperV2`), bad paging parameters included.

use actix_web::web;
use policy_app::dto::{PolicyGroupItem, PolicyListQuery, PolicySummaryDto};
use policy_app::paged_reads;
use web_support::paged::{PageQuery, PageResponseV2};
use web_support::{ApiError, Db, Principal, ReplyV2, ResponseEnvelopeV2};

use partner_app::roles;

/// `GET /policies/policy-groups`.
#[utoipa::path(
    get,
    path = "/policies/policy-groups",
    operation_id = "getPolicyGroups",
    tag = "Policy groups",
    summary = "The active policy groups (MOSIP 1.2.2)",
    description = "Every active group: `id`, `name`, `description`. Roles: `AUTH_PARTNER`, \
`CREDENTIAL_PARTNER`, `ONLINE_VERIFICATION_PARTNER`, `ABIS_PARTNER`, `MANUAL_ADJUDICATION`, \
`PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.policy.groups.get`): `PMS_POL_059` no group is active.",
    responses((status = 200, description = "The groups, or the errors", body = ResponseEnvelopeV2<Vec<PolicyGroupItem>>))
)]
#[tracing::instrument(skip_all)]
pub async fn policy_groups(principal: Principal, db: web::Data<Db>) -> Result<ReplyV2<Vec<PolicyGroupItem>>, ApiError> {
    principal.require_any(roles::ACTIVE_POLICIES)?;
    let outcome = db.call(move |store| paged_reads::policy_groups(store, &principal)).await;
    Ok(ReplyV2::new("mosip.pms.policy.groups.get", outcome))
}

/// `GET /policies/v2`.
#[utoipa::path(
    get,
    path = "/policies/v2",
    operation_id = "getAllPolicies",
    tag = "Policies",
    summary = "A page of policies (MOSIP 1.2.2)",
    description = "Filtered, sorted and paged in the database. Text filters (`policyId`, \
`policyType`, `policyName`, `policyDescription`, `policyGroupName`) match a case-insensitive \
substring; `status` is `activated`, `deactivated` or `draft`. Without a sort, newest first. An \
empty page is `{pageNo: 0, pageSize: 0, totalResults: 0, data: []}`. Roles: `PARTNER_ADMIN`, \
`POLICYMANAGER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.policies.get`): `PMS_PRT_357` unknown `sortFieldName`; `PMS_PRT_358` \
`sortType` not `ASC`/`DESC`; `PMS_PRT_360` `pageNo` negative or not a number; `PMS_PRT_361` \
`pageSize` below 1 or not a number.",
    params(PageQuery, PolicyListQuery),
    responses((status = 200, description = "The page, or the errors", body = ResponseEnvelopeV2<PageResponseV2<PolicySummaryDto>>))
)]
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
