//! A notification of the notification centre with its e-mail, written once: the notice key,
//! the `notifications` row and the queued e-mail commit in one transaction, so a second run or
//! another replica finds the key taken and writes nothing.

use app_core::{AppError, Store};
use chrono::NaiveDateTime;
use persistence::repo::job;
use persistence::repo::job_scan::Recipient;
use persistence::repo::notification::{self, NotificationRow, STATUS_ACTIVE};

use crate::mail::{self, FALLBACK_LANG, Outgoing};
use crate::notifications::{NotificationCertificateDto, NotificationDetailsDto};

/// `cr_by` of what the jobs write (MOSIP's `SYSTEM_USER`).
pub const SYSTEM: &str = "SYSTEM";

/// A notification to write for `to`, unless `key` was already written.
pub struct Notice<'a> {
    pub key: String,
    pub to: &'a Recipient,
    pub notification_type: &'static str,
    pub certificates: Vec<NotificationCertificateDto>,
    /// The e-mail's template and its values.
    pub template: &'static str,
    pub vars: Vec<(&'static str, String)>,
}

/// Writes `notice` at `now`; `false` when its key was already taken.
pub fn write(store: &Store, notice: Notice<'_>, now: NaiveDateTime) -> Result<bool, AppError> {
    let details = NotificationDetailsDto { certificate_details: Some(notice.certificates), ..Default::default() };
    let details = serde_json::to_string(&details).map_err(|e| AppError::internal(e.to_string()))?;
    store.write(|tx| {
        if !job::record_notice(tx.conn, &notice.key, now)? {
            return Ok(false);
        }
        let id = tx.new_id();
        let lang = notice.to.lang_code.clone().filter(|l| !l.trim().is_empty()).unwrap_or(FALLBACK_LANG.into());
        let row = NotificationRow {
            id: id.clone(),
            partner_id: notice.to.partner_id.clone(),
            notification_type: notice.notification_type.to_owned(),
            notification_status: STATUS_ACTIVE.to_owned(),
            notification_details_json: details,
            email_id: notice.to.email.clone().unwrap_or_default(),
            email_lang_code: lang.clone(),
            email_sent: false,
            email_sent_dtimes: None,
            cr_by: SYSTEM.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        };
        notification::insert_notification(tx.conn, &row)?;
        let vars: Vec<(&str, &str)> = notice.vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if let Some(mut out) = Outgoing::new(notice.to.email.as_deref(), notice.template, Some(&lang), &vars) {
            out.notification_id = Some(id);
            mail::queue(tx, out, now)?;
        }
        Ok(true)
    })
}
