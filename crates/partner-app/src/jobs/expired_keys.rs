//! API keys and MISP licence keys past their expiry, switched off in the store: each in its own
//! transaction with its event (`APIKEY_UPDATED` / `MISP_LICENSE_UPDATED`, the payload of a
//! manual deactivation) and its audit record. The switch is a compare-and-set on the key being
//! on, so a second run or another replica changes, publishes and audits nothing.

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use chrono::NaiveDateTime;
use partner_domain::ApiKey;
use persistence::repo::api_key::{self as keys, ApiKeyRow};
use persistence::repo::expired_keys as expired;
use websub_events::{Event, MispLicenseData, Source};

use super::JobReport;
use super::notice::SYSTEM;
use crate::events::key_data;

/// Switches off the keys expired at `now`.
pub fn run(store: &Store, now: NaiveDateTime) -> Result<JobReport, AppError> {
    let (api_keys, licenses) =
        store.read(|tx| Ok((expired::expired_api_keys(tx.conn, now)?, expired::expired_licenses(tx.conn, now)?)))?;
    let actor = Actor::anonymous(SYSTEM, None);
    let mut report = JobReport::default();
    for key in api_keys {
        let plan = store.plan(&actor);
        let switched = store.audited(plan, |tx| {
            let api_key = ApiKey::from(&key.policy_api_key);
            if keys::set_active(tx.conn, &api_key, true, false, SYSTEM, now)? != 1 {
                return Ok(false);
            }
            tx.publish(Event::apikey_updated(&key_data(&ApiKeyRow { is_active: false, ..key.clone() })));
            tx.trail.push(AuditEvent::ExpiredApiKeySwitchedOff, Some(&key.part_id));
            Ok(true)
        })?;
        if switched { report.done += 1 } else { report.skipped += 1 }
    }
    for license in licenses {
        let plan = store.plan(&actor);
        let switched = store.audited(plan, |tx| {
            if expired::switch_off_license(tx.conn, &license.misp_id, &license.license_key, SYSTEM, now)? != 1 {
                return Ok(false);
            }
            let data = MispLicenseData {
                misp_id: license.misp_id.clone(),
                license_key: license.license_key.clone(),
                commence_on: license.valid_from_date,
                expires_on: license.valid_to_date,
                active: false,
            };
            tx.publish(Event::misp_license(false, Source::PartnerManagementServiceImpl, &data, None));
            tx.trail.push(AuditEvent::ExpiredLicenseSwitchedOff, Some(&license.misp_id));
            Ok(true)
        })?;
        if switched { report.done += 1 } else { report.skipped += 1 }
    }
    Ok(report)
}
