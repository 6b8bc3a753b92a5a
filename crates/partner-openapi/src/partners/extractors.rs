//! Biometric extractors: P15 `POST` / P16 `GET /partners/{id}/bioextractors/{policyId}`.

use partner_app::extractors::ExtractorsDto;
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// P15: adds (or replaces, by attribute name) extractors while the request for the policy is
    /// not approved yet.
    add: post "/partners/{partnerId}/bioextractors/{policyId}", "addBiometricExtractors", "Biometric extractors", "P15: add biometric extractors";
    description = "Adds the extractors (an attribute named again is replaced) while the partner's \
request for the policy exists and is not approved. Roles: `PARTNER`, `CREDENTIAL_PARTNER`, \
`PARTNER_ADMIN`, `CREDENTIAL_ISSUANCE`, `CREATE_SHARE`, `ONLINE_VERIFICATION_PARTNER`; without \
`PARTNER_ADMIN`, the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or `extractors` missing, or an extractor's field \
missing, blank or too long (each failing field listed, e.g. `request.extractors[0].biometric`); \
`PMS_PRT_061` the partner has not requested the policy; `PMS_PRT_062` the request is approved.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("policyId" = String, Path, description = "The policy's id"),
    ),
    request_body(
        content = RequestEnvelope<ExtractorsDto>,
        example = json!({"id": "mosip.partnermanagement.partners.bioextractors", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"extractors": [
                {"attributeName": "photo", "biometric": "face", "extractor": {"provider": "mock", "version": "1.1"}},
                {"attributeName": "fingers", "biometric": "finger[LeftThumb,RightThumb]",
                    "extractor": {"provider": "mock", "version": "1.1"}}]}})
    ),
    responses((status = 200, description = "`Extractors added successfully.` (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<String>, example = json!({"id": "mosip.partnermanagement.partners.bioextractors",
            "version": "1.0", "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Extractors added successfully.", "errors": []})))
}

op! {
    /// P16: a partner's extractors for a policy.
    get: get "/partners/{partnerId}/bioextractors/{policyId}", "getBiometricExtractors", "Biometric extractors", "P16: a partner's biometric extractors for a policy";
    description = "Roles: `PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `CREDENTIAL_ISSUANCE`, \
`CREATE_SHARE`, `ONLINE_VERIFICATION_PARTNER`; without `PARTNER_ADMIN`, the caller's own partner \
only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_064` no extractors.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("policyId" = String, Path, description = "The policy's id"),
    ),
    responses((status = 200, description = "The extractors, or the errors", body = ResponseEnvelope<ExtractorsDto>))
}
