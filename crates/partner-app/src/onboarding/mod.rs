//! Self-service onboarding: [`otp::request_otp`] checks a sign-up and e-mails an OTP,
//! [`verify::verify`] checks the OTP and creates the partner and its local account,
//! [`login::login`] answers a token for a local account; [`admin_account::create_admin`] makes
//! the first administrator. The e-mail goes out through a [`Notifier`], the token is signed by a
//! [`login::TokenIssuer`]: both are adapters the service provides ([`crate::notify`] has the mail
//! senders); [`Onboarding`] holds them with the rules.

pub mod admin_account;
pub mod choices;
pub mod login;
pub mod otp;
mod otp_guard;
pub mod signup;
mod state;
#[cfg(test)]
mod tests;
mod throttle;
pub mod verify;

use app_core::AppError;
use audit_events::AuditEvent;
use partner_domain::onboarding::{
    EmailDomainRules, LoginThrottle, OtpPolicy, OtpThrottle, PasswordPolicy, SelfServiceTypes,
};

pub use state::Onboarding;

/// The session user of audit records written for public calls.
pub const ANONYMOUS: &str = "anonymous";

/// The onboarding rules of this deployment.
#[derive(Debug, Clone, Default)]
pub struct OnboardingConfig {
    pub otp: OtpPolicy,
    /// OTPs sent per client address, wrong OTPs per e-mail and per address.
    pub otp_abuse: OtpThrottle,
    pub passwords: PasswordPolicy,
    pub email_domains: EmailDomainRules,
    pub partner_types: SelfServiceTypes,
    /// When failed local logins lock an account or a client address.
    pub login: LoginThrottle,
    /// Take the client address from `Forwarded`/`X-Forwarded-For` (set only behind a proxy
    /// that writes them).
    pub trust_forwarded_for: bool,
    /// Subject of the OTP e-mail.
    pub mail_subject: String,
}

/// One plain-text message to one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Delivers messages (over SMTP, as files…). Implementations block (network, disk): call them
/// off async workers.
pub trait Notifier: Send + Sync {
    /// Delivers `mail`, or says why it could not.
    fn send(&self, mail: &Mail) -> Result<(), String>;
    /// Where messages go, for the start-up log (no secrets).
    fn describe(&self) -> String;
}

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
pub(crate) fn with_event(e: AppError) -> AppError {
    if e.audit.is_empty() {
        let event = failure_event(e.code());
        e.audit(event, None)
    } else {
        e
    }
}
