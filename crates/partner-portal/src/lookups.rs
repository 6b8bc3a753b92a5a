//! Reads several pages share, each an operation of `partner_app` behind its MOSIP role check: a
//! partner's details, pages of policy requests and of API keys, and the MOSIP searches they ask.

use actix_web::HttpRequest;
use app_core::page::PageResponse;
use app_core::search::{Int, PaginationDto, SearchDto, SearchFilterDto, SortDto, Text};
use app_core::{Actor, AppError, Store};
use partner_app::details::{self, PartnerDetails};
use partner_app::roles;
use partner_app::search::{self, KeyItem, RequestItem};
use web_support::Principal;

use crate::api::{self, Page};
use crate::view::{Columns, ListQuery};

/// How a page of a store search is ordered, and which page.
#[derive(Debug, Clone, Copy)]
pub struct Order {
    pub field: &'static str,
    pub descending: bool,
    pub page: i64,
}

impl Order {
    /// Newest first.
    pub fn newest(page: i64) -> Order {
        Order { field: "crDtimes", descending: true, page }
    }

    /// By the column `query` chooses among `columns`, else newest first; `query`'s page.
    pub fn of(query: &ListQuery, columns: Columns) -> Order {
        Order::or_newest_by(query, columns, "crDtimes")
    }

    /// As [`Order::of`], for a list whose creation time is the field `created`.
    pub fn or_newest_by(query: &ListQuery, columns: Columns, created: &'static str) -> Order {
        match query.field(columns) {
            Some(field) => Order { field, descending: query.descending(), page: query.page() },
            None => Order { field: created, descending: true, page: query.page() },
        }
    }

    pub fn search(&self, filters: Vec<SearchFilterDto>, size: i64) -> SearchDto {
        search_ordered(filters, self.field, self.descending, self.page, size)
    }
}

/// The filter of `query`'s search text on `field` (`contains`, ignoring case), if it has one.
pub fn contains(query: &ListQuery, field: &str) -> Vec<SearchFilterDto> {
    if query.text().is_empty() { Vec::new() } else { vec![filter(field, "contains", query.text())] }
}

/// A search filter: `column` `kind` (`equals`, `contains`, …) `value`.
pub fn filter(column: &str, kind: &str, value: &str) -> SearchFilterDto {
    SearchFilterDto {
        column_name: Some(column.to_owned()),
        kind: Some(kind.to_owned()),
        value: Some(Text(value.to_owned())),
        ..SearchFilterDto::default()
    }
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

/// The columns the request lists order by.
pub const REQUEST_COLUMNS: Columns = &[
    ("partner", "partnerId"),
    ("policy", "policyId"),
    ("use", "requestDetail"),
    ("requested", "requestDatetimes"),
    ("status", "statusCode"),
];

/// The columns the key lists order by.
pub const KEY_COLUMNS: Columns = &[
    ("partner", "partnerId"),
    ("label", "label"),
    ("policy", "policyId"),
    ("from", "validFromDatetime"),
    ("to", "validToDatetime"),
    ("status", "isActive"),
];

/// Rows per page of the lists paged in the store.
pub const PAGE_SIZE: i64 = 20;

/// A search's roles and operation.
pub type Search<T> = (&'static [&'static str], fn(&Store, &Actor, SearchDto) -> Result<PageResponse<T>, AppError>);
/// P23: policy requests.
pub const REQUEST_SEARCH: Search<RequestItem> = (roles::API_KEY_SEARCH, search::requests);
/// P24: API keys.
pub const KEY_SEARCH: Search<KeyItem> = (roles::API_KEY_SEARCH, search::keys);

/// A page of what a MOSIP search `op` finds for the caller (holding one of `roles`, as the
/// search's route asks), in `order`.
pub async fn search_page<T: Send + 'static>(
    req: &HttpRequest,
    me: &Principal,
    (roles, op): Search<T>,
    filters: Vec<SearchFilterDto>,
    order: Order,
) -> api::Answer<Page<T>> {
    me.require_any(roles)?;
    let (me, query) = (me.clone(), order.search(filters, PAGE_SIZE));
    Ok(page_of(api::call(req, move |store| op(store, &me, query)).await?))
}
