//! `POST /oauth/client`, `PUT` and `GET /oauth/client/{client_id}`.

use actix_web::web;
use partner_app::oidc::{ClientAnswer, ClientDetail, CreateBody, Flavour, OidcConfig, UpdateBody};
use web_support::{Answer, Db, Envelope, Principal};

/// A new OAuth client for an authentication partner's approved policy.
#[tracing::instrument(skip_all)]
pub async fn create(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    body: Envelope<CreateBody>,
) -> Answer<ClientAnswer> {
    super::create_as(Flavour::OAuth, principal, db, cfg, body).await
}

/// Changes an OAuth client, or only its status.
#[tracing::instrument(skip_all, fields(client_id = %path))]
pub async fn update(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    path: web::Path<String>,
    body: Envelope<UpdateBody>,
) -> Answer<ClientAnswer> {
    super::update_as(Flavour::OAuth, principal, db, cfg, path, body).await
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
