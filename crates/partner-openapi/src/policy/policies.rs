//! PL3 create, PL5 update, PL4 publish, PL6 status of a policy.

use policy_app::dto::{PolicyBody, PolicyCreatedDto, PolicyWithGroupDto, StatusBody, StatusDto};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// PL3 `POST /policies`: a new draft.
    create: post "/policies", "definePolicy", "Policies", "PL3: create a draft policy";
    description = "A draft (`is_Active: false`) in an active group, valid from now for 200 years; \
its document must be valid against the type's JSON schema. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or too long (each failing field listed); \
`PMS_COR_003` no `policies`; `PMS_POL_023` the type is not allowed; `PMS_POL_019` no group of \
that name; `PMS_POL_053` the group is inactive; `PMS_POL_009` a policy of that name is in the \
group; `PMS_COR_002` the chosen `policyId` is taken; `PMS_PV_006` / `PMS_PV_005` the document \
breaks its schema (a required property missing / anything else; every violation listed).",
    request_body(
        content = RequestEnvelope<PolicyBody>,
        example = json!({"id": "mosip.partnermanagement.policy.create", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"policyGroupName": "mpolicygroup-default-auth", "policyType": "Auth",
                "name": "mpolicy-default-auth", "desc": "Authentication policy", "version": "1.0",
                "policies": {"authTokenType": "random",
                    "allowedAuthTypes": [{"authType": "otp", "authSubType": "", "mandatory": true}],
                    "allowedKycAttributes": [{"attributeName": "fullName"}]}}})
    ),
    responses((status = 200, description = "The draft (`id` and `version` echoed), or the errors", body = ResponseEnvelope<PolicyCreatedDto>))
}

op! {
    /// PL5 `PUT /policies/{policyId}`: a new content for a draft.
    update: put "/policies/{policyId}", "updatePolicyDetails", "Policies", "PL5: update a draft policy";
    description = "A new name, description, version and document for a draft; the policy stays in \
its group and type (`policyId` and `policyType` of the body are ignored). Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or too long; `PMS_COR_003` no \
`policies`; `PMS_POL_019` no group of that name; `PMS_POL_053` the group is inactive; \
`PMS_POL_008` no such policy; `PMS_POL_015` the policy is not in that group; `PMS_POL_055` the \
policy is published; `PMS_POL_009` another policy of the group has the name; `PMS_PV_006` / \
`PMS_PV_005` the document breaks its schema.",
    params(("policyId" = String, Path, description = "The policy's id")),
    request_body = RequestEnvelope<PolicyBody>,
    responses((status = 200, description = "The draft (`id` and `version` echoed), or the errors", body = ResponseEnvelope<PolicyCreatedDto>))
}

op! {
    /// PL4 `POST /policies/{policyId}/group/{policygroupId}/publish`.
    publish: post "/policies/{policyId}/group/{policygroupId}/publish", "publishPolicy", "Policies", "PL4: publish a draft policy";
    description = "The policy becomes active (`PUBLISHED`, `schema` = `policy.schema_url`) and \
immutable. No body. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_016` no such group; `PMS_POL_008` no such policy; `PMS_POL_015` the \
policy is not in the group; `PMS_POL_053` the group is inactive; `PMS_POL_020` the policy is \
published already; `PMS_POL_052` its stored document is not JSON.",
    params(("policyId" = String, Path, description = "The policy's id"), ("policygroupId" = String, Path, description = "The policy group's id")),
    responses((status = 200, description = "The published policy with its group, or the errors", body = ResponseEnvelope<PolicyWithGroupDto>))
}

op! {
    /// PL6 `PATCH /policies/{policyId}/group/{policygroupId}` `{status}`.
    status: patch "/policies/{policyId}/group/{policygroupId}", "updatePolicyStatus", "Policies", "PL6: change a policy's status";
    description = "As in MOSIP, only a draft can be \"deactivated\" (which changes nothing): a \
draft cannot be activated (publish it) and a published policy's status is fixed. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_003` then `PMS_COR_001` without `status`; `PMS_POL_045` a status \
other than `Active` / `De-Active`; `PMS_POL_016` no such group; `PMS_POL_008` no such policy; \
`PMS_POL_015` the policy is not in the group; `PMS_POL_053` the group is inactive; \
`PMS_POL_054` activating a draft; `PMS_POL_057` the policy has active API keys; `PMS_POL_058` \
the policy is published.",
    params(("policyId" = String, Path, description = "The policy's id"), ("policygroupId" = String, Path, description = "The policy group's id")),
    request_body(
        content = RequestEnvelope<StatusBody>,
        example = json!({"id": "mosip.partnermanagement.policy.status.update", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"status": "De-Active"}})
    ),
    responses((status = 200, description = "`{message}` (`id` and `version` echoed), or the errors", body = ResponseEnvelope<StatusDto>))
}
