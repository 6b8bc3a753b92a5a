//! One-time passwords: six digits from the caller's CSPRNG, valid for a while, a few wrong tries,
//! and a throttle on how often one e-mail may receive them.

use chrono::{Duration, NaiveDateTime};
use rand::{CryptoRng, Rng};

use super::error::OnboardingError;

/// A six-digit one-time password.
#[derive(Clone, PartialEq, Eq)]
pub struct Otp(String);

impl std::fmt::Debug for Otp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Otp(******)")
    }
}

impl Otp {
    /// A uniformly drawn OTP in `000000..=999999`.
    pub fn generate<R: Rng + CryptoRng + ?Sized>(rng: &mut R) -> Otp {
        Otp(format!("{:06}", rng.random_range(0..1_000_000u32)))
    }

    /// Exactly six ASCII digits (surrounding blanks ignored).
    pub fn parse(s: &str) -> Result<Otp, OnboardingError> {
        let s = s.trim();
        if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Otp(s.to_owned()))
        } else {
            Err(OnboardingError::MalformedOtp)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The OTP rules, from configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtpPolicy {
    /// How long an OTP stays valid after it was sent.
    pub validity: Duration,
    /// Wrong tries after which the OTP is dead and a new one is needed.
    pub max_tries: u32,
    /// Least time between two OTPs to one e-mail.
    pub resend_interval: Duration,
    /// Most OTPs to one e-mail within an hour.
    pub max_sends_per_hour: u32,
}

impl Default for OtpPolicy {
    fn default() -> Self {
        OtpPolicy {
            validity: Duration::minutes(10),
            max_tries: 5,
            resend_interval: Duration::minutes(1),
            max_sends_per_hour: 5,
        }
    }
}

/// How many OTPs an e-mail received lately: the last one, and those of the current hour window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendHistory {
    pub last_sent_at: NaiveDateTime,
    pub window_start: NaiveDateTime,
    pub window_sends: u32,
}

impl OtpPolicy {
    /// The history after one more OTP sent at `now`, or why none may be sent yet. The hour window
    /// starts with the first OTP after the previous window ended.
    pub fn record_send(
        &self,
        previous: Option<&SendHistory>,
        now: NaiveDateTime,
    ) -> Result<SendHistory, OnboardingError> {
        let Some(prev) = previous else {
            return Ok(SendHistory { last_sent_at: now, window_start: now, window_sends: 1 });
        };
        let next_allowed = prev.last_sent_at + self.resend_interval;
        if now < next_allowed {
            return Err(OnboardingError::ResendTooSoon(seconds_up(next_allowed - now)));
        }
        let window_end = prev.window_start + Duration::hours(1);
        if now >= window_end {
            return Ok(SendHistory { last_sent_at: now, window_start: now, window_sends: 1 });
        }
        if prev.window_sends >= self.max_sends_per_hour {
            return Err(OnboardingError::SendLimitReached((seconds_up(window_end - now) + 59) / 60));
        }
        Ok(SendHistory { last_sent_at: now, window_start: prev.window_start, window_sends: prev.window_sends + 1 })
    }

    /// When an OTP sent at `sent_at` stops being valid.
    pub fn expiry(&self, sent_at: NaiveDateTime) -> NaiveDateTime {
        sent_at + self.validity
    }

    /// Whether the OTP of `state` may still be tried at `now`.
    pub fn check_usable(&self, state: &OtpState, now: NaiveDateTime) -> Result<(), OnboardingError> {
        if state.completed {
            return Err(OnboardingError::AlreadyCompleted);
        }
        if state.tries >= self.max_tries {
            return Err(OnboardingError::OtpLocked);
        }
        if now >= state.expires_at {
            return Err(OnboardingError::OtpExpired);
        }
        Ok(())
    }

    /// A wrong OTP was entered: the new try count and the error to answer (the last allowed try
    /// answers that the OTP is now dead).
    pub fn wrong_try(&self, state: &OtpState) -> (u32, OnboardingError) {
        let tries = state.tries.saturating_add(1);
        if tries >= self.max_tries {
            (tries, OnboardingError::OtpLocked)
        } else {
            (tries, OnboardingError::WrongOtp(self.max_tries - tries))
        }
    }
}

/// What the store knows about a pending OTP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtpState {
    pub expires_at: NaiveDateTime,
    pub tries: u32,
    pub completed: bool,
}

fn seconds_up(d: Duration) -> i64 {
    let ms = d.num_milliseconds().max(0);
    (ms + 999) / 1000
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    fn t(secs: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + secs, 0).map(|d| d.naive_utc()).unwrap_or_default()
    }

    #[test]
    fn otps_are_six_digits_and_vary() {
        let mut rng = StdRng::seed_from_u64(7);
        let otps: Vec<Otp> = (0..200).map(|_| Otp::generate(&mut rng)).collect();
        assert!(otps.iter().all(|o| o.as_str().len() == 6 && o.as_str().bytes().all(|b| b.is_ascii_digit())));
        let mut distinct: Vec<&str> = otps.iter().map(Otp::as_str).collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert!(distinct.len() > 190, "200 draws from a million values hardly collide");
        assert!(otps.iter().any(|o| o.as_str().starts_with('0')) || distinct.len() == 200);
        assert_eq!(format!("{:?}", otps[0]), "Otp(******)", "never printed");
    }

    #[test]
    fn parsing_accepts_exactly_six_digits() {
        assert_eq!(Otp::parse(" 012345 ").map(|o| o.as_str().to_owned()), Ok("012345".to_owned()));
        for bad in ["", "12345", "1234567", "12a456", "12 456", "１２３４５６"] {
            assert_eq!(Otp::parse(bad), Err(OnboardingError::MalformedOtp), "{bad:?}");
        }
    }

    #[test]
    fn the_first_send_opens_a_window() {
        let p = OtpPolicy::default();
        let h = p.record_send(None, t(0)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(h, SendHistory { last_sent_at: t(0), window_start: t(0), window_sends: 1 });
        assert_eq!(p.expiry(t(0)), t(600), "ten minutes by default");
    }

    #[test]
    fn resending_within_the_interval_is_refused() {
        let p = OtpPolicy::default();
        let h = SendHistory { last_sent_at: t(0), window_start: t(0), window_sends: 1 };
        assert_eq!(p.record_send(Some(&h), t(1)), Err(OnboardingError::ResendTooSoon(59)));
        assert_eq!(p.record_send(Some(&h), t(59)), Err(OnboardingError::ResendTooSoon(1)));
        let next = p.record_send(Some(&h), t(60)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(next, SendHistory { last_sent_at: t(60), window_start: t(0), window_sends: 2 });
    }

    #[test]
    fn at_most_five_sends_an_hour_then_a_new_window() {
        let p = OtpPolicy::default();
        let mut h: Option<SendHistory> = None;
        for i in 0..5 {
            h = Some(p.record_send(h.as_ref(), t(i * 60)).unwrap_or_else(|e| panic!("send {i}: {e}")));
        }
        let full = h.unwrap_or_else(|| panic!("history"));
        assert_eq!(full.window_sends, 5);
        assert_eq!(p.record_send(Some(&full), t(300)), Err(OnboardingError::SendLimitReached(55)));
        assert_eq!(p.record_send(Some(&full), t(3599)), Err(OnboardingError::SendLimitReached(1)));
        let fresh = p.record_send(Some(&full), t(3600)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(fresh, SendHistory { last_sent_at: t(3600), window_start: t(3600), window_sends: 1 });
    }

    #[test]
    fn the_interval_and_hourly_limit_are_configurable() {
        let p = OtpPolicy { resend_interval: Duration::zero(), max_sends_per_hour: 2, ..OtpPolicy::default() };
        let h = p.record_send(None, t(0)).unwrap_or_else(|e| panic!("{e}"));
        let h = p.record_send(Some(&h), t(0)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.record_send(Some(&h), t(1)), Err(OnboardingError::SendLimitReached(60)));
    }

    #[test]
    fn an_otp_is_usable_until_it_expires_is_locked_or_used() {
        let p = OtpPolicy::default();
        let live = OtpState { expires_at: t(600), tries: 0, completed: false };
        assert_eq!(p.check_usable(&live, t(599)), Ok(()));
        assert_eq!(p.check_usable(&live, t(600)), Err(OnboardingError::OtpExpired));
        let locked = OtpState { tries: 5, ..live };
        assert_eq!(p.check_usable(&locked, t(0)), Err(OnboardingError::OtpLocked));
        let used = OtpState { completed: true, ..live };
        assert_eq!(p.check_usable(&used, t(0)), Err(OnboardingError::AlreadyCompleted));
        assert_eq!(
            p.check_usable(&OtpState { completed: true, ..locked }, t(700)),
            Err(OnboardingError::AlreadyCompleted)
        );
    }

    #[test]
    fn wrong_tries_count_down_then_lock() {
        let p = OtpPolicy::default();
        let mut state = OtpState { expires_at: t(600), tries: 0, completed: false };
        let mut answers = Vec::new();
        while p.check_usable(&state, t(1)).is_ok() {
            let (tries, err) = p.wrong_try(&state);
            answers.push(err);
            state.tries = tries;
        }
        assert_eq!(
            answers,
            [
                OnboardingError::WrongOtp(4),
                OnboardingError::WrongOtp(3),
                OnboardingError::WrongOtp(2),
                OnboardingError::WrongOtp(1),
                OnboardingError::OtpLocked,
            ]
        );
        assert_eq!(p.check_usable(&state, t(1)), Err(OnboardingError::OtpLocked));
    }
}
