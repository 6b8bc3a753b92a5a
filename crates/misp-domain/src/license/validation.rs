//! Who holds keys, and the rules over one key: validation (what a key's state says and whether it
//! may be used) and switching it on or off.

use chrono::NaiveDateTime;

use super::License;
use crate::error::MispError;
use crate::misp::{Misp, RegistrationStatus, Switch};

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
