//! MOSIP 1.2.2's paged partner reads, answered in the 1.2.2 envelope (`ResponseWrapperV2`).

use actix_web::web;
use partner_app::paged_reads::{
    self, AdminPartnersQuery, ApiKeySummaryDto, ApiKeysQuery, PartnerDtoV3, PartnerSummaryDto, PartnersV3Query,
    PolicyRequestSummaryDto, PolicyRequestsQuery,
};
use partner_app::roles;
use web_support::openapi::Registrar;
use web_support::{ApiError, Db, Principal, ReplyV2};

/// The 1.2.2 partner routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.get("/admin-partners", admin_partners)
        .get("/partner-policy-requests", policy_requests)
        .get("/partner-api-keys", api_keys)
        .get("/partners/v3", partners_v3);
}

web_support::paged_v2! {
    /// `GET /admin-partners`.
    pub fn admin_partners(AdminPartnersQuery) -> PartnerSummaryDto;
    "mosip.pms.admin.partners.get", roles::ADMIN_PARTNERS, paged_reads::admin_partners_request,
    |store, principal, page, filter| paged_reads::admin_partners(store, principal, &page, &filter);

    /// `GET /partner-policy-requests`.
    pub fn policy_requests(PolicyRequestsQuery) -> PolicyRequestSummaryDto;
    "mosip.pms.all.partner.policy.mapping.requests.get", roles::POLICY_REQUESTS, paged_reads::policy_requests_request,
    |store, principal, page, filter| paged_reads::policy_requests(store, principal, &page, filter);

    /// `GET /partner-api-keys`.
    pub fn api_keys(ApiKeysQuery) -> ApiKeySummaryDto;
    "mosip.pms.all.api.key.requests.get", roles::PARTNER_API_KEYS, paged_reads::api_keys_request,
    |store, principal, page, filter| paged_reads::api_keys(store, principal, &page, filter);
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
