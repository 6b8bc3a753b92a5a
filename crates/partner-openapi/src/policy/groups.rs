//! PL1 create, PL2 update, PL10 get one, PL11 get all policy groups.

use policy_app::dto::{GroupDto, GroupRequest, GroupWithPoliciesDto};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// PL1 `POST /policies/group/new`.
    create: post "/policies/group/new", "definePolicyGroup", "Policy groups", "PL1: create a policy group";
    description = "The group is created active. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `name` or `desc` missing, blank or over 128 characters (each \
failing field listed); `PMS_POL_014` a group of that name exists.",
    request_body(
        content = RequestEnvelope<GroupRequest>,
        example = json!({"id": "mosip.partnermanagement.policy.group.create", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"name": "mpolicygroup-default-auth", "desc": "Policies of the authentication partners"}})
    ),
    responses((status = 200, description = "The group (`id` and `version` echoed), or the errors", body = ResponseEnvelope<GroupDto>))
}

op! {
    /// PL2 `PUT /policies/group/{policygroupId}`.
    update: put "/policies/group/{policygroupId}", "updatePolicyGroup", "Policy groups", "PL2: update a policy group";
    description = "Renames, describes and switches a group on or off; a group holding active \
policies cannot be switched. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_003` then `PMS_COR_001` without `isActive`; `PMS_COR_001` `name` or \
`desc` missing, blank or too long; `PMS_POL_008` no such group; `PMS_POL_014` another group has \
the name; `PMS_POL_056` the group holds active policies.",
    params(("policygroupId" = String, Path, description = "The policy group's id")),
    request_body(
        content = RequestEnvelope<GroupRequest>,
        example = json!({"id": "mosip.partnermanagement.policy.group.update", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"name": "mpolicygroup-default-auth", "desc": "Policies of the authentication partners",
                "isActive": false}})
    ),
    responses((status = 200, description = "The group (`id` and `version` echoed), or the errors", body = ResponseEnvelope<GroupDto>))
}

op! {
    /// PL10 `GET /policies/group/{policygroupId}`: the group and its policies.
    get: get "/policies/group/{policygroupId}", "getPolicyGroup", "Policy groups", "PL10: a policy group and its policies";
    description = "Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_016` no such group; `PMS_POL_052` a stored policy document is not JSON.",
    params(("policygroupId" = String, Path, description = "The policy group's id")),
    responses((status = 200, description = "The group and its policies, or the errors", body = ResponseEnvelope<GroupWithPoliciesDto>))
}

op! {
    /// PL11 `GET /policies/group/all`: every group with its policies.
    all: get "/policies/group/all", "getAllPolicyGroups", "Policy groups", "PL11: every policy group with its policies";
    description = "Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_052` a stored policy document is not JSON.",
    responses((status = 200, description = "The groups, or the errors", body = ResponseEnvelope<Vec<GroupWithPoliciesDto>>))
}
