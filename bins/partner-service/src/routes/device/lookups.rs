//! Device detail searches and the filter values of device details, types and sub-types
//! (`device_app::search`).

use actix_web::web;
use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto};
use device_app::dto::{DeviceDetailItem, DeviceSubTypeItem};
use device_app::{DeviceConfig, roles, search};
use persistence::search::Entity;
use web_support::{Answer, Db, Envelope, Principal, Reply, RequestEnvelope, ResponseEnvelope};

/// Filter values of `entity` for a caller with a device provider's role.
async fn values_of(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<DeviceConfig>,
    body: Envelope<FilterValueDto>,
    entity: Entity,
) -> Answer<FilterResponse> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::values(store, &principal, &cfg, request, entity)).await?))
}

/// `POST /devicedetail/search`.
#[utoipa::path(
    post,
    path = "/devicedetail/search",
    operation_id = "searchDeviceDetails",
    tag = "Device details",
    summary = "Search device details",
    description = "MOSIP's `SearchDto` over the device detail's columns (`id`, `deviceProviderId`, \
`deviceTypeCode`, `deviceSubTypeCode`, `make`, `model`, `approvalStatus`, `isActive`, `crDtimes`, \
…). A caller without `PARTNER_ADMIN` finds its own partner's details only. Roles: \
`PARTNER_ADMIN`, `DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(content = RequestEnvelope<SearchDto>, example = json!({"request": {
        "filters": [{"columnName": "make", "type": "contains", "value": "abc"}],
        "sort": [{"sortField": "id", "sortType": "desc"}], "pagination": {"pageStart": 0, "pageFetch": 10}}})),
    responses((status = 200, description = "A page of device details, or the errors",
        body = ResponseEnvelope<PageResponse<DeviceDetailItem>>))
)]
#[tracing::instrument(skip_all)]
pub async fn details(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<SearchDto>,
) -> Answer<PageResponse<DeviceDetailItem>> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::details(store, &principal, request)).await?))
}

/// `POST /devicedetail/deviceType/search`.
#[utoipa::path(
    post,
    path = "/devicedetail/deviceType/search",
    operation_id = "searchDeviceType",
    tag = "Device details",
    summary = "Search device sub-types",
    description = "MOSIP's `SearchDto` over the device sub-types (`code`, `deviceType`, `name`, \
`isActive`, …), as MOSIP answers this path. Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(content = RequestEnvelope<SearchDto>, example = json!({"request": {
        "filters": [], "sort": [{"sortField": "name", "sortType": "desc"}], "pagination": {"pageStart": 0}}})),
    responses((status = 200, description = "A page of sub-types, or the errors",
        body = ResponseEnvelope<PageResponse<DeviceSubTypeItem>>))
)]
#[tracing::instrument(skip_all)]
pub async fn sub_types(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<SearchDto>,
) -> Answer<PageResponse<DeviceSubTypeItem>> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::sub_types(store, &principal, request)).await?))
}

/// `POST /devicedetail/filtervalues`.
#[utoipa::path(
    post,
    path = "/devicedetail/filtervalues",
    operation_id = "filterValues_2",
    tag = "Device details",
    summary = "The values of device detail columns",
    description = "MOSIP's `FilterValueDto` over device details; `fieldCode` is the detail's id. A \
caller without `PARTNER_ADMIN` sees its own partner's values only. Roles: `PARTNER_ADMIN`, \
`DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or `filters` missing; `PMS-MSD-317`, `PMS-MSD-322`, \
`PMS-MSD-324` an unknown column, a missing or unsupported filter type.",
    request_body(content = RequestEnvelope<FilterValueDto>,
        example = json!({"request": {"filters": [{"columnName": "make", "type": "unique", "text": ""}]}})),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
)]
#[tracing::instrument(skip_all)]
pub async fn detail_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<DeviceConfig>,
    body: Envelope<FilterValueDto>,
) -> Answer<FilterResponse> {
    values_of(principal, db, cfg, body, Entity::DeviceDetail).await
}

/// `POST /devicedetail/deviceType/filtervalues`.
#[utoipa::path(
    post,
    path = "/devicedetail/deviceType/filtervalues",
    operation_id = "filterDeviceType",
    tag = "Device details",
    summary = "The values of device type columns",
    description = "MOSIP's `FilterValueDto` over device types (`code`, `name`, `isActive`); \
`fieldCode` is the type's code. Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): as `/devicedetail/filtervalues`.",
    request_body(content = RequestEnvelope<FilterValueDto>,
        example = json!({"request": {"filters": [{"columnName": "code", "type": "all", "text": "Finger"}]}})),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
)]
#[tracing::instrument(skip_all)]
pub async fn type_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<DeviceConfig>,
    body: Envelope<FilterValueDto>,
) -> Answer<FilterResponse> {
    values_of(principal, db, cfg, body, Entity::DeviceType).await
}

/// `POST /devicedetail/deviceSubType/filtervalues`.
#[utoipa::path(
    post,
    path = "/devicedetail/deviceSubType/filtervalues",
    operation_id = "filterDeviceSubType",
    tag = "Device details",
    summary = "The values of device sub-type columns",
    description = "MOSIP's `FilterValueDto` over device sub-types (`code`, `deviceType`, `name`, \
`isActive`); `fieldCode` is the sub-type's code. Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`.\n\n\
Errors (HTTP 200): as `/devicedetail/filtervalues`.",
    request_body(content = RequestEnvelope<FilterValueDto>,
        example = json!({"request": {"filters": [{"columnName": "code", "type": "unique", "text": "Single"}]}})),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
)]
#[tracing::instrument(skip_all)]
pub async fn sub_type_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<DeviceConfig>,
    body: Envelope<FilterValueDto>,
) -> Answer<FilterResponse> {
    values_of(principal, db, cfg, body, Entity::DeviceSubType).await
}
