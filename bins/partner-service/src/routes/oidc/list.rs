//! `GET /oauth/client`: the paged list of OIDC clients, in MOSIP's `ResponseWrapperV2`.

use actix_web::web;
use partner_app::oidc::{self, ClientPage, ListQuery, OidcConfig};
use partner_app::roles;
use web_support::{ApiError, Db, Principal, ReplyV2};

/// MOSIP's id of the list's answers.
const LIST_ID: &str = "mosip.pms.oauth.partners.clients.get";

/// The caller's clients (an admin: all), filtered, sorted and paged.
#[tracing::instrument(skip_all)]
pub async fn list(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    query: web::Query<ListQuery>,
) -> Result<ReplyV2<ClientPage>, ApiError> {
    principal.require_any(roles::OAUTH_CLIENTS_LIST)?;
    let query = query.into_inner();
    let outcome = db.call(move |store| oidc::list(store, &principal, &cfg, query)).await;
    Ok(ReplyV2::new(LIST_ID, outcome))
}
