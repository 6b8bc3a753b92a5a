//! Licence keys: generation, validity, validation, switching, and the download/rotation rule.
//!
//! A key is `is_active` or not; "expired" is never stored, it is `valid_to <= now`. A key that a
//! MISP's deactivation switched off is `suspended`, so that reactivating the MISP brings back
//! exactly those keys and never one an admin switched off or a rejection retired.

use chrono::{Duration, NaiveDateTime};
use rand::distr::Alphanumeric;
use rand::{CryptoRng, Rng};

use crate::error::MispError;
use crate::misp::{Misp, RegistrationStatus, Switch};

/// Longest key the `license_key` column holds.
pub const KEY_MAX: usize = 128;
/// Shortest key we agree to generate (62^16 ≈ 2^95 possibilities).
pub const KEY_MIN: usize = 16;

/// A licence key as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct License {
    /// The MISP (MOSIP 1.1) or the MISP partner (MOSIP 1.2) the key belongs to.
    pub misp_id: String,
    pub key: String,
    /// The MISP partner's approved policy when the key was issued (MOSIP 1.2), else none.
    pub policy_id: Option<String>,
    pub valid_from: NaiveDateTime,
    pub valid_to: NaiveDateTime,
    pub is_active: bool,
    /// Switched off by its MISP's deactivation (and so switched on again by its reactivation).
    pub suspended: bool,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

impl License {
    /// Past its validity: `valid_to` is not after `now`.
    pub fn is_expired_at(&self, now: NaiveDateTime) -> bool {
        self.valid_to <= now
    }

    /// Switched on and not expired: a key ID-Authentication may accept (as far as the key goes).
    pub fn is_usable_at(&self, now: NaiveDateTime) -> bool {
        self.is_active && !self.is_expired_at(now)
    }
}

/// How keys are made: length and validity (`mosip.kernel.idgenerator.misp.license-key-length`,
/// `mosip.pmp.misp.license.expiry.period.indays`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPolicy {
    length: usize,
    validity_days: i64,
}

impl KeyPolicy {
    /// A policy of keys `length` characters long, valid `validity_days` days.
    pub fn new(length: usize, validity_days: i64) -> Result<Self, String> {
        if !(KEY_MIN..=KEY_MAX).contains(&length) {
            return Err(format!("licence key length must be between {KEY_MIN} and {KEY_MAX}, not {length}"));
        }
        if !(1..=36_500).contains(&validity_days) {
            return Err(format!("licence key validity must be between 1 and 36500 days, not {validity_days}"));
        }
        Ok(KeyPolicy { length, validity_days })
    }

    pub fn length(&self) -> usize {
        self.length
    }

    /// A fresh key: `length` characters drawn uniformly from `[0-9A-Za-z]` by a cryptographic RNG.
    pub fn generate_key<R: Rng + CryptoRng>(&self, rng: &mut R) -> String {
        rng.sample_iter(Alphanumeric).take(self.length).map(char::from).collect()
    }

    /// A new active key for `misp_id`, valid from `now` for the policy's number of days.
    pub fn issue<R: Rng + CryptoRng>(
        &self,
        rng: &mut R,
        misp_id: &str,
        policy_id: Option<String>,
        user: &str,
        now: NaiveDateTime,
    ) -> License {
        License {
            misp_id: misp_id.to_owned(),
            key: self.generate_key(rng),
            policy_id,
            valid_from: now,
            valid_to: now.checked_add_signed(Duration::days(self.validity_days)).unwrap_or(NaiveDateTime::MAX),
            is_active: true,
            suspended: false,
            cr_by: user.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        }
    }
}

/// Which API the holder of a key comes from, for the wording of its errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolderKind {
    /// A `misp` row (MOSIP 1.1).
    Misp,
    /// A `partner` row of type `MISP_Partner` (MOSIP 1.2).
    Partner,
}

/// Who holds keys: a MISP or a MISP partner, with what decides whether its keys may be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub id: String,
    /// The user it belongs to.
    pub user_id: String,
    pub is_active: bool,
    /// A MISP's registration is approved; a MISP partner counts as approved.
    pub approved: bool,
    pub kind: HolderKind,
}

impl From<&Misp> for Holder {
    fn from(m: &Misp) -> Self {
        Holder {
            id: m.id.clone(),
            user_id: m.user_id.clone(),
            is_active: m.is_active,
            approved: m.status == RegistrationStatus::Approved,
            kind: HolderKind::Misp,
        }
    }
}

impl Holder {
    fn inactive_error(&self) -> MispError {
        match self.kind {
            HolderKind::Misp => MispError::MispInactive,
            HolderKind::Partner => MispError::PartnerInactive,
        }
    }
}

/// What validation says about a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    Expired,
    /// The key is switched off.
    Inactive,
    /// The key's MISP is deactivated (or gone).
    HolderInactive,
    /// The key's MISP is not approved.
    HolderNotApproved,
}

impl Verdict {
    /// The last words of the validation message.
    pub fn words(self) -> &'static str {
        match self {
            Verdict::Valid => "is Valid",
            Verdict::Expired => "is Expired",
            Verdict::Inactive => "is Inactive",
            Verdict::HolderInactive => "is Inactive (MISP is not active)",
            Verdict::HolderNotApproved => "is Inactive (MISP is not approved)",
        }
    }
}

/// The answer of a key validation: the key's own state and whether it may be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCheck {
    /// The key is switched on (its stored state).
    pub is_active: bool,
    /// The key may be used now: switched on, not expired, its MISP active and approved.
    pub is_valid: bool,
    pub verdict: Verdict,
}

impl KeyCheck {
    /// `MISP <id> with license key <key>  is Valid` (and the other verdicts), as MOSIP words it.
    pub fn message(&self, license: &License) -> String {
        format!("MISP {} with license key {}  {}", license.misp_id, license.key, self.verdict.words())
    }
}

/// Validates `license` (found by its key) for the MISP `misp_id` named by the caller.
/// A key of another MISP is `PMS_MSP_408`; otherwise the answer reports the key's state, and only a
/// switched-on, unexpired key of an active, approved MISP is valid.
pub fn check_key(
    license: &License,
    holder: Option<&Holder>,
    misp_id: &str,
    now: NaiveDateTime,
) -> Result<KeyCheck, MispError> {
    if license.misp_id != misp_id {
        return Err(MispError::KeyNotOfMisp { misp_id: misp_id.to_owned(), key: license.key.clone() });
    }
    let verdict = if license.is_expired_at(now) {
        Verdict::Expired
    } else if !license.is_active {
        Verdict::Inactive
    } else {
        match holder {
            Some(h) if !h.is_active => Verdict::HolderInactive,
            None => Verdict::HolderInactive,
            Some(h) if !h.approved => Verdict::HolderNotApproved,
            Some(_) => Verdict::Valid,
        }
    };
    Ok(KeyCheck { is_active: license.is_active, is_valid: verdict == Verdict::Valid, verdict })
}

/// Whether `license` may be switched to `switch`. Switching off is always allowed; switching on
/// needs an unexpired key (`PMS_MSP_419`) of an existing, active (`PMS_MSP_405`), approved
/// (`PMS_MSP_419`) holder.
pub fn may_switch_key(
    license: &License,
    holder: Option<&Holder>,
    switch: Switch,
    now: NaiveDateTime,
) -> Result<(), MispError> {
    if !switch.is_on() {
        return Ok(());
    }
    if license.is_expired_at(now) {
        return Err(MispError::KeyExpired);
    }
    let Some(holder) = holder else { return Err(MispError::MispNotFound(license.misp_id.clone())) };
    if !holder.is_active {
        return Err(holder.inactive_error());
    }
    if !holder.approved {
        return Err(MispError::NotApproved);
    }
    Ok(())
}

/// What switching a MISP on or off does to its keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cascade {
    /// Active keys to switch off and mark suspended (deactivation).
    pub suspend: Vec<String>,
    /// Suspended, unexpired keys to switch on again (activation).
    pub resume: Vec<String>,
    /// Suspended keys that expired meanwhile: they stay off and are no longer suspended.
    pub release: Vec<String>,
}

impl Cascade {
    pub fn is_empty(&self) -> bool {
        self.suspend.is_empty() && self.resume.is_empty() && self.release.is_empty()
    }
}

/// The key changes of switching a MISP to `switch`. Deactivation suspends every active key;
/// activation resumes only the keys a deactivation suspended — never a key switched off on its
/// own or by a rejection, and never an expired one.
pub fn cascade(switch: Switch, keys: &[License], now: NaiveDateTime) -> Cascade {
    let mut c = Cascade::default();
    for k in keys {
        match switch {
            Switch::Off if k.is_active => c.suspend.push(k.key.clone()),
            Switch::On if k.suspended && !k.is_expired_at(now) => c.resume.push(k.key.clone()),
            Switch::On if k.suspended => c.release.push(k.key.clone()),
            _ => {}
        }
    }
    c
}

/// What a download (or a MOSIP 1.2 regenerate) answers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// This key, active and unexpired.
    Current(License),
    /// A new key, because every active key has expired.
    IssueNew,
}

/// A download: the expired active keys to retire, and the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadPlan {
    pub retire: Vec<String>,
    pub answer: Answer,
}

/// The download rule over a holder's keys (at least one):
/// - active keys that expired are retired (switched off);
/// - the active, unexpired key with the latest expiry is the answer;
/// - with none, but at least one retired, one new key is issued (a rotation);
/// - with no active key at all, `PMS_MSP_413`: keys switched off on purpose are not replaced.
pub fn plan_download(keys: &[License], now: NaiveDateTime) -> Result<DownloadPlan, MispError> {
    let retire: Vec<String> =
        keys.iter().filter(|k| k.is_active && k.is_expired_at(now)).map(|k| k.key.clone()).collect();
    let current = keys.iter().filter(|k| k.is_usable_at(now)).max_by(|a, b| {
        a.valid_to.cmp(&b.valid_to).then_with(|| a.cr_dtimes.cmp(&b.cr_dtimes)).then_with(|| a.key.cmp(&b.key))
    });
    match current {
        Some(k) => Ok(DownloadPlan { retire, answer: Answer::Current(k.clone()) }),
        None if !retire.is_empty() => Ok(DownloadPlan { retire, answer: Answer::IssueNew }),
        None => Err(MispError::NoActiveKey),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

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
        assert_eq!(
            may_switch_key(&key("k", false, 10), Some(&partner), Switch::On, now),
            Err(MispError::PartnerInactive)
        );
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
}
