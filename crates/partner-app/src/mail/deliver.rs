//! Delivery of the queued e-mails: each due row is claimed (a short transaction), rendered and
//! sent with no transaction open, then marked sent or due again later.

use std::collections::HashMap;

use app_core::{AppError, Store};
use chrono::{NaiveDateTime, TimeDelta};
use persistence::repo::mail::{self as repo, MailRow};

use super::MailTemplates;
use crate::notify::{Mail, Notifier};

/// How long a claimed row is left to its sender before another may take it (a crash mid-send).
const LEASE: TimeDelta = TimeDelta::minutes(10);
/// Attempts before an e-mail is given up (`FAILED`, listed for the operator).
pub const MAX_ATTEMPTS: i32 = 8;
/// Rows looked at per delivery.
const BATCH: i64 = 200;

/// What one delivery did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    /// Not delivered this time; due again later.
    pub retried: usize,
    /// Given up after the last attempt, or a template that does not exist.
    pub given_up: usize,
}

/// The wait before attempt `n + 1` after `n` failed: 5 minutes, doubling, at most a day.
fn backoff(attempts: i32) -> TimeDelta {
    TimeDelta::minutes(5i64 << (attempts.clamp(1, 10) - 1)).min(TimeDelta::days(1))
}

/// Sends the e-mails due at `now` that this sender claims first.
pub fn deliver(
    store: &Store,
    now: NaiveDateTime,
    templates: &MailTemplates,
    notifier: &dyn Notifier,
) -> Result<DeliveryReport, AppError> {
    let due = store.read(|tx| Ok(repo::due(tx.conn, now, BATCH)?))?;
    let mut report = DeliveryReport::default();
    for row in due {
        if !store.write(|tx| Ok(repo::claim(tx.conn, &row, now, LEASE)?))? {
            continue;
        }
        let attempts = row.attempts + 1;
        let outcome = render(&row, templates).ok_or_else(|| format!("no template {}", row.template));
        let outcome = outcome.and_then(|mail| notifier.send(&mail));
        match outcome {
            Ok(()) => {
                store.write(|tx| Ok(repo::mark_sent(tx.conn, &row, now)?))?;
                report.sent += 1;
            }
            Err(why) => {
                tracing::warn!(mail = %row.id, template = %row.template, attempts, error = %why, "e-mail not sent");
                let retry =
                    (attempts < MAX_ATTEMPTS && templates_has(templates, &row)).then(|| now + backoff(attempts));
                store.write(|tx| Ok(repo::mark_failed(tx.conn, &row.id, &why, retry)?))?;
                if retry.is_some() { report.retried += 1 } else { report.given_up += 1 }
            }
        }
    }
    Ok(report)
}

fn templates_has(templates: &MailTemplates, row: &MailRow) -> bool {
    templates.render(&row.template, &row.lang_code, &HashMap::new()).is_some()
}

/// The e-mail `row` asks for; `None` when its template does not exist.
fn render(row: &MailRow, templates: &MailTemplates) -> Option<Mail> {
    let vars: HashMap<String, String> = serde_json::from_str(&row.vars_json).unwrap_or_default();
    let (subject, body) = templates.render(&row.template, &row.lang_code, &vars)?;
    Some(Mail { to: row.mail_to.clone(), subject, body })
}
