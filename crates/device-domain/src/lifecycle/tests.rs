use super::*;
use crate::testing::{new_detail, new_sbi, now};

fn sbi(approval: &str, active: bool, expiry: &str) -> Sbi {
    let mut s = new_sbi("p1", None, expiry);
    s.approval_status = approval.to_owned();
    s.is_active = active;
    s
}

fn device(approval: &str, active: bool) -> DeviceDetail {
    let mut d = new_detail("p1");
    d.approval_status = approval.to_owned();
    d.is_active = active;
    d
}

const LATER: &str = "2027-12-01T00:00:00Z";

#[test]
fn an_sbi_accepts_devices_of_its_partner_once_approved_active_and_unexpired() {
    let today = now().date();
    let p1 = ProviderId::from("p1");
    assert_eq!(sbi("approved", true, LATER).accepts_devices_of(&p1, today), Ok(()));
    let other = sbi("approved", true, LATER).accepts_devices_of(&ProviderId::from("p2"), today);
    assert_eq!(other.map_err(LifecycleError::code), Err("PMS_DEVICE_ERROR_002"));
    let cases = [
        (sbi("pending_approval", false, LATER), LifecycleError::SbiPending),
        (sbi("rejected", false, LATER), LifecycleError::SbiRejected),
        (sbi("approved", false, LATER), LifecycleError::SbiDeactivated),
        (sbi("approved", true, "2026-12-04T23:59:59Z"), LifecycleError::SbiExpired),
    ];
    for (s, e) in cases {
        assert_eq!(s.accepts_devices_of(&p1, today), Err(e));
    }
    // expiring today is not expired yet
    assert_eq!(sbi("approved", true, "2026-12-05T00:00:00Z").accepts_devices_of(&p1, today), Ok(()));
}

#[test]
fn only_a_pending_device_of_the_partner_is_decided() {
    let p1 = ProviderId::from("p1");
    assert_eq!(device("pending_approval", false).check_pending_of(&p1), Ok(()));
    assert_eq!(
        device("pending_approval", false).check_pending_of(&ProviderId::from("p2")),
        Err(LifecycleError::DeviceOfOtherPartner)
    );
    assert_eq!(device("approved", true).check_pending_of(&p1), Err(LifecycleError::DeviceNotPending));
}

#[test]
fn deactivation_needs_an_approved_active_row() {
    let mut s = sbi("approved", true, LATER);
    assert_eq!(s.deactivate("a", now()), Ok(()));
    assert!(!s.is_active);
    assert_eq!(s.upd_by.as_deref(), Some("a"));
    assert_eq!(s.deactivate("a", now()), Err(LifecycleError::SbiAlreadyDeactivated));
    assert_eq!(sbi("pending_approval", false, LATER).deactivate("a", now()), Err(LifecycleError::SbiNotApproved));
    let mut d = device("approved", true);
    assert_eq!(d.deactivate("a", now()), Ok(()));
    assert_eq!(d.deactivate("a", now()).map_err(LifecycleError::code), Err("PMS_DEVICE_ERROR_014"));
    assert_eq!(device("rejected", false).deactivate("a", now()), Err(LifecycleError::DeviceNotApproved));
}

#[test]
fn an_sbi_deactivation_switches_approved_devices_off_and_rejects_pending_ones() {
    let mut approved = device("approved", true);
    assert!(approved.follow_sbi_deactivation("a", now()));
    assert_eq!((approved.approval_status.as_str(), approved.is_active), ("approved", false));
    let mut pending = device("pending_approval", false);
    assert!(pending.follow_sbi_deactivation("a", now()));
    assert_eq!(pending.approval_status, "rejected");
    let mut rejected = device("rejected", false);
    assert!(!rejected.follow_sbi_deactivation("a", now()));
    assert_eq!(rejected.upd_by, None);
}

#[test]
fn approval_requests_are_checked_in_mosips_order() {
    let ok = MappingApproval::parse(Some("p1"), Some("s1"), Some("approved")).unwrap();
    assert_eq!((ok.partner_id.as_str(), ok.sbi_id.as_str(), ok.decision), ("p1", "s1", Decision::Approve));
    assert_eq!(MappingApproval::parse(None, Some("s1"), Some("x")), Err(LifecycleError::InvalidRequest));
    assert_eq!(MappingApproval::parse(Some("p1"), Some("s1"), None), Err(LifecycleError::InvalidRequest));
    assert_eq!(MappingApproval::parse(Some("p1"), None, Some("Activate")), Err(LifecycleError::NotApproveOrReject));
    assert_eq!(MappingApproval::parse(Some("p1"), None, Some("approved")), Err(LifecycleError::NoSbiToApprove));
    assert_eq!(MappingApproval::parse(Some("p1"), None, Some("rejected")), Err(LifecycleError::NoSbiToReject));
}

#[test]
fn status_words_and_labels() {
    assert_eq!(check_deactivate(Some("De-Activate")), Ok(()));
    assert_eq!(check_deactivate(Some("De-activate")), Err(LifecycleError::NotDeactivate));
    assert_eq!(check_deactivate(None), Err(LifecycleError::NotDeactivate));
    assert_eq!(status_label("approved", true), Some("approved"));
    assert_eq!(status_label("approved", false), Some("deactivated"));
    assert_eq!(status_label("pending_approval", false), Some("pending_approval"));
    assert_eq!(status_label("rejected", true), Some("rejected"));
    assert_eq!(status_label("pending_cert_upload", false), None);
}

#[test]
fn a_device_added_to_an_sbi_is_mapped_inactive_until_decided() {
    let mut m = SbiDeviceMapping::pending("d1".into(), "s1".into(), "p1".into(), Some("org".into()), "u", now());
    assert!(!m.is_active);
    m.activate("a", now());
    assert!(m.is_active);
    assert_eq!(m.upd_by.as_deref(), Some("a"));
}
