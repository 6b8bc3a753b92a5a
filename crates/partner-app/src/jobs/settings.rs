//! `[jobs]`: the jobs' periods, switches and parameters.

use serde::Deserialize;

use super::certificate_expiry;

/// `[jobs]`: whether the service runs the jobs, how often it looks for due ones, and each job's
/// period and parameters (MOSIP's defaults).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JobsSettings {
    pub enabled: bool,
    /// Seconds between two looks for due jobs.
    pub tick_secs: u64,
    /// API keys expiring within this many days get an e-mail (MOSIP's
    /// `notifications.sent.before.days`: 3).
    pub api_key_expiry_days: i64,
    /// Hours between two runs of the API-key expiry e-mails (MOSIP: 24).
    pub api_key_expiry_every_hours: i64,
    /// Notifications older than this many days are deleted (MOSIP's
    /// `mosip.pms.batch.job.past.notifications.deletion.period`: 60).
    pub notification_retention_days: i64,
    /// Hours between two purges (MOSIP: daily).
    pub purge_every_hours: i64,
    /// Whether partner, root and intermediate certificates about to expire are notified.
    pub certificate_expiry_enabled: bool,
    /// Hours between two runs of the certificate expiry notifications (MOSIP: daily).
    pub certificate_expiry_every_hours: i64,
    /// Days before the expiry day at which a certificate is notified (MOSIP's
    /// `…cert.expiry.periods`: 30,15,10,9,8,7,6,5,4,3,2,1,0).
    pub certificate_expiry_steps_days: Vec<i64>,
    /// Whether partner admins get the weekly summary.
    pub weekly_summary_enabled: bool,
    /// Hours between two weekly summaries (168).
    pub weekly_summary_every_hours: i64,
    /// The summary lists the partner certificates expiring within this many days (MOSIP: 7).
    pub weekly_summary_days: i64,
    /// Whether API keys and MISP licence keys past their expiry are switched off.
    pub expired_keys_enabled: bool,
    /// Hours between two looks for expired keys.
    pub expired_keys_every_hours: i64,
    /// Partners told as partner admins besides those whose user is a local account with the
    /// `PARTNER_ADMIN` role (for admins of an external identity provider).
    pub admin_partner_ids: Vec<String>,
}

impl Default for JobsSettings {
    fn default() -> Self {
        JobsSettings {
            enabled: true,
            tick_secs: 60,
            api_key_expiry_days: 3,
            api_key_expiry_every_hours: 24,
            notification_retention_days: 60,
            purge_every_hours: 24,
            certificate_expiry_enabled: true,
            certificate_expiry_every_hours: 24,
            certificate_expiry_steps_days: certificate_expiry::DEFAULT_STEPS.to_vec(),
            weekly_summary_enabled: true,
            weekly_summary_every_hours: 24 * 7,
            weekly_summary_days: 7,
            expired_keys_enabled: true,
            expired_keys_every_hours: 1,
            admin_partner_ids: Vec::new(),
        }
    }
}
