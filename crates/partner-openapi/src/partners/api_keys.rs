//! API keys: P13 `PATCH /partners/{id}/generate/apikey`, M5 `PATCH …/policy/{policyId}/apiKey/status`,
//! M6 `PUT /partners/{id}/apikey/{key}/policies`, M7 `GET /partners/{id}/apikey/{key}`.

use partner_app::api_keys::{GenerateBody, Generated, KeyMapping, KeyStatusBody, RemapBody};
use partner_app::dto::Message;
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// P13: a partner generates a key for a policy its request for was approved.
    generate: patch "/partners/{partnerId}/generate/apikey", "generateAPIKey", "API keys", "P13: generate an API key";
    description = "For a policy of the partner's group whose request was approved; valid for \
`partner.api_key_expiry_days` days. Keys are the partner's own: the caller's user id must be \
`partnerId`, for admins too. Roles: `AUTH_PARTNER`, `ABIS_PARTNER`, `CREDENTIAL_PARTNER`, \
`CREDENTIAL_ISSUANCE`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_PRT_055` the caller is not the partner; `PMS_COR_001` `request` missing, \
or `policyName` or `label` blank (both listed), or `label` over 36 characters; `PMS_PMP_005` no \
such partner; `PMS_PMP_016` the partner is not active; `PMS_PMP_014` no policy of that name in the \
partner's group; `PMS_PRT_109` no approved request for the policy; `PMS_PRT_110` the label is \
taken.",
    params(("partnerId" = String, Path, description = "The partner's id (the caller's own)", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<GenerateBody>,
        example = json!({"id": "mosip.partnermanagement.partners.generate.apikey", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"policyName": "mosip policy", "label": "counter-1"}})
    ),
    responses((status = 200, description = "The key (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<Generated>))
}

op! {
    /// M5: switches one of a partner's keys for a policy (named by its label) on or off.
    status: patch "/partners/{partnerId}/policy/{policyId}/apiKey/status", "activateDeactivatePartnerAPIKey", "API keys", "M5: activate or deactivate an API key";
    description = "The key of the partner for the policy with that label. A partner that is not \
active cannot switch its keys (an admin can); a switched-off key can be switched on again. \
Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`, `AUTH_PARTNER`, `CREDENTIAL_PARTNER`, \
`CREDENTIAL_ISSUANCE`, `ONLINE_VERIFICATION_PARTNER`; without `PARTNER_ADMIN`, the caller's own \
partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `label` or `status` blank (both listed); \
`PMS_PRT_111` no key with that label for the partner and policy; `PMS_PMP_016` the partner is not \
active; `PMS_PMS_022` the key is already off; `PMS_PM_058` the status is neither `Active` nor \
`De-Active`.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("policyId" = String, Path, description = "The id of the key's policy"),
    ),
    request_body(
        content = RequestEnvelope<KeyStatusBody>,
        example = json!({"id": "mosip.partnermanagement.partners.apikey.status", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"label": "counter-1", "status": "De-Active"}})
    ),
    responses((status = 200, description = "What was done, in words (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<String>, example = json!({"id": "mosip.partnermanagement.partners.apikey.status",
            "version": "1.0", "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Partner apikey de-activated successfully.", "errors": []})))
}

op! {
    /// M6: moves an active key to another policy of the partner's group.
    remap: put "/partners/{partnerId}/apikey/{apikey}/policies", "partnerApiKeyToPolicyMappings", "API keys", "M6: move an API key to another policy";
    description = "The key, switched on, moves from `oldPolicyID` to `newPolicyID`, an active \
policy of the partner's active group. Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`; without \
`PARTNER_ADMIN`, the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `oldPolicyID` or `newPolicyID` missing \
(both listed); `PMS_PMP_50` no such key for the partner and old policy (or it moved meanwhile); \
`PMS_PMS_022` the key is off; `PMS_PMP_014` the new policy is not in the partner's group; \
`PMS_PMP_019` the new policy is not active; `PMS_PMP_023` its group is not active (these three \
name the policy id).",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("apikey" = String, Path, description = "The API key"),
    ),
    request_body(
        content = RequestEnvelope<RemapBody>,
        example = json!({"id": "mosip.partnermanagement.partners.apikey.policies", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"oldPolicyID": "p-auth", "newPolicyID": "p-share"}})
    ),
    responses((status = 200, description = "What was done (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<Message>, example = json!({"id": "mosip.partnermanagement.partners.apikey.policies",
            "version": "1.0", "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": {"message": "Given apikey updated with policy successfully. "}, "errors": []})))
}

op! {
    /// M7: the policy a partner's key is for.
    policy_of_key: get "/partners/{partnerId}/apikey/{apikey}", "getPolicyMappedToAPIKey", "API keys", "M7: the policy of an API key";
    description = "Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`; without `PARTNER_ADMIN`, the caller's \
own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PMP_009` no such key for the partner.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("apikey" = String, Path, description = "The API key"),
    ),
    responses((status = 200, description = "The partner and policy (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<KeyMapping>))
}
