//! `/portal/admin/partners`: the partner search (name, type, status, paged) and a partner's page
//! (details, certificate, requests, keys; activation).

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use partner_app::admin as admin_ops;
use partner_app::dto::StatusBody;
use partner_app::roles;
use partner_app::search::{self as search_ops, PartnerItem, PartnerSearchBody};
use serde::Deserialize;

use super::admin;
use super::requests::request_table;
use crate::api::{self, Page};
use crate::certs;
use crate::ctx::Flash;
use crate::i18n::t;
use crate::lookups::{KEY_SEARCH, Order, REQUEST_SEARCH, details_of, filter, page_of, search_ordered, search_page};
use crate::partner::{key_table, partner_facts};
use crate::session::{or_answer, posted};
use crate::view::{self, Headers, ListQuery, badge};

#[derive(Debug, Default, Deserialize)]
pub struct PartnerQuery {
    name: Option<String>,
    #[serde(rename = "type")]
    partner_type: Option<String>,
    status: Option<String>,
    page: Option<i64>,
    sort: Option<String>,
    dir: Option<String>,
}

const PARTNER_PAGE: i64 = 10;

/// The columns the list orders by, with the search's field for each.
const SORTABLE: &[(&str, &str)] = &[
    ("id", "id"),
    ("name", "name"),
    ("type", "partnerTypeCode"),
    ("email", "emailId"),
    ("approval", "approvalStatus"),
    ("status", "isActive"),
];

pub async fn partners(req: HttpRequest, query: web::Query<PartnerQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(admin(&req));
    let q = query.into_inner();
    let page = q.page.unwrap_or(0).max(0);
    let name = q.name.clone().unwrap_or_default();
    let partner_type = q.partner_type.clone().unwrap_or_default();
    let status = q.status.clone().unwrap_or_default();
    // newest first unless a column was chosen
    let order =
        ListQuery { sort: q.sort.filter(|s| SORTABLE.iter().any(|(c, _)| c == s)), dir: q.dir, q: None, page: None };
    let field = SORTABLE.iter().find(|(c, _)| Some(*c) == order.sort.as_deref()).map_or("crDtimes", |(_, f)| f);
    let descending = order.sort.is_none() || order.descending();
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
        let query = PartnerSearchBody {
            search: search_ordered(filters, field, descending, page, PARTNER_PAGE),
            partner_type: Some("all".to_owned()),
        };
        let me = me.clone();
        Ok(page_of(api::call(&req, move |store| search_ops::partners(store, &me, query)).await?))
    }
    .await;
    let types = api::call(&req, admin_ops::partner_type_codes).await;
    let mut type_options = vec![(String::new(), t!("partners-any-type"))];
    type_options.extend(
        types
            .as_ref()
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|code| (code.clone(), view::master_word("partner-type", code, code))),
    );
    let status_options =
        [("", &t!("partners-any-status")), ("active", &t!("status-active")), ("inactive", &t!("status-inactive"))]
            .map(|(a, b)| (a.to_owned(), b.to_owned()));
    let base = format!(
        "/portal/admin/partners?name={}&type={}&status={}",
        view::q(&name),
        view::q(&partner_type),
        view::q(&status)
    );
    let header = |column: &str, label: String| view::sort_header(&base, &order, column, &label);
    let body = html! {
        form.filters method="get" action="/portal/admin/partners" role="search" {
            div.field { label for="f-name" { (t!("partners-name-contains")) } input #f-name type="search" name="name" value=(name); }
            (view::select("type", &t!("home-partner-type"), &type_options, &partner_type, None))
            (view::select("status", &t!("home-status"), &status_options, &status, None))
            @if let Some(sort) = &order.sort {
                input type="hidden" name="sort" value=(sort);
                input type="hidden" name="dir" value=(if order.descending() { "desc" } else { "asc" });
            }
            button type="submit" { (t!("partners-search")) }
        }
        @if let Err(r) = &types { (view::errors(r)) }
        @match &list {
            Ok(p) if !p.items().is_empty() => {
                table #partners {
                    thead { tr {
                        (header("id", t!("partners-partner"))) (header("name", t!("partners-organisation"))) (header("type", t!("partners-type")))
                        (header("email", t!("home-e-mail"))) (header("approval", t!("partners-approval"))) (header("status", t!("home-status")))
                    } }
                    tbody {
                        @for row in p.items() {
                            tr {
                                td { a href=(format!("/portal/admin/partners/{}", view::q(&row.id))) { (row.id) } }
                                td { (row.name) }
                                td { (view::master_word("partner-type", &row.partner_type_code, &row.partner_type_code)) }
                                td { (row.email_id.as_deref().unwrap_or("")) }
                                td { (row.approval_status) }
                                td { (badge(if row.is_active { "Active" } else { "Inactive" })) }
                            }
                        }
                    }
                }
                (view::pager(&format!("{base}{}", order.order_params()), page, PARTNER_PAGE, p.total_record))
            },
            Ok(_) => p.muted { (t!("partners-no-partner-matches")) },
            Err(r) => (view::errors(r)),
        }
    };
    view::page_partial(ctx, &t!("nav-partners"), list.as_ref().err().or(types.as_ref().err()), body)
}

pub async fn partner(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let (ctx, me) = or_answer!(admin(&req));
    let id = path.into_inner();
    let details = match details_of(&req, &me, &id).await {
        Ok(d) => d,
        Err(r) => return view::error_page(ctx, &r),
    };
    let by_partner = || vec![filter("partnerId", "equals", &id)];
    let requests = search_page(&req, &me, REQUEST_SEARCH, by_partner(), Order::newest(0)).await;
    let keys = search_page(&req, &me, KEY_SEARCH, by_partner(), Order::newest(0)).await;
    let now = api::now(&req).await;
    let certificate = certs::summary(&req, &me, &id).await;
    let action = format!("/portal/admin/partners/{}/status", view::q(&id));
    let body = html! {
        section.card #partner {
            h2 { (details.organization_name) }
            dl.facts {
                (partner_facts(&details))
                dt { (t!("partners-phone")) } dd { (details.contact_number.as_deref().unwrap_or("—")) }
                dt { (t!("partners-address")) } dd { (details.address.as_deref().unwrap_or("—")) }
                dt { (t!("partners-certificate")) } dd { (certificate) }
            }
            p.actions {
                @if details.is_active {
                    a.button.danger href=(format!("{action}?status=De-Active")) { (t!("partners-deactivate-partner")) }
                } @else {
                    (view::button_form(&ctx, &action, &[("status", "Active")], &t!("partners-activate-partner"), ""))
                }
            }
        }
        section.card {
            h2 { (t!("nav-policy-requests")) }
            (request_table(&ctx, &requests, false, Headers::plain()))
        }
        section.card {
            h2 { (t!("nav-api-keys")) }
            (key_table(&ctx, &keys, true, Headers::plain(), "/portal/admin/keys/status", now))
        }
    };
    view::page_partial(
        ctx,
        &t!("partners-title-partner", id = details.partner_id.clone()),
        requests.as_ref().err().or(keys.as_ref().err()),
        body,
    )
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct StatusQuery {
    status: Option<String>,
}

/// The confirmation page of a deactivation (`?status=De-Active`), with an optional reason.
pub async fn confirm_status(req: HttpRequest, path: web::Path<String>, q: web::Query<StatusQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(admin(&req));
    let id = path.into_inner();
    let details = match details_of(&req, &me, &id).await {
        Ok(d) => d,
        Err(r) => return view::error_page(ctx, &r),
    };
    let status = q.status.clone().unwrap_or_else(|| "De-Active".into());
    let deactivate = !status.eq_ignore_ascii_case("active");
    let (action, back) =
        (format!("/portal/admin/partners/{}/status", view::q(&id)), format!("/portal/admin/partners/{}", view::q(&id)));
    let confirm = view::Confirm {
        question: if deactivate {
            t!("partners-confirm-deactivate", name = details.organization_name.clone(), id = details.partner_id.clone())
        } else {
            t!("partners-confirm-activate", name = details.organization_name.clone(), id = details.partner_id.clone())
        },
        action: &action,
        fields: &[("status", if deactivate { "De-Active" } else { "Active" })],
        button: if deactivate { t!("partners-deactivate-partner-2") } else { t!("partners-activate-partner") },
        danger: deactivate,
        back: &back,
    };
    let facts = html! {
        @if deactivate { p { (t!("partners-the-partner-can-no-longer")) } }
        dl.facts { (partner_facts(&details)) }
    };
    let body = view::confirm_body(&ctx, &confirm, facts);
    let title = if deactivate {
        t!("partners-title-deactivate", id = details.partner_id.clone())
    } else {
        t!("partners-title-activate", id = details.partner_id.clone())
    };
    view::page(ctx, &title, body)
}

pub async fn partner_status(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, admin(&req), &body));
    let id = path.into_inner();
    let result: api::Answer<_> = async {
        me.require_any(roles::PARTNER_MANAGER)?;
        me.require_self_or_admin(&id)?;
        let request = StatusBody { status: Some(form.get("status").to_owned()) };
        let (me, id) = (me.clone(), id.clone());
        api::call_with(&req, move |store, cfg| admin_ops::activation(store, &me, cfg, &id, request)).await
    }
    .await;
    let to = format!("/portal/admin/partners/{}", view::q(&id));
    let reason = view::reason(&form);
    if let (Ok(_), Some(r)) = (&result, &reason) {
        tracing::info!(partner = %id, user = %me.user_id, reason = %r, "partner status changed");
    }
    ctx.redirect_with(
        &to,
        Flash::of(result.map(|_| {
            let done = t!("partners-status-changed", status = form.get("status").to_ascii_lowercase());
            view::with_reason(done, reason.as_deref())
        })),
    )
}
