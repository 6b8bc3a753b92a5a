//! `GET /v1/partnermanager/audits`: the audit log for admins, newest first
//! (`partner_app::audits`).

use app_core::page::PageResponse;
use partner_app::audits::{AuditItem, AuditQuery};
use web_support::ResponseEnvelope;

/// The audit-log operation (path relative to `/v1/partnermanager`); see `docs/development.md`
/// ("Documenting an endpoint").
#[derive(utoipa::OpenApi)]
#[openapi(paths(search))]
pub struct AuditsApi;

op! {
    /// `GET /audits`.
    search: get "/audits", "searchAudits", "Audits", "Search the audit log";
    description = "The audit records this service wrote, newest first, filtered and paged. \
Roles: the admin role (`PARTNER_ADMIN`).\n\n\
Errors (HTTP 200): `PMS_COR_001` `fromTime` or `toTime` not a time; `PMS-MSD-313` `pageStart` \
negative or `pageFetch` not between 1 and 500.",
    params(AuditQuery),
    responses((status = 200, description = "A page of records, or the errors", body = ResponseEnvelope<PageResponse<AuditItem>>))
}
