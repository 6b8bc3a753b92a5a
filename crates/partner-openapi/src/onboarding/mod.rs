//! Self-service onboarding, public (no token): `POST /onboarding/otp` checks a sign-up and
//! e-mails an OTP, `POST /onboarding/verify` checks the OTP and creates the partner and its local
//! account, `POST /auth/login` answers a token for a local account. With
//! `[onboarding] enabled = false` all three answer 404 (Keycloak issues the tokens).

pub mod login;
pub mod otp;
pub mod verify;

/// The sign-up and login operations (paths relative to `/v1/partnermanager`; public, so each
/// annotation says `security(())`); see `docs/development.md` ("Documenting an endpoint").
#[derive(utoipa::OpenApi)]
#[openapi(paths(otp::request_otp, verify::verify, login::login))]
pub struct OnboardingApi;
