//! Delivers audit records to an external MOSIP audit manager: the `audit_log` table is the
//! outbox; a record is marked forwarded only once the audit manager accepted it, so an outage
//! delays delivery and loses nothing.

use std::time::Duration;

use persistence::DbPool;
use persistence::repo::audit::{self, AuditRow};
use secrecy::ExposeSecret;
use serde_json::json;

use crate::settings::AuditSettings;

/// Starts the forwarding thread when `audit.forward_url` is set; it ends when the pool closes.
pub fn spawn(pool: DbPool, settings: &AuditSettings) {
    let Some(url) = settings.forward_url.clone() else { return };
    let token = settings.forward_token.as_ref().map(|t| t.expose_secret().to_owned());
    let every = Duration::from_secs(settings.forward_interval_secs.max(1));
    let started = std::thread::Builder::new().name("audit-forwarder".into()).spawn(move || {
        let agent: ureq::Agent =
            ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(10))).build().into();
        loop {
            match forward_batch(&pool, &agent, &url, token.as_deref()) {
                Ok(n) if n > 0 && pool.wait_open(Duration::ZERO) => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "audit forwarding paused"),
            }
            if !pool.wait_open(every) {
                return;
            }
        }
    });
    if let Err(e) = started {
        tracing::error!(error = %e, "cannot start the audit forwarder");
    }
}

/// Sends up to 100 pending records in order; stops at the first refusal.
fn forward_batch(pool: &DbPool, agent: &ureq::Agent, url: &str, token: Option<&str>) -> anyhow::Result<usize> {
    let mut conn = pool.get()?;
    let rows = audit::unforwarded(&mut conn, 100)?;
    let mut sent = 0;
    for row in &rows {
        let mut req = agent.post(url).header("Content-Type", "application/json");
        if let Some(t) = token {
            req = req.header("Authorization", &format!("Bearer {t}")).header("Cookie", &format!("Authorization={t}"));
        }
        req.send_json(envelope(row))?;
        audit::mark_forwarded(&mut conn, &row.id, crate::time::now())?;
        sent += 1;
    }
    Ok(sent)
}

/// The audit manager's request: `{id, version, requesttime, metadata, request: AuditRequestDto}`.
fn envelope(row: &AuditRow) -> serde_json::Value {
    json!({
        "id": "mosip.audit.create",
        "version": "1.0",
        "requesttime": crate::time::mosip_now(),
        "metadata": {},
        "request": {
            "eventId": row.event_id,
            "eventName": row.event_name,
            "eventType": row.event_type.to_uppercase(),
            "actionTimeStamp": crate::time::mosip(row.action_time),
            "hostName": row.host_name,
            "hostIp": row.host_ip,
            "applicationId": row.application_id,
            "applicationName": row.application_name,
            "sessionUserId": row.session_user_id,
            "sessionUserName": row.session_user_name,
            "id": row.ref_id,
            "idType": row.ref_id_type,
            "createdBy": row.created_by,
            "moduleName": row.module_name,
            "moduleId": row.module_id,
            "description": row.description,
        }
    })
}
