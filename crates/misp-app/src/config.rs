//! What the MISP operations need from the configuration, checked once at start.

use chrono::{NaiveDateTime, Timelike};
use misp_domain::KeyPolicy;

use crate::roles::MispRoles;

/// The MISP rules of this deployment.
#[derive(Debug, Clone)]
pub struct MispConfig {
    pub keys: KeyPolicy,
    /// The first MISP id.
    pub first_id: i32,
    pub roles: MispRoles,
    /// Partner type of MOSIP 1.2 MISP partners.
    pub partner_type: String,
}

impl MispConfig {
    /// The rules from the values of `[misp]`, checked: licence keys of `key_length` characters
    /// valid `validity_days` days, MISP ids of `id_length` digits, the role sets, and the partner
    /// type of MOSIP 1.2 MISP partners. `Err` names the setting at fault.
    pub fn new(
        key_length: usize,
        validity_days: i64,
        id_length: u32,
        roles: MispRoles,
        partner_type: &str,
    ) -> Result<Self, String> {
        let keys = KeyPolicy::new(key_length, validity_days)
            .map_err(|e| format!("misp.license_key_length / misp.license_validity_days: {e}"))?;
        let first_id = misp_domain::ids::first_id(id_length).map_err(|e| format!("misp.id_length: {e}"))?;
        let partner_type = partner_type.trim();
        if partner_type.is_empty() {
            return Err("misp.partner_type must not be empty".into());
        }
        Ok(MispConfig { keys, first_id, roles, partner_type: partner_type.to_owned() })
    }
}

/// `t` at the store's precision (microseconds), so that what is answered equals what is read
/// back later on either backend.
pub fn at_store_precision(t: NaiveDateTime) -> NaiveDateTime {
    t.with_nanosecond(t.nanosecond() / 1_000 * 1_000).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_precision_is_microseconds() {
        let t = chrono::DateTime::from_timestamp(1, 123_456_789).map(|d| d.naive_utc()).unwrap_or_default();
        assert_eq!(at_store_precision(t).nanosecond(), 123_456_000);
    }
}
