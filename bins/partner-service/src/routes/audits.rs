//! `GET /v1/partnermanager/audits`: the audit log for admins, newest first
//! (`partner_app::audits`).

use actix_web::web;
use app_core::page::PageResponse;
use partner_app::audits::{self, AuditItem, AuditQuery};
use web_support::{Answer, ApiError, Db, Principal, Reply, ResponseEnvelope};

/// The audit-log operation (path relative to `/v1/partnermanager`); see `docs/development.md`
/// ("Documenting an endpoint").
#[derive(utoipa::OpenApi)]
#[openapi(paths(search))]
pub struct AuditsApi;

/// `GET /audits`.
#[utoipa::path(
    get,
    path = "/audits",
    operation_id = "searchAudits",
    tag = "Audits",
    summary = "Search the audit log",
    description = "The audit records this service wrote, newest first, filtered and paged. \
Roles: the admin role (`PARTNER_ADMIN`).\n\n\
Errors (HTTP 200): `PMS_COR_001` `fromTime` or `toTime` not a time; `PMS-MSD-313` `pageStart` \
negative or `pageFetch` not between 1 and 500.",
    params(AuditQuery),
    responses((status = 200, description = "A page of records, or the errors", body = ResponseEnvelope<PageResponse<AuditItem>>))
)]
#[tracing::instrument(skip_all)]
pub async fn search(
    principal: Principal,
    db: web::Data<Db>,
    query: web::Query<AuditQuery>,
) -> Answer<PageResponse<AuditItem>> {
    if !principal.is_admin {
        return Err(ApiError::forbidden());
    }
    let query = query.into_inner();
    Ok(Reply::ok(db.call(move |store| audits::search(store, query)).await?))
}
