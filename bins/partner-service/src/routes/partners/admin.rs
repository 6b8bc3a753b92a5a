//! M1 `PATCH /partners/{id}` (activate/deactivate), M2/M3 `GET /partners[/v2]?partnerType=`.

use actix_web::web;
use partner_app::PartnerConfig;
use partner_app::admin::{self, ListQuery, Partners};
use partner_app::dto::{ApiVersion, Message, RETRIEVE_ID, RETRIEVE_VERSION, StatusBody};
use web_support::{Answer, Db, Envelope, Principal, Reply};

use partner_app::roles;

/// M1: switches a partner on (it needs an uploaded certificate) or off; deactivating a MISP
/// partner also switches off its licence keys.
#[tracing::instrument(skip_all, fields(partner_id = %path))]
pub async fn activation(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: Envelope<StatusBody>,
) -> Answer<Message> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    principal.require_self_or_admin(&path)?;
    db.echo(body, move |store, request| admin::activation(store, &principal, &cfg, &path, request)).await
}

/// M2 `GET /partners`.
#[tracing::instrument(skip_all)]
pub async fn list_v1(principal: Principal, db: web::Data<Db>, query: web::Query<ListQuery>) -> Answer<Partners> {
    list(principal, db, query.into_inner(), ApiVersion::V1).await
}

/// M3 `GET /partners/v2`: the items add `logoUrl` and `additionalInfo`.
#[tracing::instrument(skip_all)]
pub async fn list_v2(principal: Principal, db: web::Data<Db>, query: web::Query<ListQuery>) -> Answer<Partners> {
    list(principal, db, query.into_inner(), ApiVersion::V2).await
}

/// M2/M3: every partner, or those of one type; a caller without the admin role sees its own.
async fn list(principal: Principal, db: web::Data<Db>, query: ListQuery, version: ApiVersion) -> Answer<Partners> {
    principal.require_any(roles::PARTNER_LIST)?;
    let partners = db.call(move |store| admin::list(store, &principal, query, version)).await?;
    Ok(Reply::named(partners, RETRIEVE_ID, RETRIEVE_VERSION))
}
