//! `GET /v1/partnermanager/audits`: the audit log for admins, newest first
//! (`partner_app::audits`).

use actix_web::web;
use app_core::page::PageResponse;
use partner_app::audits::{self, AuditItem, AuditQuery};
use web_support::{Answer, ApiError, Db, Principal, Reply};

/// `GET /audits`.
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
