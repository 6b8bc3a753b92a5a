//! Secure biometric interfaces: create, update, approve or reject, search, filter values, map
//! to device details and remove the mapping (`device_app::sbis`, `device_app::search`).

use actix_web::web;
use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto};
use device_app::dto::{
    IdDto, MappedDeviceItem, MappingRequest, SbiCreateRequest, SbiItem, SbiUpdateRequest, StatusRequest,
};
use device_app::{DeviceConfig, roles, sbis, search};
use persistence::search::Entity;
use web_support::{Answer, Db, Envelope, Principal, Reply};

/// `POST /securebiometricinterface`.
#[tracing::instrument(skip_all)]
pub async fn create(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<DeviceConfig>,
    body: Envelope<SbiCreateRequest>,
) -> Answer<IdDto> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| sbis::create(store, &principal, &cfg, request)).await?))
}

/// `PUT /securebiometricinterface`.
#[tracing::instrument(skip_all)]
pub async fn update(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<DeviceConfig>,
    body: Envelope<SbiUpdateRequest>,
) -> Answer<IdDto> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| sbis::update(store, &principal, &cfg, request)).await?))
}

/// `PATCH /securebiometricinterface`.
#[tracing::instrument(skip_all)]
pub async fn decide(principal: Principal, db: web::Data<Db>, body: Envelope<StatusRequest>) -> Answer<String> {
    principal.require_any(roles::APPROVERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| sbis::decide(store, &principal, request)).await?))
}

/// `POST /securebiometricinterface/search`.
#[tracing::instrument(skip_all)]
pub async fn search(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<SearchDto>,
) -> Answer<PageResponse<SbiItem>> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::sbis(store, &principal, request)).await?))
}

/// `POST /securebiometricinterface/filtervalues`.
#[tracing::instrument(skip_all)]
pub async fn values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<DeviceConfig>,
    body: Envelope<FilterValueDto>,
) -> Answer<FilterResponse> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::values(store, &principal, &cfg, request, Entity::Sbi)).await?))
}

/// `PUT /securebiometricinterface/devicedetails/map`.
#[tracing::instrument(skip_all)]
pub async fn map(principal: Principal, db: web::Data<Db>, body: Envelope<MappingRequest>) -> Answer<String> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| sbis::map(store, &principal, request)).await?))
}

/// `PUT /securebiometricinterface/devicedetails/map/remove`.
#[tracing::instrument(skip_all)]
pub async fn unmap(principal: Principal, db: web::Data<Db>, body: Envelope<MappingRequest>) -> Answer<String> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| sbis::unmap(store, &principal, request)).await?))
}

// ---- the mapping search (deprecated by MOSIP 1.2.2, still mapped)

/// `POST /securebiometricinterface/devicedetails/map/search`.
#[tracing::instrument(skip_all)]
pub async fn map_search(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<SearchDto>,
) -> Answer<PageResponse<MappedDeviceItem>> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::mappings(store, &principal, request)).await?))
}
