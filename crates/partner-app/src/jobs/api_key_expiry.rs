//! API keys about to expire: one e-mail to the partner per key and expiry (MOSIP's scheduled
//! `APIKEY_EXPIRED` notification, `notifications.sent.before.days` = 3).

use app_core::{AppError, Store};
use chrono::{NaiveDateTime, TimeDelta};
use persistence::repo::job::{self, ExpiringKey};

use super::JobReport;
use crate::mail::{self, Outgoing};

/// The notice of `key`'s expiry: one per key and expiry time (a renewed key is told again).
pub fn notice_key(key: &ExpiringKey) -> String {
    format!("APIKEY_EXPIRY:{}:{}", key.api_key, key.expires_at.format("%Y-%m-%dT%H:%M:%S%.f"))
}

/// Queues an e-mail to the partner of each active key expiring within `days` of `now`, once per
/// key and expiry: the notice and the e-mail commit in one transaction, so a second run or
/// another replica finds the notice taken; the e-mail is sent afterwards ([`crate::mail`]).
pub fn run(store: &Store, now: NaiveDateTime, days: i64) -> Result<JobReport, AppError> {
    let until = now + TimeDelta::days(days.max(0));
    let keys = store.read(|tx| Ok(job::keys_expiring(tx.conn, now, until)?))?;
    let mut report = JobReport::default();
    for key in keys {
        let expires = key.expires_at.format("%Y-%m-%d %H:%M UTC").to_string();
        let vars = [
            ("partnerId", key.partner_id.as_str()),
            ("apiKeyName", key.label.as_str()),
            ("policyId", key.policy_id.as_str()),
            ("expiryDateTime", expires.as_str()),
            ("expiryDate", &key.expires_at.format("%Y-%m-%d").to_string()),
        ];
        let Some(mail) = Outgoing::new(key.email.as_deref(), "apikey_expiry", key.lang_code.as_deref(), &vars) else {
            report.skipped += 1;
            continue;
        };
        let queued = store.write(|tx| {
            if !job::record_notice(tx.conn, &notice_key(&key), now)? {
                return Ok(false);
            }
            mail::queue(tx, mail, now)?;
            Ok(true)
        })?;
        if queued { report.done += 1 } else { report.skipped += 1 }
    }
    Ok(report)
}
