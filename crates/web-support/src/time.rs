//! MOSIP's date-time formats (`app_core::time`), and the system clock for the web side.

pub use app_core::time::{MOSIP_FORMAT, local, mosip, parse_mosip, serde_local, serde_mosip};
use chrono::{NaiveDateTime, Utc};

pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// The current time in the envelope format.
pub fn mosip_now() -> String {
    mosip(now())
}
