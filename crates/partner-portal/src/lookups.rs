//! Reads several pages share, each an operation of `partner_app` behind its MOSIP role check: a
//! partner's details, pages of policy requests and of API keys, and the MOSIP searches they ask.

use actix_web::HttpRequest;
use app_core::page::PageResponse;
use app_core::search::{Int, PaginationDto, SearchDto, SearchFilterDto, SortDto, Text};
use partner_app::details::{self, PartnerDetails};
use partner_app::roles;
use partner_app::search::{self, KeyItem, RequestItem};
use web_support::Principal;

use crate::api::{self, Page};

/// A search filter: `column` `kind` (`equals`, `contains`, …) `value`.
pub fn filter(column: &str, kind: &str, value: &str) -> SearchFilterDto {
    SearchFilterDto {
        column_name: Some(column.to_owned()),
        kind: Some(kind.to_owned()),
        value: Some(Text(value.to_owned())),
        ..SearchFilterDto::default()
    }
}

/// A MOSIP search: `filters`, newest first by `sort`, one page.
pub fn search_of(filters: Vec<SearchFilterDto>, sort: &str, page: i64, size: i64) -> SearchDto {
    search_ordered(filters, sort, true, page, size)
}

/// A MOSIP search: `filters`, ordered by `sort` (`descending` or not), one page.
pub fn search_ordered(filters: Vec<SearchFilterDto>, sort: &str, descending: bool, page: i64, size: i64) -> SearchDto {
    let direction = if descending { "desc" } else { "asc" };
    SearchDto {
        filters: Some(filters),
        sort: Some(vec![SortDto { sort_field: Some(sort.to_owned()), sort_type: Some(direction.to_owned()) }]),
        pagination: Some(PaginationDto { page_start: Some(Int(page)), page_fetch: Some(Int(size)) }),
    }
}

/// A page of search results as the pages show it.
pub fn page_of<T>(p: PageResponse<T>) -> Page<T> {
    Page { from_record: p.from_record, to_record: p.to_record, total_record: p.total_record, data: p.data }
}

/// P4 for the portal: a partner's details (the caller's own, or an admin's view).
pub async fn details_of(req: &HttpRequest, me: &Principal, partner_id: &str) -> api::Answer<PartnerDetails> {
    me.require_any(roles::PARTNER_READ)?;
    me.require_self_or_admin(partner_id)?;
    let (me, partner_id) = (me.clone(), partner_id.to_owned());
    api::call(req, move |store| details::get(store, &me, &partner_id)).await
}

/// P23 for the portal: a page of policy requests, newest first.
pub async fn request_page(
    req: &HttpRequest,
    me: &Principal,
    filters: Vec<SearchFilterDto>,
    page: i64,
) -> api::Answer<Page<RequestItem>> {
    me.require_any(roles::API_KEY_SEARCH)?;
    let (me, query) = (me.clone(), search_of(filters, "crDtimes", page, 20));
    Ok(page_of(api::call(req, move |store| search::requests(store, &me, query)).await?))
}

/// P24 for the portal: a page of API keys, newest first.
pub async fn key_page(
    req: &HttpRequest,
    me: &Principal,
    filters: Vec<SearchFilterDto>,
    page: i64,
) -> api::Answer<Page<KeyItem>> {
    me.require_any(roles::API_KEY_SEARCH)?;
    let (me, query) = (me.clone(), search_of(filters, "crDtimes", page, 20));
    Ok(page_of(api::call(req, move |store| search::keys(store, &me, query)).await?))
}
