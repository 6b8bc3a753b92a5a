//! MOSIP 1.2.2's SBI operations, in the 1.2.2 envelopes: the devices of an SBI (add, list), its
//! deactivation, and the paged SBI list (`device_app::sbi_devices`, `device_app::paged`).

use actix_web::web;
use app_core::paged::{PageQuery, PageResponseV2};
use device_app::dto::{
    DeactivateRequest, DeviceDetailRequest, IdDto, SbiDetailsDto, SbiDeviceDto, SbiListQuery, SbiSummaryDto,
};
use device_app::{paged, roles, sbi_devices};
use web_support::{ApiError, Db, EnvelopeV2, Principal, ReplyV2};

const ADD_DEVICE_ID: &str = "mosip.pms.add.device.to.sbi.id.post";
const DEVICES_ID: &str = "mosip.pms.sbi.devices.get";
const DEACTIVATE_ID: &str = "mosip.pms.deactivate.sbi.patch";
const LIST_ID: &str = "mosip.pms.all.sbi.details.get";

/// `POST /securebiometricinterface/{sbiId}/devices`.
#[tracing::instrument(skip_all, fields(sbi_id = %path))]
pub async fn add_device(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: EnvelopeV2<DeviceDetailRequest>,
) -> Result<ReplyV2<IdDto>, ApiError> {
    principal.require_any(roles::DEVICE_PROVIDERS_V2)?;
    let outcome = match body.open(ADD_DEVICE_ID) {
        Ok(request) => db.call(move |store| sbi_devices::add_device(store, &principal, &path, request)).await,
        Err(refused) => Err(refused),
    };
    Ok(ReplyV2::new(ADD_DEVICE_ID, outcome))
}

/// `GET /securebiometricinterface/{sbiId}/devices`.
#[tracing::instrument(skip_all, fields(sbi_id = %path))]
pub async fn devices(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Result<ReplyV2<Option<Vec<SbiDeviceDto>>>, ApiError> {
    principal.require_any(roles::DEVICE_PROVIDERS_V2)?;
    let outcome = db.call(move |store| sbi_devices::devices_of_sbi(store, &principal, &path)).await;
    Ok(ReplyV2::new(DEVICES_ID, outcome))
}

/// `PATCH /securebiometricinterface/{sbiId}`.
#[tracing::instrument(skip_all, fields(sbi_id = %path))]
pub async fn deactivate(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: EnvelopeV2<DeactivateRequest>,
) -> Result<ReplyV2<SbiDetailsDto>, ApiError> {
    principal.require_any(roles::DEVICE_PROVIDERS_V2)?;
    let outcome = match body.open(DEACTIVATE_ID) {
        Ok(request) => db.call(move |store| sbi_devices::deactivate(store, &principal, &path, request)).await,
        Err(refused) => Err(refused),
    };
    Ok(ReplyV2::new(DEACTIVATE_ID, outcome))
}

/// `GET /securebiometricinterface`.
#[tracing::instrument(skip_all)]
pub async fn list(
    principal: Principal,
    db: web::Data<Db>,
    paging: web::Query<PageQuery>,
    query: web::Query<SbiListQuery>,
) -> Result<ReplyV2<PageResponseV2<SbiSummaryDto>>, ApiError> {
    principal.require_any(roles::DEVICE_PROVIDERS_V2)?;
    let outcome = match paged::sbi_list_request(&paging, &query) {
        Ok((page, filter)) => db.call(move |store| paged::sbis(store, &principal, &page, filter)).await,
        Err(refused) => Err(refused.into()),
    };
    Ok(ReplyV2::new(LIST_ID, outcome))
}
