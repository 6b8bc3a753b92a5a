//! PL12 policy-group search, PL13 policy search, PL15/PL16 filter values.

use actix_web::web;
use policy_app::PolicyConfig;
use policy_app::dto::{GroupEntity, PolicyFilterBody, PolicySearchBody, PolicySearchItem};
use policy_app::search;
use web_support::page::PageResponse;
use web_support::search::{FilterResponse, FilterValueDto, SearchDto};
use web_support::{Answer, Db, Envelope, Principal, Reply};

use partner_app::roles;

/// PL12 `POST /policies/group/search`.
#[tracing::instrument(skip_all)]
pub async fn groups(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<SearchDto>,
) -> Answer<PageResponse<GroupEntity>> {
    principal.require_any(roles::POLICY_GROUP_SEARCH)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::groups(store, &principal, request)).await?))
}

/// PL13 `POST /policies/search`.
#[tracing::instrument(skip_all)]
pub async fn policies(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<PolicySearchBody>,
) -> Answer<PageResponse<PolicySearchItem>> {
    principal.require_any(roles::POLICY_ADMIN)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::policies(store, &principal, request)).await?))
}

/// PL15 `POST /policies/group/filtervalues`.
#[tracing::instrument(skip_all)]
pub async fn group_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PolicyConfig>,
    body: Envelope<FilterValueDto>,
) -> Answer<FilterResponse> {
    principal.require_any(roles::POLICY_FILTER)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::group_values(store, &principal, &cfg, request)).await?))
}

/// PL16 `POST /policies/filtervalues`.
#[tracing::instrument(skip_all)]
pub async fn policy_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PolicyConfig>,
    body: Envelope<PolicyFilterBody>,
) -> Answer<FilterResponse> {
    principal.require_any(roles::POLICY_FILTER)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::policy_values(store, &principal, &cfg, request)).await?))
}
