use rand::SeedableRng;

use super::*;
use crate::error::MispError;
use crate::misp::Switch;

fn t(secs: i64) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(1_700_000_000 + secs, 0).map(|d| d.naive_utc()).unwrap_or_default()
}

fn policy() -> KeyPolicy {
    KeyPolicy::new(50, 90).unwrap_or_else(|e| panic!("{e}"))
}

fn key(name: &str, active: bool, valid_to: i64) -> License {
    License {
        misp_id: "100".into(),
        key: name.into(),
        policy_id: None,
        valid_from: t(-1000),
        valid_to: t(valid_to),
        is_active: active,
        suspended: false,
        cr_by: "u".into(),
        cr_dtimes: t(-1000),
        upd_by: None,
        upd_dtimes: None,
    }
}

fn holder(active: bool, approved: bool) -> Holder {
    Holder { id: "100".into(), user_id: "u".into(), is_active: active, approved, kind: HolderKind::Misp }
}

#[test]
fn policies_refuse_lengths_and_validities_out_of_range() {
    assert!(KeyPolicy::new(15, 90).is_err());
    assert!(KeyPolicy::new(129, 90).is_err());
    assert!(KeyPolicy::new(50, 0).is_err());
    assert!(KeyPolicy::new(16, 1).is_ok());
    assert!(KeyPolicy::new(128, 36_500).is_ok());
}

#[test]
fn keys_are_alphanumeric_of_the_configured_length_and_differ() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let p = policy();
    let a = p.generate_key(&mut rng);
    let b = p.generate_key(&mut rng);
    assert_eq!(a.len(), 50);
    assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
    assert_ne!(a, b);
    let long = KeyPolicy::new(128, 1).unwrap_or_else(|e| panic!("{e}")).generate_key(&mut rng);
    assert_eq!(long.len(), 128);
}

#[test]
fn keys_use_the_whole_alphabet() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(11);
    let all: String = (0..100).map(|_| policy().generate_key(&mut rng)).collect();
    assert!(all.chars().any(|c| c.is_ascii_digit()));
    assert!(all.chars().any(|c| c.is_ascii_lowercase()));
    assert!(all.chars().any(|c| c.is_ascii_uppercase()));
}

#[test]
fn an_issued_key_is_active_from_now_for_the_validity() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let k = policy().issue(&mut rng, "100", Some("pol".into()), "admin", t(0));
    assert!(k.is_active && !k.suspended);
    assert_eq!(k.valid_from, t(0));
    assert_eq!(k.valid_to, t(90 * 86_400));
    assert_eq!(k.misp_id, "100");
    assert_eq!(k.policy_id.as_deref(), Some("pol"));
    assert_eq!(k.cr_by, "admin");
    assert!(k.is_usable_at(t(90 * 86_400 - 1)));
    assert!(!k.is_usable_at(t(90 * 86_400)), "valid_to == now counts as expired");
}

#[test]
fn validation_reports_state_and_refuses_unusable_keys() {
    let now = t(0);
    let h = holder(true, true);
    let ok = check_key(&key("k", true, 10), Some(&h), "100", now).unwrap_or_else(|e| panic!("{e}"));
    assert!(ok.is_active && ok.is_valid);
    assert_eq!(ok.message(&key("k", true, 10)), "MISP 100 with license key k  is Valid");

    let expired = check_key(&key("k", true, 0), Some(&h), "100", now).unwrap_or_else(|e| panic!("{e}"));
    assert!(expired.is_active && !expired.is_valid);
    assert_eq!(expired.verdict, Verdict::Expired);

    let off = check_key(&key("k", false, 10), Some(&h), "100", now).unwrap_or_else(|e| panic!("{e}"));
    assert!(!off.is_active && !off.is_valid);
    assert_eq!(off.verdict, Verdict::Inactive);

    let misp_off =
        check_key(&key("k", true, 10), Some(&holder(false, true)), "100", now).unwrap_or_else(|e| panic!("{e}"));
    assert!(misp_off.is_active && !misp_off.is_valid);
    assert_eq!(misp_off.verdict, Verdict::HolderInactive);

    let unapproved =
        check_key(&key("k", true, 10), Some(&holder(true, false)), "100", now).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(unapproved.verdict, Verdict::HolderNotApproved);
    assert!(!unapproved.is_valid);

    let orphan = check_key(&key("k", true, 10), None, "100", now).unwrap_or_else(|e| panic!("{e}"));
    assert!(!orphan.is_valid);
}

#[test]
fn validating_a_key_of_another_misp_is_408() {
    let e = check_key(&key("k", true, 10), None, "101", t(0));
    assert_eq!(e, Err(MispError::KeyNotOfMisp { misp_id: "101".into(), key: "k".into() }));
}

#[test]
fn switching_on_needs_an_unexpired_key_of_an_active_approved_holder() {
    let now = t(0);
    let h = holder(true, true);
    assert_eq!(may_switch_key(&key("k", false, 10), Some(&h), Switch::On, now), Ok(()));
    assert_eq!(may_switch_key(&key("k", false, 0), Some(&h), Switch::On, now), Err(MispError::KeyExpired));
    assert_eq!(
        may_switch_key(&key("k", false, 10), Some(&holder(false, true)), Switch::On, now),
        Err(MispError::MispInactive)
    );
    let partner = Holder { kind: HolderKind::Partner, ..holder(false, true) };
    assert_eq!(may_switch_key(&key("k", false, 10), Some(&partner), Switch::On, now), Err(MispError::PartnerInactive));
    assert_eq!(
        may_switch_key(&key("k", false, 10), Some(&holder(true, false)), Switch::On, now),
        Err(MispError::NotApproved)
    );
    assert!(matches!(may_switch_key(&key("k", false, 10), None, Switch::On, now), Err(MispError::MispNotFound(_))));
    // switching off is always allowed, even an expired key of a deactivated MISP
    assert_eq!(may_switch_key(&key("k", true, 0), Some(&holder(false, false)), Switch::Off, now), Ok(()));
}

#[test]
fn deactivation_suspends_active_keys_only() {
    let keys = [key("on", true, 10), key("off", false, 10), key("old", true, -10)];
    let c = cascade(Switch::Off, &keys, t(0));
    assert_eq!(c.suspend, ["on", "old"]);
    assert!(c.resume.is_empty() && c.release.is_empty());
}

#[test]
fn activation_resumes_only_suspended_unexpired_keys() {
    let mut suspended = key("susp", false, 10);
    suspended.suspended = true;
    let mut suspended_expired = key("susp-old", false, -10);
    suspended_expired.suspended = true;
    let by_hand = key("by-hand", false, 10);
    let c = cascade(Switch::On, &[suspended, suspended_expired, by_hand], t(0));
    assert_eq!(c.resume, ["susp"]);
    assert_eq!(c.release, ["susp-old"]);
    assert!(c.suspend.is_empty());
    assert!(cascade(Switch::On, &[key("by-hand", false, 10)], t(0)).is_empty());
}

#[test]
fn download_answers_the_latest_current_key_and_retires_expired_ones() {
    let keys = [key("a", true, 100), key("b", true, 200), key("old", true, -5), key("off", false, 300)];
    let plan = plan_download(&keys, t(0)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.retire, ["old"]);
    assert!(matches!(plan.answer, Answer::Current(ref k) if k.key == "b"));
}

#[test]
fn download_rotates_once_when_every_active_key_expired() {
    let keys = [key("old1", true, -5), key("old2", true, 0), key("off", false, 300)];
    let plan = plan_download(&keys, t(0)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.retire, ["old1", "old2"]);
    assert_eq!(plan.answer, Answer::IssueNew);
}

#[test]
fn download_does_not_replace_keys_switched_off_on_purpose() {
    let keys = [key("off", false, 300), key("off-old", false, -5)];
    assert_eq!(plan_download(&keys, t(0)), Err(MispError::NoActiveKey));
    assert_eq!(plan_download(&[], t(0)), Err(MispError::NoActiveKey));
}
