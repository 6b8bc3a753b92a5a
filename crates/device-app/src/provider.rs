//! The partner a device, SBI or FTM chip belongs to: it must exist and be active, and a caller
//! who is not an admin may act only for its own partner id.

use app_core::{Actor, AppError, Tx};
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
