//! Licence keys: generation, validity, validation, switching, and the download/rotation rule.
//!
//! A key is `is_active` or not; "expired" is never stored, it is `valid_to <= now`. A key that a
//! MISP's deactivation switched off is `suspended`, so that reactivating the MISP brings back
//! exactly those keys and never one an admin switched off or a rejection retired.

mod lifecycle;
mod validation;

use chrono::{Duration, NaiveDateTime};
use rand::distr::Alphanumeric;
use rand::{CryptoRng, Rng};

pub use lifecycle::{Answer, Cascade, DownloadPlan, cascade, plan_download};
pub use validation::{Holder, HolderKind, KeyCheck, Verdict, check_key, may_switch_key};

/// Longest key the `license_key` column holds.
pub const KEY_MAX: usize = 128;
/// Shortest key we agree to generate (62^16 ≈ 2^95 possibilities).
pub const KEY_MIN: usize = 16;

/// A licence key as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct License {
    /// The MISP (MOSIP 1.1) or the MISP partner (MOSIP 1.2) the key belongs to.
    pub misp_id: String,
    pub key: String,
    /// The MISP partner's approved policy when the key was issued (MOSIP 1.2), else none.
    pub policy_id: Option<String>,
    pub valid_from: NaiveDateTime,
    pub valid_to: NaiveDateTime,
    pub is_active: bool,
    /// Switched off by its MISP's deactivation (and so switched on again by its reactivation).
    pub suspended: bool,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

impl License {
    /// Past its validity: `valid_to` is not after `now`.
    pub fn is_expired_at(&self, now: NaiveDateTime) -> bool {
        self.valid_to <= now
    }

    /// Switched on and not expired: a key ID-Authentication may accept (as far as the key goes).
    pub fn is_usable_at(&self, now: NaiveDateTime) -> bool {
        self.is_active && !self.is_expired_at(now)
    }
}

/// How keys are made: length and validity (`mosip.kernel.idgenerator.misp.license-key-length`,
/// `mosip.pmp.misp.license.expiry.period.indays`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPolicy {
    length: usize,
    validity_days: i64,
}

impl KeyPolicy {
    /// A policy of keys `length` characters long, valid `validity_days` days.
    pub fn new(length: usize, validity_days: i64) -> Result<Self, String> {
        if !(KEY_MIN..=KEY_MAX).contains(&length) {
            return Err(format!("licence key length must be between {KEY_MIN} and {KEY_MAX}, not {length}"));
        }
        if !(1..=36_500).contains(&validity_days) {
            return Err(format!("licence key validity must be between 1 and 36500 days, not {validity_days}"));
        }
        Ok(KeyPolicy { length, validity_days })
    }

    pub fn length(&self) -> usize {
        self.length
    }

    /// A fresh key: `length` characters drawn uniformly from `[0-9A-Za-z]` by a cryptographic RNG.
    pub fn generate_key<R: Rng + CryptoRng>(&self, rng: &mut R) -> String {
        rng.sample_iter(Alphanumeric).take(self.length).map(char::from).collect()
    }

    /// A new active key for `misp_id`, valid from `now` for the policy's number of days.
    pub fn issue<R: Rng + CryptoRng>(
        &self,
        rng: &mut R,
        misp_id: &str,
        policy_id: Option<String>,
        user: &str,
        now: NaiveDateTime,
    ) -> License {
        License {
            misp_id: misp_id.to_owned(),
            key: self.generate_key(rng),
            policy_id,
            valid_from: now,
            valid_to: now.checked_add_signed(Duration::days(self.validity_days)).unwrap_or(NaiveDateTime::MAX),
            is_active: true,
            suspended: false,
            cr_by: user.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        }
    }
}

#[cfg(test)]
mod tests;
