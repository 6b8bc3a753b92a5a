//! `POST /v1/partnermanager/onboarding/verify`: check the OTP of a sign-up, then create its
//! partner and its local account (`partner_app::onboarding::verify`).

use partner_app::onboarding::verify::{Created, VerifyForm};
use web_support::openapi::schema::ErrorResponse;
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// `POST /onboarding/verify`.
    verify: post "/onboarding/verify", "verifyOnboardingOtp", "Onboarding", "Self-service sign-up: verify the OTP, create the partner and its account";
    description = "Checks the OTP of a pending sign-up; when it matches, registers the partner \
(registration's rules again) and creates its local account with the password, in one \
transaction. A wrong OTP uses up one of the allowed tries. Public: no token.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request`, `registrationId`, `otp` or `password` missing (or \
blank), or a malformed `requesttime`; `PMS_ONB_013` the OTP is not six digits; `PMS_ONB_005` no \
pending sign-up has the registration id; `PMS_ONB_007` OTP expired; `PMS_ONB_008` too many wrong \
tries; `PMS_ONB_016` too many wrong OTPs in a row for this e-mail (default 10, whatever its OTP) or \
from this client address (default 20): locked for five minutes, doubling up to an hour; `PMS_ONB_009` sign-up already completed; `PMS_ONB_010` weak password; `PMS_ONB_006` wrong \
OTP; then, as for `/onboarding/otp`, registration's codes, `PMS_ONB_001`, `PMS_ONB_002`, \
`PMS_PRT_001` and `PMS_PRT_051` when the store changed since the OTP was sent.",
    security(()),
    request_body(
        content = RequestEnvelope<VerifyForm>,
        example = json!({"id": "mosip.partnermanagement.onboarding.verify", "version": "1.0", "requesttime": "2024-05-01T10:22:30.123Z",
            "request": {"registrationId": "3f1c2b1e-8d4a-4a47-9a51-0c6f1b7e2d90", "otp": "493027", "password": "c0rrect-Horse-battery"}})
    ),
    responses(
        (status = 200, description = "The partner created (`id` and `version` echoed), or the errors", body = ResponseEnvelope<Created>),
        (status = 404, description = "`PMS_COR_404`: self-service onboarding is switched off (`[onboarding] enabled = false`)", body = ErrorResponse)
    )
}
