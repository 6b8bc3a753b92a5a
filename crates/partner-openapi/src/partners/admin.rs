//! M1 `PATCH /partners/{id}` (activate/deactivate), M2/M3 `GET /partners[/v2]?partnerType=`.

use partner_app::admin::{ListQuery, Partners};
use partner_app::dto::{Message, StatusBody};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// M1: switches a partner on (it needs an uploaded certificate) or off; deactivating a MISP
    /// partner also switches off its licence keys.
    activation: patch "/partners/{partnerId}", "activateDeactivatePartner", "Partners", "M1: activate or deactivate a partner";
    description = "`Active` needs the partner's certificate to be uploaded; `De-Active` also \
switches off the licence keys of a MISP partner. Both are idempotent; the approval status does \
not change. Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`; without `PARTNER_ADMIN`, the caller's own \
partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `status` missing or blank; `PMS_PMP_005` \
no such partner; `PMS_PM_058` the status is neither `Active` nor `De-Active`; `PMS_PRT_108` no \
certificate uploaded for the partner.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<StatusBody>,
        example = json!({"id": "mosip.partnermanagement.partners.status.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"status": "De-Active"}})
    ),
    responses((status = 200, description = "What was done (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<Message>))
}

op! {
    /// M2 `GET /partners`.
    list_v1: get "/partners", "getPartners", "Partners", "M2: every partner, or those of one type";
    description = "For MOSIP's other services (ID authentication, registration processor, …). A \
caller without `PARTNER_ADMIN` sees its own partner only. Roles: `PARTNERMANAGER`, \
`PARTNER_ADMIN`, `partnermanager`, `ID_AUTHENTICATION`, `REGISTRATION_PROCESSOR`, `RESIDENT`, \
`CREDENTIAL_ISSUANCE`, `ID_REPOSITORY`.\n\n\
Errors (HTTP 200): `PMS_PMP_013` no partner found.",
    params(ListQuery),
    responses((status = 200, description = "The partners (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<Partners>))
}

op! {
    /// M3 `GET /partners/v2`: the items add `logoUrl` and `additionalInfo`.
    list_v2: get "/partners/v2", "getPartnersV2", "Partners", "M3: every partner, or those of one type, with logo and additional information";
    description = "As M2; each item adds `logoUrl` and `additionalInfo`. (Not in MOSIP's published \
OpenAPI document; MOSIP 1.2 serves it.) Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`, \
`partnermanager`, `ID_AUTHENTICATION`, `REGISTRATION_PROCESSOR`, `RESIDENT`, \
`CREDENTIAL_ISSUANCE`, `ID_REPOSITORY`.\n\n\
Errors (HTTP 200): `PMS_PMP_013` no partner found; `PMS_PRT_096` a partner's stored \
`additionalInfo` is not JSON.",
    params(ListQuery),
    responses((status = 200, description = "The partners (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<Partners>))
}
