//! Device-provider and FTM-provider pages over `device_app`: a device provider's secure
//! biometric interfaces and their devices ([`sbis`]), its device details ([`details`]), an FTM
//! provider's chips and their certificates ([`ftm`]), and the partner admin's approval queues
//! ([`approvals`]). Every action is the API's operation after the API's role check.

mod approvals;
mod details;
mod ftm;
mod sbis;

use actix_web::HttpRequest;
use app_core::search::{Int, PaginationDto, SearchDto, SearchFilterDto, SortDto};
use device_app::dto::{DeviceDetailItem, SbiItem};
use device_app::ftm::FtmChipItem;
use device_app::{roles, search};
use maud::{Markup, html};
use web_support::Principal;

pub use approvals::{approvals, confirm as confirm_decision, decide, waiting};
pub use details::{create as create_device, devices};
pub use ftm::{chips, create as create_chip, download_certificate, upload_certificate};
pub use sbis::{create as create_sbi, map_device, sbis};

use crate::api::{self, Page};
use crate::i18n::t;
use crate::lookups::{Order, PAGE_SIZE, Search, contains, filter, search_page};
use crate::view::{self, Columns, Headers, ListQuery};

/// Rows whose `approvalStatus` is `status`.
fn with_status(status: &str) -> Vec<SearchFilterDto> {
    vec![filter("approvalStatus", "equals", status)]
}

/// `POST /securebiometricinterface/search`.
const SBIS: Search<SbiItem> = (roles::DEVICE_PROVIDERS, search::sbis);
/// `POST /devicedetail/search`.
const DETAILS: Search<DeviceDetailItem> = (roles::DEVICE_PROVIDERS, search::details);
/// `POST /ftpchipdetail/search`.
const CHIPS: Search<FtmChipItem> = (roles::FTM_PROVIDERS, search::ftm_chips);

/// A card listing a page of rows in a table, ordered by a column and narrowed by a search box,
/// paged; a note when there are none, the error when the read failed.
struct Listing {
    id: &'static str,
    title: String,
    /// Each column's name in [`Listing::columns`] ("" when it does not sort) and its header.
    head: Vec<(&'static str, String)>,
    columns: Columns,
    /// The field the search box looks in, and its label.
    search: (&'static str, String),
    none: String,
    base: &'static str,
}

impl Listing {
    /// A page of what `op` finds as `query` asks.
    async fn page<T: Send + 'static>(
        &self,
        req: &HttpRequest,
        me: &Principal,
        op: Search<T>,
        query: &ListQuery,
    ) -> api::Answer<Page<T>> {
        search_page(req, me, op, contains(query, self.search.0), Order::of(query, self.columns)).await
    }

    fn render<T>(&self, list: &api::Answer<Page<T>>, query: &ListQuery, row: impl Fn(&T) -> Markup) -> Markup {
        let headers = Headers::sorted(self.base, query);
        html! {
            section.card id=(self.id) {
                h2 { (self.title) }
                @if list.as_ref().is_ok_and(|p| p.total_record > 0) || !query.text().is_empty() {
                    (view::labelled_filter_form(self.base, query, &self.search.1))
                }
                @match list {
                    Ok(p) if !p.items().is_empty() => {
                        table {
                            thead { tr { @for (column, label) in &self.head { (headers.th(column, label)) } } }
                            tbody { @for item in p.items() { (row(item)) } }
                        }
                        (view::pager(&query.link(self.base), query.page(), PAGE_SIZE, p.total_record))
                    },
                    Ok(_) if !query.text().is_empty() => p.muted { (t!("table-nothing-matches")) },
                    Ok(_) => p.muted { (self.none) },
                    Err(e) => (view::errors(e)),
                }
            }
        }
    }
}

/// The active device sub-types as choices `<type>/<sub-type>` (`POST
/// /devicedetail/deviceType/search`), by type and sub-type.
async fn sub_type_choices(req: &HttpRequest, me: &Principal) -> api::Answer<Vec<(String, String)>> {
    me.require_any(roles::DEVICE_PROVIDERS)?;
    let sort = |field: &str| SortDto { sort_field: Some(field.to_owned()), sort_type: Some("asc".to_owned()) };
    let query = SearchDto {
        filters: Some(vec![filter("isActive", "equals", "true")]),
        sort: Some(vec![sort("deviceType"), sort("code")]),
        pagination: Some(PaginationDto { page_start: Some(Int(0)), page_fetch: Some(Int(500)) }),
    };
    let me = me.clone();
    let found = api::call(req, move |store| search::sub_types(store, &me, query)).await?;
    Ok(found
        .data
        .unwrap_or_default()
        .into_iter()
        .map(|t| {
            let kind = view::master_word("device-type", &t.device_type, &t.device_type);
            (format!("{}/{}", t.device_type, t.code), format!("{kind} – {}", t.name))
        })
        .collect())
}

/// The date part of a MOSIP timestamp.
fn day(timestamp: Option<&str>) -> &str {
    timestamp.map_or("", |t| t.get(..10).unwrap_or(t))
}

/// A status as shown: the approval status, and "inactive" for an approved row switched off.
fn status_text(approval: &str, active: bool) -> String {
    if approval.eq_ignore_ascii_case(device_domain::status::APPROVED) && !active {
        t!("devices-approved-inactive")
    } else {
        approval.to_owned()
    }
}
