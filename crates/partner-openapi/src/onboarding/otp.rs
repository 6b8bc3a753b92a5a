//! `POST /v1/partnermanager/onboarding/otp`: check a sign-up as registration would, then e-mail
//! a six-digit OTP for it (`partner_app::onboarding::otp`).

use partner_app::onboarding::otp::OtpSent;
use partner_app::onboarding::signup::SignUpForm;
use web_support::openapi::schema::ErrorResponse;
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// `POST /onboarding/otp`.
    request_otp: post "/onboarding/otp", "requestOnboardingOtp", "Onboarding", "Self-service sign-up: check the sign-up and e-mail an OTP";
    description = "Checks the sign-up as partner registration (`POST /partners`) would, then \
e-mails a six-digit OTP and answers the registration id to verify it with. A new request for \
the same e-mail replaces the pending one. Public: no token.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or a field missing, blank or too long (each failing \
field listed), or a malformed `requesttime`; registration's `PMS_PRT_013` contact number too \
long, `PMS_PRT_012` e-mail malformed, `PMS_PRT_066` whitespace in `partnerId`, `PMS_PRT_052` \
`partnerId` too long, `PMS_PRT_011` e-mail registered, `PMS_PRT_056` language not supported, \
`PMS_PRT_051` partner id or user name taken, `PMS_PRT_010` unknown partner type, `PMS_PRT_108` \
policy group required, `PMS_PRT_002` no such policy group, `PMS_PMP_023` policy group inactive; \
`PMS_ONB_001` e-mail domain not allowed; `PMS_ONB_002` partner type may not sign up; \
`PMS_PRT_001` organisation name registered; `PMS_ONB_003` an OTP was sent too recently; \
`PMS_ONB_004` too many OTPs for this e-mail in the hour; `PMS_ONB_016` too many OTPs sent for \
requests from this client address in the hour (default 20).",
    security(()),
    request_body(
        content = RequestEnvelope<SignUpForm>,
        example = json!({"id": "mosip.partnermanagement.onboarding.otp", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"partnerId": "tech-auth-1", "organizationName": "Tech Auth Ltd", "emailId": "admin@techauth.example",
                "partnerType": "Auth_Partner", "policyGroup": "mpolicygroup-default-auth", "contactNumber": "9876543210",
                "address": "1 Main Street, Springfield", "langCode": "eng"}})
    ),
    responses(
        (status = 200, description = "The registration id and the OTP's expiry (`id` and `version` echoed), or the errors", body = ResponseEnvelope<OtpSent>),
        (status = 404, description = "`PMS_COR_404`: self-service onboarding is switched off (`[onboarding] enabled = false`)", body = ErrorResponse),
        (status = 503, description = "`PMS_ONB_014`: the OTP e-mail could not be sent (the OTP is void and the send not counted), or `PMS_COR_003` no database connection was free", body = ErrorResponse)
    )
}
