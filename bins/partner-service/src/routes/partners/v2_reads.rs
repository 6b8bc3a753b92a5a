//! MOSIP 1.2.2's paged partner reads, answered in the 1.2.2 envelope (`ResponseWrapperV2`).

use actix_web::web;
use partner_app::paged_reads::{
    self, AdminPartnersQuery, ApiKeySummaryDto, ApiKeysQuery, PartnerDtoV3, PartnerSummaryDto, PartnersV3Query,
    PolicyRequestSummaryDto, PolicyRequestsQuery,
};
use partner_app::roles;
use web_support::openapi::Registrar;
use web_support::paged::{PageQuery, PageResponseV2};
use web_support::{ApiError, Db, Principal, ReplyV2};

/// The 1.2.2 partner routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.get("/admin-partners", admin_partners)
        .get("/partner-policy-requests", policy_requests)
        .get("/partner-api-keys", api_keys)
        .get("/partners/v3", partners_v3);
}

/// `GET /admin-partners`.
#[tracing::instrument(skip_all)]
pub async fn admin_partners(
    principal: Principal,
    db: web::Data<Db>,
    paging: web::Query<PageQuery>,
    query: web::Query<AdminPartnersQuery>,
) -> Result<ReplyV2<PageResponseV2<PartnerSummaryDto>>, ApiError> {
    principal.require_any(roles::ADMIN_PARTNERS)?;
    let outcome = match paged_reads::admin_partners_request(&paging, &query) {
        Ok((page, filter)) => {
            db.call(move |store| paged_reads::admin_partners(store, &principal, &page, &filter)).await
        }
        Err(refused) => Err(refused.into()),
    };
    Ok(ReplyV2::new("mosip.pms.admin.partners.get", outcome))
}

/// `GET /partner-policy-requests`.
#[tracing::instrument(skip_all)]
pub async fn policy_requests(
    principal: Principal,
    db: web::Data<Db>,
    paging: web::Query<PageQuery>,
    query: web::Query<PolicyRequestsQuery>,
) -> Result<ReplyV2<PageResponseV2<PolicyRequestSummaryDto>>, ApiError> {
    principal.require_any(roles::POLICY_REQUESTS)?;
    let outcome = match paged_reads::policy_requests_request(&paging, &query) {
        Ok((page, filter)) => {
            db.call(move |store| paged_reads::policy_requests(store, &principal, &page, filter)).await
        }
        Err(refused) => Err(refused.into()),
    };
    Ok(ReplyV2::new("mosip.pms.all.partner.policy.mapping.requests.get", outcome))
}

/// `GET /partner-api-keys`.
#[tracing::instrument(skip_all)]
pub async fn api_keys(
    principal: Principal,
    db: web::Data<Db>,
    paging: web::Query<PageQuery>,
    query: web::Query<ApiKeysQuery>,
) -> Result<ReplyV2<PageResponseV2<ApiKeySummaryDto>>, ApiError> {
    principal.require_any(roles::PARTNER_API_KEYS)?;
    let outcome = match paged_reads::api_keys_request(&paging, &query) {
        Ok((page, filter)) => db.call(move |store| paged_reads::api_keys(store, &principal, &page, filter)).await,
        Err(refused) => Err(refused.into()),
    };
    Ok(ReplyV2::new("mosip.pms.all.api.key.requests.get", outcome))
}

/// `GET /partners/v3`.
#[tracing::instrument(skip_all)]
pub async fn partners_v3(
    principal: Principal,
    db: web::Data<Db>,
    query: web::Query<PartnersV3Query>,
) -> Result<ReplyV2<Vec<PartnerDtoV3>>, ApiError> {
    principal.require_any(roles::PARTNERS_V3)?;
    let query = query.into_inner();
    let outcome = db.call(move |store| paged_reads::partners_v3(store, &principal, &query)).await;
    Ok(ReplyV2::new("mosip.pms.partners.v3.get", outcome))
}
