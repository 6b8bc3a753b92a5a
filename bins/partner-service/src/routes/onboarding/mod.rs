//! Self-service onboarding, public (no token): `POST /onboarding/otp` checks a sign-up and
//! e-mails an OTP, `POST /onboarding/verify` checks the OTP and creates the partner and its local
//! account, `POST /auth/login` answers a token for a local account. With
//! `[onboarding] enabled = false` all three answer 404 (Keycloak issues the tokens).

pub(crate) mod login;
pub(crate) mod otp;
pub(crate) mod registration;
pub(crate) mod verify;

use audit_events::AuditEvent;
use web_support::ApiError;
use web_support::openapi::Registrar;

/// The public sign-up and login routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.post("/onboarding/otp", otp::request_otp)
        .post("/onboarding/verify", verify::verify)
        .post("/auth/login", login::login);
}

/// The sign-up and login operations (paths relative to `/v1/partnermanager`; public, so each
/// annotation says `security(())`); see `docs/development.md` ("Documenting an endpoint").
#[derive(utoipa::OpenApi)]
#[openapi(paths(otp::request_otp, verify::verify, login::login))]
pub struct OnboardingApi;

/// The session user of audit records written for public calls.
pub(crate) const ANONYMOUS: &str = "anonymous";

/// The OTP e-mail could not be delivered (HTTP 503).
pub(crate) const MAIL_FAILED: &str = "PMS_ONB_014";

/// The seed's failure event for a sign-up error: the specific ones of the seed where they fit,
/// else `PMS_PRT_401`, which MOSIP records for every failed registration. The error code travels
/// in the record either way.
pub(crate) fn failure_event(code: &str) -> AuditEvent {
    match code {
        "PMS_PRT_001" => AuditEvent::OrganisationAlreadyRegistered,
        // as partner registration records them
        "PMS_PRT_011" => AuditEvent::EmailNotAllowed,
        "PMS_PRT_051" => AuditEvent::PartnerAlreadyRegistered,
        "PMS_PRT_108" | "PMS_PRT_002" | "PMS_PMP_023" => AuditEvent::PolicyGroupMissing,
        "PMS_PRT_010" | "PMS_ONB_002" => AuditEvent::PartnerTypeNotAllowed,
        "PMS_ONB_001" => AuditEvent::EmailNotAllowed,
        _ => AuditEvent::InvalidEmailOnCreate,
    }
}

/// `e`, recorded with its sign-up failure event.
pub(crate) fn with_event(e: ApiError) -> ApiError {
    if e.audit.is_empty() {
        let event = failure_event(e.code());
        e.audit(event, None)
    } else {
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_failure_events_follow_the_error() {
        assert_eq!(failure_event("PMS_PRT_012"), AuditEvent::InvalidEmailOnCreate);
        assert_eq!(failure_event("PMS_PRT_001"), AuditEvent::OrganisationAlreadyRegistered);
        assert_eq!(failure_event("PMS_PRT_108"), AuditEvent::PolicyGroupMissing);
        assert_eq!(failure_event("PMS_ONB_002"), AuditEvent::PartnerTypeNotAllowed);
        assert_eq!(failure_event("PMS_ONB_001"), AuditEvent::EmailNotAllowed);
        assert_eq!(failure_event("PMS_ONB_006"), AuditEvent::InvalidEmailOnCreate);
        let e = with_event(ApiError::business("PMS_ONB_001", "x"));
        assert_eq!(e.audit, vec![(AuditEvent::EmailNotAllowed, None)]);
    }
}
