//! FTM chips (`/ftpchipdetail`): create, update, approve or reject; the rows a search answers.

use app_core::time::local;
use app_core::{Actor, AppError, Store, Tx};
use audit_events::AuditEvent;
use device_domain::fields::Fields;
use device_domain::{DeviceError, FtmChip, FtmChipId, FtmChipInput, ProviderId};
use persistence::repo::device::ftm as repo;
use serde::Serialize;
use utoipa::ToSchema;

use crate::dto::{FtmChipRequest, FtmChipStatusRequest, FtmChipUpdateRequest, IdDto};
use crate::provider;

pub(crate) fn existing(tx: &mut Tx<'_>, id: &FtmChipId) -> Result<FtmChip, AppError> {
    repo::find(tx.conn, id)?.ok_or_else(|| DeviceError::FtmChipNotFound.into())
}

/// `POST /ftpchipdetail`: a new chip of an active FTM provider, waiting for its certificate.
pub fn create(store: &Store, actor: &Actor, req: FtmChipRequest) -> Result<IdDto, AppError> {
    let provider_ref = req.ftp_provider_id.clone();
    let plan = provider::plan(store, actor, provider::CREATE_DEVICE, provider_ref.as_deref());
    store.audited(plan, |tx| {
        let input =
            FtmChipInput::for_create(req.ftp_provider_id.as_deref(), req.make.as_deref(), req.model.as_deref())?;
        let provider_id = ProviderId::from(input.key.as_str());
        let partner = provider::active(tx, actor, &provider_id, DeviceError::FtmProviderNotFound)?;
        if repo::find_like(tx.conn, &provider_id, &input.make, &input.model)?.is_some() {
            return Err(DeviceError::FtmChipExists.into());
        }
        let chip = FtmChip::create(input, FtmChipId::from(tx.new_id()), Some(partner.name), &actor.user_id, tx.now);
        repo::insert(tx.conn, &chip)?;
        tx.trail.push(AuditEvent::CreateDeviceSuccess, Some(chip.provider_id.as_str()));
        Ok(IdDto { id: chip.id.into_string() })
    })
}

/// `PUT /ftpchipdetail`: make and model, unique per provider.
pub fn update(store: &Store, actor: &Actor, req: FtmChipUpdateRequest) -> Result<IdDto, AppError> {
    let id_ref = req.ftp_chip_detail_id.clone();
    let plan = provider::plan(store, actor, provider::UPDATE_DEVICE, id_ref.as_deref());
    store.audited(plan, |tx| {
        let input =
            FtmChipInput::for_update(req.ftp_chip_detail_id.as_deref(), req.make.as_deref(), req.model.as_deref())?;
        let mut chip = existing(tx, &FtmChipId::from(input.key.as_str()))?;
        provider::check_owner(actor, &chip.provider_id)?;
        let same = repo::find_like(tx.conn, &chip.provider_id, &input.make, &input.model)?;
        if same.is_some_and(|other| other != chip.id) {
            return Err(DeviceError::FtmChipExists.into());
        }
        chip.update(input, &actor.user_id, tx.now);
        repo::update(tx.conn, &chip)?;
        tx.trail.push(AuditEvent::UpdateDeviceSuccess, Some(chip.id.as_str()));
        Ok(IdDto { id: chip.id.into_string() })
    })
}

/// `PATCH /ftpchipdetail`: the admin approves (`true`, once the certificate is uploaded) or
/// rejects (`false`).
pub fn decide(store: &Store, actor: &Actor, req: FtmChipStatusRequest) -> Result<String, AppError> {
    let id_ref = req.ftp_chip_detail_id.clone();
    let plan = provider::plan(store, actor, provider::UPDATE_DEVICE, id_ref.as_deref());
    store.audited(plan, |tx| {
        let mut check = Fields::new();
        let id = check.text("ftpChipDetailId", req.ftp_chip_detail_id.as_deref(), 36);
        let approve = check.present("approvalStatus", req.approval_status.as_ref());
        let (id, approve) = check.finish((id, approve)).map_err(DeviceError::from)?;
        let mut chip = existing(tx, &FtmChipId::from(id))?;
        chip.decide(approve, &actor.user_id, tx.now)?;
        repo::update(tx.conn, &chip)?;
        tx.trail.push(AuditEvent::UpdateDeviceSuccess, Some(chip.id.as_str()));
        Ok("Status updated successfully.".to_owned())
    })
}

/// `FTPSearchResponseDto`, a row of `POST /ftpchipdetail/search` (Jackson names the
/// `isActive`/`isDeleted` getters `active`/`deleted`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmChipItem {
    pub ftp_chip_detail_id: String,
    pub ftp_provider_id: String,
    pub make: String,
    pub model: String,
    pub certificate_alias: Option<String>,
    pub partner_organization_name: Option<String>,
    pub active: bool,
    pub deleted: bool,
    pub cr_by: String,
    pub cr_dtimes: String,
    pub del_dtimes: Option<String>,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<String>,
    pub approval_status: String,
}

impl From<FtmChip> for FtmChipItem {
    fn from(c: FtmChip) -> Self {
        FtmChipItem {
            ftp_chip_detail_id: c.id.into_string(),
            ftp_provider_id: c.provider_id.into_string(),
            make: c.make,
            model: c.model,
            certificate_alias: c.certificate_alias,
            partner_organization_name: c.partner_org_name,
            active: c.is_active,
            deleted: false,
            cr_by: c.cr_by,
            cr_dtimes: local(c.cr_dtimes),
            del_dtimes: None,
            upd_by: c.upd_by,
            upd_dtimes: c.upd_dtimes.map(local),
            approval_status: c.approval_status,
        }
    }
}
