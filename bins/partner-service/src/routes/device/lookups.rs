//! Device detail searches and the filter values of device details, types and sub-types
//! (`device_app::search`).

use actix_web::web;
use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto};
use device_app::dto::{DeviceDetailItem, DeviceSubTypeItem};
use device_app::{DeviceConfig, roles, search};
use persistence::search::Entity;
use web_support::{Answer, Db, Envelope, Principal, Reply};

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
#[tracing::instrument(skip_all)]
pub async fn sub_type_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<DeviceConfig>,
    body: Envelope<FilterValueDto>,
) -> Answer<FilterResponse> {
    values_of(principal, db, cfg, body, Entity::DeviceSubType).await
}
