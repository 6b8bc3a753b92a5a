//! Abuse of sign-up across OTPs: how many OTPs one client address may have sent, and how many
//! wrong OTPs in a row one e-mail (whatever its OTP) or one address may enter before it is locked.
//! Each OTP has its own tries and each e-mail its own send limits ([`super::OtpPolicy`]); these
//! limits stop a guesser that asks for fresh OTPs, or sprays many e-mails from one address.

use chrono::{Duration, NaiveDateTime};

use super::{Attempts, LoginThrottle, OnboardingError, Subject};

/// The OTP abuse rules, from configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtpThrottle {
    /// Wrong OTPs in a row per e-mail (`max_failures_per_account`) and per client address before
    /// a lock, which doubles with each further wrong OTP, as for logins.
    pub wrong: LoginThrottle,
    /// OTPs sent for requests from one address within `send_window`; the next is refused until
    /// the window after the last send has passed.
    pub max_sends_per_address: u32,
    /// The window of `max_sends_per_address`; a quiet window forgets the count.
    pub send_window: Duration,
}

impl Default for OtpThrottle {
    fn default() -> Self {
        OtpThrottle {
            wrong: LoginThrottle {
                max_failures_per_account: 10,
                max_failures_per_address: 20,
                first_lock: Duration::minutes(5),
                max_lock: Duration::hours(1),
            },
            max_sends_per_address: 20,
            send_window: Duration::hours(1),
        }
    }
}

impl OtpThrottle {
    /// `PMS_ONB_016` with the seconds left while `attempts` are locked at `now`.
    pub fn check(&self, attempts: &Attempts, now: NaiveDateTime) -> Result<(), OnboardingError> {
        match attempts.locked_until {
            Some(until) if until > now => Err(OnboardingError::OtpThrottled((until - now).num_seconds().max(1))),
            _ => Ok(()),
        }
    }

    /// The end of the lock a subject gets with `failures` wrong OTPs in a row, if any.
    pub fn lock_after_wrong(&self, subject: Subject, failures: u32, now: NaiveDateTime) -> Option<NaiveDateTime> {
        self.wrong.lock_after(subject, failures, now)
    }

    /// The end of the lock an address gets with `sends` OTPs in its window, if any.
    pub fn lock_after_sends(&self, sends: u32, now: NaiveDateTime) -> Option<NaiveDateTime> {
        (sends >= self.max_sends_per_address).then(|| now + self.send_window)
    }

    /// Whether a send count last touched at `last` is forgotten at `now`.
    pub fn send_count_expired(&self, last: NaiveDateTime, now: NaiveDateTime) -> bool {
        now >= last + self.send_window
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 6).and_then(|d| d.and_hms_opt(10, 0, 0)).unwrap_or_default()
    }

    #[test]
    fn wrong_otps_lock_an_email_at_ten_and_an_address_at_twenty_doubling() {
        let t = OtpThrottle::default();
        assert_eq!(t.lock_after_wrong(Subject::Account, 9, now()), None);
        assert_eq!(t.lock_after_wrong(Subject::Account, 10, now()), Some(now() + Duration::minutes(5)));
        assert_eq!(t.lock_after_wrong(Subject::Account, 11, now()), Some(now() + Duration::minutes(10)));
        assert_eq!(t.lock_after_wrong(Subject::Account, 40, now()), Some(now() + Duration::hours(1)));
        assert_eq!(t.lock_after_wrong(Subject::Address, 19, now()), None);
        assert_eq!(t.lock_after_wrong(Subject::Address, 20, now()), Some(now() + Duration::minutes(5)));
    }

    #[test]
    fn sends_from_an_address_lock_it_for_a_window_and_a_quiet_window_forgets_them() {
        let t = OtpThrottle { max_sends_per_address: 3, ..OtpThrottle::default() };
        assert_eq!(t.lock_after_sends(2, now()), None);
        assert_eq!(t.lock_after_sends(3, now()), Some(now() + Duration::hours(1)));
        assert!(!t.send_count_expired(now(), now() + Duration::minutes(59)));
        assert!(t.send_count_expired(now(), now() + Duration::hours(1)));
    }

    #[test]
    fn a_lock_answers_pms_onb_016_until_it_ends() {
        let t = OtpThrottle::default();
        let locked = Attempts { failures: 10, locked_until: Some(now() + Duration::seconds(300)) };
        assert_eq!(t.check(&locked, now()), Err(OnboardingError::OtpThrottled(300)));
        assert_eq!(OnboardingError::OtpThrottled(300).code(), "PMS_ONB_016");
        assert_eq!(t.check(&locked, now() + Duration::seconds(300)), Ok(()));
    }
}
