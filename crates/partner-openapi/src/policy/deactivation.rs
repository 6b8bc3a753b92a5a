//! MOSIP 1.2.2's deactivation of a policy and of a policy group, in the 1.2.2 envelopes.

use policy_app::dto::{DeactivateBody, DeactivatedGroupDto, DeactivatedPolicyDto};
use web_support::{RequestEnvelopeV2, ResponseEnvelopeV2};

op! {
    /// `PATCH /policies/{policyId}`.
    policy: patch "/policies/{policyId}", "deactivatePolicy", "Policies", "Deactivate a policy (MOSIP 1.2.2)";
    description = "Switches an activated policy off; rejected partner requests do not keep it on. \
`POLICY_UPDATED` tells ID-Authentication. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.deactivate.policy.patch`): \
`PMS_REQUEST_ERROR_002` another `id`; `PMS_REQUEST_ERROR_004` no or a malformed `requestTime`; \
`PMS_REQUEST_ERROR_006` not today's; `PMS_REQUEST_ERROR_003` `version` not `1.0`; \
`PMS_REQUEST_ERROR_005` no `request`; `PMS_POL_073` `status` not `De-Activate`; `PMS_POL_065` no \
such policy; `PMS_POL_072` a draft; `PMS_POL_062` already deactivated; `PMS_POL_063` an approved \
partner request uses it; `PMS_POL_064` a pending one does.",
    params(("policyId" = String, Path, description = "The policy's id")),
    request_body(
        content = RequestEnvelopeV2<DeactivateBody>,
        example = json!({"id": "mosip.pms.deactivate.policy.patch", "version": "1.0",
            "requestTime": "2024-05-01T10:20:30.123Z", "request": {"status": "De-Activate"}})
    ),
    responses((status = 200, description = "The policy, now inactive, or the errors", body = ResponseEnvelopeV2<DeactivatedPolicyDto>))
}

op! {
    /// `PATCH /policies/group/{policygroupId}`.
    group: patch "/policies/group/{policygroupId}", "deactivatePolicyGroup", "Policy groups", "Deactivate a policy group (MOSIP 1.2.2)";
    description = "Switches an active group off once it holds neither activated nor draft \
policies. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.deactivate.policy.group.patch`): \
`PMS_REQUEST_ERROR_002`–`006` the envelope (as for a policy); `PMS_POL_073` `status` not \
`De-Activate`; `PMS_POL_068` no such group; `PMS_POL_067` already deactivated; `PMS_POL_069` it \
holds activated and draft policies; `PMS_POL_056` activated ones; `PMS_POL_070` drafts.",
    params(("policygroupId" = String, Path, description = "The policy group's id (MOSIP names it `policyGroupId` here)")),
    request_body(
        content = RequestEnvelopeV2<DeactivateBody>,
        example = json!({"id": "mosip.pms.deactivate.policy.group.patch", "version": "1.0",
            "requestTime": "2024-05-01T10:20:30.123Z", "request": {"status": "De-Activate"}})
    ),
    responses((status = 200, description = "The group, now inactive, or the errors", body = ResponseEnvelopeV2<DeactivatedGroupDto>))
}
