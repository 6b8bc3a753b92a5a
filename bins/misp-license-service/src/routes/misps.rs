//! E1 register, E3 update details, E7 list, E8 by id, E9 by name prefix.

use actix_web::web;
use misp_app::MispConfig;
use misp_app::dto::{MispWithLicenses, RegisterRequest, Registered, UpdateRequest, Updated};
use misp_app::misps;
use web_support::{Answer, Db, Envelope, Principal, Reply};

/// E1 `POST /misps`: registers a MISP owned by the caller, `Inprogress` and active, without a key.
#[tracing::instrument(skip_all)]
pub async fn register(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    body: Envelope<RegisterRequest>,
) -> Answer<Registered> {
    cfg.roles.require_misp_user(&principal)?;
    db.echo(body, move |store, request| misps::register(store, &principal, &cfg, request)).await
}

/// E3 `PUT /misps/{mispId}`: replaces the details of the caller's MISP (admins: any MISP).
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn update(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
    body: Envelope<UpdateRequest>,
) -> Answer<Updated> {
    cfg.roles.require_misp_user(&principal)?;
    db.echo(body, move |store, request| misps::update(store, &principal, &cfg, &path, request)).await
}

/// E7 `GET /misps`: every MISP with its keys (a MISP user: its own); none is `PMS_MSP_409`.
#[tracing::instrument(skip_all)]
pub async fn list(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
) -> Answer<Vec<MispWithLicenses>> {
    cfg.roles.require_misp_user(&principal)?;
    Ok(Reply::ok(db.call(move |store| misps::list(store, &principal, &cfg)).await?))
}

/// E8 `GET /misps/mispId/{mispId}`: one MISP with its keys.
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn by_id(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
) -> Answer<Option<MispWithLicenses>> {
    cfg.roles.require_misp_user(&principal)?;
    Ok(Reply::ok(db.call(move |store| misps::by_id(store, &principal, &cfg, &path)).await?))
}

/// E9 `GET /misps/name/{orgName}`: the MISPs whose name starts with `orgName` (exactly,
/// case-sensitively; a MISP user: among its own); none is `PMS_MSP_409`.
#[tracing::instrument(skip_all)]
pub async fn by_name(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
) -> Answer<Vec<MispWithLicenses>> {
    cfg.roles.require_misp_user(&principal)?;
    Ok(Reply::ok(db.call(move |store| misps::by_name(store, &principal, &cfg, &path)).await?))
}
