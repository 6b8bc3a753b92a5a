//! P4 `GET /partners/{id}`, P5/P6 `PUT /partners[/v2]/{id}`, P7 contacts, P8 policy group.

use partner_app::details::{ContactBody, PartnerDetails, UpdateBody};
use partner_app::dto::PartnerResponse;
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// P4: a partner (self or admin).
    get: get "/partners/{partnerId}", "retrievePartnerDetails", "Partners", "P4: a partner's details";
    description = "Active or not. Roles: `PARTNER`, `AUTH_PARTNER`, `CREDENTIAL_PARTNER`, \
`PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`, `DEVICE_PROVIDER`, `FTM_PROVIDER`, `ABIS_PARTNER`, \
`MANUAL_ADJUDICATION`, `MISP_PARTNER`, `RESIDENT`, `SDK_PARTNER`; without `PARTNER_ADMIN`, the \
caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_005` no such partner; `PMS_PRT_002` the partner's policy group is gone.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    responses((status = 200, description = "The partner (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<PartnerDetails>))
}

op! {
    /// P5: address and contact number (logo and additional information stay as they are).
    update_v1: put "/partners/{partnerId}", "updatePartnerDetails", "Partners", "P5: update a partner's address and contact number";
    description = "Name, e-mail, type and policy group do not change here; `logoUrl` and \
`additionalInfo` are ignored (use `/partners/v2/{partnerId}`). Roles: `PARTNER`, `AUTH_PARTNER`, \
`CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`, `ABIS_PARTNER`, `MANUAL_ADJUDICATION`, `MISP_PARTNER`; without `PARTNER_ADMIN`, \
the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `address` / `contactNumber` missing, blank \
or too long (each failing field listed); `PMS_PRT_013` `contactNumber` longer than \
`partner.mobile_number_max_length`; `PMS_PRT_005` no such partner.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<UpdateBody>,
        example = json!({"id": "mosip.partnermanagement.partners.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"address": "Bangalore", "contactNumber": "8553967572"}})
    ),
    responses((status = 200, description = "The partner and its approval status (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<PartnerResponse>))
}

op! {
    /// P6: also logo and additional information, when the request carries them.
    update_v2: put "/partners/v2/{partnerId}", "updatePartnerDetailsV2", "Partners", "P6: update a partner's address, contact number, logo and additional information";
    description = "As P5, and `logoUrl` and `additionalInfo` when the request carries them. (Not \
in MOSIP's published OpenAPI document; MOSIP 1.2 serves it.) Roles: as P5; without \
`PARTNER_ADMIN`, the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `address` / `contactNumber` missing, blank \
or too long, or `logoUrl` over 256 characters (each failing field listed); `PMS_PRT_013` \
`contactNumber` longer than `partner.mobile_number_max_length`; `PMS_PRT_005` no such partner.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<UpdateBody>,
        example = json!({"id": "mosip.partnermanagement.partners.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"address": "Bangalore", "contactNumber": "8553967572",
                "logoUrl": "https://example.org/logo.png", "additionalInfo": {"website": "https://example.org"}}})
    ),
    responses((status = 200, description = "The partner and its approval status (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<PartnerResponse>))
}

op! {
    /// P7: adds a contact, or updates the partner's contact with that e-mail.
    contact: post "/partners/{partnerId}/contact/add", "addContact", "Partners", "P7: add or update a partner's contact";
    description = "Keyed by `emailId`: an existing contact of the partner is updated (\
`Contacts details updated successfully.`), else a contact is added to the partner, which must be \
active (`Contacts details added successfully.`). Roles: `PARTNER`, `AUTH_PARTNER`, \
`CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`, `ABIS_PARTNER`, `MANUAL_ADJUDICATION`, `MISP_PARTNER`; without `PARTNER_ADMIN`, \
the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, a field missing, blank or too long (each \
failing field listed), or `contactNumber` used by another contact of the partner; `PMS_PRT_012` \
invalid `emailId`; `PMS_PRT_013` `contactNumber` too long; `PMS_PRT_005` no such partner; \
`PMS_PMP_016` the partner is not active.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<ContactBody>,
        example = json!({"id": "mosip.partnermanagement.partners.contact.add", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"address": "Bangalore", "contactNumber": "9903255448", "emailId": "print@email.com",
                "is_Active": true}})
    ),
    responses((status = 200, description = "What was done, in words (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<String>, example = json!({"id": "mosip.partnermanagement.partners.contact.add",
            "version": "1.0", "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Contacts details added successfully.", "errors": []})))
}

op! {
    /// P8: moves a partner that is not active yet to another policy group.
    policy_group: put "/partners/{partnerId}/policygroup/{policygroupName}", "updatePartnerPolicyGroup", "Partners", "P8: move a partner to another policy group";
    description = "Only while the partner is not active, and only for partner types that need a \
policy. (MOSIP's partner-manager document names this operation `updatePolicyGroup`, which this \
service's document gives the policy manager's PL2.) No body. Roles: `PARTNER`, `PMS_USER`, \
`AUTH_PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`; without \
`PARTNER_ADMIN`, the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_005` no such partner; `PMS_PRT_050` the partner is active; \
`PMS_PRT_010` the partner's type is gone; `PMS_PRT_048` the partner's type needs no policy group; \
`PMS_PRT_002` no such policy group; `PMS_PMP_023` the policy group is not active.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("policygroupName" = String, Path, description = "The new policy group's name", example = "mosip policy group"),
    ),
    responses((status = 200, description = "`Success`, or the errors", body = ResponseEnvelope<String>,
        example = json!({"id": null, "version": null, "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Success", "errors": []})))
}
