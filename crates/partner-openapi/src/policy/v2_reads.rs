//! MOSIP 1.2.2's policy reads: the active policy groups and the paged policy list, answered in
//! the 1.2.2 envelope (`ResponseWrapperV2`), bad paging parameters included.

use policy_app::dto::{PolicyGroupItem, PolicyListQuery, PolicySummaryDto};
use web_support::ResponseEnvelopeV2;
use web_support::paged::{PageQuery, PageResponseV2};

op! {
    /// `GET /policies/policy-groups`.
    policy_groups: get "/policies/policy-groups", "getPolicyGroups", "Policy groups", "The active policy groups (MOSIP 1.2.2)";
    description = "Every active group: `id`, `name`, `description`. Roles: `AUTH_PARTNER`, \
`CREDENTIAL_PARTNER`, `ONLINE_VERIFICATION_PARTNER`, `ABIS_PARTNER`, `MANUAL_ADJUDICATION`, \
`PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.policy.groups.get`): `PMS_POL_059` no group is active.",
    responses((status = 200, description = "The groups, or the errors", body = ResponseEnvelopeV2<Vec<PolicyGroupItem>>))
}

op! {
    /// `GET /policies/v2`.
    policies: get "/policies/v2", "getAllPolicies", "Policies", "A page of policies (MOSIP 1.2.2)";
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
}
