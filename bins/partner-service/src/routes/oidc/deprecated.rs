//! The deprecated `POST /oidc/client`, `PUT` and `GET /oidc/client/{client_id}`: one name, eSignet's
//! `/oidc-client` API, and (as MOSIP) a success audit record for a create or an update.

use actix_web::web;
use partner_app::oidc::{ClientAnswer, ClientDetail, CreateBody, Flavour, OidcConfig, UpdateBody};
use web_support::{Answer, Db, Envelope, Principal};

/// A new OIDC client for an authentication partner's approved policy.
#[tracing::instrument(skip_all)]
pub async fn create(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    body: Envelope<CreateBody>,
) -> Answer<ClientAnswer> {
    super::create_as(Flavour::Oidc, principal, db, cfg, body).await
}

/// Changes an OIDC client, or only its status.
#[tracing::instrument(skip_all, fields(client_id = %path))]
pub async fn update(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    path: web::Path<String>,
    body: Envelope<UpdateBody>,
) -> Answer<ClientAnswer> {
    super::update_as(Flavour::Oidc, principal, db, cfg, path, body).await
}

/// A client, the caller's own (an admin: any).
#[tracing::instrument(skip_all, fields(client_id = %path))]
pub async fn get(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    path: web::Path<String>,
) -> Answer<ClientDetail> {
    super::get_any(principal, db, cfg, path).await
}
