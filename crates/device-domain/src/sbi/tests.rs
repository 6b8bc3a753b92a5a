use chrono::NaiveDate;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(8, 0, 0).unwrap()
}

fn fields() -> SbiFields<'static> {
    SbiFields {
        provider_id: Some("Tech-123"),
        binary_hash: Some("0"),
        version: Some("MO.TD.01"),
        created: Some("2026-12-05T08:23:57.986Z"),
        expiry: Some("2030-12-30T08:23:57.986Z"),
        ..SbiFields::default()
    }
}

#[test]
fn dates_are_checked_in_mosips_order() {
    let today = day(2026, 12, 5);
    let limits = SbiLimits::default();
    let ok = SbiDates { created: at(2026, 12, 5), expiry: at(2030, 1, 1) };
    assert_eq!(ok.check(today, limits), Ok(()));
    let future = SbiDates { created: at(2026, 12, 6), expiry: at(2020, 1, 1) };
    assert_eq!(future.check(today, limits), Err(DeviceError::CreatedInFuture));
    let expired = SbiDates { created: at(2026, 1, 1), expiry: at(2026, 12, 5) };
    assert_eq!(expired.check(today, limits).unwrap_err().code(), "PMS_AUT_508");
    let old = SbiDates { created: at(2016, 12, 4), expiry: at(2027, 1, 1) };
    assert_eq!(old.check(today, limits), Err(DeviceError::CreatedTooOld(10)));
    let far = SbiDates { created: at(2026, 1, 1), expiry: at(2222, 12, 30) };
    assert_eq!(far.check(today, limits).unwrap_err().code(), "PMS_AUT_515");
    assert_eq!(far.check(today, SbiLimits { expiry_max_years: 250, created_max_years: 10 }), Ok(()));
}

#[test]
fn create_and_update_fields() {
    let input = SbiInput::for_create(fields()).unwrap();
    assert_eq!(input.dates.created, day(2026, 12, 5).and_hms_milli_opt(8, 23, 57, 986).unwrap());
    let e = SbiInput::for_create(SbiFields { provider_id: None, created: Some("yesterday"), ..fields() }).unwrap_err();
    let DeviceError::InvalidFields(errors) = e else { panic!("expected field errors") };
    assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), ["providerId", "swCreateDateTime"]);
    let update = SbiInput::for_update(SbiFields { id: Some("a0f2b0ca-92 66-4cf4-832c-7741d5b6a174"), ..fields() });
    assert_eq!(update.unwrap_err().code(), "PMS_COR_001");
}

#[test]
fn decisions_and_mapping() {
    let input = SbiInput::for_create(fields()).unwrap();
    let mut sbi = Sbi::create(input.clone(), SbiId::from("s1"), None, "u", at(2026, 12, 5));
    assert_eq!(sbi.check_mappable(day(2026, 12, 5)), Err(DeviceError::SbiNotApproved));
    assert_eq!(sbi.decide("approve", "a", at(2026, 12, 5)), Err(DeviceError::SbiStatusCode));
    sbi.decide("Activate", "a", at(2026, 12, 5)).unwrap();
    assert_eq!(sbi.decide("De-activate", "a", at(2026, 12, 5)), Err(DeviceError::SbiAlreadyApproved));
    assert_eq!(sbi.check_mappable(day(2030, 12, 31)), Err(DeviceError::SbiExpired));
    assert_eq!(sbi.check_mappable(day(2026, 12, 5)), Ok(()));
    let mut other = Sbi::create(input.clone(), SbiId::from("s2"), None, "u", at(2026, 12, 5));
    other.decide("De-activate", "a", at(2026, 12, 5)).unwrap();
    assert_eq!(other.decide("Activate", "a", at(2026, 12, 5)), Err(DeviceError::SbiAlreadyRejected));
    other.update(SbiInput { is_active: true, ..input }, "u", at(2026, 12, 6));
    assert_eq!((other.is_active, other.approval_status.as_str()), (true, status::REJECTED));
}
