//! M1 `PATCH /partners/{id}` (activate/deactivate), M2/M3 `GET /partners[/v2]?partnerType=`.

use actix_web::web;
use partner_app::PartnerConfig;
use partner_app::admin::{self, ListQuery};
use partner_app::dto::{Message, RETRIEVE_ID, RETRIEVE_VERSION, StatusBody};
use web_support::{Answer, ApiError, ArrayAnswer, Db, Envelope, Principal};

use partner_app::roles;

use super::Version;

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

/// M2 `GET /partners`, M3 `GET /partners/v2` (its items add `logoUrl` and `additionalInfo`):
/// every partner, or those of one type; a caller without the admin role sees its own. Sent as
/// the partners are read.
#[tracing::instrument(skip_all)]
pub(super) async fn list<V: Version>(
    principal: Principal,
    db: web::Data<Db>,
    query: web::Query<ListQuery>,
) -> Result<ArrayAnswer, ApiError> {
    principal.require_any(roles::PARTNER_LIST)?;
    let query = query.into_inner();
    let answer = db
        .stream_array(move |store, partners| {
            admin::each_listed_partner(store, &principal, query, V::API, |p| partners.push(&p))
        })
        .await?;
    Ok(answer.within("partners").named(RETRIEVE_ID, RETRIEVE_VERSION))
}
