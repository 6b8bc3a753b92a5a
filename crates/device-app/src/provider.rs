//! The partner a device, SBI or FTM chip belongs to: it must exist and be active, and a caller
//! who is not an admin may act only for its own partner id.

use app_core::{Actor, AppError, AuditPlan, Store, Tx};
use audit_events::AuditEvent;
use device_domain::{DeviceError, ProviderId};
use partner_domain::PartnerId;
use persistence::repo::partner::{self, PartnerRow};

/// A caller who is not an admin acts for its own partner only.
pub(crate) fn check_owner(actor: &Actor, provider: &ProviderId) -> Result<(), AppError> {
    if actor.is_self_or_admin(provider.as_str()) { Ok(()) } else { Err(DeviceError::NotYourPartner.into()) }
}

/// The active, undeleted partner `provider` (MOSIP's `findByIdAndIsDeletedFalse…AndIsActiveTrue`),
/// or `missing`.
pub(crate) fn active(
    tx: &mut Tx<'_>,
    actor: &Actor,
    provider: &ProviderId,
    missing: DeviceError,
) -> Result<PartnerRow, AppError> {
    check_owner(actor, provider)?;
    let row = partner::find(tx.conn, &PartnerId::from(provider.as_str()))?;
    row.filter(|p| p.is_active && !p.is_deleted).ok_or_else(|| missing.into())
}

/// The call and failure events of an operation.
pub(crate) type Events = (AuditEvent, AuditEvent);
pub(crate) const CREATE_DEVICE: Events = (AuditEvent::CreateDevice, AuditEvent::CreateDeviceFailure);
pub(crate) const UPDATE_DEVICE: Events = (AuditEvent::UpdateDevice, AuditEvent::UpdateDeviceFailure);
pub(crate) const UPDATE_SBI: Events = (AuditEvent::UpdateSbi, AuditEvent::SbiFailure);

/// The audit plan of an operation on `ref_id`: its call event, and its failure event unless the
/// error names others.
pub(crate) fn plan(store: &Store, actor: &Actor, (call, failure): Events, ref_id: Option<&str>) -> AuditPlan {
    store.plan(actor).call(call, ref_id).on_failure(failure, ref_id)
}
