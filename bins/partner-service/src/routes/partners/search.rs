//! Searches and filter values (P19–P24): the operations are `partner_app::search`'s.

use actix_web::web;
use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto};
use partner_app::PartnerConfig;
use partner_app::search::{self, KeyItem, PartnerItem, PartnerSearchBody, PartnerTypeItem, RequestItem};
use web_support::{Answer, Db, Envelope, Principal, Reply};

use partner_app::roles;

/// P19: partners (`partnerType`: `all` or a type code).
#[tracing::instrument(skip_all)]
pub async fn partners(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<PartnerSearchBody>,
) -> Answer<PageResponse<PartnerItem>> {
    principal.require_any(roles::PARTNER_SEARCH)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::partners(store, &principal, request)).await?))
}

/// P20: partner types.
#[tracing::instrument(skip_all)]
pub async fn partner_types(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<SearchDto>,
) -> Answer<PageResponse<PartnerTypeItem>> {
    principal.require_any(roles::SEARCH)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::partner_types(store, &principal, request)).await?))
}

/// P21: filter values of partner columns.
#[tracing::instrument(skip_all)]
pub async fn partner_filter_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: Envelope<FilterValueDto>,
) -> Answer<FilterResponse> {
    principal.require_any(roles::SEARCH)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::partner_filter_values(store, &principal, &cfg, request)).await?))
}

/// P22: filter values of policy-request columns.
#[tracing::instrument(skip_all)]
pub async fn request_filter_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: Envelope<FilterValueDto>,
) -> Answer<FilterResponse> {
    principal.require_any(roles::API_KEY_REQUEST_FILTER)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::request_filter_values(store, &principal, &cfg, request)).await?))
}

/// P23: policy-mapping requests (virtual columns `partnerName`, `policyName`).
#[tracing::instrument(skip_all)]
pub async fn requests(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<SearchDto>,
) -> Answer<PageResponse<RequestItem>> {
    principal.require_any(roles::API_KEY_SEARCH)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::requests(store, &principal, request)).await?))
}

/// P24: API keys (virtual columns `partnerName`, `policyName`).
#[tracing::instrument(skip_all)]
pub async fn keys(principal: Principal, db: web::Data<Db>, body: Envelope<SearchDto>) -> Answer<PageResponse<KeyItem>> {
    principal.require_any(roles::API_KEY_SEARCH)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::keys(store, &principal, request)).await?))
}
