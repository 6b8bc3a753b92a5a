//! Failed local logins: after a number of failures a subject (an account, a client address) is
//! locked for a while, and each further failure doubles the lock up to a ceiling.

use chrono::{Duration, NaiveDateTime};

use super::OnboardingError;

/// The lockout rules, from configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginThrottle {
    /// Failures in a row after which an account is locked.
    pub max_failures_per_account: u32,
    /// Failures in a row after which a client address is locked (higher: many users may share
    /// one address behind a proxy).
    pub max_failures_per_address: u32,
    /// The first lock; each further failure doubles it.
    pub first_lock: Duration,
    /// The longest lock.
    pub max_lock: Duration,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        LoginThrottle {
            max_failures_per_account: 5,
            max_failures_per_address: 20,
            first_lock: Duration::minutes(1),
            max_lock: Duration::hours(1),
        }
    }
}

/// Who the failures are counted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Account,
    Address,
}

/// A subject's failures in a row and the end of its lock, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attempts {
    pub failures: u32,
    pub locked_until: Option<NaiveDateTime>,
}

impl LoginThrottle {
    /// `PMS_ONB_015` with the seconds left while `attempts` are locked at `now`.
    pub fn check(&self, attempts: &Attempts, now: NaiveDateTime) -> Result<(), OnboardingError> {
        match attempts.locked_until {
            Some(until) if until > now => Err(OnboardingError::LoginLocked((until - now).num_seconds().max(1))),
            _ => Ok(()),
        }
    }

    /// The end of the lock a subject gets with `failures` failures in a row, if any.
    pub fn lock_after(&self, subject: Subject, failures: u32, now: NaiveDateTime) -> Option<NaiveDateTime> {
        let limit = match subject {
            Subject::Account => self.max_failures_per_account,
            Subject::Address => self.max_failures_per_address,
        };
        let beyond = failures.checked_sub(limit)?;
        let factor = 1_i32.checked_shl(beyond.min(30)).unwrap_or(i32::MAX);
        let lock = self.first_lock.checked_mul(factor).map_or(self.max_lock, |l| l.min(self.max_lock));
        Some(now + lock)
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
    fn an_account_is_locked_at_its_limit_and_the_lock_doubles_up_to_the_ceiling() {
        let t = LoginThrottle::default();
        assert_eq!(t.lock_after(Subject::Account, 4, now()), None);
        assert_eq!(t.lock_after(Subject::Account, 5, now()), Some(now() + Duration::minutes(1)));
        assert_eq!(t.lock_after(Subject::Account, 6, now()), Some(now() + Duration::minutes(2)));
        assert_eq!(t.lock_after(Subject::Account, 8, now()), Some(now() + Duration::minutes(8)));
        assert_eq!(t.lock_after(Subject::Account, 12, now()), Some(now() + Duration::hours(1)));
        assert_eq!(t.lock_after(Subject::Account, u32::MAX, now()), Some(now() + Duration::hours(1)));
    }

    #[test]
    fn an_address_has_its_own_higher_limit() {
        let t = LoginThrottle::default();
        assert_eq!(t.lock_after(Subject::Address, 19, now()), None);
        assert_eq!(t.lock_after(Subject::Address, 20, now()), Some(now() + Duration::minutes(1)));
    }

    #[test]
    fn a_lock_refuses_until_it_ends() {
        let t = LoginThrottle::default();
        let locked = Attempts { failures: 5, locked_until: Some(now() + Duration::seconds(90)) };
        assert_eq!(t.check(&locked, now()), Err(OnboardingError::LoginLocked(90)));
        assert_eq!(t.check(&locked, now() + Duration::seconds(90)), Ok(()));
        assert_eq!(t.check(&Attempts::default(), now()), Ok(()));
    }
}
