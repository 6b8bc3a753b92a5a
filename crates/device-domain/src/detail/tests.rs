use chrono::NaiveDate;

use super::*;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 5).and_then(|d| d.and_hms_opt(10, 0, 0)).unwrap()
}

fn fields() -> DetailFields<'static> {
    DetailFields {
        id: Some("device-id-123"),
        provider_id: Some("Tech-123"),
        type_code: Some("Finger"),
        sub_type_code: Some("Slap"),
        make: Some("abcde"),
        model: Some("FRO90000"),
    }
}

#[test]
fn a_create_needs_provider_type_sub_type_make_and_model() {
    let input = DeviceDetailInput::for_create(fields()).unwrap();
    assert_eq!((input.provider_id.as_str(), input.id.as_deref()), ("Tech-123", Some("device-id-123")));
    let missing = DeviceDetailInput::for_create(DetailFields { type_code: None, make: Some(" "), ..fields() });
    let Err(DeviceError::InvalidFields(errors)) = missing else { panic!("expected field errors") };
    assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), ["deviceTypeCode", "make"]);
}

#[test]
fn an_update_needs_the_id() {
    let e = DeviceDetailInput::for_update(DetailFields { id: None, ..fields() }).unwrap_err();
    assert_eq!(e.code(), "PMS_COR_001");
}

#[test]
fn a_new_detail_waits_for_approval_and_a_decision_sets_status_and_activity() {
    let input = DeviceDetailInput::for_create(fields()).unwrap();
    let mut d = DeviceDetail::create(input, DeviceDetailId::from("d1"), Some("Techno".into()), "u1", now());
    assert_eq!((d.approval_status.as_str(), d.is_active), (status::PENDING_APPROVAL, false));
    assert_eq!(d.check_mappable(), Err(DeviceError::DetailNotApproved("d1".into())));
    d.decide(Decision::Reject, "admin", now());
    assert_eq!(d.check_mappable().unwrap_err().code(), "PMS_AUT_028");
    d.decide(Decision::Approve, "admin", now());
    assert_eq!((d.approval_status.as_str(), d.is_active, d.upd_by.as_deref()), (status::APPROVED, true, Some("admin")));
    assert_eq!(d.check_mappable(), Ok(()));
}

#[test]
fn make_and_model_compare_without_extra_blanks() {
    assert_eq!(normalised("  FRO  900 "), "FRO 900");
}
