//! What happens to a holder's keys as a whole: switching a MISP on or off (the cascade), and the
//! download rule (retire expired keys, answer the current one, rotate when none is left).

use chrono::NaiveDateTime;

use super::License;
use crate::error::MispError;
use crate::misp::Switch;

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
