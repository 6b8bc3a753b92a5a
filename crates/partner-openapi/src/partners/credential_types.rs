//! Credential types: P17 `POST /partners/{id}/credentialtype/{type}/policies/{policyName}` and
//! P18 `GET /partners/{id}/credentialtype/{type}/policies`.

use partner_app::credential_types::CredentialTypePolicy;
use web_support::ResponseEnvelope;

op! {
    /// P17: the policy (of the partner's group, by name) the partner uses for a credential type.
    map: post "/partners/{partnerId}/credentialtype/{credentialType}/policies/{policyName}", "mapPolicyToCredentialType", "Credential types", "P17: map a credential type to a policy";
    description = "The partner (active, of a type in `partner.credential_type_partner_types`) \
uses the named policy of its group (active, unexpired, in an active group) for the credential \
type (one of `partner.allowed_credential_types`, any case); the request for the policy need not \
be approved. One policy per credential type and partner. No body. Roles: `PARTNER`, \
`CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `CREDENTIAL_ISSUANCE`, `CREATE_SHARE`, \
`ONLINE_VERIFICATION_PARTNER`; without `PARTNER_ADMIN`, the caller's own partner only (403 \
otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_072` the credential type is not allowed (the allowed ones appended), \
or the partner already maps it; `PMS_PRT_005` no such partner; `PMS_PMP_016` the partner is not \
active; `PMS_PRT_070` the partner's type may not map credential types; `PMS_PRT_073` no active \
policy of that name; `PMS_PRT_047` the partner has no policy group; `PMS_PRT_098` no policy of \
that name in the partner's group; `PMS_PMP_019` the policy is not active; `PMS_PMP_018` the \
policy expired; `PMS_PMP_023` the policy group is not active.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("credentialType" = String, Path, description = "A credential type, e.g. `euin`, `qrcode`, `auth`", example = "euin"),
        ("policyName" = String, Path, description = "The name of a policy of the partner's group", example = "mosip policy"),
    ),
    responses((status = 200, description = "`Partner, policy and credentialType mapping done successfully.`, or the errors",
        body = ResponseEnvelope<String>, example = json!({"id": null, "version": null,
            "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Partner, policy and credentialType mapping done successfully.", "errors": []})))
}

op! {
    /// P18: the policy a partner uses for a credential type.
    get: get "/partners/{partnerId}/credentialtype/{credentialType}/policies", "getCredentialTypePolicy", "Credential types", "P18: the policy a partner uses for a credential type";
    description = "Roles: `PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `CREDENTIAL_ISSUANCE`, \
`CREATE_SHARE`, `ONLINE_VERIFICATION_PARTNER`; without `PARTNER_ADMIN`, the caller's own partner \
only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_064` the partner maps no policy to the credential type; `PMS_PRT_073` \
the policy is gone; `PMS_PRT_071` the stored policy document is not a JSON object.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("credentialType" = String, Path, description = "The credential type", example = "euin"),
    ),
    responses((status = 200, description = "The policy, or the errors", body = ResponseEnvelope<CredentialTypePolicy>))
}
