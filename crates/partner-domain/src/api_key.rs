//! API keys (`partner_policy`): generated for an approved policy request (P13), switched on and
//! off (M5), moved to another policy (M6); they expire `valid_to`.

use chrono::{Duration, NaiveDateTime};

use crate::PartnerError;

/// The longest label the store keeps.
pub const LABEL_MAX: usize = 36;
/// Random bytes behind a key (256 bits).
pub const KEY_BYTES: usize = 32;

/// A label as compared and stored: trimmed, inner whitespace runs collapsed to one space.
pub fn normalize_label(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a key made from `bytes` of a CSPRNG: lowercase hex (64 characters for 32 bytes).
pub fn encode_key(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    s
}

/// When a key made `now` expires.
pub fn expiry(now: NaiveDateTime, days: u32) -> NaiveDateTime {
    now + Duration::days(i64::from(days))
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
    fn keys_are_hex_of_their_bytes() {
        assert_eq!(encode_key(&[0x00, 0xab, 0xff]), "00abff");
        assert_eq!(encode_key(&[7u8; KEY_BYTES]).len(), 64);
    }

    #[test]
    fn keys_expire_after_the_configured_days() {
        assert_eq!(expiry(now(), 90) - now(), Duration::days(90));
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
