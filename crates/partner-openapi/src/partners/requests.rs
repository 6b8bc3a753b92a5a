//! Policy-mapping requests: P12 `POST /partners/{id}/policy/map`, M4 `PUT /partners/policy/{key}`,
//! P14 `GET /partners/{id}/apikey/request`, M8 `GET /partners/apikey`, M9 `GET /partners/apikey/{id}`.

use partner_app::dto::StatusBody;
use partner_app::requests::{MappingAnswer, MappingBody, PartnerRequestItem, RequestItem, RequestList};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// P12: a partner asks to use a policy of its group.
    request: post "/partners/{partnerId}/policy/map", "mapPolicyToPartner", "Policy mapping requests", "P12: request a policy";
    description = "The partner (active) asks to use an active, unexpired policy of its active \
policy group; the request waits for an admin (M4). A rejected request may be asked again. Roles: \
`AUTH_PARTNER`, `ABIS_PARTNER`, `CREDENTIAL_PARTNER`, `CREDENTIAL_ISSUANCE`, \
`ONLINE_VERIFICATION_PARTNER`, `PARTNER_ADMIN`; without `PARTNER_ADMIN`, the caller's own partner \
only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, `policyName` or `useCaseDescription` missing \
(both listed), or `useCaseDescription` over 4000 characters; `PMS_PRT_005` no such partner; \
`PMS_PMP_016` the partner is not active; `PMS_PRT_073` no active policy of that name; \
`PMS_PRT_047` the partner has no policy group; `PMS_PRT_098` no policy of that name in the \
partner's group; `PMS_PMP_019` the policy is not active; `PMS_PMP_018` the policy expired; \
`PMS_PMP_023` the policy group is not active; `PMS_PRT_053` a request for the policy is pending; \
`PMS_PRT_060` a request for the policy is approved.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<MappingBody>,
        example = json!({"id": "mosip.partnermanagement.partners.policy.mapping", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"policyName": "mosip policy", "useCaseDescription": "Authenticate residents at our counters"}})
    ),
    responses((status = 200, description = "The request's id (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<MappingAnswer>))
}

op! {
    /// M4: an admin approves or rejects a pending request; a decided request stays decided, and of
    /// two reviews racing on one request exactly one wins (compare-and-set on its status).
    review: put "/partners/policy/{mappingkey}", "approveRejectPolicyMappings", "Policy mapping requests", "M4: approve or reject a policy request";
    description = "`Approved` or `Rejected` (any case) decides a pending request once. Approving \
needs the policy (active, in an active group, unexpired) and, for the partner types of \
`partner.extractor_partner_types`, biometric extractors for it. No API key is made: the partner \
generates its keys (P13). Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`; without `PARTNER_ADMIN`, \
requests of the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `status` missing or blank; `PMS_PMP_007` no \
such request; `PMS_PM_034` already approved; `PMS_PM_035` already rejected; `PMS_PM_045` the \
status is neither `Approved` nor `Rejected`; `PMS_PRT_005` the partner is gone; `PMS_PM_051` no \
biometric extractors; `PMS_PMP_017` the policy is gone; `PMS_PMP_019` the policy is not active; \
`PMS_PMP_022` the policy group is gone; `PMS_PMP_023` the policy group is not active; \
`PMS_PMP_018` the policy expired.",
    params(("mappingkey" = String, Path, description = "The request's id (`mappingkey` of P12)",
        example = "0f8d3d2c-4a5b-4c6d-8e9f-0a1b2c3d4e5f")),
    request_body(
        content = RequestEnvelope<StatusBody>,
        example = json!({"id": "mosip.partnermanagement.partners.policy.mapping.status", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"status": "Approved"}})
    ),
    responses((status = 200, description = "What was done, in words (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<String>, example = json!({"id": "mosip.partnermanagement.partners.policy.mapping.status",
            "version": "1.0", "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Policy mapping approved successfully", "errors": []})))
}

op! {
    /// P14: a partner's requests; for approved ones, the keys generated for the policy (one item per
    /// key, or one without a key while none is generated).
    requests_of_partner: get "/partners/{partnerId}/apikey/request", "getAPIKeyRequestsOfPartner", "Policy mapping requests", "P14: a partner's policy requests and their keys";
    description = "One item per request, and for an approved one per key generated for its policy. \
Roles: `PARTNER`, `AUTH_PARTNER`, `ABIS_PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, \
`ONLINE_VERIFICATION_PARTNER`; without `PARTNER_ADMIN`, the caller's own partner only (403 \
otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_006` the partner has no request.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    responses((status = 200, description = "The requests (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<Vec<PartnerRequestItem>>))
}

op! {
    /// M8: every request (a caller without the admin role sees its own partner's).
    all_requests: get "/partners/apikey", "getAPIKeyRequests", "Policy mapping requests", "M8: every policy request";
    description = "A caller without `PARTNER_ADMIN` sees its own partner's requests only. Roles: \
`PARTNERMANAGER`, `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200): `PMS_PMP_015` no request found.",
    responses((status = 200, description = "The requests (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<RequestList>))
}

op! {
    /// M9: one request by its id (MOSIP names the path variable `apikey`).
    one_request: get "/partners/apikey/{apikey}", "getAPIKeyRequest", "Policy mapping requests", "M9: one policy request";
    description = "Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`; without `PARTNER_ADMIN`, requests of \
the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PMP_015` no such request.",
    params(("apikey" = String, Path, description = "The request's id (MOSIP's name for it is `apikey`)",
        example = "0f8d3d2c-4a5b-4c6d-8e9f-0a1b2c3d4e5f")),
    responses((status = 200, description = "The request (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<RequestItem>))
}
