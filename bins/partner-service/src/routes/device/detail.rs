//! Device details: create, update, approve or reject (`device_app::details`).

use actix_web::web;
use device_app::details;
use device_app::dto::{DeviceDetailRequest, DeviceDetailUpdateRequest, IdDto, StatusRequest};
use device_app::roles;
use web_support::{Answer, Db, Envelope, Principal, Reply};

/// `POST /devicedetail`.
#[tracing::instrument(skip_all)]
pub async fn create(principal: Principal, db: web::Data<Db>, body: Envelope<DeviceDetailRequest>) -> Answer<IdDto> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| details::create(store, &principal, request)).await?))
}

/// `PUT /devicedetail`.
#[tracing::instrument(skip_all)]
pub async fn update(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<DeviceDetailUpdateRequest>,
) -> Answer<IdDto> {
    principal.require_any(roles::DEVICE_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| details::update(store, &principal, request)).await?))
}

/// `PATCH /devicedetail`.
#[tracing::instrument(skip_all)]
pub async fn decide(principal: Principal, db: web::Data<Db>, body: Envelope<StatusRequest>) -> Answer<String> {
    principal.require_any(roles::APPROVERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| details::decide(store, &principal, request)).await?))
}
