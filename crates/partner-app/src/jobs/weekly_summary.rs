//! The weekly summary (MOSIP's weekly notifications batch job): for every partner admin, one
//! `WEEKLY_SUMMARY` notification and e-mail listing the partner certificates that expire within
//! the next `days` days (MOSIP: 7), when there are any; once per admin and ISO week.

use app_core::{AppError, Store};
use chrono::{Datelike, NaiveDateTime, NaiveTime, TimeDelta};
use persistence::repo::job_scan;

use super::JobReport;
use super::certificate_expiry::details;
use super::notice::{self, Notice};
use crate::notifications::WEEKLY_SUMMARY;
use crate::roles::PARTNER_ADMIN;

/// Writes the week's summary for each admin at `now`.
pub fn run(store: &Store, now: NaiveDateTime, days: i64, admin_ids: &[String]) -> Result<JobReport, AppError> {
    let today = now.date().and_time(NaiveTime::MIN);
    let until = today + TimeDelta::days(days.max(0) + 1);
    let (certs, admins) = store.read(|tx| {
        Ok((
            job_scan::partner_certs_expiring(tx.conn, today, until)?,
            job_scan::admins(tx.conn, PARTNER_ADMIN, admin_ids)?,
        ))
    })?;
    let is_admin = |id: &Option<String>| admins.iter().any(|a| Some(&a.partner_id) == id.as_ref());
    let certs: Vec<_> = certs.iter().filter(|c| !is_admin(&c.partner_id)).collect();
    let mut report = JobReport::default();
    if certs.is_empty() {
        return Ok(report);
    }
    let partner_ids: Vec<String> = certs.iter().filter_map(|c| c.partner_id.clone()).collect();
    let week = now.date().iso_week();
    for admin in &admins {
        let vars = vec![
            ("partnerId", admin.partner_id.clone()),
            ("fromDate", now.date().format("%d-%m-%Y").to_string()),
            ("toDate", (now.date() + TimeDelta::days(days)).format("%d-%m-%Y").to_string()),
            ("partnerCertificateCount", certs.len().to_string()),
            ("partnerIdList", partner_ids.join(", ")),
        ];
        let notice = Notice {
            key: format!("WEEKLY_SUMMARY:{}-W{:02}:{}", week.year(), week.week(), admin.partner_id),
            to: admin,
            notification_type: WEEKLY_SUMMARY,
            certificates: certs.iter().map(|c| details(c, "partner", days)).collect(),
            template: "weekly_summary",
            vars,
        };
        if notice::write(store, notice, now)? { report.done += 1 } else { report.skipped += 1 }
    }
    Ok(report)
}
