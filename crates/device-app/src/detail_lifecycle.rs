//! MOSIP 1.2.2's device life cycle: `PATCH /devicedetail/{deviceId}` (deactivation) and
//! `POST /devicedetail/{id}/approval` (the admin approves or rejects a device added to an SBI and
//! activates its mapping).

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use device_domain::lifecycle::check_deactivate;
use device_domain::{DeviceDetailId, LifecycleError, MappingApproval};
use persistence::repo::device::{detail as detail_repo, mapping, sbi as sbi_repo};

use crate::dto::{DeactivateRequest, DeviceApprovalRequest, DeviceStateDto};
use crate::{owners, provider};

/// `PATCH /devicedetail/{deviceId}`: switches an approved, active device off. A caller without
/// `PARTNER_ADMIN` acts on its own active partners' devices only.
pub fn deactivate(
    store: &Store,
    actor: &Actor,
    device_id: &str,
    req: DeactivateRequest,
) -> Result<DeviceStateDto, AppError> {
    let plan = provider::plan(store, actor, provider::UPDATE_DEVICE, Some(device_id));
    store.audited(plan, |tx| {
        check_deactivate(req.status.as_deref())?;
        let partners = owners::of_caller(tx, actor)?;
        let id = DeviceDetailId::from(device_id);
        let mut device = detail_repo::find(tx.conn, &id)?.ok_or(LifecycleError::DeviceNotFound)?;
        if !actor.is_admin {
            owners::associated_active(partners, device.provider_id.as_str(), LifecycleError::DeviceNotOfUser)?;
        }
        device.deactivate(&actor.user_id, tx.now)?;
        detail_repo::update(tx.conn, &device)?;
        tx.trail.push(AuditEvent::UpdateDeviceSuccess, Some(device.id.as_str()));
        Ok(DeviceStateDto {
            device_id: device.id.into_string(),
            status: device.approval_status,
            is_active: device.is_active,
        })
    })
}

/// `POST /devicedetail/{id}/approval`: the admin approves or rejects a pending device of the
/// partner on the partner's approved, active, unexpired SBI it was added to; the mapping becomes
/// active either way (as MOSIP). Answers `true`.
pub fn decide_with_sbi(
    store: &Store,
    actor: &Actor,
    device_id: &str,
    req: DeviceApprovalRequest,
) -> Result<bool, AppError> {
    let plan = provider::plan(store, actor, provider::UPDATE_DEVICE, Some(device_id));
    store.audited(plan, |tx| {
        let approval = MappingApproval::parse(req.partner_id.as_deref(), req.sbi_id.as_deref(), req.status.as_deref())?;
        let sbi = sbi_repo::find(tx.conn, &approval.sbi_id)?.ok_or(LifecycleError::SbiNotFound)?;
        sbi.accepts_devices_of(&approval.partner_id, tx.now.date())?;
        let id = DeviceDetailId::from(device_id);
        let mut device = detail_repo::find(tx.conn, &id)?.ok_or(LifecycleError::DeviceNotFound)?;
        device.check_pending_of(&approval.partner_id)?;
        let mut m = mapping::find(tx.conn, &id, &sbi.id)?
            .filter(|m| m.provider_id == approval.partner_id)
            .ok_or(LifecycleError::MappingNotFound)?;
        device.decide(approval.decision, &actor.user_id, tx.now);
        detail_repo::update(tx.conn, &device)?;
        m.activate(&actor.user_id, tx.now);
        mapping::update_active(tx.conn, &m)?;
        tx.trail.push(AuditEvent::UpdateDeviceSuccess, Some(device.id.as_str()));
        Ok(true)
    })
}
