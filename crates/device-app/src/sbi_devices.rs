//! MOSIP 1.2.2's devices of an SBI: `POST /securebiometricinterface/{sbiId}/devices` (a new
//! device and its inactive mapping to the SBI), `GET /securebiometricinterface/{sbiId}/devices`,
//! and `PATCH /securebiometricinterface/{sbiId}` (the SBI deactivated with its devices).

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use device_domain::lifecycle::{DEVICE_PROVIDER_TYPE, check_deactivate};
use device_domain::{LifecycleError, SbiDeviceMapping, SbiId};
use persistence::repo::device::{detail as detail_repo, mapping, sbi as sbi_repo};

use crate::details::{create_input, insert_new};
use crate::dto::{DeactivateRequest, DeviceDetailRequest, IdDto, SbiDetailsDto, SbiDeviceDto};
use crate::{owners, provider};

/// `POST /securebiometricinterface/{sbiId}/devices`: a device of one of the caller's partners,
/// pending approval, mapped (inactive) to that partner's approved, active, unexpired SBI. Nothing
/// is kept when a check fails.
pub fn add_device(store: &Store, actor: &Actor, sbi_id: &str, req: DeviceDetailRequest) -> Result<IdDto, AppError> {
    let provider_ref = req.device_provider_id.clone();
    let plan = provider::plan(store, actor, provider::CREATE_DEVICE, provider_ref.as_deref());
    store.audited(plan, |tx| {
        let input = create_input(&req)?;
        let partners = owners::of_caller(tx, actor)?;
        let owned = owners::associated(partners, input.provider_id.as_str(), LifecycleError::PartnerNotOfUser)?;
        let detail = insert_new(tx, actor, input)?;
        let sbi_id = SbiId::from(sbi_id);
        if mapping::find(tx.conn, &detail.id, &sbi_id)?.is_some_and(|m| m.provider_id == detail.provider_id) {
            return Err(LifecycleError::MappingExists.into());
        }
        let sbi = sbi_repo::find(tx.conn, &sbi_id)?.ok_or(LifecycleError::SbiNotFound)?;
        sbi.accepts_devices_of(&detail.provider_id, tx.now.date())?;
        detail.check_pending_of(&detail.provider_id)?;
        let m = SbiDeviceMapping::pending(
            detail.id.clone(),
            sbi.id,
            detail.provider_id.clone(),
            Some(owned.name),
            &actor.user_id,
            tx.now,
        );
        mapping::insert(tx.conn, &m)?;
        tx.trail.push(AuditEvent::CreateDeviceSuccess, Some(detail.provider_id.as_str()));
        Ok(IdDto { id: detail.id.into_string() })
    })
}

/// `GET /securebiometricinterface/{sbiId}/devices`: the devices its provider mapped to an SBI of
/// one of the caller's device-provider partners; `None` (MOSIP's `response: null`) when none.
pub fn devices_of_sbi(store: &Store, actor: &Actor, sbi_id: &str) -> Result<Option<Vec<SbiDeviceDto>>, AppError> {
    store.read(|tx| {
        let partners = owners::of_caller(tx, actor)?;
        let sbi = sbi_repo::find(tx.conn, &SbiId::from(sbi_id))?.ok_or(LifecycleError::SbiNotFound)?;
        let provider = sbi.provider_id.as_ref().map(ToString::to_string).unwrap_or_default();
        let partner = owners::associated(partners, &provider, LifecycleError::SbiNotOfUser)?;
        if partner.partner_type_code != DEVICE_PROVIDER_TYPE {
            return Err(LifecycleError::NotDeviceProvider.into());
        }
        let devices = detail_repo::of_provider_on_sbi(tx.conn, &provider, sbi.id.as_str())?;
        Ok((!devices.is_empty()).then(|| devices.into_iter().map(SbiDeviceDto::from).collect()))
    })
}

/// `PATCH /securebiometricinterface/{sbiId}`: switches an approved, active SBI off, with its
/// approved devices; its pending devices are rejected. A caller without `PARTNER_ADMIN` acts on
/// its own active partners' SBIs only.
pub fn deactivate(
    store: &Store,
    actor: &Actor,
    sbi_id: &str,
    req: DeactivateRequest,
) -> Result<SbiDetailsDto, AppError> {
    let plan = provider::plan(store, actor, provider::UPDATE_SBI, Some(sbi_id));
    store.audited(plan, |tx| {
        check_deactivate(req.status.as_deref())?;
        let partners = owners::of_caller(tx, actor)?;
        let mut sbi = sbi_repo::find(tx.conn, &SbiId::from(sbi_id))?.ok_or(LifecycleError::SbiNotFound)?;
        if !actor.is_admin {
            let provider = sbi.provider_id.as_ref().map(ToString::to_string).unwrap_or_default();
            owners::associated_active(partners, &provider, LifecycleError::SbiNotOfUser)?;
        }
        sbi.deactivate(&actor.user_id, tx.now)?;
        for mut device in detail_repo::mapped_to_sbi(tx.conn, sbi.id.as_str())? {
            if device.follow_sbi_deactivation(&actor.user_id, tx.now) {
                detail_repo::update(tx.conn, &device)?;
            }
        }
        sbi_repo::update(tx.conn, &sbi)?;
        tx.trail.push(AuditEvent::SaveSbiSuccess, Some(sbi.id.as_str()));
        Ok(SbiDetailsDto {
            sbi_id: sbi.id.into_string(),
            sbi_version: sbi.version,
            status: sbi.approval_status,
            is_active: sbi.is_active,
        })
    })
}
