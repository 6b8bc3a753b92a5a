//! E2 approve or reject a registration, E5 activate or deactivate a MISP (the caller is an admin).

use app_core::time::java_to_string;
use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use misp_domain::{Decision, LicenseKey, MispError, MispId, Switch, cascade};
use persistence::repo::{misp as misps, misp_license as keys};

use crate::config::{MispConfig, at_store_precision};
use crate::dto::{Message, StatusRequest, StatusUpdated};
use crate::events::publish_switched;
use crate::keys::no_key;

/// E2: approves (issuing the first licence key) or rejects (retiring every key) a MISP.
pub fn decide(
    store: &Store,
    actor: &Actor,
    cfg: &MispConfig,
    misp_id: &str,
    req: StatusRequest,
) -> Result<StatusUpdated, AppError> {
    let plan = store.plan(actor).call(AuditEvent::ProcessMispStatus, Some(misp_id));
    store.audited(plan, |tx| {
        let decision = Decision::parse(req.misp_status.as_deref())
            .map_err(|e| AppError::from(e).audit(AuditEvent::MispStatusNotApprovedOrRejected, Some(misp_id)))?;
        let refuse = |e: MispError| match e {
            MispError::AlreadyInStatus(_) => AppError::from(e).audit(AuditEvent::MispStatusException, None),
            MispError::MispInactive => AppError::from(e).audit(AuditEvent::MispDeactivatedCannotApprove, Some(misp_id)),
            e => e.into(),
        };
        let not_found = || MispError::MispNotFound(misp_id.to_owned());
        let id = MispId::from(misp_id);
        let misp = misps::find(tx.conn, &id)?.ok_or_else(not_found)?;
        tx.trail.push(AuditEvent::ValidateMispId, Some(misp_id));
        let to = misp.decide(decision).map_err(refuse)?;
        let now = at_store_precision(tx.now);
        let user = actor.user_id.as_str();
        if misps::set_status(tx.conn, &id, to, user, now)? == 0 {
            // A concurrent request changed the MISP first: answer as if it had come first.
            let misp = misps::find(tx.conn, &id)?.ok_or_else(not_found)?;
            return Err(refuse(misp.decide(decision).err().unwrap_or(MispError::AlreadyInStatus(to.as_str().into()))));
        }
        tx.trail.push(AuditEvent::MispStatusProcessed, Some(misp_id));
        let answer = match decision {
            Decision::Approve => {
                let (conn, mut rng) = tx.conn_and_rng();
                let key = keys::insert_new(conn, || cfg.keys.issue(&mut rng, misp_id, None, user, now))?
                    .ok_or_else(no_key)?;
                StatusUpdated {
                    misp_id: misp_id.to_owned(),
                    misp_status: misp.active_label(),
                    misp_status_code: to.as_str(),
                    message: "MISP approved successfully",
                    misp_license_key: Some(key.key.clone()),
                    misp_license_key_expiry: Some(java_to_string(key.valid_to)),
                    misp_license_key_status: Some("active"),
                }
            }
            Decision::Reject => {
                tx.trail.push(AuditEvent::UpdateMispLicenseStatus, Some(misp_id));
                let before = keys::of_holder(tx.conn, &id)?;
                keys::retire_all(tx.conn, &id, user, now)?;
                publish_switched(tx, &id, &before)?;
                tx.trail.push(AuditEvent::RejectedMispNoLicense, Some(misp_id));
                StatusUpdated {
                    misp_id: misp_id.to_owned(),
                    misp_status: misp.active_label(),
                    misp_status_code: to.as_str(),
                    message: "MISP rejected successfully",
                    misp_license_key: None,
                    misp_license_key_expiry: None,
                    misp_license_key_status: None,
                }
            }
        };
        tx.trail.push(AuditEvent::ProcessMispStatusSuccess, Some(misp_id));
        Ok(answer)
    })
}

/// E5: switches a MISP on or off, suspending or resuming its keys with it.
pub fn activate(store: &Store, actor: &Actor, misp_id: &str, req: StatusRequest) -> Result<Message, AppError> {
    let plan = store.plan(actor).call(AuditEvent::UpdateMispStatus, None);
    store.audited(plan, |tx| {
        let switch = Switch::parse(req.misp_status.as_deref(), MispError::BadMispSwitch)
            .map_err(|e| AppError::from(e).audit(AuditEvent::MispActiveStatusInvalid, Some(misp_id)))?;
        let now = at_store_precision(tx.now);
        let user = actor.user_id.as_str();
        let id = MispId::from(misp_id);
        if misps::set_active(tx.conn, &id, switch.is_on(), user, now)? == 0 {
            return Err(MispError::MispNotFound(misp_id.to_owned()).into());
        }
        tx.trail.push(AuditEvent::MispActiveStateUpdated, Some(misp_id));
        tx.trail.push(AuditEvent::UpdateMispLicenseStatus, Some(misp_id));
        let before = keys::of_holder(tx.conn, &id)?;
        let plan = cascade(switch, &before, now);
        for key in &plan.suspend {
            keys::set_state(tx.conn, &id, &LicenseKey::from(key), false, true, user, now)?;
        }
        for key in &plan.resume {
            keys::set_state(tx.conn, &id, &LicenseKey::from(key), true, false, user, now)?;
        }
        for key in &plan.release {
            keys::set_state(tx.conn, &id, &LicenseKey::from(key), false, false, user, now)?;
        }
        publish_switched(tx, &id, &before)?;
        let message = if switch.is_on() { "MISP actived successfully" } else { "MISP de-actived successfully" };
        tx.trail.push(AuditEvent::MispActiveState, Some(misp_id));
        tx.trail.push(AuditEvent::UpdateMispStatusSuccess, None);
        Ok(Message { message })
    })
}
