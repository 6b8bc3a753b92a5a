//! Certificates about to expire (MOSIP's partner and root/intermediate certificate expiry batch
//! jobs): at each step (MOSIP: 30, 15, 10, 9, … 0 days before the expiry day) a notification and
//! an e-mail: to the partner for its certificate, to every partner admin for each root and
//! intermediate certificate of the trust store. A run finds each certificate's latest step
//! reached; a step missed while no run happened is caught up once, a step passed over by a
//! later one is not (only the latest is told).

use app_core::{AppError, Store};
use chrono::{NaiveDateTime, NaiveTime, TimeDelta};
use persistence::repo::job_scan::{self, ExpiringCert, Recipient};

use super::JobReport;
use super::notice::{self, Notice};
use crate::notifications::{
    INTERMEDIATE_CERT_EXPIRY, NotificationCertificateDto, PARTNER_CERT_EXPIRY, ROOT_CERT_EXPIRY,
};
use crate::roles::PARTNER_ADMIN;

/// MOSIP's `…cert.expiry.periods`.
pub const DEFAULT_STEPS: [i64; 13] = [30, 15, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];

/// The step a certificate expiring on the day `days_left` days after today has reached: the
/// smallest step not below it; `None` beyond the largest step or past its expiry day.
pub fn step(steps: &[i64], days_left: i64) -> Option<i64> {
    steps.iter().copied().filter(|s| *s >= days_left && days_left >= 0).min()
}

/// MOSIP's `CertificateDetailsDto` of `cert` at `step`.
pub fn details(cert: &ExpiringCert, certificate_type: &str, step: i64) -> NotificationCertificateDto {
    NotificationCertificateDto {
        certificate_id: Some(cert.cert_id.clone()),
        issued_by: Some(cert.issued_by.clone()),
        issued_to: Some(cert.issued_to.clone()),
        partner_id: cert.partner_id.clone(),
        partner_domain: Some(cert.partner_domain.clone()),
        expiry_date_time: Some(cert.not_after.format("%Y-%m-%dT%H:%M:%S").to_string()),
        expiry_period: Some(step.to_string()),
        certificate_type: Some(certificate_type.to_owned()),
    }
}

/// Writes the notifications of the certificates that reached a step at `now`.
pub fn run(store: &Store, now: NaiveDateTime, steps: &[i64], admin_ids: &[String]) -> Result<JobReport, AppError> {
    let today = now.date().and_time(NaiveTime::MIN);
    let until = today + TimeDelta::days(steps.iter().copied().max().unwrap_or(0) + 1);
    let (partner_certs, roots, intermediates, admins) = store.read(|tx| {
        Ok((
            job_scan::partner_certs_expiring(tx.conn, today, until)?,
            job_scan::ca_certs_expiring(tx.conn, "ROOT", today, until)?,
            job_scan::ca_certs_expiring(tx.conn, "INTERMEDIATE", today, until)?,
            job_scan::admins(tx.conn, PARTNER_ADMIN, admin_ids)?,
        ))
    })?;
    let mut report = JobReport::default();
    let mut tell = |cert: &ExpiringCert, to: &Recipient, kind: (&'static str, &'static str)| -> Result<(), AppError> {
        let Some(step) = step(steps, (cert.not_after.date() - now.date()).num_days()) else { return Ok(()) };
        let (notification_type, certificate_type) = kind;
        let d = details(cert, certificate_type, step);
        let vars = vec![
            ("partnerId", to.partner_id.clone()),
            ("certificateType", certificate_type.to_owned()),
            ("certificateId", cert.cert_id.clone()),
            ("expiryDateTime", d.expiry_date_time.clone().unwrap_or_default()),
            ("expiryPeriod", step.to_string()),
            ("issuedTo", cert.issued_to.clone()),
            ("issuedBy", cert.issued_by.clone()),
            ("partnerDomain", cert.partner_domain.clone()),
        ];
        let key =
            format!("CERT_EXPIRY:{certificate_type}:{}:{}:{step}:{}", cert.cert_id, cert.not_after, to.partner_id);
        let notice = Notice { key, to, notification_type, certificates: vec![d], template: "cert_expiry", vars };
        if notice::write(store, notice, now)? {
            report.done += 1
        } else {
            report.skipped += 1
        }
        Ok(())
    };
    let admin_set: Vec<&str> = admins.iter().map(|a| a.partner_id.as_str()).collect();
    for cert in &partner_certs {
        let Some(partner_id) = cert.partner_id.clone() else { continue };
        if admin_set.contains(&partner_id.as_str()) {
            continue; // MOSIP tells partner admins about the trust store only
        }
        let to = Recipient { partner_id, email: cert.email.clone(), lang_code: cert.lang_code.clone() };
        tell(cert, &to, (PARTNER_CERT_EXPIRY, "partner"))?;
    }
    for (certs, kind) in
        [(&roots, (ROOT_CERT_EXPIRY, "root")), (&intermediates, (INTERMEDIATE_CERT_EXPIRY, "intermediate"))]
    {
        for cert in certs {
            for admin in &admins {
                tell(cert, admin, kind)?;
            }
        }
    }
    Ok(report)
}
