//! P1/P2 `POST /partners[/v2]` (registration) and P3 `PUT /partners/email/verify`.

use partner_app::dto::PartnerResponse;
use partner_app::registration::{EmailAnswer, EmailBody, RegisterBody};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// P1 `POST /partners`.
    register_v1: post "/partners", "partnerSelfRegistration", "Partners", "P1: register a partner";
    description = "Creates an inactive partner (`InProgress` until its certificate is uploaded). \
`logoUrl` and `additionalInfo` are ignored: use `/partners/v2`. Roles: any authenticated user; a \
caller without `PARTNER_ADMIN` registers its own user id only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or a field missing, blank or too long (each \
failing field listed); `PMS_PRT_055` the caller's e-mail already belongs to a partner; \
`PMS_PRT_013` `contactNumber` too long; `PMS_PRT_012` invalid `emailId`; `PMS_PRT_066` spaces in \
`partnerId`; `PMS_PRT_052` `partnerId` too long; `PMS_PRT_011` `emailId` used by a partner; \
`PMS_PRT_056` unsupported `langCode`; `PMS_PRT_051` `partnerId` taken; `PMS_PRT_010` unknown \
`partnerType`; `PMS_PRT_108` the type needs a `policyGroup`; `PMS_PRT_002` no such policy group; \
`PMS_PMP_023` the policy group is not active.",
    request_body(
        content = RequestEnvelope<RegisterBody>,
        example = json!({"id": "mosip.partnermanagement.partners.create", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"partnerId": "Tech-123", "policyGroup": "mosip policy group", "organizationName": "Techno",
                "address": "Bangalore", "contactNumber": "8553967572", "emailId": "mosip@gmail.com",
                "partnerType": "Auth_Partner", "langCode": "eng"}})
    ),
    responses((status = 200, description = "The partner (`id` and `version` echoed), or the errors", body = ResponseEnvelope<PartnerResponse>))
}

op! {
    /// P2 `POST /partners/v2`.
    register_v2: post "/partners/v2", "partnerSelfRegistrationV2", "Partners", "P2: register a partner, with logo and additional information";
    description = "As P1, and stores `logoUrl` and `additionalInfo` (any JSON). (Not in MOSIP's \
published OpenAPI document; MOSIP 1.2 serves it.) Roles: any authenticated user; a caller \
without `PARTNER_ADMIN` registers its own user id only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or a field missing, blank or too long \
(`logoUrl` over 256 characters included); `PMS_PRT_055` the caller's e-mail already belongs to a \
partner; `PMS_PRT_013` `contactNumber` too long; `PMS_PRT_012` invalid `emailId`; `PMS_PRT_066` \
spaces in `partnerId`; `PMS_PRT_052` `partnerId` too long; `PMS_PRT_011` `emailId` used by a \
partner; `PMS_PRT_056` unsupported `langCode`; `PMS_PRT_051` `partnerId` taken; `PMS_PRT_010` \
unknown `partnerType`; `PMS_PRT_108` the type needs a `policyGroup`; `PMS_PRT_002` no such policy \
group; `PMS_PMP_023` the policy group is not active.",
    request_body(
        content = RequestEnvelope<RegisterBody>,
        example = json!({"id": "mosip.partnermanagement.partners.create", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"partnerId": "Tech-123", "policyGroup": "mosip policy group", "organizationName": "Techno",
                "address": "Bangalore", "contactNumber": "8553967572", "emailId": "mosip@gmail.com",
                "partnerType": "Auth_Partner", "langCode": "eng", "logoUrl": "https://example.org/logo.png",
                "additionalInfo": {"website": "https://example.org"}}})
    ),
    responses((status = 200, description = "The partner (`id` and `version` echoed), or the errors", body = ResponseEnvelope<PartnerResponse>))
}

op! {
    /// P3: whether a partner uses the e-mail, and which partner types need a policy group.
    email_check: put "/partners/email/verify", "isEmailExists", "Partners", "P3: is an e-mail taken";
    description = "Whether a partner is registered with this e-mail (exact match), and which \
partner types need a policy group. Roles: any authenticated user.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS_PRT_012` the e-mail does not match \
`partner.email_regex`.",
    request_body(
        content = RequestEnvelope<EmailBody>,
        example = json!({"id": "mosip.partnermanagement.partners.email.verify", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"emailId": "mosip@gmail.com"}})
    ),
    responses((status = 200, description = "The answer, or the errors", body = ResponseEnvelope<EmailAnswer>))
}
