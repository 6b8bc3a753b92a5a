//! Device details (`/devicedetail`): create, update, approve or reject.

use app_core::{Actor, AppError, Store, Tx};
use audit_events::AuditEvent;
use device_domain::detail::DetailFields;
use device_domain::{Decision, DeviceDetail, DeviceDetailId, DeviceDetailInput, DeviceError};
use persistence::repo::device::{detail as repo, types};

use crate::dto::{DeviceDetailRequest, DeviceDetailUpdateRequest, IdDto, StatusRequest};
use crate::provider;

/// The active sub-type named by the input, or `PMS_AUT_001`.
fn check_sub_type(tx: &mut Tx<'_>, input: &DeviceDetailInput) -> Result<(), AppError> {
    match types::active_sub_type(tx.conn, &input.sub_type_code, &input.type_code)? {
        Some(_) => Ok(()),
        None => Err(DeviceError::SubTypeNotFound.into()),
    }
}

/// The detail `id` (undeleted), or `PMS_AUT_005`.
pub(crate) fn existing(tx: &mut Tx<'_>, id: &DeviceDetailId) -> Result<DeviceDetail, AppError> {
    repo::find(tx.conn, id)?.ok_or_else(|| DeviceError::DetailNotFound(id.to_string()).into())
}

/// `POST /devicedetail`: a new make and model of an active provider, pending approval.
pub fn create(store: &Store, actor: &Actor, req: DeviceDetailRequest) -> Result<IdDto, AppError> {
    let provider_ref = req.device_provider_id.clone();
    let plan = provider::plan(store, actor, provider::CREATE_DEVICE, provider_ref.as_deref());
    store.audited(plan, |tx| {
        let input = create_input(&req)?;
        let detail = insert_new(tx, actor, input)?;
        tx.trail.push(AuditEvent::CreateDeviceSuccess, Some(detail.provider_id.as_str()));
        Ok(IdDto { id: detail.id.into_string() })
    })
}

/// The checks and insert of a new device detail, pending approval: an active sub-type
/// (`PMS_AUT_001`), an active provider (`PMS_AUT_002`), a make and model new to the provider and
/// a free id (`PMS_AUT_003`).
pub(crate) fn insert_new(tx: &mut Tx<'_>, actor: &Actor, input: DeviceDetailInput) -> Result<DeviceDetail, AppError> {
    check_sub_type(tx, &input)?;
    let partner = provider::active(tx, actor, &input.provider_id, DeviceError::ProviderNotFound)?;
    let id = DeviceDetailId::from(input.id.clone().unwrap_or_else(|| tx.new_id()));
    let detail = DeviceDetail::create(input, id, Some(partner.name), &actor.user_id, tx.now);
    if repo::exists_like(tx.conn, &detail)? || repo::id_taken(tx.conn, &detail.id)? {
        return Err(DeviceError::DetailExists.into());
    }
    repo::insert(tx.conn, &detail)?;
    Ok(detail)
}

/// The fields of a new device detail (`PMS_COR_001`).
pub(crate) fn create_input(req: &DeviceDetailRequest) -> Result<DeviceDetailInput, DeviceError> {
    DeviceDetailInput::for_create(DetailFields {
        id: req.id.as_deref(),
        provider_id: req.device_provider_id.as_deref(),
        type_code: req.device_type_code.as_deref(),
        sub_type_code: req.device_sub_type_code.as_deref(),
        make: req.make.as_deref(),
        model: req.model.as_deref(),
    })
}

/// `PUT /devicedetail`: type, sub-type, make and model of an existing detail.
pub fn update(store: &Store, actor: &Actor, req: DeviceDetailUpdateRequest) -> Result<IdDto, AppError> {
    let id_ref = req.id.clone();
    let plan = provider::plan(store, actor, provider::UPDATE_DEVICE, id_ref.as_deref());
    store.audited(plan, |tx| {
        let input = DeviceDetailInput::for_update(DetailFields {
            id: req.id.as_deref(),
            type_code: req.device_type_code.as_deref(),
            sub_type_code: req.device_sub_type_code.as_deref(),
            make: req.make.as_deref(),
            model: req.model.as_deref(),
            provider_id: None,
        })?;
        let mut detail = existing(tx, &DeviceDetailId::from(input.id.clone().unwrap_or_default()))?;
        provider::check_owner(actor, &detail.provider_id)?;
        check_sub_type(tx, &input)?;
        detail.update(input, &actor.user_id, tx.now);
        repo::update(tx.conn, &detail)?;
        tx.trail.push(AuditEvent::UpdateDeviceSuccess, Some(detail.id.as_str()));
        Ok(IdDto { id: detail.id.into_string() })
    })
}

/// `PATCH /devicedetail`: the admin approves (`Activate`) or rejects (`De-activate`).
pub fn decide(store: &Store, actor: &Actor, req: StatusRequest) -> Result<String, AppError> {
    let id_ref = req.id.clone();
    let plan = provider::plan(store, actor, provider::UPDATE_DEVICE, id_ref.as_deref());
    store.audited(plan, |tx| {
        let (id, word) = status_fields(&req)?;
        let mut detail = existing(tx, &DeviceDetailId::from(id))?;
        let decision = Decision::parse(&word, DeviceError::DetailStatusCode)?;
        detail.decide(decision, &actor.user_id, tx.now);
        repo::update(tx.conn, &detail)?;
        tx.trail.push(AuditEvent::UpdateDeviceSuccess, Some(detail.id.as_str()));
        Ok(match decision {
            Decision::Approve => "Device details approved successfully.",
            Decision::Reject => "Device details rejected successfully.",
        }
        .to_owned())
    })
}

/// The `id` and `approvalStatus` of a status request (`@NotBlank @Size(1, 36)` each).
pub(crate) fn status_fields(req: &StatusRequest) -> Result<(String, String), DeviceError> {
    let mut check = device_domain::fields::Fields::new();
    let id = check.text("id", req.id.as_deref(), 36);
    let word = check.text("approvalStatus", req.approval_status.as_deref(), 36);
    Ok(check.finish((id, word))?)
}
