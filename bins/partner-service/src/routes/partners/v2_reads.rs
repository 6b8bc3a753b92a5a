//! MOSIP 1.2.2's paged partner reads, answered in the 1.2.2 envelope (`ResponseWrapperV2`).

use actix_web::web;
use partner_app::paged_reads::{self, AdminPartnersQuery, PartnerSummaryDto};
use partner_app::roles;
use web_support::openapi::Registrar;
use web_support::paged::PageResponseV2;
use web_support::{ApiError, Db, Principal, ReplyV2, ResponseEnvelopeV2};

/// The 1.2.2 partner routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.get("/admin-partners", admin_partners);
}

/// `GET /admin-partners`.
#[utoipa::path(
    get,
    path = "/admin-partners",
    operation_id = "getAdminPartners",
    tag = "Partners",
    summary = "A page of partners, for admins (MOSIP 1.2.2)",
    description = "Filtered, sorted and paged in the database. Text filters (`partnerId`, \
`partnerType`, `orgName`, `emailAddress`, `policyGroupName`) match a case-insensitive \
substring; `isActive` is `true` or `false`; `certificateUploadStatus` is `uploaded` or \
`not_uploaded`. Without a sort, newest first. An empty page is `{pageNo: 0, pageSize: 0, \
totalResults: 0, data: []}`. Roles: `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.admin.partners.get`): `PMS_PS_ERROR_007` only \
one of `sortFieldName` and `sortType`; `PMS_PRT_357` unknown `sortFieldName`; `PMS_PRT_358` \
`sortType` not `ASC`/`DESC`; `PMS_PRT_360` `pageNo` negative or not a number; `PMS_PRT_361` \
`pageSize` below 1 or not a number.",
    params(AdminPartnersQuery),
    responses((status = 200, description = "The page, or the errors", body = ResponseEnvelopeV2<PageResponseV2<PartnerSummaryDto>>))
)]
#[tracing::instrument(skip_all)]
pub async fn admin_partners(
    principal: Principal,
    db: web::Data<Db>,
    query: web::Query<AdminPartnersQuery>,
) -> Result<ReplyV2<PageResponseV2<PartnerSummaryDto>>, ApiError> {
    principal.require_any(roles::ADMIN_PARTNERS)?;
    let outcome = match paged_reads::admin_partners_request(&query) {
        Ok((page, filter)) => {
            db.call(move |store| paged_reads::admin_partners(store, &principal, &page, &filter)).await
        }
        Err(refused) => Err(refused.into()),
    };
    Ok(ReplyV2::new("mosip.pms.admin.partners.get", outcome))
}

/// The 1.2.2 partner operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(admin_partners))]
pub struct PartnersV2Api;
