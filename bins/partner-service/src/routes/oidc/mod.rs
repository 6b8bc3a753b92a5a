//! `/v1/partnermanager/oauth/client/**` and the deprecated `/oidc/client/**`: OIDC clients of
//! eSignet's relying parties. Any authenticated caller may call them (as MOSIP); ownership is
//! checked by the operations.

// the error lists below are used by these
mod deprecated;
mod list;
mod oauth;

use actix_web::web;
use partner_app::oidc::{self, ClientAnswer, ClientDetail, CreateBody, Flavour, OidcConfig, UpdateBody};
use web_support::openapi::Registrar;
use web_support::{Answer, Db, Envelope, Principal, Reply};

/// The OIDC client routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.resource("/oauth/client", |m| m.post(oauth::create).get(list::list))
        .resource("/oauth/client/{client_id}", |m| m.put(oauth::update).get(oauth::get))
        .post("/oidc/client", deprecated::create)
        .resource("/oidc/client/{client_id}", |m| m.put(deprecated::update).get(deprecated::get));
}

/// A create in either form.
async fn create_as(
    flavour: Flavour,
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    body: Envelope<CreateBody>,
) -> Answer<ClientAnswer> {
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| oidc::create(store, &principal, &cfg, flavour, request)).await?))
}

/// An update in either form.
async fn update_as(
    flavour: Flavour,
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    path: web::Path<String>,
    body: Envelope<UpdateBody>,
) -> Answer<ClientAnswer> {
    let request = body.request()?;
    let id = path.into_inner();
    Ok(Reply::ok(db.call(move |store| oidc::update(store, &principal, &cfg, flavour, &id, request)).await?))
}

/// A read, the same in both forms.
async fn get_any(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    path: web::Path<String>,
) -> Answer<ClientDetail> {
    let id = path.into_inner();
    Ok(Reply::ok(db.call(move |store| oidc::get(store, &principal, &cfg, &id)).await?))
}
