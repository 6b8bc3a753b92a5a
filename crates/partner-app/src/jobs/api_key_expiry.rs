//! API keys about to expire: one e-mail to the partner per key and expiry (MOSIP's scheduled
//! `APIKEY_EXPIRED` notification, `notifications.sent.before.days` = 3).

use app_core::{AppError, Store};
use chrono::{NaiveDateTime, TimeDelta};
use persistence::repo::job::{self, ExpiringKey};

use super::JobReport;
use crate::notify::{Mail, Notifier};

/// The notice of `key`'s expiry: one per key and expiry time (a renewed key is told again).
pub fn notice_key(key: &ExpiringKey) -> String {
    format!("APIKEY_EXPIRY:{}:{}", key.api_key, key.expires_at.format("%Y-%m-%dT%H:%M:%S%.f"))
}

/// E-mails the partner of each active key expiring within `days` of `now`, once per key and
/// expiry: the notice is recorded in the transaction that sends it, before sending, so a second
/// run or another replica finds it taken, and a failed delivery rolls it back (retried next run).
pub fn run(store: &Store, now: NaiveDateTime, days: i64, notifier: &dyn Notifier) -> Result<JobReport, AppError> {
    let until = now + TimeDelta::days(days.max(0));
    let keys = store.read(|tx| Ok(job::keys_expiring(tx.conn, now, until)?))?;
    let mut report = JobReport::default();
    for key in keys {
        let Some(to) = key.email.clone().filter(|e| !e.trim().is_empty()) else {
            report.skipped += 1;
            continue;
        };
        let sent = store.write(|tx| {
            if !job::record_notice(tx.conn, &notice_key(&key), now)? {
                return Ok(false);
            }
            notifier.send(&mail(&key, to)).map_err(AppError::internal)?;
            Ok(true)
        });
        match sent {
            Ok(true) => report.done += 1,
            Ok(false) => report.skipped += 1,
            Err(e) => {
                tracing::warn!(partner = %key.partner_id, error = %e, "API key expiry e-mail not sent");
                report.failed += 1;
            }
        }
    }
    Ok(report)
}

/// The e-mail of `key`'s coming expiry.
fn mail(key: &ExpiringKey, to: String) -> Mail {
    let when = key.expires_at.format("%Y-%m-%d %H:%M UTC");
    Mail {
        to,
        subject: format!("API key \"{}\" expires on {}", key.label, key.expires_at.format("%Y-%m-%d")),
        body: format!(
            "Partner {}: the API key \"{}\" of policy {} expires on {when}.\n\
             Request a new API key before then to keep authenticating.\n",
            key.partner_id, key.label, key.policy_id
        ),
    }
}
