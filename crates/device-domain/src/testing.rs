//! The values the tests of several modules start from.

use chrono::{NaiveDate, NaiveDateTime};

use crate::detail::{DetailFields, DeviceDetail, DeviceDetailInput};
use crate::sbi::{Sbi, SbiFields, SbiInput};

/// 2026-12-05 09:00.
pub fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 5).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap()
}

/// A new device detail `d1` of `provider` (a `Finger`/`Slap` make `m`, model `x`).
pub fn new_detail(provider: &str) -> DeviceDetail {
    let f = DetailFields {
        provider_id: Some(provider),
        type_code: Some("Finger"),
        sub_type_code: Some("Slap"),
        make: Some("m"),
        model: Some("x"),
        ..DetailFields::default()
    };
    DeviceDetail::create(DeviceDetailInput::for_create(f).unwrap(), "d1".into(), None, "u", now())
}

/// A new SBI `s1` of `provider` (of organisation `org`), created 2026-12-01, expiring at `expiry`.
pub fn new_sbi(provider: &str, org: Option<&str>, expiry: &str) -> Sbi {
    let f = SbiFields {
        provider_id: Some(provider),
        binary_hash: Some("0"),
        version: Some("1"),
        created: Some("2026-12-01T00:00:00Z"),
        expiry: Some(expiry),
        ..SbiFields::default()
    };
    Sbi::create(SbiInput::for_create(f).unwrap(), "s1".into(), org.map(str::to_owned), "u", now())
}
