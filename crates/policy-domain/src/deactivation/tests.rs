use super::*;
use crate::group::NewGroup;

fn now() -> NaiveDateTime {
    chrono::DateTime::from_timestamp(1_700_000_000, 0).map(|d| d.naive_utc()).unwrap_or_default()
}

fn policy(published: bool, is_active: bool) -> Policy {
    Policy {
        id: "p1".into(),
        group_id: "g1".into(),
        name: "p".into(),
        desc: "d".into(),
        policies: "{}".into(),
        policy_type: "Auth".into(),
        version: "1.0".into(),
        schema: published.then(|| "https://schema".into()),
        valid_from: now(),
        valid_to: now(),
        is_active,
        cr_by: "pm".into(),
        cr_dtimes: now(),
        upd_by: None,
        upd_dtimes: None,
    }
}

fn group() -> PolicyGroup {
    let new = NewGroup::parse(Some("g"), Some("d")).unwrap_or_else(|e| panic!("{e}"));
    PolicyGroup::create("g1".into(), new, false, "pm", now()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn only_de_activate_is_a_deactivation() {
    assert_eq!(check_deactivate_status(Some("De-Activate")), Ok(()));
    for other in [None, Some("de-activate"), Some("De-Active"), Some("")] {
        assert_eq!(check_deactivate_status(other), Err(PolicyError::NotDeactivateStatus), "{other:?}");
    }
    assert_eq!(PolicyError::NotDeactivateStatus.code(), "PMS_POL_073");
}

#[test]
fn an_activated_policy_without_live_requests_is_switched_off() {
    let none = RequestsOfPolicy::default();
    let off = policy(true, true).deactivate(none, "admin", now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (off.is_active, off.upd_by.as_deref(), PolicyStatus::of(&off)),
        (false, Some("admin"), PolicyStatus::Deactivated)
    );
    let refuse = |p: Policy, r: RequestsOfPolicy| p.deactivate(r, "admin", now()).err().map(|e| e.code());
    assert_eq!(refuse(policy(false, false), none), Some("PMS_POL_072"));
    assert_eq!(refuse(policy(true, false), none), Some("PMS_POL_062"));
    assert_eq!(refuse(policy(true, true), RequestsOfPolicy { approved: 1, pending: 1 }), Some("PMS_POL_063"));
    assert_eq!(refuse(policy(true, true), RequestsOfPolicy { approved: 0, pending: 2 }), Some("PMS_POL_064"));
}

#[test]
fn a_group_holding_policies_stays_on() {
    let refuse =
        |active, draft| group().deactivate(PoliciesOfGroup { active, draft }, "admin", now()).err().map(|e| e.code());
    assert_eq!(refuse(1, 1), Some("PMS_POL_069"));
    assert_eq!(refuse(2, 0), Some("PMS_POL_056"));
    assert_eq!(refuse(0, 1), Some("PMS_POL_070"));
    let off = group().deactivate(PoliciesOfGroup::default(), "admin", now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((off.is_active, off.upd_by.as_deref()), (false, Some("admin")));
    let again = off.deactivate(PoliciesOfGroup::default(), "admin", now()).err().map(|e| e.code());
    assert_eq!(again, Some("PMS_POL_067"));
}

#[test]
fn statuses_read_as_mosips_labels() {
    assert_eq!(PolicyStatus::from_columns(false, false).label(), "draft");
    assert_eq!(PolicyStatus::from_columns(true, true).label(), "activated");
    assert_eq!(PolicyStatus::from_columns(true, false).label(), "deactivated");
    assert_eq!(PolicyStatus::parse("activated"), Some(PolicyStatus::Activated));
    assert_eq!(PolicyStatus::parse("Activated"), None);
}
