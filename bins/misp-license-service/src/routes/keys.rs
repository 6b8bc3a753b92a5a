//! E4 validate a licence key, E6 switch a key on or off, E10 download (rotating an expired key).

use actix_web::web;
use misp_app::MispConfig;
use misp_app::dto::{Download, KeyStatus, KeyStatusRequest, ValidateRequest, Validated};
use misp_app::keys;
use misp_app::metrics::{ValidationOutcome, record_validation};
use web_support::{Answer, Db, Envelope, Principal, Reply};

/// E4 `PATCH /misps/{mispId}/licenseKey`: the state of a key of the MISP. Only a switched-on,
/// unexpired key of an active, approved MISP is valid; the flags report the key's own state.
/// Open to ID-Authentication (validators), admins, and the MISP's own user.
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn validate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
    body: Envelope<ValidateRequest>,
) -> Answer<Validated> {
    if let Err(e) = cfg.roles.require_validation(&principal) {
        record_validation(ValidationOutcome::Forbidden);
        return Err(e.into());
    }
    let (request, echo) = match body.open() {
        Ok(opened) => opened,
        Err(e) => {
            record_validation(ValidationOutcome::BadRequest);
            return Err(e);
        }
    };
    let (validated, _) = db.call(move |store| keys::validate(store, &principal, &cfg, &path, request)).await?;
    Ok(Reply::echo(validated, echo))
}

/// E6 `PUT /misps/{mispId}/licenseKey`: switches one key on or off (admins only). Switching on
/// needs an unexpired key of an active, approved MISP.
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn switch(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
    body: Envelope<KeyStatusRequest>,
) -> Answer<KeyStatus> {
    cfg.roles.require_admin(&principal)?;
    db.echo(body, move |store, request| keys::switch(store, &principal, &cfg, &path, request)).await
}

/// E10 `GET /misps/{mispId}/licenseKey`: the MISP's current key; when every active key has
/// expired, they are switched off and one new key is issued (a rotation).
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn download(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
) -> Answer<Download> {
    cfg.roles.require_misp_user(&principal)?;
    Ok(Reply::ok(db.call(move |store| keys::download(store, &principal, &cfg, &path)).await?))
}
