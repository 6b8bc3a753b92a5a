//! MOSIP 1.2.2's check of the partners a user acts for: the caller's partners
//! (`partner.user_id`), none being `PMS_CERTIFICATE_ERROR_002`; the one an SBI or device belongs
//! to, or the operation's own code; an inactive one `PMS_PMP_016`.

use app_core::{Actor, AppError, Tx};
use device_domain::LifecycleError;
use persistence::repo::device::owners::{UserPartner, partners_of_user};

/// The caller's partners, at least one.
pub(crate) fn of_caller(tx: &mut Tx<'_>, actor: &Actor) -> Result<Vec<UserPartner>, AppError> {
    let partners = partners_of_user(tx.conn, &actor.user_id)?;
    if partners.is_empty() {
        return Err(LifecycleError::UserNotFound.into());
    }
    Ok(partners)
}

/// The caller's partner `id`, or `missing`.
pub(crate) fn associated(
    partners: Vec<UserPartner>,
    id: &str,
    missing: LifecycleError,
) -> Result<UserPartner, AppError> {
    partners.into_iter().find(|p| p.id == id).ok_or_else(|| missing.into())
}

/// The caller's partner `id`, active (MOSIP's check of a non-admin caller before a deactivation).
pub(crate) fn associated_active(
    partners: Vec<UserPartner>,
    id: &str,
    missing: LifecycleError,
) -> Result<UserPartner, AppError> {
    let partner = associated(partners, id, missing)?;
    if !partner.is_active {
        return Err(LifecycleError::PartnerNotActive.into());
    }
    Ok(partner)
}
