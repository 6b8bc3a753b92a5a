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
use device_app::dto::{DeviceDetailItem, FtmChipItem, SbiItem};
use device_app::{roles, search};
use serde::Deserialize;
use web_support::Principal;

pub use approvals::{approvals, confirm as confirm_decision, decide};
pub use details::{create as create_device, devices};
pub use ftm::{chips, create as create_chip, download_certificate, upload_certificate};
pub use sbis::{create as create_sbi, map_device, sbis};

use crate::api::{self, Page};
use crate::lookups::{filter, page_of, search_of};

/// Rows per page of the device lists.
const PAGE_SIZE: i64 = 20;

/// `?page=`: which page of a list (from 0).
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

impl PageQuery {
    fn page(&self) -> i64 {
        self.page.unwrap_or(0).max(0)
    }
}

/// Rows whose `approvalStatus` is `status`.
fn with_status(status: &str) -> Vec<SearchFilterDto> {
    vec![filter("approvalStatus", "equals", status)]
}

/// A page of SBIs the caller may see (`POST /securebiometricinterface/search`), newest first.
async fn sbi_page(
    req: &HttpRequest,
    me: &Principal,
    filters: Vec<SearchFilterDto>,
    page: i64,
) -> api::Answer<Page<SbiItem>> {
    me.require_any(roles::DEVICE_PROVIDERS)?;
    let (me, query) = (me.clone(), search_of(filters, "crDtimes", page, PAGE_SIZE));
    Ok(page_of(api::call(req, move |store| search::sbis(store, &me, query)).await?))
}

/// A page of device details the caller may see (`POST /devicedetail/search`), newest first.
async fn detail_page(
    req: &HttpRequest,
    me: &Principal,
    filters: Vec<SearchFilterDto>,
    page: i64,
) -> api::Answer<Page<DeviceDetailItem>> {
    me.require_any(roles::DEVICE_PROVIDERS)?;
    let (me, query) = (me.clone(), search_of(filters, "crDtimes", page, PAGE_SIZE));
    Ok(page_of(api::call(req, move |store| search::details(store, &me, query)).await?))
}

/// A page of FTM chips the caller may see (`POST /ftpchipdetail/search`), newest first.
async fn chip_page(
    req: &HttpRequest,
    me: &Principal,
    filters: Vec<SearchFilterDto>,
    page: i64,
) -> api::Answer<Page<FtmChipItem>> {
    me.require_any(roles::FTM_PROVIDERS)?;
    let (me, query) = (me.clone(), search_of(filters, "crDtimes", page, PAGE_SIZE));
    Ok(page_of(api::call(req, move |store| search::ftm_chips(store, &me, query)).await?))
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
        .map(|t| (format!("{}/{}", t.device_type, t.code), format!("{} – {}", t.device_type, t.name)))
        .collect())
}

/// The date part of a MOSIP timestamp.
fn day(timestamp: Option<&str>) -> &str {
    timestamp.map_or("", |t| t.get(..10).unwrap_or(t))
}

/// A status as shown: the approval status, and "inactive" for an approved row switched off.
fn status_text(approval: &str, active: bool) -> String {
    if approval.eq_ignore_ascii_case(device_domain::status::APPROVED) && !active {
        "approved, inactive".to_owned()
    } else {
        approval.to_owned()
    }
}
