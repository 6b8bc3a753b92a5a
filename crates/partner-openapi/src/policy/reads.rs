//! PL7–PL9 read policies, PL17 the active policies of a group.

use policy_app::dto::{ActivePolicyDto, PolicyWithGroupDto};
use web_support::ResponseEnvelope;

op! {
    /// PL7 `GET /policies`: every policy with its group.
    all: get "/policies", "getPolicies", "Policies", "PL7: every policy with its group";
    description = "Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_052` a stored policy document is not JSON.",
    responses((status = 200, description = "The policies, or the errors", body = ResponseEnvelope<Vec<PolicyWithGroupDto>>))
}

op! {
    /// PL8 `GET /policies/{policyId}`.
    get: get "/policies/{policyId}", "getPolicy", "Policies", "PL8: a policy with its group";
    description = "Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_008` no such policy; `PMS_POL_052` its stored document is not JSON.",
    params(("policyId" = String, Path, description = "The policy's id")),
    responses((status = 200, description = "The policy, or the errors", body = ResponseEnvelope<PolicyWithGroupDto>))
}

op! {
    /// PL9 `GET /policies/{policyId}/partner/{partnerId}`: a policy the partner holds an active API
    /// key for.
    of_partner: get "/policies/{policyId}/partner/{partnerId}", "getPartnersPolicy", "Policies", "PL9: a policy a partner holds an active API key for";
    description = "Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_017` the partner holds no active API key for the policy; \
`PMS_POL_008` no such policy; `PMS_POL_052` its stored document is not JSON.",
    params(("policyId" = String, Path, description = "The policy's id"), ("partnerId" = String, Path, description = "The partner's id")),
    responses((status = 200, description = "The policy, or the errors", body = ResponseEnvelope<PolicyWithGroupDto>))
}

op! {
    /// PL17 `GET /policies/active/group/{groupName}`: the active policies of an active group.
    active_of_group: get "/policies/active/group/{groupName}", "getPoliciesByGroupName", "Policies", "PL17: the active policies of an active group";
    description = "Roles: `AUTH_PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, \
`ONLINE_VERIFICATION_PARTNER`, `ABIS_PARTNER`, `MANUAL_ADJUDICATION`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_019` no group of that name; `PMS_POL_053` the group is inactive.",
    params(("groupName" = String, Path, description = "The policy group's name", example = "mpolicygroup-default-auth")),
    responses((status = 200, description = "The policies, or the errors", body = ResponseEnvelope<Vec<ActivePolicyDto>>))
}
