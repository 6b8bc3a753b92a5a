//! `/portal/admin/requests`: policy requests by status, approved or rejected with one click.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use partner_app::dto::StatusBody;
use partner_app::requests;
use partner_app::roles;
use partner_app::search::RequestItem;
use serde::Deserialize;

use super::admin;
use crate::api::{self, Page};
use crate::ctx::{Ctx, Flash};
use crate::i18n::t;
use crate::lookups::{Order, PAGE_SIZE, REQUEST_COLUMNS, REQUEST_SEARCH, contains, filter, search_page};
use crate::session::{or_answer, posted};
use crate::view::{self, Headers, ListQuery, badge};

#[derive(Debug, Default, Deserialize)]
pub struct RequestQuery {
    status: Option<String>,
}

pub(super) fn request_table(
    ctx: &Ctx,
    list: &api::Answer<Page<RequestItem>>,
    with_partner: bool,
    headers: Headers,
) -> maud::Markup {
    html! {
        @match list {
            Ok(p) if !p.items().is_empty() => {
                table {
                    thead { tr {
                        @if with_partner { (headers.th("partner", &t!("partners-partner"))) }
                        (headers.th("policy", &t!("requests-policy"))) (headers.th("use", &t!("requests-use"))) (headers.th("requested", &t!("requests-requested"))) (headers.th("status", &t!("home-status"))) th scope="col" { span.sr-only { (t!("requests-decision")) } }
                    } }
                    tbody {
                        @for r in p.items() {
                            tr data-request=(r.apikey_request_id) {
                                @if with_partner {
                                    td { a href=(format!("/portal/admin/partners/{}", view::q(&r.partner_id))) { (r.partner_name.as_deref().unwrap_or(&r.partner_id)) } }
                                }
                                td { (r.policy_name.as_deref().unwrap_or(&r.policy_id)) }
                                td { (r.request_detail) }
                                td { (view::when(r.request_datetimes)) }
                                td.status { (badge(&r.status_code)) }
                                td {
                                    @if r.status_code.eq_ignore_ascii_case("InProgress") {
                                        @let action = format!("/portal/admin/requests/{}", view::q(&r.apikey_request_id));
                                        @let what = describe(r);
                                        form.inline method="post" action=(action) {
                                            (view::csrf(ctx))
                                            input type="hidden" name="status" value="Approved";
                                            button.small type="submit" title=(t!("requests-approve-what", what = what.clone())) { (t!("requests-approve")) " " span.sr-only { (what) } }
                                        }
                                        " "
                                        a.button.small.danger href=(format!("{action}?status=Rejected")) title=(t!("requests-reject-what", what = what.clone())) { (t!("requests-reject")) " " span.sr-only { (what) } }
                                    }
                                }
                            }
                        }
                    }
                }
            },
            Ok(_) if headers.searching() => p.muted { (t!("table-nothing-matches")) },
            Ok(_) => p.muted { (t!("requests-no-requests")) },
            Err(r) => (view::errors(r)),
        }
    }
}

/// A request in words: "the request of <partner> for <policy>".
fn describe(r: &RequestItem) -> String {
    t!(
        "requests-what",
        partner = r.partner_name.clone().unwrap_or_else(|| r.partner_id.clone()),
        policy = r.policy_name.clone().unwrap_or_else(|| r.policy_id.clone())
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct DecisionQuery {
    status: Option<String>,
}

/// The confirmation page of a rejection (`?status=Rejected`), naming the request, with an
/// optional reason.
pub async fn confirm_review(req: HttpRequest, path: web::Path<String>, q: web::Query<DecisionQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(admin(&req));
    let id = path.into_inner();
    let found =
        search_page(&req, &me, REQUEST_SEARCH, vec![filter("apikeyRequestId", "equals", &id)], Order::newest(0)).await;
    let item = match found.map(|p| p.items().first().cloned()) {
        Ok(Some(item)) => item,
        Ok(None) => return view::error_page(ctx, &api::Refusal::from(web_support::ApiError::not_found())),
        Err(r) => return view::error_page(ctx, &r),
    };
    let approve = q.status.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("approved"));
    let status = if approve { "Approved" } else { "Rejected" };
    let action = format!("/portal/admin/requests/{}", view::q(&id));
    let confirm = view::Confirm {
        question: if approve {
            t!("requests-confirm-approve", what = describe(&item))
        } else {
            t!("requests-confirm-reject", what = describe(&item))
        },
        action: &action,
        fields: &[("status", status)],
        button: if approve { t!("requests-approve-request") } else { t!("requests-reject-request") },
        danger: !approve,
        back: "/portal/admin/requests",
    };
    let facts = html! {
        dl.facts {
            dt { (t!("partners-partner")) } dd { (item.partner_name.as_deref().unwrap_or(&item.partner_id)) " (" (item.partner_id) ")" }
            dt { (t!("requests-policy")) } dd { (item.policy_name.as_deref().unwrap_or(&item.policy_id)) }
            dt { (t!("requests-use")) } dd { (item.request_detail) }
            dt { (t!("requests-requested")) } dd { (view::when(item.request_datetimes)) }
        }
    };
    let body = view::confirm_body(&ctx, &confirm, facts);
    let title = if approve { t!("requests-title-approve") } else { t!("requests-title-reject") };
    view::page(ctx, &title, body)
}

pub async fn requests(
    req: HttpRequest,
    query: web::Query<RequestQuery>,
    list_query: web::Query<ListQuery>,
) -> HttpResponse {
    let (ctx, me) = or_answer!(admin(&req));
    let status = query.status.clone().unwrap_or_else(|| "InProgress".into());
    let mut filters = contains(&list_query, "partnerName");
    if !status.is_empty() {
        filters.push(filter("statusCode", "equals", &status));
    }
    let list = search_page(&req, &me, REQUEST_SEARCH, filters, Order::of(&list_query, REQUEST_COLUMNS)).await;
    let base = format!("/portal/admin/requests?status={}", view::q(&status));
    let options = [
        ("InProgress", &t!("status-pending")),
        ("approved", &t!("status-approved")),
        ("rejected", &t!("status-rejected")),
        ("", &t!("requests-all")),
    ]
    .map(|(a, b)| (a.to_owned(), b.to_owned()));
    let body = html! {
        form.filters method="get" action="/portal/admin/requests" role="search" {
            (view::select("status", &t!("requests-show"), &options, &status, None))
            div.field { (view::search_box(&list_query, &t!("keys-search-partner-label"))) }
            button type="submit" { (t!("audit-filter")) }
        }
        div #requests { (request_table(&ctx, &list, true, Headers::sorted(&base, &list_query))) }
        @if let Ok(p) = &list { (view::pager(&list_query.link(&base), list_query.page(), PAGE_SIZE, p.total_record)) }
    };
    view::page_partial(ctx, &t!("nav-policy-requests"), list.as_ref().err(), body)
}

pub async fn review(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, admin(&req), &body));
    let id = path.into_inner();
    let result: api::Answer<_> = async {
        me.require_any(roles::PARTNER_MANAGER)?;
        let request = StatusBody { status: Some(form.get("status").to_owned()) };
        let me = me.clone();
        api::call_with(&req, move |store, cfg| requests::review(store, &me, cfg, &id, request)).await?;
        Ok(t!("requests-decided", status = form.get("status").to_ascii_lowercase()))
    }
    .await;
    let reason = view::reason(&form);
    if let (Ok(_), Some(r)) = (&result, &reason) {
        tracing::info!(user = %me.user_id, reason = %r, "policy request decided");
    }
    ctx.redirect_with("/portal/admin/requests", Flash::of(result.map(|m| view::with_reason(m, reason.as_deref()))))
}
