//! MOSIP 1.2.2's SBI operations, in the 1.2.2 envelopes: the devices of an SBI (add, list), its
//! deactivation, and the paged SBI list (`device_app::sbi_devices`, `device_app::paged`).

use actix_web::web;
use device_app::dto::{
    DeactivateRequest, DeviceDetailRequest, IdDto, SbiDetailsDto, SbiDeviceDto, SbiListQuery, SbiSummaryDto,
};
use device_app::{paged, roles, sbi_devices};
use web_support::{ApiError, Db, Principal, ReplyV2};

const DEVICES_ID: &str = "mosip.pms.sbi.devices.get";

web_support::enveloped_v2! {
    /// `POST /securebiometricinterface/{sbiId}/devices`.
    pub fn add_device(sbi_id, DeviceDetailRequest) -> IdDto;
    "mosip.pms.add.device.to.sbi.id.post", roles::DEVICE_PROVIDERS_V2,
    |store, principal, id, request| sbi_devices::add_device(store, principal, id, request);

    /// `PATCH /securebiometricinterface/{sbiId}`.
    pub fn deactivate(sbi_id, DeactivateRequest) -> SbiDetailsDto;
    "mosip.pms.deactivate.sbi.patch", roles::DEVICE_PROVIDERS_V2,
    |store, principal, id, request| sbi_devices::deactivate(store, principal, id, request);
}

web_support::paged_v2! {
    /// `GET /securebiometricinterface`.
    pub fn list(SbiListQuery) -> SbiSummaryDto;
    "mosip.pms.all.sbi.details.get", roles::DEVICE_PROVIDERS_V2, paged::sbi_list_request,
    |store, principal, page, filter| paged::sbis(store, principal, &page, filter);
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
