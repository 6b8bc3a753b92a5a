//! `GET /v1/partnermanager/audits`: the audit log for admins, newest first.

use actix_web::{HttpResponse, web};
use persistence::repo::audit::{AuditFilter, AuditRow, search as search_rows};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use web_support::page::PageResponse;
use web_support::{ApiError, Db, Principal, ResponseEnvelope, time};

const MAX_PAGE: i64 = 500;

/// The audit-log operation (path relative to `/v1/partnermanager`); see `docs/development.md`
/// ("Documenting an endpoint").
#[derive(utoipa::OpenApi)]
#[openapi(paths(search))]
pub struct AuditsApi;

/// The audit-log filters; every one optional, blank ones ignored.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only records of this event id.
    #[param(example = "PMS_PRT_101")]
    event_id: Option<String>,
    /// Only records about this reference id (a partner, policy, API key…).
    #[param(example = "mpartner-default-auth")]
    ref_id: Option<String>,
    /// Only records of this session user.
    #[param(example = "pm-1")]
    user_id: Option<String>,
    /// Records from this time (UTC), `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` or RFC 3339.
    #[param(example = "2024-05-01T00:00:00.000Z")]
    from_time: Option<String>,
    /// Records up to this time (UTC), same formats as `fromTime`.
    #[param(example = "2024-05-02T00:00:00.000Z")]
    to_time: Option<String>,
    /// The page, from 0 (default 0).
    #[param(minimum = 0, example = 0)]
    page_start: Option<i64>,
    /// Records per page, 1 to 500 (default 20).
    #[param(minimum = 1, maximum = 500, example = 20)]
    page_fetch: Option<i64>,
}

/// An audit record, with the field names of MOSIP's `AuditRequestDto`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
struct AuditItem {
    event_id: String,
    event_name: String,
    event_type: String,
    action_time_stamp: String,
    host_name: String,
    host_ip: String,
    application_id: String,
    application_name: String,
    session_user_id: String,
    session_user_name: String,
    id: String,
    id_type: String,
    created_by: String,
    module_name: String,
    module_id: String,
    description: String,
    error_code: Option<String>,
    request_id: Option<String>,
}

impl From<AuditRow> for AuditItem {
    fn from(r: AuditRow) -> Self {
        AuditItem {
            event_id: r.event_id,
            event_name: r.event_name,
            event_type: r.event_type,
            action_time_stamp: time::mosip(r.action_time),
            host_name: r.host_name,
            host_ip: r.host_ip,
            application_id: r.application_id,
            application_name: r.application_name,
            session_user_id: r.session_user_id,
            session_user_name: r.session_user_name,
            id: r.ref_id,
            id_type: r.ref_id_type,
            created_by: r.created_by,
            module_name: r.module_name,
            module_id: r.module_id,
            description: r.description,
            error_code: r.error_code,
            request_id: r.request_id,
        }
    }
}

fn time_param(name: &str, value: Option<&str>) -> Result<Option<chrono::NaiveDateTime>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => time::parse_mosip(v)
            .map(Some)
            .ok_or_else(|| ApiError::invalid_field(name, "must be yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")),
    }
}

fn text(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

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
pub async fn search(
    principal: Principal,
    db: web::Data<Db>,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    if !principal.is_admin {
        return Err(ApiError::forbidden());
    }
    let q = query.into_inner();
    let page_start = q.page_start.unwrap_or(0);
    let page_fetch = q.page_fetch.unwrap_or(20);
    if page_start < 0 || !(1..=MAX_PAGE).contains(&page_fetch) {
        return Err(ApiError::business(
            "PMS-MSD-313",
            format!("Invalid pagination value received pagestart:{page_start} and fetch:{page_fetch}"),
        ));
    }
    let filter = AuditFilter {
        from: time_param("fromTime", q.from_time.as_deref())?,
        to: time_param("toTime", q.to_time.as_deref())?,
        event_id: text(q.event_id),
        ref_id: text(q.ref_id),
        user: text(q.user_id),
    };
    let offset = page_start.saturating_mul(page_fetch);
    let (rows, total) = db.read(move |c| Ok(search_rows(c, &filter, offset, page_fetch)?)).await?;
    let items: Vec<AuditItem> = rows.into_iter().map(AuditItem::from).collect();
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(PageResponse::new(items, offset, total))))
}
