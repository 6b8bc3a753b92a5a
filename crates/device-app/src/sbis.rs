//! Secure biometric interfaces (`/securebiometricinterface`): create, update, approve or reject,
//! map to device details and remove the mapping.

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use device_domain::fields::Fields;
use device_domain::sbi::SbiFields;
use device_domain::{DeviceDetailId, DeviceError, Sbi, SbiDeviceMapping, SbiId, SbiInput};
use persistence::repo::device::{mapping, sbi as repo, sbi_history};

use crate::DeviceConfig;
use crate::details::{existing as existing_detail, status_fields};
use crate::dto::{IdDto, MappingRequest, SbiCreateRequest, SbiUpdateRequest, StatusRequest};
use crate::provider;

fn existing(tx: &mut app_core::Tx<'_>, id: &SbiId) -> Result<Sbi, AppError> {
    repo::find(tx.conn, id)?.ok_or_else(|| DeviceError::SbiNotFound(id.to_string()).into())
}

/// Keeps a saved SBI in its history and audits the save.
fn record_change(tx: &mut app_core::Tx<'_>, sbi: &Sbi) -> Result<(), AppError> {
    sbi_history::record(tx.conn, sbi)?;
    tx.trail.push(AuditEvent::SaveSbiSuccess, Some(sbi.id.as_str()));
    Ok(())
}

/// `POST /securebiometricinterface`: a new SBI of an active provider, pending approval.
pub fn create(store: &Store, actor: &Actor, cfg: &DeviceConfig, req: SbiCreateRequest) -> Result<IdDto, AppError> {
    let provider_ref = req.provider_id.clone();
    let plan =
        store.plan(actor).call(AuditEvent::CreateSbi, provider_ref.as_deref()).on_failure(AuditEvent::SbiFailure, None);
    store.audited(plan, |tx| {
        let input = SbiInput::for_create(SbiFields {
            provider_id: req.provider_id.as_deref(),
            binary_hash: req.sw_binary_hash.as_deref(),
            version: req.sw_version.as_deref(),
            created: req.sw_create_date_time.as_deref(),
            expiry: req.sw_expiry_date_time.as_deref(),
            ..SbiFields::default()
        })?;
        input.dates.check(tx.now.date(), cfg.sbi_limits)?;
        let partner = provider::active(tx, actor, &input.provider_id, DeviceError::ProviderNotFound)?;
        if !repo::of_version(tx.conn, &input.provider_id, &input.version)?.is_empty() {
            return Err(DeviceError::SbiExists.into());
        }
        let id = SbiId::from(tx.new_id());
        let sbi = Sbi::create(input, id, Some(partner.name), &actor.user_id, tx.now);
        repo::insert(tx.conn, &sbi)?;
        record_change(tx, &sbi)?;
        Ok(IdDto { id: sbi.id.into_string() })
    })
}

/// `PUT /securebiometricinterface`: hash, version, dates and activity of an SBI.
pub fn update(store: &Store, actor: &Actor, cfg: &DeviceConfig, req: SbiUpdateRequest) -> Result<IdDto, AppError> {
    let id_ref = req.id.clone();
    let plan = provider::plan(store, actor, provider::UPDATE_SBI, id_ref.as_deref());
    store.audited(plan, |tx| {
        let input = SbiInput::for_update(SbiFields {
            id: req.id.as_deref(),
            binary_hash: req.sw_binary_hash.as_deref(),
            version: req.sw_version.as_deref(),
            created: req.sw_create_date_time.as_deref(),
            expiry: req.sw_expiry_date_time.as_deref(),
            is_active: req.is_active,
            ..SbiFields::default()
        })?;
        input.dates.check(tx.now.date(), cfg.sbi_limits)?;
        let mut sbi = existing(tx, &input.id)?;
        if let Some(owner) = &sbi.provider_id {
            provider::check_owner(actor, owner)?;
            let same_version = repo::of_version(tx.conn, owner, &input.version)?;
            if same_version.iter().any(|other| other.id != sbi.id) {
                return Err(DeviceError::SbiExists.into());
            }
        }
        sbi.update(input, &actor.user_id, tx.now);
        repo::update(tx.conn, &sbi)?;
        record_change(tx, &sbi)?;
        Ok(IdDto { id: sbi.id.into_string() })
    })
}

/// `PATCH /securebiometricinterface`: the admin approves or rejects a pending SBI.
pub fn decide(store: &Store, actor: &Actor, req: StatusRequest) -> Result<String, AppError> {
    let id_ref = req.id.clone();
    let plan = provider::plan(store, actor, provider::UPDATE_SBI, id_ref.as_deref());
    store.audited(plan, |tx| {
        let (id, word) = status_fields(&req)?;
        let mut sbi = existing(tx, &SbiId::from(id))?;
        sbi.decide(&word, &actor.user_id, tx.now)?;
        repo::update(tx.conn, &sbi)?;
        record_change(tx, &sbi)?;
        Ok(if sbi.is_active {
            "Secure biometric details approved successfully."
        } else {
            "Secure biometric details rejected successfully."
        }
        .to_owned())
    })
}

fn mapping_ids(req: &MappingRequest) -> Result<(DeviceDetailId, SbiId), DeviceError> {
    let mut check = Fields::new();
    let detail = check.text("deviceDetailId", req.device_detail_id.as_deref(), usize::MAX);
    let sbi = check.text("sbiId", req.sbi_id.as_deref(), usize::MAX);
    Ok(check.finish((DeviceDetailId::from(detail), SbiId::from(sbi)))?)
}

/// `PUT /securebiometricinterface/devicedetails/map`: maps an approved device detail to an
/// approved, unexpired SBI of the same provider ("Mapping already exists" when it is).
pub fn map(store: &Store, actor: &Actor, req: MappingRequest) -> Result<String, AppError> {
    let sbi_ref = req.sbi_id.clone();
    let plan = provider::plan(store, actor, provider::UPDATE_SBI, sbi_ref.as_deref());
    store.audited(plan, |tx| {
        let (detail_id, sbi_id) = mapping_ids(&req)?;
        if mapping::find(tx.conn, &detail_id, &sbi_id)?.is_some() {
            return Ok("Mapping already exists".to_owned());
        }
        let detail = existing_detail(tx, &detail_id)?;
        provider::check_owner(actor, &detail.provider_id)?;
        detail.check_mappable()?;
        let sbi = existing(tx, &sbi_id)?;
        let m = SbiDeviceMapping::create(&detail, &sbi, tx.now.date(), &actor.user_id, tx.now)?;
        mapping::insert(tx.conn, &m)?;
        tx.trail.push(AuditEvent::SaveSbiSuccess, Some(sbi.id.as_str()));
        Ok("Success".to_owned())
    })
}

/// `PUT /securebiometricinterface/devicedetails/map/remove`.
pub fn unmap(store: &Store, actor: &Actor, req: MappingRequest) -> Result<String, AppError> {
    let sbi_ref = req.sbi_id.clone();
    let plan = provider::plan(store, actor, provider::UPDATE_SBI, sbi_ref.as_deref());
    store.audited(plan, |tx| {
        let (detail_id, sbi_id) = mapping_ids(&req)?;
        let found = mapping::find(tx.conn, &detail_id, &sbi_id)?.ok_or(DeviceError::MappingNotFound)?;
        provider::check_owner(actor, &found.provider_id)?;
        mapping::delete(tx.conn, &detail_id, &sbi_id)?;
        tx.trail.push(AuditEvent::SaveSbiSuccess, Some(sbi_id.as_str()));
        Ok("Success".to_owned())
    })
}
