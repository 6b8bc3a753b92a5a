//! `/portal/admin/keys`: every partner's API keys, switched on and off.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;

use super::admin;
use crate::ctx::Flash;
use crate::i18n::t;
use crate::lookups::{KEY_COLUMNS, KEY_SEARCH, Order, PAGE_SIZE, contains, search_page};
use crate::partner::{KeyQuery, change_key_status, confirm_key_off, key_table};
use crate::session::{or_answer, posted};
use crate::view::{self, Headers, ListQuery};

const KEYS: &str = "/portal/admin/keys";

pub async fn keys(req: HttpRequest, query: web::Query<ListQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(admin(&req));
    let list =
        search_page(&req, &me, KEY_SEARCH, contains(&query, "partnerName"), Order::of(&query, KEY_COLUMNS)).await;
    let now = crate::api::now(&req).await;
    let body = html! {
        (view::labelled_filter_form(KEYS, &query, &t!("keys-search-partner-label")))
        div #keys { (key_table(&ctx, &list, true, Headers::sorted(KEYS, &query), "/portal/admin/keys/status", now)) }
        @if let Ok(p) = &list { (view::pager(&query.link(KEYS), query.page(), PAGE_SIZE, p.total_record)) }
    };
    view::page_partial(ctx, &t!("nav-api-keys"), list.as_ref().err(), body)
}

/// The confirmation of switching off any partner's key.
pub async fn confirm_key_status(req: HttpRequest, q: web::Query<KeyQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(admin(&req));
    confirm_key_off(&req, ctx, &me, &q, "/portal/admin/keys/status").await
}

pub async fn key_status(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, admin(&req), &body));
    ctx.redirect_with("/portal/admin/keys", Flash::of(change_key_status(&req, &me, &form).await))
}
