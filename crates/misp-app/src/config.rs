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
