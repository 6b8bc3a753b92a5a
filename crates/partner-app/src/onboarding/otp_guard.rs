//! OTP abuse limits across OTPs ([`OtpThrottle`]): OTPs sent per client address, wrong OTPs in a
//! row per e-mail and per address. Counts live in the store (`login_attempt`, under their own
//! subject prefixes), so every replica sees them.

use app_core::{AppError, Tx};
use audit_events::AuditEvent;
use partner_domain::onboarding::{Attempts, OnboardingError, OtpThrottle, Subject};
use persistence::repo::login_attempt;

/// The subject counting the OTPs sent for requests from `client`.
fn send_subject(client: &str) -> String {
    format!("otp-send:{client}")
}

/// The subjects counting wrong OTPs: the sign-up's e-mail and, when known, the client address.
pub(crate) struct WrongOtpSubjects {
    email: String,
    address: Option<String>,
}

impl WrongOtpSubjects {
    pub fn of(email_key: &str, client: Option<&str>) -> Self {
        WrongOtpSubjects {
            email: format!("otp-email:{email_key}"),
            address: client.map(|c| format!("otp-address:{c}")),
        }
    }

    fn each(&self) -> impl Iterator<Item = (&str, Subject)> {
        std::iter::once((self.email.as_str(), Subject::Account))
            .chain(self.address.as_deref().map(|a| (a, Subject::Address)))
    }

    /// `PMS_ONB_016` (audited `PMS_PRT_491`) while the e-mail or the address is locked.
    pub fn check(&self, tx: &mut Tx<'_>, throttle: &OtpThrottle, registration_id: &str) -> Result<(), AppError> {
        let names: Vec<&str> = self.each().map(|(s, _)| s).collect();
        for (_, failures, locked_until) in login_attempt::find(tx.conn, &names)? {
            let attempts = Attempts { failures: u32::try_from(failures).unwrap_or(0), locked_until };
            if let Err(locked) = throttle.check(&attempts, tx.now) {
                return Err(AppError::from(locked).audit(AuditEvent::OtpVerifyThrottled, Some(registration_id)));
            }
        }
        Ok(())
    }

    /// Counts a wrong OTP against each subject, locks those past their limit, and records the
    /// refusal (`wrong`, as the seed's sign-up failure) and a lock that starts (`PMS_PRT_491`).
    pub fn count_wrong(
        &self,
        tx: &mut Tx<'_>,
        throttle: &OtpThrottle,
        registration_id: &str,
        wrong: &AppError,
    ) -> Result<(), AppError> {
        let mut locked = false;
        for (subject, kind) in self.each() {
            let failures = login_attempt::count_failure(tx.conn, subject, tx.now)?;
            if let Some(until) = throttle.lock_after_wrong(kind, u32::try_from(failures).unwrap_or(0), tx.now) {
                login_attempt::lock(tx.conn, subject, until)?;
                locked = true;
            }
        }
        tx.trail.push_failure(AuditEvent::InvalidEmailOnCreate, None, wrong.code(), wrong.message());
        if locked {
            let lock = OnboardingError::OtpThrottled(0);
            tx.trail.push_failure(
                AuditEvent::OtpVerifyThrottled,
                Some(registration_id),
                lock.code(),
                &lock.to_string(),
            );
        }
        Ok(())
    }

    /// Forgets the e-mail's wrong OTPs (its sign-up completed); the address keeps its count.
    pub fn clear_email(&self, tx: &mut Tx<'_>) -> Result<(), AppError> {
        login_attempt::clear(tx.conn, &self.email)?;
        Ok(())
    }
}

/// `PMS_ONB_016` (audited `PMS_PRT_492`) while OTPs for requests from `client` are refused.
pub(crate) fn check_send(tx: &mut Tx<'_>, throttle: &OtpThrottle, client: Option<&str>) -> Result<(), AppError> {
    let Some(client) = client else { return Ok(()) };
    let subject = send_subject(client);
    let quiet_since = tx.now - throttle.send_window;
    login_attempt::forget_quiet(tx.conn, &subject, quiet_since, tx.now)?;
    for (_, sends, locked_until) in login_attempt::find(tx.conn, &[subject.as_str()])? {
        let attempts = Attempts { failures: u32::try_from(sends).unwrap_or(0), locked_until };
        if let Err(locked) = throttle.check(&attempts, tx.now) {
            return Err(AppError::from(locked).audit(AuditEvent::OtpSendThrottled, None));
        }
    }
    Ok(())
}

/// Counts one OTP sent for a request from `client`; past the limit the address is locked for the
/// window (recorded `PMS_PRT_492` as the lock starts).
pub(crate) fn count_send(tx: &mut Tx<'_>, throttle: &OtpThrottle, client: Option<&str>) -> Result<(), AppError> {
    let Some(client) = client else { return Ok(()) };
    let subject = send_subject(client);
    let sends = login_attempt::count_failure(tx.conn, &subject, tx.now)?;
    if let Some(until) = throttle.lock_after_sends(u32::try_from(sends).unwrap_or(0), tx.now) {
        login_attempt::lock(tx.conn, &subject, until)?;
        let lock = OnboardingError::OtpThrottled(0);
        tx.trail.push_failure(AuditEvent::OtpSendThrottled, None, lock.code(), &lock.to_string());
    }
    Ok(())
}
