use super::credentials::WeakPassword;

/// What self-service sign-up and local login refuse. MOSIP has no such endpoints: where MOSIP's
/// partner registration has a code for the same situation it is reused (`PMS_PRT_001`), the rest
/// are `PMS_ONB_0xx` in MOSIP's style (documented in `docs/api.md`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OnboardingError {
    /// The e-mail domain is blocked, or not among the allowed ones.
    #[error("Email domain is not allowed for self-service sign-up.")]
    EmailNotAllowed,
    /// The partner type exists but may not sign up by itself (e.g. `Partner_Admin`).
    #[error("Partner type {0} is not allowed to sign up.")]
    PartnerTypeNotAllowed(String),
    /// Another partner already has this organisation name (case-insensitive).
    #[error("A Partner is already registered with the same Name")]
    OrganisationRegistered,
    /// An OTP was sent to this e-mail less than the resend interval ago.
    #[error("An OTP was sent recently; request a new one in {0} seconds.")]
    ResendTooSoon(i64),
    /// The hourly number of OTPs for this e-mail is used up.
    #[error("Too many OTPs requested for this e-mail; try again in {0} minutes.")]
    SendLimitReached(i64),
    /// No pending sign-up has this registration id (unknown, or superseded by a newer OTP request).
    #[error("Registration not found; request a new OTP.")]
    UnknownRegistration,
    /// The OTP does not match.
    #[error("Invalid OTP; {0} attempt(s) left.")]
    WrongOtp(u32),
    /// The OTP is past its validity.
    #[error("OTP expired; request a new one.")]
    OtpExpired,
    /// The OTP was entered wrong too often.
    #[error("Too many invalid OTP attempts; request a new one.")]
    OtpLocked,
    /// The sign-up was completed already: its OTP cannot be used again.
    #[error("This registration is already complete; the OTP cannot be reused.")]
    AlreadyCompleted,
    /// The password breaks the password policy.
    #[error("Weak password: {0}.")]
    WeakPassword(WeakPassword),
    /// Unknown user, wrong password or disabled account: one answer for all.
    #[error("Invalid user name or password.")]
    BadCredentials,
    /// Too many failed logins for this account or from this address: locked for the seconds given.
    #[error("Too many failed logins; try again in {0} seconds.")]
    LoginLocked(i64),
    /// Too many OTPs asked from this client address, or too many wrong OTPs for this e-mail or
    /// from this address: locked for the seconds given.
    #[error("Too many OTP requests or wrong OTPs; try again in {0} seconds.")]
    OtpThrottled(i64),
    /// Tokens come from the identity provider (only a JWKS is configured).
    #[error("Local login is not available: tokens are issued by the identity provider.")]
    LoginUnavailable,
    /// The OTP field is not six digits.
    #[error("OTP must be six digits.")]
    MalformedOtp,
    /// Hashing failed (bad parameters); never caused by input.
    #[error("could not hash a secret: {0}")]
    Hashing(String),
}

impl OnboardingError {
    /// The MOSIP-style error code.
    pub fn code(&self) -> &'static str {
        match self {
            OnboardingError::OrganisationRegistered => "PMS_PRT_001",
            OnboardingError::EmailNotAllowed => "PMS_ONB_001",
            OnboardingError::PartnerTypeNotAllowed(_) => "PMS_ONB_002",
            OnboardingError::ResendTooSoon(_) => "PMS_ONB_003",
            OnboardingError::SendLimitReached(_) => "PMS_ONB_004",
            OnboardingError::UnknownRegistration => "PMS_ONB_005",
            OnboardingError::WrongOtp(_) => "PMS_ONB_006",
            OnboardingError::OtpExpired => "PMS_ONB_007",
            OnboardingError::OtpLocked => "PMS_ONB_008",
            OnboardingError::AlreadyCompleted => "PMS_ONB_009",
            OnboardingError::WeakPassword(_) => "PMS_ONB_010",
            OnboardingError::BadCredentials => "PMS_ONB_011",
            OnboardingError::LoginUnavailable => "PMS_ONB_012",
            OnboardingError::MalformedOtp => "PMS_ONB_013",
            OnboardingError::LoginLocked(_) => "PMS_ONB_015",
            OnboardingError::OtpThrottled(_) => "PMS_ONB_016",
            OnboardingError::Hashing(_) => "PMS_ONB_099",
        }
    }

    /// What a client needs to word the refusal in its own language: the broken password rule,
    /// and the number the message states (seconds or minutes to wait, attempts left, a length).
    pub fn wording(&self) -> (Option<&'static str>, Option<i64>) {
        match self {
            OnboardingError::ResendTooSoon(n)
            | OnboardingError::SendLimitReached(n)
            | OnboardingError::LoginLocked(n)
            | OnboardingError::OtpThrottled(n) => (None, Some(*n)),
            OnboardingError::WrongOtp(left) => (None, Some(i64::from(*left))),
            OnboardingError::WeakPassword(weak) => {
                (Some(weak.rule()), weak.length().and_then(|l| i64::try_from(l).ok()))
            }
            _ => (None, None),
        }
    }

    /// True for failures of this service, not of the caller.
    pub fn is_internal(&self) -> bool {
        matches!(self, OnboardingError::Hashing(_))
    }
}

#[cfg(test)]
mod tests;
