//! MOSIP 1.2.2's device operations, in the 1.2.2 envelopes: deactivation, the admin's approval
//! with the SBI mapping, and the paged device list (`device_app::detail_lifecycle`,
//! `device_app::paged`).

use actix_web::web;
use app_core::paged::{PageQuery, PageResponseV2};
use device_app::dto::{DeactivateRequest, DeviceApprovalRequest, DeviceListQuery, DeviceStateDto, DeviceSummaryDto};
use device_app::{detail_lifecycle, paged, roles};
use web_support::{ApiError, Db, EnvelopeV2, Principal, ReplyV2};

const DEACTIVATE_ID: &str = "mosip.pms.deactivate.device.patch";
const APPROVAL_ID: &str = "mosip.pms.approval.mapping.device.to.sbi.post";
const LIST_ID: &str = "mosip.pms.get.all.device.details.get";

/// `PATCH /devicedetail/{deviceId}`.
#[tracing::instrument(skip_all, fields(device_id = %path))]
pub async fn deactivate(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: EnvelopeV2<DeactivateRequest>,
) -> Result<ReplyV2<DeviceStateDto>, ApiError> {
    principal.require_any(roles::DEVICE_PROVIDERS_V2)?;
    let outcome = match body.open(DEACTIVATE_ID) {
        Ok(request) => db.call(move |store| detail_lifecycle::deactivate(store, &principal, &path, request)).await,
        Err(refused) => Err(refused),
    };
    Ok(ReplyV2::new(DEACTIVATE_ID, outcome))
}

/// `POST /devicedetail/{id}/approval`.
#[tracing::instrument(skip_all, fields(device_id = %path))]
pub async fn approval(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: EnvelopeV2<DeviceApprovalRequest>,
) -> Result<ReplyV2<bool>, ApiError> {
    principal.require_any(roles::APPROVERS)?;
    let outcome = match body.open(APPROVAL_ID) {
        Ok(request) => db.call(move |store| detail_lifecycle::decide_with_sbi(store, &principal, &path, request)).await,
        Err(refused) => Err(refused),
    };
    Ok(ReplyV2::new(APPROVAL_ID, outcome))
}

/// `GET /devicedetail`.
#[tracing::instrument(skip_all)]
pub async fn list(
    principal: Principal,
    db: web::Data<Db>,
    paging: web::Query<PageQuery>,
    query: web::Query<DeviceListQuery>,
) -> Result<ReplyV2<PageResponseV2<DeviceSummaryDto>>, ApiError> {
    principal.require_any(roles::APPROVERS)?;
    let outcome = match paged::device_list_request(&paging, &query) {
        Ok((page, filter)) => db.call(move |store| paged::devices(store, &page, &filter)).await,
        Err(refused) => Err(refused.into()),
    };
    Ok(ReplyV2::new(LIST_ID, outcome))
}
