//! API keys (`partner_policy`): generated for an approved policy request (P13), switched on and
//! off (M5), moved to another policy (M6); they expire `valid_to`.

use chrono::{Duration, NaiveDateTime};
use rand::{CryptoRng, Rng};

use crate::PartnerError;

/// The longest label the store keeps.
pub const LABEL_MAX: usize = 36;

/// How API keys are made and recognised: the one home of their length, alphabet and validity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiKeyPolicy {
    validity_days: u32,
}

impl ApiKeyPolicy {
    /// Characters in a key: 64 lowercase hex digits carry 256 bits.
    pub const LENGTH: usize = 64;
    /// The characters a key is drawn from, uniformly.
    pub const ALPHABET: &'static [u8] = b"0123456789abcdef";
    /// MOSIP's default validity (`mosip.pmp.partner.policy.expiry.period.indays`).
    pub const DEFAULT_VALIDITY_DAYS: u32 = 90;

    /// Keys valid `validity_days` days (at least one).
    pub fn new(validity_days: u32) -> Result<Self, String> {
        if validity_days == 0 {
            return Err("API keys must be valid at least 1 day".into());
        }
        Ok(ApiKeyPolicy { validity_days })
    }

    pub fn validity_days(&self) -> u32 {
        self.validity_days
    }

    /// A fresh key: [`Self::LENGTH`] characters of [`Self::ALPHABET`] drawn by a cryptographic RNG.
    pub fn generate<R: CryptoRng + ?Sized>(&self, rng: &mut R) -> String {
        (0..Self::LENGTH).map(|_| char::from(Self::ALPHABET[rng.random_range(0..Self::ALPHABET.len())])).collect()
    }

    /// When a key issued at `issued` expires (the end of time rather than an overflow).
    pub fn expiry(&self, issued: NaiveDateTime) -> NaiveDateTime {
        Duration::try_days(i64::from(self.validity_days))
            .and_then(|d| issued.checked_add_signed(d))
            .unwrap_or(NaiveDateTime::MAX)
    }

    /// Whether `s` has the shape of a key this policy makes.
    pub fn looks_like_a_key(s: &str) -> bool {
        s.len() == Self::LENGTH && s.bytes().all(|b| Self::ALPHABET.contains(&b))
    }
}

/// The longest key the store's `policy_api_key` column holds.
const STORED_MAX: usize = 128;
const _: () = assert!(ApiKeyPolicy::LENGTH <= STORED_MAX, "API keys must fit the policy_api_key column");

impl Default for ApiKeyPolicy {
    fn default() -> Self {
        ApiKeyPolicy { validity_days: Self::DEFAULT_VALIDITY_DAYS }
    }
}

/// A label as compared and stored: trimmed, inner whitespace runs collapsed to one space.
pub fn normalize_label(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Generating a key needs an approved request for the policy (`PMS_PRT_109`) and a label unused
/// for the partner and policy (`PMS_PRT_110`).
pub fn check_generate(approved_request: bool, label_taken: bool) -> Result<(), PartnerError> {
    if !approved_request {
        return Err(PartnerError::PolicyNotApprovedForPartner);
    }
    if label_taken {
        return Err(PartnerError::LabelTaken);
    }
    Ok(())
}

/// Switching a key on or off (M5): `Active` / `De-Active` in any case (`PMS_PM_058`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStatus {
    Activate,
    Deactivate,
}

impl KeyStatus {
    pub fn parse(status: &str) -> Result<Self, PartnerError> {
        if status.eq_ignore_ascii_case("active") {
            Ok(KeyStatus::Activate)
        } else if status.eq_ignore_ascii_case("de-active") {
            Ok(KeyStatus::Deactivate)
        } else {
            Err(PartnerError::InvalidActivationStatus)
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            KeyStatus::Activate => "Partner apikey activated successfully.",
            KeyStatus::Deactivate => "Partner apikey de-activated successfully.",
        }
    }
}

/// MOSIP 1.2.2's rules for M5: a partner that is not active may not switch its keys (admins
/// may, `PMS_PMP_016`); a key that is off cannot be switched off again (`PMS_PMS_022`); an
/// unknown status is `PMS_PM_058`. Returns the key's new `is_active`.
pub fn change_status(
    status: &str,
    key_active: bool,
    partner_active: bool,
    by_admin: bool,
) -> Result<bool, PartnerError> {
    if !by_admin && !partner_active {
        return Err(PartnerError::PartnerInactive);
    }
    let wanted = KeyStatus::parse(status);
    if !key_active && wanted == Ok(KeyStatus::Deactivate) {
        return Err(PartnerError::ApiKeyInactive);
    }
    Ok(wanted? == KeyStatus::Activate)
}

/// Moving a key to another policy (M6) needs the key, for that partner and old policy
/// (`PMS_PMP_50`), and it must be on (`PMS_PMS_022`).
pub fn check_remap(key_active: Option<bool>) -> Result<(), PartnerError> {
    match key_active {
        None => Err(PartnerError::ApiKeyPolicyMappingMissing),
        Some(false) => Err(PartnerError::ApiKeyInactive),
        Some(true) => Ok(()),
    }
}

pub const KEY_REMAPPED: &str = "Given apikey updated with policy successfully. ";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::tests::now;

    #[test]
    fn labels_are_trimmed_and_collapsed() {
        assert_eq!(normalize_label("  my   key \t 1 "), "my key 1");
        assert_eq!(normalize_label("string"), "string");
        assert_eq!(normalize_label("   "), "");
    }

    #[test]
    fn keys_have_the_policy_length_and_alphabet_and_differ() {
        use rand::SeedableRng;
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let policy = ApiKeyPolicy::default();
        let (a, b) = (policy.generate(&mut rng), policy.generate(&mut rng));
        assert_eq!(a.len(), ApiKeyPolicy::LENGTH);
        assert!(ApiKeyPolicy::looks_like_a_key(&a) && ApiKeyPolicy::looks_like_a_key(&b));
        assert_ne!(a, b);
        assert!(!ApiKeyPolicy::looks_like_a_key(&a[1..]));
        assert!(!ApiKeyPolicy::looks_like_a_key(&"g".repeat(ApiKeyPolicy::LENGTH)));
    }

    #[test]
    fn keys_expire_after_the_configured_days() {
        let policy = ApiKeyPolicy::new(30).unwrap();
        assert_eq!(policy.expiry(now()) - now(), Duration::days(30));
        assert_eq!(ApiKeyPolicy::default().validity_days(), 90);
        assert!(ApiKeyPolicy::new(0).is_err());
        assert_eq!(ApiKeyPolicy::new(u32::MAX).map(|p| p.expiry(now())), Ok(NaiveDateTime::MAX), "no overflow");
    }

    #[test]
    fn generation_needs_approval_and_a_free_label() {
        assert_eq!(check_generate(true, false), Ok(()));
        assert_eq!(check_generate(false, false).unwrap_err().code(), "PMS_PRT_109");
        assert_eq!(check_generate(true, true).unwrap_err().code(), "PMS_PRT_110");
    }

    #[test]
    fn status_changes() {
        assert_eq!(change_status("De-Active", true, true, false), Ok(false));
        assert_eq!(change_status("active", false, true, false), Ok(true));
        assert_eq!(change_status("Active", true, true, false), Ok(true), "switching on twice is harmless");
        assert_eq!(change_status("De-Active", false, true, false).unwrap_err().code(), "PMS_PMS_022");
        assert_eq!(change_status("Active", true, false, false).unwrap_err().code(), "PMS_PMP_016");
        assert_eq!(change_status("Active", false, false, true), Ok(true), "admins may act for inactive partners");
        assert_eq!(change_status("off", true, true, true).unwrap_err().code(), "PMS_PM_058");
        assert_eq!(KeyStatus::Deactivate.message(), "Partner apikey de-activated successfully.");
    }

    #[test]
    fn remapping_needs_an_active_key() {
        assert_eq!(check_remap(Some(true)), Ok(()));
        assert_eq!(check_remap(None).unwrap_err().code(), "PMS_PMP_50");
        assert_eq!(check_remap(Some(false)).unwrap_err().code(), "PMS_PMS_022");
    }
}
