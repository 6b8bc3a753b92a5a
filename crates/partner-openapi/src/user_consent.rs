//! MOSIP 1.2.2's portal consent (`/users/user-consent`), in the 1.2.2 envelope.

use partner_app::user_consent::UserConsentDto;
use web_support::ResponseEnvelopeV2;

op! {
    /// `POST /users/user-consent`.
    save: post "/users/user-consent", "saveUserConsent", "Users", "Record the caller's consent to the data PMS captures (MOSIP 1.2.2)";
    description = "No body. Records the consent now (again, if given before). Roles: \
`AUTH_PARTNER`, `ABIS_PARTNER`, `SDK_PARTNER`, `DEVICE_PROVIDER`, `FTM_PROVIDER`, \
`CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.user.consent.post`): \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner.",
    responses((status = 200, description = "The consent, or the errors", body = ResponseEnvelopeV2<UserConsentDto>))
}

op! {
    /// `GET /users/user-consent`.
    get: get "/users/user-consent", "isUserConsentGiven", "Users", "Whether the caller consented (MOSIP 1.2.2)";
    description = "`consentGiven` and, once given, `consentGivenDateTime`. Roles: as for the POST.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.user.consent.get`): \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner.",
    responses((status = 200, description = "The consent, or the errors", body = ResponseEnvelopeV2<UserConsentDto>))
}

/// The consent operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(save, get))]
pub struct UserConsentApi;
