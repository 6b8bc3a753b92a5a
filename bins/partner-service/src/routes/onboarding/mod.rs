//! Self-service onboarding, public (no token): `POST /onboarding/otp` checks a sign-up and
//! e-mails an OTP, `POST /onboarding/verify` checks the OTP and creates the partner and its local
//! account, `POST /auth/login` answers a token for a local account. With
//! `[onboarding] enabled = false` all three answer 404 (Keycloak issues the tokens).

pub(crate) mod login;
pub(crate) mod otp;
pub(crate) mod verify;

use web_support::openapi::Registrar;

/// The public sign-up and login routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.post("/onboarding/otp", otp::request_otp)
        .post("/onboarding/verify", verify::verify)
        .post("/auth/login", login::login);
}
