//! Partner-admin pages: partners (search, detail, activation), policy requests (approve,
//! reject), API keys, CA certificates, and the audit log.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use partner_app::admin as admin_ops;
use partner_app::audits::{self, AuditItem};
use partner_app::dto::{StatusBody, mosip_time};
use partner_app::requests;
use partner_app::search::{self as search_ops, PartnerItem, PartnerSearchBody, RequestItem};
use serde::Deserialize;
use web_support::{Db, Principal};

use super::api::{self, Page, Refusal};
use super::ctx::{Ctx, Flash};
use super::forms;
use super::partner::{self, filter, flat, key_page, key_table, page_of, request_page, search_of};
use super::view::{self, badge};
use crate::roles;

/// The signed-in user holding one of `roles`; a redirect to the login page when nobody is signed
/// in, MOSIP's 403 page otherwise.
pub fn with_roles(req: &HttpRequest, roles: &[&str]) -> Result<(Ctx, Principal), Box<HttpResponse>> {
    let (ctx, me) = partner::signed_in(req)?;
    if me.has_any(roles) {
        Ok((ctx, me))
    } else {
        tracing::info!(user = %me.user_id, path = %req.path(), "portal page refused");
        let refusal = Refusal::from(web_support::ApiError::forbidden());
        Err(Box::new(view::error_page(ctx, &refusal)))
    }
}

fn admin(req: &HttpRequest) -> Result<(Ctx, Principal), Box<HttpResponse>> {
    with_roles(req, view::ADMIN_ROLES)
}

// ---- partners

#[derive(Debug, Default, Deserialize)]
pub struct PartnerQuery {
    name: Option<String>,
    #[serde(rename = "type")]
    partner_type: Option<String>,
    status: Option<String>,
    page: Option<i64>,
}

const PARTNER_PAGE: i64 = 10;

pub async fn partners(req: HttpRequest, query: web::Query<PartnerQuery>) -> HttpResponse {
    let (ctx, me) = match admin(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let q = query.into_inner();
    let page = q.page.unwrap_or(0).max(0);
    let name = q.name.clone().unwrap_or_default();
    let partner_type = q.partner_type.clone().unwrap_or_default();
    let status = q.status.clone().unwrap_or_default();
    let mut filters = Vec::new();
    if !name.trim().is_empty() {
        filters.push(filter("name", "contains", name.trim()));
    }
    if !partner_type.is_empty() {
        filters.push(filter("partnerTypeCode", "equals", &partner_type));
    }
    match status.as_str() {
        "active" => filters.push(filter("isActive", "equals", "true")),
        "inactive" => filters.push(filter("isActive", "equals", "false")),
        _ => {}
    }
    let list: api::Answer<Page<PartnerItem>> = async {
        me.require_any(roles::PARTNER_SEARCH)?;
        let db = api::data::<Db>(&req)?;
        let query = PartnerSearchBody {
            search: search_of(filters, "crDtimes", page, PARTNER_PAGE),
            partner_type: Some("all".to_owned()),
        };
        let me = me.clone();
        Ok(page_of(db.call(move |store| search_ops::partners(store, &me, query)).await?))
    }
    .await;
    let types: api::Answer<Vec<String>> = async {
        let db = api::data::<Db>(&req)?;
        Ok(db.call(admin_ops::partner_type_codes).await?)
    }
    .await;
    let mut type_options = vec![(String::new(), "Any type".to_owned())];
    type_options.extend(types.as_ref().map_or(&[][..], Vec::as_slice).iter().map(|code| (code.clone(), code.clone())));
    let status_options =
        [("", "Any status"), ("active", "Active"), ("inactive", "Inactive")].map(|(a, b)| (a.to_owned(), b.to_owned()));
    let base = format!(
        "/portal/admin/partners?name={}&type={}&status={}",
        view::q(&name),
        view::q(&partner_type),
        view::q(&status)
    );
    let body = html! {
        form.filters method="get" action="/portal/admin/partners" role="search" {
            div.field { label for="f-name" { "Name contains" } input #f-name type="search" name="name" value=(name); }
            (view::select("type", "Partner type", &type_options, &partner_type, None))
            (view::select("status", "Status", &status_options, &status, None))
            button type="submit" { "Search" }
        }
        @if let Err(r) = &types { (view::errors(r)) }
        @match &list {
            Ok(p) if !p.items().is_empty() => {
                table #partners {
                    thead { tr { th scope="col" { "Partner" } th scope="col" { "Organisation" } th scope="col" { "Type" } th scope="col" { "E-mail" } th scope="col" { "Approval" } th scope="col" { "Status" } } }
                    tbody {
                        @for row in p.items() {
                            tr {
                                td { a href=(format!("/portal/admin/partners/{}", view::q(&row.id))) { (row.id) } }
                                td { (row.name) }
                                td { (row.partner_type_code) }
                                td { (row.email_id.as_deref().unwrap_or("")) }
                                td { (row.approval_status) }
                                td { (badge(if row.is_active { "Active" } else { "Inactive" })) }
                            }
                        }
                    }
                }
                (view::pager(&base, page, PARTNER_PAGE, p.total_record))
            },
            Ok(_) => p.muted { "No partner matches." },
            Err(r) => (view::errors(r)),
        }
    };
    view::page(ctx, "Partners", body)
}

pub async fn partner(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let (ctx, me) = match admin(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let id = path.into_inner();
    let details = match partner::details_of(&req, &me, &id).await {
        Ok(d) => d,
        Err(r) => return view::error_page(ctx, &r),
    };
    let by_partner = || vec![filter("partnerId", "equals", &id)];
    let requests = request_page(&req, &me, by_partner(), 0).await;
    let keys = key_page(&req, &me, by_partner(), 0).await;
    let certificate = super::certs::summary(&req, &me, &id).await;
    let action = format!("/portal/admin/partners/{}/status", view::q(&id));
    let body = html! {
        section.card #partner {
            h2 { (details.organization_name) }
            dl.facts {
                dt { "Partner id" } dd { (details.partner_id) }
                dt { "Status" } dd #status { (badge(details.status)) }
                dt { "Partner type" } dd { (details.partner_type) }
                dt { "Policy group" } dd { (details.policy_group.as_deref().unwrap_or("—")) }
                dt { "E-mail" } dd { (details.email_id.as_deref().unwrap_or("—")) }
                dt { "Phone" } dd { (details.contact_number.as_deref().unwrap_or("—")) }
                dt { "Address" } dd { (details.address.as_deref().unwrap_or("—")) }
                dt { "Certificate" } dd { (certificate) }
            }
            p.actions {
                @if details.is_active {
                    (view::button_form(&ctx, &action, &[("status", "De-Active")], "Deactivate partner", "danger"))
                } @else {
                    (view::button_form(&ctx, &action, &[("status", "Active")], "Activate partner", ""))
                }
            }
        }
        section.card {
            h2 { "Policy requests" }
            (request_table(&ctx, &requests, false))
        }
        section.card {
            h2 { "API keys" }
            (key_table(&ctx, &keys, true, "/portal/admin/keys/status"))
        }
    };
    view::page(ctx, "Partner", body)
}

pub async fn partner_status(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match admin(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let id = path.into_inner();
    let result: api::Answer<_> = async {
        me.require_any(roles::PARTNER_MANAGER)?;
        me.require_self_or_admin(&id)?;
        let db = api::data::<Db>(&req)?;
        let cfg = api::data::<partner_app::PartnerConfig>(&req)?;
        let request = StatusBody { status: Some(form.get("status").to_owned()) };
        let (me, id) = (me.clone(), id.clone());
        Ok(db.call(move |store| admin_ops::activation(store, &me, &cfg, &id, request)).await?)
    }
    .await;
    let to = format!("/portal/admin/partners/{}", view::q(&id));
    match result {
        Ok(done) => ctx.redirect_with(&to, Flash::Success(done.message.to_owned())),
        Err(r) => ctx.redirect_with(&to, Flash::Error(flat(&r))),
    }
}

// ---- policy requests

#[derive(Debug, Default, Deserialize)]
pub struct RequestQuery {
    status: Option<String>,
    page: Option<i64>,
}

fn request_table(ctx: &Ctx, list: &api::Answer<Page<RequestItem>>, with_partner: bool) -> maud::Markup {
    html! {
        @match list {
            Ok(p) if !p.items().is_empty() => {
                table {
                    thead { tr {
                        @if with_partner { th scope="col" { "Partner" } }
                        th scope="col" { "Policy" } th scope="col" { "Use" } th scope="col" { "Requested" } th scope="col" { "Status" } th scope="col" { span.sr-only { "Decision" } }
                    } }
                    tbody {
                        @for r in p.items() {
                            tr data-request=(r.apikey_request_id) {
                                @if with_partner {
                                    td { a href=(format!("/portal/admin/partners/{}", view::q(&r.partner_id))) { (r.partner_name.as_deref().unwrap_or(&r.partner_id)) } }
                                }
                                td { (r.policy_name.as_deref().unwrap_or(&r.policy_id)) }
                                td { (r.request_detail) }
                                td { (mosip_time::text(r.request_datetimes)) }
                                td.status { (badge(&r.status_code)) }
                                td {
                                    @if r.status_code.eq_ignore_ascii_case("InProgress") {
                                        @let action = format!("/portal/admin/requests/{}", view::q(&r.apikey_request_id));
                                        (view::button_form(ctx, &action, &[("status", "Approved")], "Approve", "small"))
                                        " "
                                        (view::button_form(ctx, &action, &[("status", "Rejected")], "Reject", "small danger"))
                                    }
                                }
                            }
                        }
                    }
                }
            },
            Ok(_) => p.muted { "No requests." },
            Err(r) => (view::errors(r)),
        }
    }
}

pub async fn requests(req: HttpRequest, query: web::Query<RequestQuery>) -> HttpResponse {
    let (ctx, me) = match admin(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let status = query.status.clone().unwrap_or_else(|| "InProgress".into());
    let page = query.page.unwrap_or(0).max(0);
    let filters = if status.is_empty() { Vec::new() } else { vec![filter("statusCode", "equals", &status)] };
    let list = request_page(&req, &me, filters, page).await;
    let options = [("InProgress", "Pending"), ("approved", "Approved"), ("rejected", "Rejected"), ("", "All")]
        .map(|(a, b)| (a.to_owned(), b.to_owned()));
    let body = html! {
        form.filters method="get" action="/portal/admin/requests" {
            (view::select("status", "Show", &options, &status, None))
            button type="submit" { "Filter" }
        }
        div #requests { (request_table(&ctx, &list, true)) }
        @if let Ok(p) = &list { (view::pager(&format!("/portal/admin/requests?status={}", view::q(&status)), page, 20, p.total_record)) }
    };
    view::page(ctx, "Policy requests", body)
}

pub async fn review(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match admin(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let id = path.into_inner();
    let result: api::Answer<_> = async {
        me.require_any(roles::PARTNER_MANAGER)?;
        let db = api::data::<Db>(&req)?;
        let cfg = api::data::<partner_app::PartnerConfig>(&req)?;
        let request = StatusBody { status: Some(form.get("status").to_owned()) };
        let me = me.clone();
        Ok(db.call(move |store| requests::review(store, &me, &cfg, &id, request)).await?)
    }
    .await;
    match result {
        Ok(message) => ctx.redirect_with("/portal/admin/requests", Flash::Success(message.to_owned())),
        Err(r) => ctx.redirect_with("/portal/admin/requests", Flash::Error(flat(&r))),
    }
}

// ---- API keys

pub async fn keys(req: HttpRequest, query: web::Query<RequestQuery>) -> HttpResponse {
    let (ctx, me) = match admin(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let page = query.page.unwrap_or(0).max(0);
    let list = key_page(&req, &me, Vec::new(), page).await;
    let body = html! {
        div #keys { (key_table(&ctx, &list, true, "/portal/admin/keys/status")) }
        @if let Ok(p) = &list { (view::pager("/portal/admin/keys", page, 20, p.total_record)) }
    };
    view::page(ctx, "API keys", body)
}

pub async fn key_status(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match admin(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    match partner::change_key_status(&req, &me, &form).await {
        Ok(message) => ctx.redirect_with("/portal/admin/keys", Flash::Success(message.to_owned())),
        Err(r) => ctx.redirect_with("/portal/admin/keys", Flash::Error(flat(&r))),
    }
}

// ---- CA certificates

pub async fn certificates(req: HttpRequest) -> HttpResponse {
    let (ctx, _) = match admin(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    super::certs::ca_page(&req, ctx, None)
}

pub async fn upload_ca(req: HttpRequest, payload: web::Payload) -> HttpResponse {
    let (ctx, me) = match admin(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::multipart(&ctx, &req, payload).await {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    match super::certs::upload_ca(&req, &me, &form).await {
        Ok(message) => ctx.redirect_with("/portal/admin/certificates", Flash::Success(message)),
        Err(r) => super::certs::ca_page(&req, ctx, Some(&r)),
    }
}

// ---- audit

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditQuery {
    event_id: Option<String>,
    ref_id: Option<String>,
    user_id: Option<String>,
    from: Option<String>,
    to: Option<String>,
    page: Option<i64>,
}

const AUDIT_PAGE: i64 = 25;

/// A `datetime-local` value (`2026-11-26T10:15`) as MOSIP's time (`2026-11-26T10:15:00.000Z`).
fn mosip_time(local: &str) -> Option<String> {
    let v = local.trim();
    if v.is_empty() {
        return None;
    }
    let parsed = chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S"));
    Some(match parsed {
        Ok(t) => t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        Err(_) => v.to_owned(),
    })
}

pub async fn audit(req: HttpRequest, query: web::Query<AuditQuery>) -> HttpResponse {
    let (ctx, me) = match partner::signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    if !me.is_admin {
        return view::error_page(ctx, &Refusal::from(web_support::ApiError::forbidden()));
    }
    let q = query.into_inner();
    let page = q.page.unwrap_or(0).max(0);
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let list: api::Answer<Page<AuditItem>> = async {
        let db = api::data::<Db>(&req)?;
        let query = audits::AuditQuery {
            event_id: q.event_id.clone(),
            ref_id: q.ref_id.clone(),
            user_id: q.user_id.clone(),
            from_time: q.from.as_deref().and_then(mosip_time),
            to_time: q.to.as_deref().and_then(mosip_time),
            page_start: Some(page),
            page_fetch: Some(AUDIT_PAGE),
        };
        Ok(page_of(db.call(move |store| audits::search(store, query)).await?))
    }
    .await;
    let base = format!(
        "/portal/admin/audit?eventId={}&refId={}&userId={}&from={}&to={}",
        view::q(&text(&q.event_id)),
        view::q(&text(&q.ref_id)),
        view::q(&text(&q.user_id)),
        view::q(&text(&q.from)),
        view::q(&text(&q.to)),
    );
    let body = html! {
        form.filters method="get" action="/portal/admin/audit" role="search" {
            div.field { label for="f-eventId" { "Event id" } input #f-eventId name="eventId" value=(text(&q.event_id)) placeholder="PMS_PRT_101"; }
            div.field { label for="f-refId" { "Reference id" } input #f-refId name="refId" value=(text(&q.ref_id)); }
            div.field { label for="f-userId" { "User" } input #f-userId name="userId" value=(text(&q.user_id)); }
            div.field { label for="f-from" { "From (UTC)" } input #f-from type="datetime-local" name="from" value=(text(&q.from)); }
            div.field { label for="f-to" { "To (UTC)" } input #f-to type="datetime-local" name="to" value=(text(&q.to)); }
            button type="submit" { "Filter" }
        }
        @match &list {
            Ok(p) if !p.items().is_empty() => {
                table #audit {
                    thead { tr { th scope="col" { "Time (UTC)" } th scope="col" { "Event" } th scope="col" { "User" } th scope="col" { "Reference" } th scope="col" { "Type / error" } } }
                    tbody {
                        @for a in p.items() {
                            tr {
                                td.time { (a.action_time_stamp) }
                                td { span.code { (a.event_id) } " " (a.event_name) br; small.muted { (a.description) } }
                                td.user { (a.session_user_id) }
                                td { (a.id) @if !a.id_type.is_empty() { br; small.muted { (a.id_type) } } }
                                td {
                                    @match &a.error_code {
                                        Some(code) => span.badge.off { (code) },
                                        None => (badge(&a.event_type)),
                                    }
                                }
                            }
                        }
                    }
                }
                (view::pager(&base, page, AUDIT_PAGE, p.total_record))
            },
            Ok(_) => p.muted { "No audit record matches." },
            Err(r) => (view::errors(r)),
        }
    };
    match &list {
        Err(r) if r.status != StatusCode::OK => view::page_inline(ctx, "Audit log", r, body),
        _ => view::page(ctx, "Audit log", body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_times_become_mosip_times() {
        assert_eq!(mosip_time("2026-11-26T10:15").as_deref(), Some("2026-11-26T10:15:00.000Z"));
        assert_eq!(mosip_time("2026-11-26T10:15:07").as_deref(), Some("2026-11-26T10:15:07.000Z"));
        assert_eq!(mosip_time(" "), None);
        // anything else goes to the API, which answers MOSIP's error
        assert_eq!(mosip_time("yesterday").as_deref(), Some("yesterday"));
    }
}
